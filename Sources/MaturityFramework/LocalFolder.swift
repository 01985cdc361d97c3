import FoundationEssentials
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
        readStamped(entry, limit: limit).map(\.data)
    }

    /// ``read(_:limit:)``, with the stamp of the file that was read, taken with `fstat` on the open
    /// descriptor just before reading; the stamp is nil for a file reached through a link.
    public func readStamped(_ entry: Entry, limit: Int) -> Result<(data: Data, stamp: FileStamp?), LocalFiles.ReadFailure> {
        let path = path(of: entry.name)
        guard entry.kind == .regular else { return LocalFiles.read(path: path, limit: limit).map { ($0, nil) } }
        let file = openat(descriptor, entry.name, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | O_NOFOLLOW)
        guard file >= 0 else {
            switch errno {
            case ELOOP: return LocalFiles.read(path: path, limit: limit).map { ($0, nil) }
            case ENOENT, ENOTDIR: return .failure(.missing)
            case EACCES: return .failure(.permissionDenied)
            default: return .failure(.unreadable)
            }
        }
        defer { close(file) }
        var stamp: FileStamp?
        let data = LocalFiles.readOpened(file, path: path, limit: limit) { stamp = FileStamp($0) }
        return data.map { ($0, stamp) }
    }

    /// The stamp of the regular file named `name` in the folder, as it is now; nil for anything else
    /// (a link, a special file, nothing). Links are not followed.
    public func stamp(of name: String) -> FileStamp? {
        var status = stat()
        guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return FileStamp(status)
    }

    /// The folder's own device and inode numbers: the same folder whatever path reaches it.
    public func identity() -> (device: UInt64, inode: UInt64)? {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        return (UInt64(status.st_dev), UInt64(status.st_ino))
    }

    /// The magic number of the file system the folder is on (`statfs`'s `f_type`, e.g. `0xEF53` for
    /// ext4), nil when unknown. (Swift's Glibc module lacks `sys/statfs.h`: `fstatfs` is looked up in
    /// the C library; on 64-bit Linux `f_type` is the first field of `struct statfs`, a `long`.)
    public func fileSystemType() -> Int64? {
        typealias FStatFS = @convention(c) (Int32, UnsafeMutableRawPointer) -> Int32
        guard let symbol = dlsym(nil, "fstatfs") else { return nil }
        let fstatfs = unsafeBitCast(symbol, to: FStatFS.self)
        // Larger than any struct statfs (120 bytes on x86-64 and arm64), and aligned for a long.
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 512, alignment: 16)
        defer { buffer.deallocate() }
        buffer.initializeMemory(as: UInt8.self, repeating: 0, count: 512)
        guard fstatfs(descriptor, buffer) == 0 else { return nil }
        return Int64(buffer.load(as: Int.self))
    }
}

/// What tells one version of a regular file from another without reading it: the device and inode,
/// the size, and the times of the last change of content (`mtime`) and of the inode (`ctime`, which
/// every write, rename, link and `touch` sets to the current time and no user can set back).
public struct FileStamp: Sendable, Hashable {
    /// The device the file is on.
    public var device: UInt64
    /// The inode number.
    public var inode: UInt64
    /// The size in bytes.
    public var size: Int64
    /// The modification time, in nanoseconds since 1970.
    public var modified: Int64
    /// The inode change time, in nanoseconds since 1970.
    public var changed: Int64

    /// A stamp from its parts.
    public init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    /// The stamp of a file's `stat`.
    init(_ status: stat) {
        self.init(device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int64(status.st_size),
                  modified: Int64(status.st_mtim.tv_sec) &* 1_000_000_000 &+ Int64(status.st_mtim.tv_nsec),
                  changed: Int64(status.st_ctim.tv_sec) &* 1_000_000_000 &+ Int64(status.st_ctim.tv_nsec))
    }
}
