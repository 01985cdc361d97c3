import ArgumentParser
import FoundationEssentials
import MaturityFramework
import MaturityModel
import MaturityStore
#if canImport(Glibc)
import Glibc
#endif

/// Writes an export (a summary, a progression) to a file, as safely as the store writes assessments:
/// - atomically and durably: a temporary file in the same folder, flushed, then linked to a new name or
///   renamed over a regular file, and the folder flushed, so a crash leaves the old file or the new one;
/// - readable by the owner alone (0600 whatever the umask, also when it replaces a file), because
///   board notes can be confidential;
/// - never into a store folder (compared as folders, so a symbolic link or `..` cannot hide one), never
///   through a symbolic link, and never into a FIFO, a device or a folder;
/// - never over an existing file unless asked: otherwise the first free name `NAME-2.EXT`,
///   `NAME-3.EXT`… is taken, created exclusively so that a concurrent writer cannot be overwritten either.
enum OutputFile {
    /// What to do when the file already exists.
    enum Existing: Sendable {
        /// Leave it alone and write under the first free name beside it.
        case keep
        /// Replace it (when it is a regular file).
        case replace
    }

    /// Why nothing was written, in one line (without the `maturity:` prefix).
    struct Failure: Error, Sendable, CustomStringConvertible {
        /// The reason.
        var message: String
        var description: String { message }
    }

    /// What is at a path, when something is.
    enum Kind: Equatable {
        case regular, symbolicLink, fifo, device, folder, socket

        /// "a symbolic link", for messages.
        var described: String {
            switch self {
            case .regular: "a file"
            case .symbolicLink: "a symbolic link"
            case .fifo: "a FIFO (named pipe)"
            case .device: "a device"
            case .folder: "a folder"
            case .socket: "a socket"
            }
        }

        init(mode: mode_t) {
            switch mode & S_IFMT {
            case S_IFREG: self = .regular
            case S_IFLNK: self = .symbolicLink
            case S_IFIFO: self = .fifo
            case S_IFDIR: self = .folder
            case S_IFSOCK: self = .socket
            default: self = .device
            }
        }
    }

    /// Writes `data` to `url` and returns the path written: `url` itself, or, when a regular file is
    /// there and `existing` is `.keep`, the first free name beside it. `stores` are folders nothing may
    /// be written into.
    static func write(_ data: Data, to url: URL, existing: Existing, protecting stores: [URL]) throws(Failure) -> URL {
        let folder = try Folder(url.deletingLastPathComponent(), protecting: stores)
        defer { folder.close() }
        return try folder.write(data, named: try name(of: url), existing: existing)
    }

    /// The folder's own name for `url`, refusing names that can only be folders.
    static func name(of url: URL) throws(Failure) -> String {
        let name = url.lastPathComponent
        guard !name.isEmpty, name != ".", name != "..", name != "/", !url.path.hasSuffix("/") else {
            throw Failure("\(url.path) is a folder; name a file to write")
        }
        return name
    }

