import FoundationEssentials
import MaturityFramework
import MaturityModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A lock that keeps two workshops from writing one draft: a kernel lock (`flock(2)`) on
/// `.<draft>.lock` beside it, held through an open descriptor for the workshop's lifetime. The kernel
/// decides who holds it, atomically; when the holder ends in any way (even SIGKILL) the lock is free
/// at once, and no process id is ever trusted, so a reused one cannot fool it. Once it holds the lock,
/// the holder writes its process id, host and start time into the file, for the message a second
/// workshop shows.
///
/// A lock file is removed only by its holder, while it holds the lock; a process that locks a file
/// checks that the name still leads to it afterwards, and starts again if not. So no process ever
/// removes a file that another may hold, and two processes never hold locks on two different files
/// under one name.
public final class DraftLock: @unchecked Sendable {
    /// The lock file.
    public let url: URL
    /// The open descriptor that holds the kernel lock (-1 once released): a signal handler may remove
    /// the lock file while the name still leads to this descriptor's file.
    public private(set) var descriptor: Int32

    private init(url: URL, descriptor: Int32) {
        self.url = url
        self.descriptor = descriptor
    }

    /// Who holds a lock.
    public struct Holder: Sendable, Equatable {
        /// The process id.
        public var processID: Int32
        /// The host it runs on.
        public var host: String
        /// When it took the lock, as ISO 8601.
        public var since: String
    }

    /// Why a draft cannot be opened for writing.
    public struct Busy: Error, Sendable, CustomStringConvertible {
        /// The draft.
        public var draft: String
        /// Who has it open; nil while that workshop has taken the lock but not yet written who it is.
        public var holder: Holder?

        /// One line for the user.
        public var description: String {
            guard let holder else {
                return "\(draft) is open in another workshop (starting at this moment); close that one first"
            }
            return "\(draft) is open in another workshop (process \(holder.processID) on \(holder.host), since \(holder.since)); "
                + "close that one first"
        }
    }

    /// The lock file for `draft`.
    public static func lockURL(for draft: URL) -> URL {
        draft.deletingLastPathComponent().appending(path: "." + draft.lastPathComponent + ".lock")
    }

