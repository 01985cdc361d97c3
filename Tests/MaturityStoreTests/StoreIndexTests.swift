import Foundation
import MaturityFramework
import Synchronization
@testable import MaturityModel
import MaturityRules
import Testing
import TestSupport
@testable import MaturityStore

/// The scan index: files whose stamp is unchanged since they were read are not read again, and
/// nothing else is ever taken from it. The stores here keep their index in a private cache folder of
/// the test, and their clock is moved a minute on, so that every file read counts as long settled.
@Suite("The scan index")
struct StoreIndexTests {
    let folder = TemporaryFolder()
    let cache = TemporaryFolder()

    /// The names of the files the scans read.
    final class ReadLog: Sendable {
        private let names = Mutex<[String]>([])
        func add(_ name: String) { names.withLock { $0.append(name) } }
        /// The names read since the last call, sorted.
        func taken() -> [String] { names.withLock { names in defer { names = [] }; return names.sorted() } }
    }

    let reads = ReadLog()

    var store: AssessmentStore {
        var store = AssessmentStore(folder: folder.url, cache: cache.url.appending(path: "maturity"))
        store.readWatcher = { [reads] in reads.add($0) }
        store.indexClock = {
            var moment = StoreIndex.Moment.now()
            moment.boot += 60_000_000_000
            moment.real += 60_000_000_000
            return moment
        }
        return store
    }

    /// The index file of the store, once a scan has written it.
    var indexFile: URL? {
        let folder = cache.url.appending(path: "maturity")
        return (try? storeContents(atPath: folder.path))?.first { $0.hasSuffix(".index") }
            .map { folder.appending(path: $0) }
    }

    /// Each file's name, system and status as `list` sees them, newest first (none, and an issue, if the scan fails).
    func lines(system: String? = nil) -> [String] {
        do {
            return try store.scanGlances(system: system) { "\($0.fileName) \($0.glance.system) \($0.glance.status.rawValue)" }
                .results.map(\.value)
        } catch {
            Issue.record("the scan failed: \(error)")
            return []
        }
    }

    /// `body` run twice: on a cold index, then on the index the first run wrote; what each run read
    /// is given to `read` (with `true` for the warm run).
    func coldAndWarm(_ body: () throws -> Void, read: (_ warm: Bool, _ names: [String]) -> Void = { _, _ in }) throws {
        _ = reads.taken()
        try body()
        read(false, reads.taken())
        #expect(indexFile != nil, "the first scan writes the index")
        try body()
        read(true, reads.taken())
    }

    /// Writes `assessment` under the file name `name`, as another tool or a person renaming files might.
    func write(_ assessment: Assessment, as name: String) throws {
        try AssessmentFile.encode(assessment, framework: seedFramework).write(to: folder.url.appending(path: name))
    }