    /// `board-paper-2.html` for `board-paper.html` and 2.
    static func freeName(_ name: String, number: Int) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "\(name)-\(number)" }
        return "\(name[..<dot])-\(number)\(name[dot...])"
    }

    /// The identity (device and inode) of the folder at `url`, following links; nil if it cannot be seen.
    static func identity(of url: URL) -> FolderIdentity? {
        var status = stat()
        guard stat(url.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else { return nil }
        return FolderIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }

    /// A folder as the kernel knows it, whatever path leads there.
    struct FolderIdentity: Equatable {
        var device: UInt64
        var inode: UInt64
    }

    /// An open folder: every name is resolved relative to it, so it cannot be swapped for another
    /// (the store, say) between the check and the write.
    struct Folder {
        let path: String
        let descriptor: Int32

        /// Opens `url`'s folder, refusing it if it is one of `stores`.
        init(_ url: URL, protecting stores: [URL]) throws(Failure) {
            path = url.path
            descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else { throw Failure.system("cannot write in \(path)", errno) }
            var status = stat()
            guard fstat(descriptor, &status) == 0 else {
                let failure = Failure.system("cannot write in \(path)", errno)
                Glibc.close(descriptor)
                throw failure
            }
            let mine = FolderIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
            if let store = stores.first(where: { OutputFile.identity(of: $0) == mine }) {
                Glibc.close(descriptor)
                throw Failure("will not write into \(path): it is the assessment store (\(store.path)), which holds "
                    + "assessments only; choose another folder")
            }
        }

        func close() {
            Glibc.close(descriptor)
        }

        /// What is at `name` in this folder, without following a link; nil when nothing is.
        func kind(of name: String) -> Kind? {
            var status = stat()
            guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
            return Kind(mode: status.st_mode)
        }

        /// Writes `data` as `name` (see ``OutputFile/write(_:to:existing:protecting:)``) and returns its path.
        func write(_ data: Data, named name: String, existing: Existing) throws(Failure) -> URL {
            if existing == .replace {
                try replace(data, named: name)
                return url(of: name)
            }
            try refuseSpecialFile(name)
            let candidates = [name] + (2...999).map { freeName(name, number: $0) }
            guard let written = try createNew(data, candidates: candidates) else {
                throw Failure("every name from \(name) to \(candidates.last ?? name) is taken in \(path)")
            }
            return url(of: written)
        }

        /// The full path of `name` in this folder.
        func url(of name: String) -> URL {
            URL(fileURLWithPath: path).appending(path: name)
        }

        /// Refuses `name` when something other than a regular file is there.
        func refuseSpecialFile(_ name: String) throws(Failure) {
            if let kind = kind(of: name), kind != .regular {
                throw Failure("\(path)/\(name) is \(kind.described); an export is written only to a new file "
                    + "or over a regular one (-o - writes to standard output)")
            }
        }

        /// Replaces the regular file `name` (or creates it) with `data`, atomically.
        func replace(_ data: Data, named name: String) throws(Failure) {
            try refuseSpecialFile(name)
            let temporary = try writeTemporary(data, beside: name)
            defer { unlinkat(descriptor, temporary, 0) }
            // rename replaces whatever name is there (even a link swapped in since the check), never its target.
            guard renameat(descriptor, temporary, descriptor, name) == 0 else {
                throw Failure.system("cannot write \(path)/\(name)", errno)
            }
            fsync(descriptor)
        }

        /// Writes `data` under the first of `candidates` that nothing is at yet, and returns it; nil when
        /// every one is taken. Nothing already there is touched, even if it appeared a moment ago.
        func createNew(_ data: Data, candidates: [String]) throws(Failure) -> String? {
            guard let first = candidates.first else { return nil }
            let temporary = try writeTemporary(data, beside: first)
            defer { unlinkat(descriptor, temporary, 0) }
            for candidate in candidates {
                if linkat(descriptor, temporary, descriptor, candidate, 0) == 0 {
                    fsync(descriptor)
                    return candidate
                }
                switch errno {
                case EEXIST:
                    continue
                case EPERM, ENOTSUP, EOPNOTSUPP, EMLINK:
                    // No hard links on this file system (FAT on a memory stick): create the name exclusively
                    // and write it in place.
                    let file = openat(descriptor, candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
                    if file < 0, errno == EEXIST { continue }
                    do {
                        try finish(file, data, name: candidate)
                    } catch {
                        if file >= 0 { unlinkat(descriptor, candidate, 0) }
                        throw error
                    }
                    fsync(descriptor)
                    return candidate
                default:
                    throw Failure.system("cannot write \(path)/\(candidate)", errno)
                }
            }
            return nil
        }

        /// A new temporary file `.NAME.PID.RANDOM.tmp` holding `data`, flushed to disk.
        private func writeTemporary(_ data: Data, beside name: String) throws(Failure) -> String {
            let temporary = ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
            let file = openat(descriptor, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            do {
                try finish(file, data, name: temporary)
            } catch {
                unlinkat(descriptor, temporary, 0)
                throw error
            }
            return temporary
        }

        /// Makes the just-created `file` owner-only whatever the umask, writes `data`, flushes and closes it.
        private func finish(_ file: Int32, _ data: Data, name: String) throws(Failure) {
            guard file >= 0 else { throw Failure.system("cannot write in \(path)", errno) }
            var failure: Failure?
            if fchmod(file, 0o600) != 0 { failure = Failure.system("cannot protect \(path)/\(name)", errno) }
            data.withUnsafeBytes { buffer in
                guard failure == nil, let base = buffer.baseAddress else { return }
                var offset = 0
                while offset < buffer.count {
                    let written = Glibc.write(file, base + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        failure = Failure.system("cannot write \(path)/\(name)", errno)
                        return
                    }
                    offset += written
                }
            }
            if failure == nil, fsync(file) != 0 { failure = Failure.system("cannot flush \(path)/\(name) to disk", errno) }
            if Glibc.close(file) != 0, failure == nil { failure = Failure.system("cannot close \(path)/\(name)", errno) }
            if let failure { throw failure }
        }
    }
}

extension OutputFile.Failure {
    init(_ message: String) {
        self.message = message
    }

    /// A failed system call, with the system's reason.
    static func system(_ what: String, _ code: Int32) -> Self {
        Self("\(what): \(String(cString: strerror(code)))")
    }
}

extension OutputFile {
    /// The folders no export may be written into: `store`, the default store, their `frameworks/` folders
    /// and `also` (an assessment's own folder).
    static func storeFolders(_ store: AssessmentStore, also: [URL] = []) -> [URL] {
        let stores = [store.folder, AssessmentStore.defaultFolder(environment: ProcessEnvironment.variables)]
        return stores + stores.map { StoreFrameworks(storeFolder: $0).folder } + also
    }

    /// The help of `-o`, shared by `export` and `progress`.
    static let outputHelp = ArgumentHelp(
        "Write to this file instead of standard output ('-' is standard output).",
        discussion: "The file is readable by you alone. An existing file is kept and a free name such as FILE-2.html "
            + "is chosen and shown, unless --force. A symbolic link, FIFO, device or folder at FILE is refused, and so "
            + "is the store's folder (and its frameworks/ folder), which hold assessments and the store's framework copies only.",
        valueName: "file")

    /// The help of `--force`.
    static let forceHelp = ArgumentHelp("Replace the file given with -o if it exists (it becomes readable by you alone).")
}
