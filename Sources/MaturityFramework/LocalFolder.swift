import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder opened once, whose entries are listed with their kinds and whose files are read by name
/// relative to it, with the safety rules of ``LocalFiles/read(_:limit:)`` and fewer system calls: a
/// file the listing says is regular is opened without following links and checked with `fstat` on
/// the open descriptor (no first look by name); anything else is read as `LocalFiles.read` reads it.
public final class LocalFolder: Sendable {
    /// Why a folder could not be opened or listed.
    public enum Failure: Error, Sendable, Equatable {
        /// Nothing at that path.
        case missing
        /// Something that is not a folder is there.
        case notAFolder
        /// Another system error, by its `errno`.
        case system(Int32)
    }

    /// What the listing says an entry is (the file system may not say: then it is `unknown`).
    public enum Kind: Sendable, Equatable {
        /// A regular file.
        case regular
        /// A symbolic link.
        case link
        /// A folder, FIFO, device or socket.
        case other
        /// Not said by the file system.
        case unknown
    }

    /// One name in the folder.
    public struct Entry: Sendable, Equatable {
        /// The file's name.
        public var name: String
        /// What the listing said it was when listed; it may have changed since.
        public var kind: Kind

        /// Creates an entry.
        public init(name: String, kind: Kind) {
            self.name = name
            self.kind = kind
        }
    }

    /// The folder.
    public let url: URL
    /// Its path, to which entry names are added for messages and for reading by path.
    public let path: String
    private let descriptor: Int32

    /// Opens the folder at `url` (a link to a folder is followed).
    public init(opening url: URL) throws(Failure) {
        self.url = url
        path = url.path
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { throw .missing }
            if code == ENOTDIR { throw .notAFolder }
            throw .system(code)
        }
    }

    deinit {
        close(descriptor)
    }

    /// Every name in the folder but `.` and `..` (hidden ones included), with its kind.
    public func entries() throws(Failure) -> [Entry] {
        let copy = dup(descriptor)
        guard copy >= 0, let directory = fdopendir(copy) else {
            let code = errno
            throw .system(code)
        }
        defer { closedir(directory) }
        // The copy shares the folder's reading position: start from the first entry.
        rewinddir(directory)
        var entries: [Entry] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { throw .system(errno) }
                return entries
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            let kind: Kind = switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): .regular
            case Int32(DT_LNK): .link
            case Int32(DT_UNKNOWN): .unknown
            default: .other
            }
            entries.append(Entry(name: name, kind: kind))
        }
    }

    /// The path of the entry named `name`.
    public func path(of name: String) -> String {
        path.hasSuffix("/") ? path + name : path + "/" + name
    }

    /// The bytes of the regular file `entry`, refused as ``LocalFiles/read(_:limit:)`` refuses
    /// (with the same reasons). An entry listed as a regular file is opened relative to the folder
    /// without following a link: if a link was put in its place since, it is read as a link is.
    public func read(_ entry: Entry, limit: Int) -> Result<Data, LocalFiles.ReadFailure> {
        let path = path(of: entry.name)
        guard entry.kind == .regular else { return LocalFiles.read(path: path, limit: limit) }
        let file = openat(descriptor, entry.name, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | O_NOFOLLOW)
        guard file >= 0 else {
            switch errno {
            case ELOOP: return LocalFiles.read(path: path, limit: limit)
            case ENOENT, ENOTDIR: return .failure(.missing)
            default: return .failure(.unreadable)
            }
        }
        defer { close(file) }
        return LocalFiles.readOpened(file, path: path, limit: limit)
    }
}
