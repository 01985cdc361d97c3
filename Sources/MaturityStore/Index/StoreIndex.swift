import FoundationEssentials
import MaturityFramework
import MaturityModel
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The scan index of one store folder, kept in the user's private cache folder: for each assessment
/// file, the glance read from it and the file's stamp (device, inode, size, modification and change
/// times) at that moment. A later scan uses the glance instead of reading the file only while the
/// file's stamp is still the same and the entry is *settled*; anything else is read again.
///
/// A stamp tells versions of a file apart because every write, `touch`, rename or link sets the
/// change time to the current time, which no user can set back. Two writes within one tick of the
/// file system's clock could share a stamp, so an entry is settled only when its content was read at
/// least ``margin`` after that tick: when the content was read ``margin`` or more after its stamp was
/// first seen (measured on this machine's boot clock, so that no clock skew or change of time can fool
/// it), or, on a local file system whose times come from this machine's clock, when the file's change
/// time was ``margin`` or more before the read. The index is used only on file systems known to keep
/// change times (local ones and NFS); a file reached through a link is never indexed.
final class StoreIndex: Sendable {
    /// How long after a file's last change its content must have been read for its entry to settle.
    static let margin: Int64 = 3_000_000_000

    /// Local file systems, whose times come from this machine's clock: ext2/3/4, XFS, Btrfs, tmpfs,
    /// F2FS, ZFS, overlayfs, bcachefs.
    static let localFileSystems: Set<Int64> = [0xEF53, 0x5846_5342, 0x9123_683E, 0x0102_1994, 0xF2F5_2010, 0x2FC1_2FC1,
                                               0x794C_7630, 0xCA45_1A4E]
    /// Network file systems that keep change times (NFS), whose clock may not be this machine's.
    static let networkFileSystems: Set<Int64> = [0x6969]

    /// A moment on this machine's clocks: since boot (never set back) and since 1970.
    struct Moment: Sendable {
        var boot: Int64
        var real: Int64

        /// Now.
        static func now() -> Moment {
            var boot = timespec(), real = timespec()
            clock_gettime(CLOCK_BOOTTIME, &boot)
            clock_gettime(CLOCK_REALTIME, &real)
            return Moment(boot: Int64(boot.tv_sec) * 1_000_000_000 + Int64(boot.tv_nsec),
                          real: Int64(real.tv_sec) * 1_000_000_000 + Int64(real.tv_nsec))
        }
    }

    /// What a scan keeps of one file for the next index.
    enum Record: Sendable {
        /// The previous index's entry, unchanged.
        case kept(ScanIndex.Entry)
        /// The body of a new entry (a glance just read, with the file's stamp), its texts numbered in ``texts``.
        case read(body: [UInt8])
    }

    /// This boot's identity (`/proc/sys/kernel/random/boot_id`); empty when unknown.
    static let bootID: String = {
        guard let data = FileManager.default.contents(atPath: "/proc/sys/kernel/random/boot_id") else { return "" }
        return String(decoding: data, as: UTF8.self).trimmingWhitespace()
    }()

    private let cache: CacheFolder
    private let fileName: String
    private let folder: (device: UInt64, inode: UInt64)
    /// Whether the file system's times come from this machine's clock.
    private let clockShared: Bool
    /// The index as the last scan left it, if there is a usable one.
    let previous: ScanIndex?
    /// Whether the next index starts a new text table (the previous one holds many texts no longer used).
    private let rebuilds: Bool
    /// The text table of the next index, shared by every thread of the scan.
    private let texts: Mutex<ScanIndex.Texts>

    /// The index of the open store folder `opened`, in the cache folder at `cacheURL`; nil when there is
    /// no cache folder, it is not private, or the store's file system is not one the index can trust.
    init?(cache cacheURL: URL?, for opened: LocalFolder) {
        guard let cacheURL, let type = opened.fileSystemType(),
              Self.localFileSystems.contains(type) || Self.networkFileSystems.contains(type),
              let identity = opened.identity(), let cache = CacheFolder(cacheURL) else { return nil }
        self.cache = cache
        folder = identity
        clockShared = Self.localFileSystems.contains(type)
        fileName = "scan-\(String(identity.device, radix: 16))-\(String(identity.inode, radix: 16)).index"
        let previous = cache.read(fileName).flatMap { ScanIndex($0) }.flatMap { index in
            index.folder.device == identity.device && index.folder.inode == identity.inode ? index : nil
        }
        self.previous = previous
        // The text table only grows as texts come and go; it is started anew when it is much larger than its entries need.
        rebuilds = (previous?.texts.count ?? 0) > max(4096, 4 * (previous?.entries.count ?? 0))
        texts = Mutex(ScanIndex.Texts(rebuilds ? [] : previous?.texts ?? []))
    }

    /// The previous index's entry for `file`, when it may be used unread: the file is a regular file
    /// whose stamp is the entry's, and the entry is settled.
    func trusted(_ file: LocalFolder.Entry, in opened: LocalFolder) -> ScanIndex.Entry? {
        guard let previous, file.kind == .regular || file.kind == .unknown, let entry = previous.entries[file.name],
              previous.seen(entry).settled, let stamp = opened.stamp(of: file.name), stamp == previous.stamp(of: entry) else {
            return nil
        }
        return entry
    }

    /// What to keep of the file `name`, read with `stamp` (nil for a file reached through a link, which
    /// is not kept) at `moment` (taken before the read), whose glance is `glance`.
    func record(_ name: String, stamp: FileStamp?, glance: AssessmentGlance, readAt moment: Moment) -> Record? {
        guard let stamp else { return nil }
        var firstSeen = moment.boot
        if let previous, !Self.bootID.isEmpty, previous.bootID == Self.bootID, let old = previous.entries[name],
           previous.stamp(of: old) == stamp {
            firstSeen = min(firstSeen, previous.seen(old).firstSeen)
        }
        let settled = moment.boot - firstSeen >= Self.margin
            || (clockShared && moment.real - stamp.changed >= Self.margin && stamp.changed <= moment.real)
        return .read(body: texts.withLock { ScanIndex.body(stamp: stamp, firstSeen: firstSeen, settled: settled, glance: glance, texts: &$0) })
    }

    /// Writes the index of `records` (one per file seen; files not among them are dropped), unless it
    /// would be the previous index unchanged.
    func save(_ records: [String: Record]) {
        if let previous, !rebuilds, records.count == previous.entries.count,
           records.allSatisfy({ if case .kept = $0.value { true } else { false } }) {
            return
        }
        var entries: [(name: String, body: ArraySlice<UInt8>)] = []
        entries.reserveCapacity(records.count)
        for (name, record) in records {
            switch record {
            case let .kept(entry):
                guard let previous else { continue }
                if !rebuilds {
                    entries.append((name, previous.body(of: entry)))
                } else if let glance = previous.glance(of: entry) {
                    // Its texts are numbered anew.
                    let seen = previous.seen(entry)
                    let body = texts.withLock {
                        ScanIndex.body(stamp: previous.stamp(of: entry), firstSeen: seen.firstSeen, settled: seen.settled, glance: glance, texts: &$0)
                    }
                    entries.append((name, body[...]))
                }
            case let .read(body):
                entries.append((name, body[...]))
            }
        }
        let table = texts.withLock { $0.texts }
        cache.write(Data(ScanIndex.file(folder: folder, bootID: Self.bootID, texts: table, entries: entries)), to: fileName)
    }
}
