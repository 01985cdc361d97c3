import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A lock that keeps two workshops from writing one draft: `<draft>.lock` beside it, holding the
/// owner's process id, host and start time. A lock whose process is gone is stale and is taken over.
public final class DraftLock: @unchecked Sendable {
    /// The lock file.
    public let url: URL
    private var released = false

    private init(url: URL) {
        self.url = url
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
        /// Who has it open.
        public var holder: Holder

        /// One line for the user.
        public var description: String {
            "\(draft) is open in another workshop (process \(holder.processID) on \(holder.host), since \(holder.since)); "
                + "close that one first"
        }
    }

    /// The lock file for `draft`.
    public static func lockURL(for draft: URL) -> URL {
        draft.deletingLastPathComponent().appending(path: "." + draft.lastPathComponent + ".lock")
    }

    /// Takes the lock on `draft`, replacing a stale one; throws ``Busy`` when a live process holds it.
    public static func acquire(_ draft: URL, now: Date = Date()) throws -> DraftLock {
        let url = lockURL(for: draft)
        let host = ProcessInfo.processInfo.hostName
        let since = ISO8601DateFormatter().string(from: now)
        let content = "\(getpid())\n\(host)\n\(since)\n"
        for _ in 0..<3 {
            let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if descriptor >= 0 {
                _ = content.withCString { write(descriptor, $0, strlen($0)) }
                fsync(descriptor)
                close(descriptor)
                return DraftLock(url: url)
            }
            guard errno == EEXIST else { throw StoreError.system("cannot lock \(draft.lastPathComponent)", errno) }
            if let holder = holder(of: url), isAlive(holder, host: host) {
                throw Busy(draft: draft.lastPathComponent, holder: holder)
            }
            // Stale (its process is gone) or unreadable: remove it and try again.
            unlink(url.path)
        }
        throw StoreError("cannot lock \(draft.lastPathComponent): the lock keeps changing")
    }

    /// Who holds the lock file at `url`, if it can be read.
    static func holder(of url: URL) -> Holder? {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n").map(String.init)
        guard lines.count >= 3, let pid = Int32(lines[0]) else { return nil }
        return Holder(processID: pid, host: lines[1], since: lines[2])
    }

    /// A holder on this host is alive when its process exists; one on another host is assumed alive.
    static func isAlive(_ holder: Holder, host: String) -> Bool {
        guard holder.host == host else { return true }
        if holder.processID == getpid() { return false }
        return kill(holder.processID, 0) == 0 || errno == EPERM
    }

    /// Gives the lock up.
    public func release() {
        guard !released else { return }
        released = true
        if let holder = Self.holder(of: url), holder.processID == getpid() { unlink(url.path) }
    }

    deinit {
        release()
    }
}