    @Test func aRenamedSystemsEarlierFilesAreFoundByEitherName() throws {
        var older = sampleAssessment(system: "Ynys Môn & Gwynedd ICS", date: "2024-11-20")
        older.systemID = nil
        try write(older, as: "2024-11-20-ynys-mon-gwynedd-ics.json")
        var renamed = sampleAssessment(system: "North Wales ICS", date: "2026-11-20")
        renamed.systemID = "ynys-mon-and-gwynedd-ics"
        renamed.systemRename = SystemRename(from: "Ynys Môn & Gwynedd ICS", to: "North Wales ICS", date: renamed.date)
        try write(renamed, as: "2026-11-20-north-wales-ics.json")
        try write(sampleAssessment(system: "West Yorkshire ICS"), as: "2026-11-22-west-yorkshire-ics.json")
        try coldAndWarm {
            for name in ["North Wales ICS", "ynys mon and gwynedd ics"] {
                #expect(lines(system: name) == ["2026-11-20-north-wales-ics.json North Wales ICS draft",
                                                    "2024-11-20-ynys-mon-gwynedd-ics.json Ynys Môn & Gwynedd ICS draft"], "\(name)")
            }
            let byID = try store.scan(systemID: "ynys-mon-and-gwynedd-ics") { $0.url.lastPathComponent }.results.map(\.value)
            #expect(byID == ["2026-11-20-north-wales-ics.json", "2024-11-20-ynys-mon-gwynedd-ics.json"])
        } read: { warm, names in
            // Warm, only the two files decoded in full are read: West Yorkshire's is known from the index.
            if warm { #expect(names == ["2024-11-20-ynys-mon-gwynedd-ics.json", "2026-11-20-north-wales-ics.json"]) }
        }
    }

    @Test func aFileWhoseNameLiesIsFoundByWhatItHolds() throws {
        try write(sampleAssessment(system: "Kent and Medway", date: "2025-02-01"), as: "2025-02-01-kent-and-medway.json")
        // West Yorkshire's assessment under Kent's name; and Kent's under West Yorkshire's.
        try write(sampleAssessment(system: "West Yorkshire ICS", date: "2026-01-01"), as: "2026-01-01-kent-and-medway.json")
        try write(sampleAssessment(system: "Kent and Medway", date: "2026-02-01"), as: "2026-02-01-west-yorkshire-ics.json")
        try coldAndWarm {
            #expect(lines(system: "West Yorkshire ICS") == ["2026-01-01-kent-and-medway.json West Yorkshire ICS draft"])
            #expect(lines(system: "Kent and Medway") == ["2026-02-01-west-yorkshire-ics.json Kent and Medway draft",
                                                             "2025-02-01-kent-and-medway.json Kent and Medway draft"])
        }
    }

    @Test func aFileWithAnotherSystemsNameButThisSystemsIdentityIsFound() throws {
        try write(sampleAssessment(system: "West Yorkshire ICS", date: "2025-01-01"), as: "2025-01-01-west-yorkshire-ics.json")
        var stray = sampleAssessment(system: "Devon", date: "2026-01-01")
        stray.systemID = "west-yorkshire-ics"
        try write(stray, as: "2026-01-01-devon.json")
        try write(sampleAssessment(system: "Devon", date: "2026-02-01"), as: "2026-02-01-devon.json")
        try coldAndWarm {
            let found = try store.list(system: "West Yorkshire ICS").entries.map(\.url.lastPathComponent)
            #expect(Set(found).isSuperset(of: ["2025-01-01-west-yorkshire-ics.json", "2026-01-01-devon.json"]))
            let history = SystemHistory.series(of: "West Yorkshire ICS", among: try store.list(system: "West Yorkshire ICS").entries)
            #expect(history.map(\.url.lastPathComponent) == ["2026-01-01-devon.json", "2025-01-01-west-yorkshire-ics.json"])
        }
    }

    /// A file changed behind the index's back is read again: same size, other content, the
    /// modification time set back as `touch -d` would; and a file only touched.
    @Test func aFileChangedBehindItsBackIsReadAgain() throws {
        let name = "2026-01-01-west-yorkshire-ics.json"
        let url = folder.url.appending(path: name)
        try write(sampleAssessment(system: "West Yorkshire ICS", date: "2026-01-01"), as: name)
        try coldAndWarm { #expect(lines() == ["\(name) West Yorkshire ICS draft"]) } read: { warm, names in
            #expect(names == (warm ? [] : [name]))
        }
        let before = try #require(currentStamp(of: url))
        // The same number of bytes ("draft" becomes "DRAFT" is refused; "West" becomes "East" is not).
        let original = try String(contentsOf: url, encoding: .utf8)
        let changed = original.replacingOccurrences(of: "\"West Yorkshire ICS\"", with: "\"East Yorkshire ICS\"")
        try #require(changed.utf8.count == original.utf8.count && changed != original)
        try rewrite(url, with: changed, keepingModificationOf: before)
        #expect(lines() == ["\(name) East Yorkshire ICS draft"])
        #expect(reads.taken() == [name])
        #expect(lines(system: "West Yorkshire ICS").isEmpty)
        #expect(lines(system: "East Yorkshire ICS") == ["\(name) East Yorkshire ICS draft"])
        // Touched only: read again, and the same.
        let touched = try #require(currentStamp(of: url))
        try rewrite(url, with: changed, keepingModificationOf: nil, unlike: touched)
        #expect(lines() == ["\(name) East Yorkshire ICS draft"])
    }

    /// The stamp of the file at `url`.
    func currentStamp(of url: URL) -> FileStamp? {
        (try? LocalFolder(opening: url.deletingLastPathComponent()))?.stamp(of: url.lastPathComponent)
    }

    /// Writes `text` to `url`, sets its modification time back to `stamp`'s if given, and repeats until
    /// the file's stamp differs from `unlike` (or `stamp`): a change within one tick of the file
    /// system's clock may keep the change time, which is what the index's settling guards against.
    func rewrite(_ url: URL, with text: String, keepingModificationOf stamp: FileStamp?, unlike other: FileStamp? = nil) throws {
        let old = try #require(other ?? stamp)
        var attempts = 0
        repeat {
            attempts += 1
            try Data(text.utf8).write(to: url)
            if let stamp {
                var times = [timespec(tv_sec: Int(stamp.modified / 1_000_000_000), tv_nsec: Int(stamp.modified % 1_000_000_000)),
                             timespec(tv_sec: Int(stamp.modified / 1_000_000_000), tv_nsec: Int(stamp.modified % 1_000_000_000))]
                #expect(utimensat(AT_FDCWD, url.path, &times, 0) == 0)
            }
        } while currentStamp(of: url) == old && attempts < 10_000
        #expect(currentStamp(of: url) != old)
    }

    @Test func deletedAndNewFilesAreSeen() throws {
        try write(sampleAssessment(system: "A", date: "2026-01-01"), as: "2026-01-01-a.json")
        try write(sampleAssessment(system: "B", date: "2026-01-02"), as: "2026-01-02-b.json")
        try coldAndWarm { #expect(lines().count == 2) }
        try FileManager.default.removeItem(at: folder.url.appending(path: "2026-01-01-a.json"))
        try write(sampleAssessment(system: "C", date: "2026-01-03"), as: "2026-01-03-c.json")
        #expect(lines() == ["2026-01-03-c.json C draft", "2026-01-02-b.json B draft"])
        #expect(reads.taken() == ["2026-01-03-c.json"], "only the new file is read")
    }

    /// An index that is damaged, a link, or not the user's alone is not used (and nothing breaks); a
    /// cache folder that others may write in is not used at all.
    @Test func anIndexNotTheUsersAloneIsNeverUsed() throws {
        try write(sampleAssessment(system: "Real ICS", date: "2026-01-01"), as: "2026-01-01-real-ics.json")
        try coldAndWarm { #expect(lines() == ["2026-01-01-real-ics.json Real ICS draft"]) }
        let index = try #require(indexFile)
        let genuine = try Data(contentsOf: index)
        // A forged index: the genuine one with the system's name changed (same length), then resealed
        // as an index would be; it is read while it is the user's, and refused once it is not.
        var forgedBytes = [UInt8](genuine)
        let real = Array("Real ICS".utf8), fake = Array("Fake ICS".utf8)
        let at = try #require((0...(forgedBytes.count - real.count)).first { Array(forgedBytes[$0..<$0 + real.count]) == real })
        forgedBytes.replaceSubrange(at..<at + real.count, with: fake)
        forgedBytes.removeLast(8)
        withUnsafeBytes(of: IndexReader.checksum(forgedBytes[...]).littleEndian) { forgedBytes.append(contentsOf: $0) }
        let forged = Data(forgedBytes)
        try forged.write(to: index)
        chmod(index.path, 0o600)
        #expect(lines() == ["2026-01-01-real-ics.json Fake ICS draft"], "the user's own index is believed: only its owner can write it")
        // Another user's file (changing the owner needs root; skipped otherwise), or one others may write.
        for makeHostile in [{ chown(index.path, 4242, 4242) == 0 }, { chmod(index.path, 0o622) == 0 }] {
            try? FileManager.default.removeItem(at: index)
            try forged.write(to: index)
            chmod(index.path, 0o600)
            guard makeHostile() else { continue }
            #expect(lines() == ["2026-01-01-real-ics.json Real ICS draft"])
        }
        // A link in the index's place, to a forged index elsewhere.
        let elsewhere = cache.url.appending(path: "elsewhere.index")
        try forged.write(to: elsewhere)
        try? FileManager.default.removeItem(at: index)
        try FileManager.default.createSymbolicLink(at: index, withDestinationURL: elsewhere)
        #expect(lines() == ["2026-01-01-real-ics.json Real ICS draft"])
        // Damaged: cut short, or bytes changed.
        for damaged in [genuine.prefix(genuine.count / 2), Data(genuine.map { $0 ^ 0x20 })] {
            try? FileManager.default.removeItem(at: index)
            try damaged.write(to: index)
            #expect(lines() == ["2026-01-01-real-ics.json Real ICS draft"])
        }
        // A link in the cache folder's place, to a private folder elsewhere: not used, nothing written there.
        let cacheFolder = index.deletingLastPathComponent(), elsewhereFolder = cache.url.appending(path: "private")
        try FileManager.default.moveItem(at: cacheFolder, to: elsewhereFolder)
        try FileManager.default.createSymbolicLink(at: cacheFolder, withDestinationURL: elsewhereFolder)
        let before = try storeContents(atPath: elsewhereFolder.path)
        try write(sampleAssessment(system: "New ICS", date: "2026-02-02"), as: "2026-02-02-new.json")
        _ = reads.taken()
        #expect(lines() == ["2026-02-02-new.json New ICS draft", "2026-01-01-real-ics.json Real ICS draft"])
        #expect(reads.taken() == ["2026-01-01-real-ics.json", "2026-02-02-new.json"], "nothing is taken from behind the link")
        #expect(try storeContents(atPath: elsewhereFolder.path) == before)
        try FileManager.default.removeItem(at: folder.url.appending(path: "2026-02-02-new.json"))
        // A cache folder others may write in: no index is read or written there.
        try FileManager.default.removeItem(at: index.deletingLastPathComponent())
        try FileManager.default.createDirectory(at: index.deletingLastPathComponent(), withIntermediateDirectories: true)
        chmod(index.deletingLastPathComponent().path, 0o777)
        #expect(lines() == ["2026-01-01-real-ics.json Real ICS draft"])
        #expect(indexFile == nil)
    }

    /// A text table grown far beyond what the entries use (texts of files long gone) is started anew;
    /// the entries kept are the same, and still used unread.
    @Test func aBloatedTextTableIsRebuilt() throws {
        try write(sampleAssessment(system: "Kept ICS", date: "2026-01-01"), as: "2026-01-01-kept-ics.json")
        try coldAndWarm { #expect(lines() == ["2026-01-01-kept-ics.json Kept ICS draft"]) }
        let url = try #require(indexFile)
        let index = try #require(ScanIndex([UInt8](try Data(contentsOf: url))))
        let entry = try #require(index.entries["2026-01-01-kept-ics.json"])
        // The same entry, behind 5,000 texts no entry uses.
        var texts = ScanIndex.Texts((0..<5000).map { "gone-\($0)" })
        let seen = index.seen(entry)
        let body = ScanIndex.body(stamp: index.stamp(of: entry), firstSeen: seen.firstSeen, settled: seen.settled,
                                  glance: try #require(index.glance(of: entry)), texts: &texts)
        try Data(ScanIndex.file(folder: index.folder, bootID: index.bootID, texts: texts.texts,
                                entries: [("2026-01-01-kept-ics.json", body[...])])).write(to: url)
        #expect(lines() == ["2026-01-01-kept-ics.json Kept ICS draft"])
        #expect(reads.taken().isEmpty, "the bloated index was still used")
        let rebuilt = try #require(ScanIndex([UInt8](try Data(contentsOf: url))))
        #expect(rebuilt.texts.count < 100 && rebuilt.entries.count == 1)
        #expect(lines() == ["2026-01-01-kept-ics.json Kept ICS draft"])
        #expect(reads.taken().isEmpty, "the rebuilt index is used")
    }

    /// The index keeps every glance exactly: what is read back equals what was put in.
    @Test func glancesRoundTripThroughTheIndex() throws {
        var texts = ScanIndex.Texts()
        var entries: [(name: String, body: ArraySlice<UInt8>)] = []
        let glances = AssessmentGlanceTests.variedAssessments().map(AssessmentGlance.init)
        for (number, glance) in glances.enumerated() {
            let stamp = FileStamp(device: 1, inode: UInt64(number), size: 2, modified: 3, changed: -4)
            entries.append(("file-\(number).json", ScanIndex.body(stamp: stamp, firstSeen: 5, settled: number % 2 == 0, glance: glance, texts: &texts)[...]))
        }
        let bytes = ScanIndex.file(folder: (7, 8), bootID: "boot", texts: texts.texts, entries: entries)
        let index = try #require(ScanIndex(bytes))
        #expect(index.folder.device == 7 && index.folder.inode == 8 && index.bootID == "boot")
        for (number, glance) in glances.enumerated() {
            let entry = try #require(index.entries["file-\(number).json"])
            #expect(index.glance(of: entry) == glance)
            #expect(index.identity(of: entry)?.name == glance.system && index.identity(of: entry)?.id == glance.systemID)
            #expect(index.stamp(of: entry) == FileStamp(device: 1, inode: UInt64(number), size: 2, modified: 3, changed: -4))
            #expect(index.seen(entry).firstSeen == 5 && index.seen(entry).settled == (number % 2 == 0))
        }
        // Every truncation is refused whole.
        for length in stride(from: 0, to: bytes.count, by: 7) { #expect(ScanIndex(Array(bytes.prefix(length))) == nil) }
    }

    /// Issue 13: the index keeps each area's consensus counts and view criteria (format 2). An index of
    /// format 1 (which kept neither) is not read, even when whole: the files are read again and the
    /// index rebuilt, so that `list` never shows a consensus of nothing.
    @Test func anIndexOfTheFormatBeforeViewsIsRebuilt() throws {
        let assessment = ViewsFileTests.withViews()
        try write(assessment, as: "2026-11-22-west-yorkshire-ics.json")
        func consensus() throws -> [ConsensusCount] {
            try store.scanGlances(system: nil) { $0.glance.areas.map(\.consensus) }.results.flatMap(\.value)
        }
        let expected = AssessmentGlance(assessment).areas.map(\.consensus)
        #expect(expected.contains(ConsensusCount(matched: 3, counted: 6)))
        try coldAndWarm({ let read = try consensus(); #expect(read == expected) }, read: { warm, names in #expect(names.isEmpty == warm) })
        let url = try #require(indexFile)
        var bytes = [UInt8](try Data(contentsOf: url))
        #expect(bytes.starts(with: Array("MATSCAN5".utf8)))
        // The same index marked as format 1, and sealed again: whole, but of the older format.
        bytes.replaceSubrange(0..<8, with: Array("MATSCAN3".utf8))
        bytes.removeLast(8)
        withUnsafeBytes(of: IndexReader.checksum(bytes[...]).littleEndian) { bytes.append(contentsOf: $0) }
        #expect(ScanIndex(bytes) == nil)
        try Data(bytes).write(to: url)
        #expect(try consensus() == expected)
        #expect(reads.taken() == ["2026-11-22-west-yorkshire-ics.json"], "the file is read again")
        #expect([UInt8](try Data(contentsOf: url)).starts(with: Array("MATSCAN5".utf8)), "the index is rebuilt")
    }
}