    /// Takes the lock on `draft`, or throws ``Busy`` when another workshop holds it. A lock file left by
    /// a workshop that ended without removing it is simply locked again. Having the lock, it removes the
    /// temporary files of saves that were killed (see ``AssessmentStore/removeAbandonedTemporaryFiles()``).
    public static func acquire(_ draft: URL, now: Date = Date()) throws -> DraftLock {
        let url = lockURL(for: draft)
        let name = draft.lastPathComponent
        FaultStart.wait()
        for _ in 0..<8 {
            // Never follow a link, never block on a FIFO, never hand the descriptor to a child process. It
            // is opened for reading only (a kernel lock needs no more), so that the store's file system can
            // still be remounted read-only while a workshop runs.
            // In a store shared with a group the lock file is 0660, so that another member's workshop can lock it too.
            let access = StoreAccess.of(folder: url.deletingLastPathComponent().path)
            let descriptor = open(url.path, O_RDONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, access.fileMode)
            guard descriptor >= 0 else {
                let code = errno
                if code == ELOOP { throw StoreError("cannot lock \(name): \(url.lastPathComponent) is a symbolic link; remove it") }
                if code == EACCES, let owner = SharedStore.ownerName(of: url.path) {
                    throw StoreError("cannot lock \(name): permission denied on \(url.lastPathComponent), which belongs to \(owner) "
                        + "and is not open to your group (if no workshop of theirs is running, remove it)")
                }
                throw StoreError.system("cannot lock \(name)", code)
            }
            // Only a regular file with no other name: writing who holds the lock must never change another file.
            var status = stat()
            guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_nlink == 1 else {
                close(descriptor)
                throw StoreError("cannot lock \(name): \(url.lastPathComponent) is not a regular file of its own; remove it")
            }
            // A lock file of this user's gets the shared store's mode whatever the umask; another member's is never changed.
            if status.st_uid == geteuid() { _ = access.protect(created: descriptor) }
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                if code == EINTR {
                    close(descriptor)
                    continue
                }
                guard code == EWOULDBLOCK else {
                    close(descriptor)
                    throw StoreError.system("cannot lock \(name)", code)
                }
                // A file no longer under its name is being given up by its holder: try the name again.
                let linked = isLinked(descriptor, at: url)
                let holder = Self.holder(in: descriptor)
                close(descriptor)
                if !linked { continue }
                throw Busy(draft: name, holder: holder)
            }
            // Locked; but its holder may have removed this file after it was opened here. Then start again.
            guard isLinked(descriptor, at: url) else {
                close(descriptor)
                continue
            }
            writeHolder(into: url, lockedBy: descriptor, now: now)
            AssessmentStore(folder: draft.deletingLastPathComponent()).removeAbandonedTemporaryFiles()
            return DraftLock(url: url, descriptor: descriptor)
        }
        throw StoreError("cannot lock \(name): its lock file keeps changing; try again")
    }

    /// Writes this process's id, host and `now` into the lock file, through a descriptor of its own (a
    /// kernel lock stays with the descriptor that took it). If that fails, the lock is held all the same,
    /// and another workshop is told only that it is open.
    private static func writeHolder(into url: URL, lockedBy locked: Int32, now: Date) {
        let content = "\(getpid())\n\(ProcessInfo.processInfo.hostName)\n\(LocalTime.utcTimestamp(now))\n"
        let descriptor = open(url.path, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var written = stat()
        var held = stat()
        guard fstat(descriptor, &written) == 0, fstat(locked, &held) == 0,
              written.st_dev == held.st_dev, written.st_ino == held.st_ino, ftruncate(descriptor, 0) == 0 else { return }
        _ = content.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    /// Whether the name `url` still leads to the file open as `descriptor`.
    static func isLinked(_ descriptor: Int32, at url: URL) -> Bool {
        var open = stat()
        var named = stat()
        return fstat(descriptor, &open) == 0 && lstat(url.path, &named) == 0
            && open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }

    /// Who holds the lock file at `url`, as written in it.
    static func holder(of url: URL) -> Holder? {
        let descriptor = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return parseHolder(in: descriptor)
    }

    /// The holder written in the lock file open as `descriptor`, when the lock is taken; nil while the new
    /// holder has not written itself yet: the file is empty, half written, or still names a process of this
    /// host that has ended (the previous holder, killed without removing the file).
    static func holder(in descriptor: Int32) -> Holder? {
        guard let holder = parseHolder(in: descriptor) else { return nil }
        if holder.host == ProcessInfo.processInfo.hostName, kill(holder.processID, 0) != 0, errno == ESRCH { return nil }
        return holder
    }

    private static func parseHolder(in descriptor: Int32) -> Holder? {
        var buffer = [UInt8](repeating: 0, count: 1024)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer.prefix(count), as: UTF8.self)
        guard text.hasSuffix("\n") else { return nil }
        let lines = text.split(separator: "\n").map(String.init)
        guard lines.count == 3, let pid = Int32(lines[0]), pid > 0 else { return nil }
        return Holder(processID: pid, host: lines[1], since: lines[2])
    }

    /// Gives the lock up: removes the lock file while still holding it (if the name still leads to it),
    /// then closes the descriptor, which frees the kernel lock.
    public func release() {
        guard descriptor >= 0 else { return }
        if Self.isLinked(descriptor, at: url) { unlink(url.path) }
        close(descriptor)
        descriptor = -1
    }

    deinit {
        release()
    }
}

/// Fault injection for the lock race test: with `MATURITY_FAULT_LOCK_AT=SECONDS` (Unix time, with a
/// fraction), every process waits until that instant before it tries the lock, so that several
/// workshops started together reach it at the same moment.
enum FaultStart {
    static let instant = ProcessEnvironment.variables["MATURITY_FAULT_LOCK_AT"].flatMap(Double.init)

    static func wait() {
        guard let instant else { return }
        let remaining = instant - Date().timeIntervalSince1970
        guard remaining > 0, remaining < 60 else { return }
        var pause = timespec(tv_sec: Int(remaining), tv_nsec: Int((remaining - remaining.rounded(.down)) * 1e9))
        var left = timespec()
        while nanosleep(&pause, &left) != 0, errno == EINTR { pause = left }
    }
}
