import FoundationEssentials
import MaturityFramework
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The user's private cache folder (`MATURITY_CACHE`, else `$XDG_CACHE_HOME/maturity`, else
/// `~/.cache/maturity`), where nothing but this user can write: it is used only when it is a real
/// folder (not a link) owned by the user that no one else may write in, and a file in it is read only
/// when it is a regular file owned by the user that no one else may write. Files are replaced
/// atomically (a temporary file, then a rename). What it holds can always be rebuilt: it is never
/// flushed to disk, and anything wrong with it means "not there".
final class CacheFolder: Sendable {
    /// Cached files stay far below this; a larger one is not read.
    static let maximumFileSize = 1 << 30

    /// The folder's path.
    let path: String
    private let descriptor: Int32

    /// `MATURITY_CACHE`, else `$XDG_CACHE_HOME/maturity`, else `~/.cache/maturity`; nil when
    /// `MATURITY_CACHE` is `off`.
    static func defaultFolder(environment: [String: String]) -> URL? {
        if environment["MATURITY_CACHE"] == "off" { return nil }
        return LocalFiles.userFolder(environment: environment, override: "MATURITY_CACHE", xdgVariable: "XDG_CACHE_HOME",
                                     homeFallback: ".cache", subpath: "maturity")
    }

    /// The cache folder at `url`, created (owner-only) if missing; nil when it cannot be created or
    /// opened, or when it is not the user's alone.
    init?(_ url: URL) {
        path = url.path
        if mkdir(path, 0o700) != 0, errno == ENOENT {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                     attributes: [.posixPermissions: 0o700])
            mkdir(path, 0o700)
        }
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0, Self.isPrivate(status, type: S_IFDIR) else {
            close(descriptor)
            return nil
        }
    }

    deinit {
        close(descriptor)
    }

    /// Whether a file of `status` is of `type`, owned by this user, and writable by no one else.
    private static func isPrivate(_ status: stat, type: mode_t) -> Bool {
        status.st_mode & S_IFMT == type && status.st_uid == geteuid() && status.st_mode & 0o022 == 0
    }

    /// The bytes of the file `name`; nil when there is none, or it is not a private regular file.
    func read(_ name: String) -> [UInt8]? {
        let file = openat(descriptor, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard file >= 0 else { return nil }
        defer { close(file) }
        var status = stat()
        guard fstat(file, &status) == 0, Self.isPrivate(status, type: S_IFREG), Int(status.st_size) <= Self.maximumFileSize else {
            return nil
        }
        var data = [UInt8](repeating: 0, count: Int(status.st_size))
        var count = 0
        while count < data.count {
            let wanted = data.count - count
            let got = data.withUnsafeMutableBytes { buffer in
                Glibc.read(file, buffer.baseAddress.map { $0 + count }, wanted)
            }
            if got < 0, errno == EINTR { continue }
            // A file that shrank while being read is not the file that was looked at.
            guard got > 0 else { return nil }
            count += got
        }
        return data
    }

    /// Replaces the file `name` with `data` (owner-only), atomically; false when it could not.
    @discardableResult
    func write(_ data: Data, to name: String) -> Bool {
        let temporary = ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let file = openat(descriptor, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard file >= 0 else { return false }
        var written = 0
        let complete = data.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                guard let base = buffer.baseAddress else { return false }
                let count = Glibc.write(file, base + written, buffer.count - written)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                written += count
            }
            return true
        }
        let closed = close(file) == 0
        guard complete, closed, renameat(descriptor, temporary, descriptor, name) == 0 else {
            unlinkat(descriptor, temporary, 0)
            return false
        }
        return true
    }
}
