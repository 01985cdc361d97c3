import FoundationEssentials
import MaturityFramework
#if canImport(Glibc)
import Glibc
#endif

/// The store's own copies of the frameworks its assessments were answered against, in its
/// `frameworks/` folder, one file per id and version (`<id>-<version>.yaml`), so that every assessment
/// can be read wherever the store goes. A copy is written once, atomically, and never changed; its bytes
/// are the framework file's exact bytes, checked against the hash the assessment records.
public struct StoreFrameworks: Sendable {
    /// The name of the folder inside the store.
    public static let folderName = "frameworks"

    /// The `frameworks/` folder of the store.
    public let folder: URL

    /// The copies of the store in `storeFolder`.
    public init(storeFolder: URL) {
        folder = storeFolder.appending(path: Self.folderName)
    }

    /// The file name of the copy of version `version` of framework `id`: `<id>-<version>.yaml`, any
    /// byte of the version other than letters, digits, `.`, `_` and `+` written as `%XX`, so that
    /// the name never leaves the folder.
    public static func fileName(id: String, version: String) -> String {
        var name = id + "-"
        for byte in version.utf8 {
            let safe = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "+")
            if safe {
                name.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = Array("0123456789ABCDEF".utf8)
                name += "%" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]], as: UTF8.self)
            }
        }
        return name + ".yaml"
    }

    /// Where the copy of version `version` of framework `id` is (or would be).
    public func url(id: String, version: String) -> URL {
        folder.appending(path: Self.fileName(id: id, version: version))
    }

    /// What the store holds for one framework version.
    public enum Lookup: Sendable {
        /// No copy.
        case missing
        /// The copy, read and validated, with its file attached (its hash is that of its bytes).
        case copy(Framework)
        /// A copy that cannot be used, with the reason in one line (naming the file).
        case unusable(String)
    }

    /// The store's copy of version `version` of framework `id`. Only a regular file is read (a symbolic
    /// link, a FIFO or anything else planted there is unusable); it must validate as a framework of
    /// that id and version.
    public func copy(id: String, version: String) -> Lookup {
        if let refusal = folderRefusal() { return refusal }
        let url = url(id: id, version: version)
        var status = stat()
        guard lstat(url.path, &status) == 0 else {
            return errno == ENOENT || errno == ENOTDIR ? .missing : .unusable("\(url.path): cannot be read (\(String(cString: strerror(errno))))")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            return .unusable("\(url.path): is not a regular file (a symbolic link, FIFO or other special file), so it is not read; "
                + "remove it, and the next save of an assessment that uses this framework writes the copy again")
        }
        switch FrameworkLoader.load(contentsOf: url, displayName: url.path) {
        case let .success(framework):
            guard framework.id == id, framework.version == version else {
                return .unusable("\(url.path): holds framework '\(framework.id)' version \(framework.version), not '\(id)' version \(version)")
            }
            return .copy(framework)
        case let .failure(failure):
            return .unusable(failure.problems.first.map { "\($0.file)\($0.line.map { ":\($0)" } ?? ""): \($0.message)" }
                ?? "\(url.path): cannot be read as a framework")
        }
    }

    /// Makes sure the store keeps a copy of `framework`'s file: writes it when there is none (atomically,
    /// under a name that must be new, with the store's file mode), and refuses a framework whose text
    /// differs from the copy already kept for its id and version. A framework without a file (built in
    /// code) is left alone.
    public func keep(_ framework: Framework) throws(StoreError) {
        guard let file = framework.file else { return }
        // Every save comes here: a copy already in place with these very bytes needs no reading as a framework.
        if holdsExactly(file, id: framework.id, version: framework.version) { return }
        let url = url(id: framework.id, version: framework.version)
        for _ in 0..<2 {
            switch copy(id: framework.id, version: framework.version) {
            case let .copy(kept):
                if kept.file?.sha256 == file.sha256 { return }
                throw StoreError(Self.anotherText(framework, copy: url))
            case let .unusable(reason):
                throw StoreError("\(inert: reason)")
            case .missing:
                try ensureFolder()
                do {
                    _ = try DurableFile.createNew(Data(file.bytes), candidates: [url])
                    return
                } catch {
                    // Another writer made the copy first: compare with theirs on the next turn.
                    var status = stat()
                    guard lstat(url.path, &status) == 0 else { throw error }
                }
            }
        }
        throw StoreError("cannot keep a copy of framework '\(inert: framework.id)' in \(inert: folder.path)")
    }

    /// Why ``keep(_:)`` would refuse `framework` (another text kept under its id and version, or a copy or
    /// folder that cannot be used), in one line; nil when it would keep or find its copy. Nothing is written:
    /// a workshop asks this before the board starts, rather than at its first save.
    public func refusal(of framework: Framework) -> String? {
        guard let file = framework.file, !holdsExactly(file, id: framework.id, version: framework.version) else { return nil }
        switch copy(id: framework.id, version: framework.version) {
        case let .copy(kept): return kept.file?.sha256 == file.sha256 ? nil : Self.anotherText(framework, copy: url(id: framework.id, version: framework.version))
        case let .unusable(reason): return TerminalText.inert(reason)
        case .missing: return nil
        }
    }

    /// Whether the copy of version `version` of framework `id` is a regular file (never through a link) in
    /// a real folder, holding exactly `file`'s bytes: then it is the copy ``keep(_:)`` would keep, and it
    /// need not be read as a framework. False sends the caller the long way, which says what is wrong.
    private func holdsExactly(_ file: FrameworkFile, id: String, version: String) -> Bool {
        guard folderRefusal() == nil else { return false }
        let url = url(id: id, version: version)
        var status = stat()
        guard lstat(url.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) == file.bytes.count,
              case let .success(data) = LocalFiles.read(url, limit: FrameworkLoader.maximumFileSize) else { return false }
        return data.elementsEqual(file.bytes)
    }

    /// "framework 'X' version V is not the text this store already keeps …: raise `version` in its file …".
    private static func anotherText(_ framework: Framework, copy: URL) -> String {
        "framework '\(inert: framework.id)' version \(inert: framework.version) is not the text this store "
            + "already keeps for that version (\(inert: copy.path)); a framework whose text changes needs a new version: "
            + "raise `version` in its file (assessments already written keep their copy)"
    }

    /// The copy of version `version` of framework `id` whose bytes have the hash `sha256`, kept beside the
    /// copy under a conflict name (`<id>-<version>.yaml.conflict-…`): when two machines each wrote another
    /// text under the same id and version, `maturity sync` keeps both, the later under such a name, and the
    /// assessments answered against it read with it. Nil when there is none; only regular files are read.
    public func conflictCopy(id: String, version: String, sha256: String) -> Framework? {
        guard folderRefusal() == nil, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return nil }
        let prefix = Self.fileName(id: id, version: version) + ".conflict-"
        for name in names.sorted() where name.hasPrefix(prefix) {
            let path = folder.appending(path: name).path
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
                  case let .success(framework) = FrameworkLoader.load(contentsOf: URL(fileURLWithPath: path), displayName: path),
                  framework.id == id, framework.version == version, framework.file?.sha256 == sha256 else { continue }
            return framework
        }
        return nil
    }

    /// Every copy in the folder, sorted by file name, and a one-line problem for each file that cannot be used.
    public func all() -> (frameworks: [(framework: Framework, path: String)], problems: [String]) {
        if case let .unusable(reason) = folderRefusal() { return ([], [reason]) }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            var status = stat()
            return lstat(folder.path, &status) == 0 ? ([], ["\(folder.path): cannot be read, so the store's frameworks are not listed"]) : ([], [])
        }
        var frameworks: [(framework: Framework, path: String)] = []
        var problems: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") && name.hasSuffix(".yaml") {
            let path = folder.appending(path: name).path
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
                problems.append("\(path): is not a regular file, so it is not read")
                continue
            }
            switch FrameworkLoader.load(contentsOf: URL(fileURLWithPath: path), displayName: path) {
            case let .success(framework) where Self.fileName(id: framework.id, version: framework.version) == name:
                frameworks.append((framework, path))
            case let .success(framework):
                problems.append("\(path): holds framework '\(framework.id)' version \(framework.version), "
                    + "whose copy would be named \(Self.fileName(id: framework.id, version: framework.version))")
            case let .failure(failure):
                problems += failure.problems.map { "\($0.file)\($0.line.map { ":\($0)" } ?? ""): \($0.message)" }
            }
        }
        return (frameworks, problems)
    }

    /// Why nothing in the folder is read, when it is not a folder (a symbolic link to one elsewhere is
    /// never followed: the store's copies are the store's own files); `.missing` when no folder exists.
    private func folderRefusal() -> Lookup? {
        var status = stat()
        guard lstat(folder.path, &status) == 0 else {
            return errno == ENOENT || errno == ENOTDIR ? .missing : .unusable("\(folder.path): cannot be read (\(String(cString: strerror(errno))))")
        }
        guard status.st_mode & S_IFMT != S_IFDIR else { return nil }
        return .unusable("\(folder.path): is not a folder (a symbolic link, file or other special file), so nothing in it is read; "
            + "the store keeps its frameworks there, so remove what is in its place")
    }

    /// Creates the folder when missing, with the store folder's mode and group (see ``StoreAccess``).
    private func ensureFolder() throws(StoreError) {
        let access = StoreAccess.of(folder: folder.deletingLastPathComponent().path)
        if mkdir(folder.path, 0o700) != 0 {
            guard errno == EEXIST else { throw StoreError.system("cannot create \(folder.path)", errno) }
            var status = stat()
            guard lstat(folder.path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
                throw StoreError("\(inert: folder.path) is not a folder; the store keeps its frameworks there, so remove what is in its place")
            }
            return
        }
        if case let .group(group) = access {
            guard chown(folder.path, uid_t.max, group) == 0, chmod(folder.path, access.folderMode) == 0 else {
                throw StoreError.system("cannot give \(folder.path) the shared store's mode and group", errno)
            }
        }
    }
}
