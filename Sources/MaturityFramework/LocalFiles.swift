import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small helpers for the user's files and folders, shared by every module that reads them.
public enum LocalFiles {
    /// Why a file could not be read.
    public enum ReadFailure: Error, Sendable, Equatable, CustomStringConvertible {
        /// Nothing at that path.
        case missing
        /// A folder, not a file.
        case folder
        /// Something that is not a regular file (a FIFO, a device, a socket): `kind` names it, e.g.
        /// "a FIFO (named pipe)"; `throughLink` when the name is a symbolic link to it.
        case notAFile(kind: String, throughLink: Bool)
        /// Larger than the caller allows.
        case tooLarge(size: Int, limit: Int)
        /// Permission denied: the file, or a folder on its way, is closed to this user (and their groups).
        case permissionDenied
        /// Another system error.
        case unreadable

        /// The reason as the end of a sentence starting with the file's name.
        public var description: String {
            switch self {
            case .missing: "no such file"
            case .folder: "is a folder, not a file"
            case let .notAFile(kind, throughLink): throughLink ? "is a link to \(kind), not a file" : "is \(kind), not a file"
            case let .tooLarge(size, limit): "is \(size) bytes; at most \(limit) are allowed"
            case .permissionDenied: "cannot be read: Permission denied"
            case .unreadable: "cannot be read (permission denied?)"
            }
        }
    }

    /// Whether `data` holds a NUL byte: the mark of a binary file (searched with memchr, not byte by byte).
    public static func isBinary(_ data: Data) -> Bool {
        data.withUnsafeBytes { bytes in bytes.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false }
    }

    /// The bytes of the regular file at `url`, refused when larger than `limit` (even if it grows while
    /// being read). Anything else is refused unread, with the reason: a FIFO (which would block), a
    /// device (a link to `/dev/tty` would read the keyboard), a socket, a folder. A symbolic link is
    /// followed only to a regular file. The file is opened without blocking and checked with `fstat`
    /// on the open descriptor, so a name swapped for something else after the first look is refused too.
    public static func read(_ url: URL, limit: Int) -> Result<Data, ReadFailure> {
        read(path: url.path, limit: limit)
    }

    /// ``read(_:limit:)`` of the file at `path`.
    static func read(path: String, limit: Int) -> Result<Data, ReadFailure> {
        // A first look by name, so that nothing but a regular file is ever opened (opening a device can have effects).
        var status = stat()
        guard stat(path, &status) == 0 else {
            let code = errno
            // A dangling symbolic link is as good as missing.
            return .failure(code == ENOENT || code == ENOTDIR ? .missing : code == EACCES ? .permissionDenied : .unreadable)
        }
        if let refusal = refusal(of: status.st_mode, path: path) { return .failure(refusal) }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(errno == ENOENT ? .missing : errno == EACCES ? .permissionDenied : .unreadable) }
        defer { close(descriptor) }
        return readOpened(descriptor, path: path, limit: limit)
    }

    /// The bytes of the file open as `descriptor` (named `path`), once `fstat` on the descriptor says
    /// it is a regular file within `limit`: what was opened is what counts. `checked` is given that `fstat`.
    static func readOpened(_ descriptor: Int32, path: String, limit: Int, checked: (stat) -> Void = { _ in }) -> Result<Data, ReadFailure> {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable) }
        if let refusal = refusal(of: status.st_mode, path: path) { return .failure(refusal) }
        checked(status)
        let size = Int(status.st_size)
        if size > limit { return .failure(.tooLarge(size: size, limit: limit)) }
        return readAll(descriptor, expected: size, limit: limit)
    }

    /// Why a file of `mode` is not read, or nil for a regular file.
    private static func refusal(of mode: mode_t, path: String) -> ReadFailure? {
        let kind: String
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return .folder
        case S_IFIFO: kind = "a FIFO (named pipe)"
        case S_IFCHR, S_IFBLK: kind = "a device"
        case S_IFSOCK: kind = "a socket"
        default: kind = "something other than a regular file"
        }
        var link = stat()
        let throughLink = lstat(path, &link) == 0 && link.st_mode & S_IFMT == S_IFLNK
        return .notAFile(kind: kind, throughLink: throughLink)
    }

    /// Everything `descriptor` gives until its end, refused once it passes `limit` bytes. The file is
    /// read in one call when it still has the `expected` size: a read asked for one byte more than that
    /// which returns fewer bytes has met the end of a regular file. A file that grew is read on to its end.
    private static func readAll(_ descriptor: Int32, expected: Int, limit: Int) -> Result<Data, ReadFailure> {
        var data = Data(count: min(expected, limit) + 1)
        var count = 0
        while true {
            if count == data.count { data.count += max(1 << 16, data.count) }
            let wanted = data.count - count
            let got = data.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress.map { $0 + count }, wanted)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable)
            }
            count += got
            if count > limit { return .failure(.tooLarge(size: count, limit: limit)) }
            if got == 0 || got < wanted {
                data.count = count
                return .success(data)
            }
        }
    }

    /// A per-user folder: the `override` variable if set, else `$<xdgVariable>/<subpath>` when that is
    /// an absolute path, else `~/<homeFallback>/<subpath>` (the XDG base directory convention).
    public static func userFolder(
        environment: [String: String], override: String, xdgVariable: String, homeFallback: String, subpath: String
    ) -> URL {
        if let path = environment[override], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        if let base = environment[xdgVariable], base.hasPrefix("/") {
            return URL(fileURLWithPath: base, isDirectory: true).appending(path: subpath)
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? FileManager.default.homeDirectoryForCurrentUser.path
        return URL(fileURLWithPath: home, isDirectory: true).appending(path: homeFallback).appending(path: subpath)
    }
}
