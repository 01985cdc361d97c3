import FoundationEssentials
import MaturityFramework
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Atomic, durable file writes: a temporary file in the same folder, flushed, then renamed into
/// place (or linked, when the name must be new), and the folder flushed, so that a crash or a
/// pulled plug leaves either the old file or the new one, never a mixture.
enum DurableFile {
    /// Fault injection for the crash campaign: `MATURITY_FAULT_SAVE_PAUSE_MS` holds each save for that
    /// long between writing the new content and renaming it into place, so that kills land mid-save.
    static let faultPause = ProcessEnvironment.variables["MATURITY_FAULT_SAVE_PAUSE_MS"].flatMap { UInt32($0) } ?? 0

    /// Replaces (or creates) `url` with `data`, readable by the owner only (by the owner and the group, in a
    /// store shared with a group: see ``StoreAccess``).
    static func replace(_ url: URL, with data: Data) throws(StoreError) {
        try refuseOthersLink(at: url)
        let temporary = try writeTemporary(data, beside: url)
        if faultPause > 0 { usleep(faultPause * 1000) }
        guard rename(temporary.path, url.path) == 0 else {
            let error = StoreError.system("cannot save \(url.lastPathComponent)", errno)
            unlink(temporary.path)
            throw error
        }
        try syncFolder(of: url)
    }

    /// Writes `data` under the first of `candidates` that does not exist yet, and returns it.
    /// No existing file is ever overwritten, even by a concurrent writer.
    static func createNew(_ data: Data, candidates: [URL]) throws(StoreError) -> URL {
        guard let first = candidates.first else { throw StoreError("no file name to write") }
        let temporary = try writeTemporary(data, beside: first)
        defer { unlink(temporary.path) }
        for candidate in candidates {
            if link(temporary.path, candidate.path) == 0 {
                try syncFolder(of: candidate)
                return candidate
            }
            guard errno == EEXIST else { throw StoreError.system("cannot create \(candidate.lastPathComponent)", errno) }
        }
        throw StoreError("every file name from \(first.lastPathComponent) onwards is taken")
    }

    /// In a store shared with a group, a symbolic link another member made is never replaced: saving
    /// over it would copy what it leads to (perhaps a file of yours they cannot read) into the shared store.
    private static func refuseOthersLink(at url: URL) throws(StoreError) {
        var status = stat()
        guard lstat(url.path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK, status.st_uid != geteuid(),
              case .group = StoreAccess.of(folder: url.deletingLastPathComponent().path) else { return }
        throw StoreError("cannot save \(url.lastPathComponent): it is a symbolic link made by \(UnixAccounts.userName(status.st_uid)) "
            + "in a shared store, and saving would copy what it leads to into the store; remove the link")
    }

    private static func writeTemporary(_ data: Data, beside url: URL) throws(StoreError) -> URL {
        let folder = url.deletingLastPathComponent()
        let name = ".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let temporary = folder.appending(path: name)
        // A shared folder's files are 0660 with its group, whatever the umask; a private one's 0600 as ever.
        let access = StoreAccess.of(folder: folder.path)
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, access.fileMode)
        guard descriptor >= 0 else { throw StoreError.system("cannot write in \(folder.path)", errno) }
        if let code = access.protect(created: descriptor) {
            close(descriptor)
            unlink(temporary.path)
            throw StoreError.system("cannot give \(url.lastPathComponent) the shared store's mode and group", code)
        }
        var failure: StoreError?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = StoreError.system("cannot write \(url.lastPathComponent)", errno)
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(descriptor) != 0 {
            failure = StoreError.system("cannot flush \(url.lastPathComponent) to disk", errno)
        }
        if close(descriptor) != 0, failure == nil {
            failure = StoreError.system("cannot close \(url.lastPathComponent)", errno)
        }
        if let failure {
            unlink(temporary.path)
            throw failure
        }
        return temporary
    }

    private static func syncFolder(of url: URL) throws(StoreError) {
        let folder = url.deletingLastPathComponent().path
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw StoreError.system("cannot open \(folder) to flush it", errno) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw StoreError.system("cannot flush \(folder) to disk", errno) }
    }
}

/// A store operation that failed, in one line.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public var message: String

    /// Creates the error.
    public init(_ message: String) {
        self.message = message
    }

    /// An error from a system call, with the system's reason.
    static func system(_ what: String, _ code: Int32) -> StoreError {
        StoreError("\(what): \(String(cString: strerror(code)))")
    }

    /// The message.
    public var description: String { message }
}
