import Foundation
import MaturityModel
import MaturityFramework
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder of assessment files named `YYYY-MM-DD-<system-slug>.json`.
public struct AssessmentStore: Sendable {
    /// The folder; created (owner-only) on first write.
    public let folder: URL

    /// A store in `folder`.
    public init(folder: URL) {
        self.folder = folder.standardizedFileURL
    }

    /// `MATURITY_STORE`, else `$XDG_DATA_HOME/maturity/assessments`, else `~/.local/share/maturity/assessments`.
    public static func defaultFolder(environment: [String: String]) -> URL {
        LocalFiles.userFolder(environment: environment, override: "MATURITY_STORE", xdgVariable: "XDG_DATA_HOME",
                              homeFallback: ".local/share", subpath: "maturity/assessments")
    }

    /// The base file name for an assessment: `2026-11-22-west-yorkshire-ics.json`.
    public static func fileName(for assessment: Assessment, suffix: Int = 1) -> String {
        let base = "\(assessment.date)-\(Slug.make(from: assessment.system))"
        return suffix == 1 ? "\(base).json" : "\(base)-\(suffix).json"
    }

    /// Writes a new assessment under a name not yet taken (`-2`, `-3`... on a same-day clash).
    @discardableResult
    public func create(_ assessment: Assessment, framework: Framework) throws(StoreError) -> URL {
        let data = try encode(assessment, framework: framework)
        try ensureFolder()
        removeAbandonedTemporaryFiles()
        let candidates = (1...999).map { folder.appending(path: Self.fileName(for: assessment, suffix: $0)) }
        return try DurableFile.createNew(data, candidates: candidates)
    }

    /// Replaces the assessment at `url` atomically.
    public func save(_ assessment: Assessment, framework: Framework, to url: URL) throws(StoreError) {
        let data = try encode(assessment, framework: framework)
        try ensureFolder()
        try DurableFile.replace(url, with: data)
    }

    /// Reads the assessment at `url` without changing the file.
    public static func load(_ url: URL) throws(StoreError) -> Assessment {
        try decode(try read(url), from: url)
    }

    /// The bytes of the file at `url`, within an assessment's size limit.
    private static func read(_ url: URL) throws(StoreError) -> Data {
        switch LocalFiles.read(url, limit: AssessmentFile.maximumFileSize) {
        case let .success(bytes): return bytes
        case let .failure(failure): throw StoreError("\(inert: url.path): \(failure)")
        }
    }

    /// The assessment in `data`, read from `url`; a problem names the file.
    private static func decode(_ data: Data, from url: URL) throws(StoreError) -> Assessment {
        do {
            return try AssessmentFile.decode(data)
        } catch {
            throw StoreError("\(inert: url.path): \(error.reason)")
        }
    }

    /// One readable assessment file of the store.
    public typealias Entry = FiledAssessment

    /// Every assessment in the store (only those that may be the system's, when `system` (a name) or
    /// `systemID` is given: see ``scan(system:systemID:_:)``), newest first, and a one-line problem for each
    /// file that cannot be read. A missing folder is an empty store; a folder that cannot be read (no permission, a
    /// file in its place) throws. Files are read on every core.
    public func list(system: String? = nil, systemID: String? = nil) throws(StoreError) -> (entries: [Entry], problems: [String]) {
        let scanned = try scan(system: system, systemID: systemID) { $0 }
        return (scanned.results.map(\.value), scanned.problems)
    }

    /// One value made from an assessment by ``scan(system:systemID:_:)``, with what orders it.
    public struct Scanned<Value: Sendable>: Sendable {
        /// The file.
        public var url: URL
        /// The assessment's date.
        public var date: CalendarDate
        /// What the transform made of it.
        public var value: Value
        /// The file's name, which orders assessments of the same date.
        var name: String
    }

    /// Like ``list(system:systemID:)``, but keeps only `transform` of each assessment, so that a store of
    /// any size is never held in memory whole. A transform that throws adds its error's text to the problems.
    ///
    /// With `system` or `systemID`, only the files that may belong to that system are decoded: those
    /// whose name matches, or that share an identity or a name with one of them (so a renamed system's
    /// earlier names come along), found by peeking at each file's top-level `system` and `systemID`.
    /// That is a superset: ``SystemDirectory`` of the entries tells the systems apart. Throws when the
    /// folder exists but cannot be read.
    public func scan<Value: Sendable>(system: String? = nil, systemID: String? = nil, _ transform: @Sendable (Entry) throws -> Value)
        throws(StoreError) -> (results: [Scanned<Value>], problems: [String]) {
        try collect(system: system, systemID: systemID) { data, url, _ in
            let assessment = try Self.decode(data, from: url)
            return (assessment.date, try transform(Entry(url: url, assessment: assessment)))
        }
    }

    /// One assessment file seen at a glance (see ``AssessmentFile/glance(in:)``).
    public struct Glanced: Sendable {
        /// Where it is.
        public var url: URL
        /// Its name in the store's folder (the last part of `url`).
        public var fileName: String
        /// What a line of `list` needs of it.
        public var glance: AssessmentGlance
    }

    /// Like ``scan(system:systemID:_:)``, but gives `transform` each assessment's glance (what a line of
    /// `list` shows) rather than the whole assessment: a file is read in one pass without decoding its
    /// notes, actions or record, and decoded in full only when that pass is not sure of it, so the same
    /// files are read, and the same problems reported, as by `scan`.
    public func scanGlances<Value: Sendable>(system: String? = nil, systemID: String? = nil, _ transform: @Sendable (Glanced) throws -> Value)
        throws(StoreError) -> (results: [Scanned<Value>], problems: [String]) {
        try collect(system: system, systemID: systemID) { data, url, name in
            let glance = try AssessmentFile.glance(in: data) ?? AssessmentGlance(Self.decode(data, from: url))
            return (glance.date, try transform(Glanced(url: url, fileName: name, glance: glance)))
        }
    }

    /// `make` of the bytes (and the URL and name) of every assessment file (or only of those that may be the system's), newest
    /// first, with a problem for each file that cannot be read or made into a value.
    private func collect<Value: Sendable>(system: String?, systemID: String?,
                                          _ make: @Sendable (Data, URL, String) throws -> (CalendarDate, Value))
        throws(StoreError) -> (results: [Scanned<Value>], problems: [String]) {
        guard let opened = try openFolder() else { return ([], []) }
        var files = try entries(of: opened).filter { $0.name.hasSuffix(".json") && !$0.name.hasPrefix(".") }
        var problems: [String] = []
        if system != nil || systemID != nil {
            (files, problems) = candidates(in: opened, among: files, system: system, systemID: systemID)
        }
        let folder = self.folder
        let outcomes = Parallel.map(files) { file -> Result<Scanned<Value>, StoreError> in
            let url = folder.appending(path: file.name)
            do {
                let (date, value) = try make(try Self.read(file, in: opened, url: url), url, file.name)
                return .success(Scanned(url: url, date: date, value: value, name: file.name))
            } catch let error as StoreError {
                return .failure(error)
            } catch {
                return .failure(StoreError("\(inert: url.path): \(error)"))
            }
        }
        var results: [Scanned<Value>] = []
        results.reserveCapacity(outcomes.count)
        for outcome in outcomes {
            switch outcome {
            case let .success(scanned): results.append(scanned)
            case let .failure(error): problems.append(error.message)
            }
        }
        // Newest first: by date, then by file name, each known already; the keys are sorted, not the values.
        let keys = results.map { (date: $0.date, name: $0.name) }
        let order = keys.indices.sorted { keys[$0].date != keys[$1].date ? keys[$0].date > keys[$1].date : keys[$0].name > keys[$1].name }
        return (order.map { results[$0] }, problems.sorted())
    }

    /// The files among `files` that may belong to the system called `system` or with identity
    /// `systemID` (see ``SystemDirectory/candidates(name:id:among:)``), and a problem for each file
    /// that cannot be read. Another system's file is passed over without decoding it.
    private func candidates(in opened: LocalFolder, among files: [LocalFolder.Entry], system: String?, systemID: String?)
        -> (files: [LocalFolder.Entry], problems: [String]) {
        let folder = self.folder
        let peeked = Parallel.map(files) { file -> Result<PeekedFile, StoreError> in
            do throws(StoreError) {
                let data = try Self.read(file, in: opened, url: folder.appending(path: file.name))
                let identity = AssessmentFile.peekIdentity(in: data)
                return .success(PeekedFile(file: file, name: identity?.name, id: identity?.id))
            } catch {
                return .failure(error)
            }
        }
        var problems: [String] = []
        var readable: [PeekedFile] = []
        for result in peeked {
            switch result {
            case let .success(file): readable.append(file)
            case let .failure(error): problems.append(error.message)
            }
        }
        // A file the peek could not read is decoded to learn its name; one that cannot be decoded is
        // kept, so that its problem is reported by the caller.
        let unsure = readable.indices.filter { readable[$0].name == nil }
        let decoded = Parallel.map(unsure.map { readable[$0].file }) { file -> Assessment? in
            let url = folder.appending(path: file.name)
            return try? Self.decode(try Self.read(file, in: opened, url: url), from: url)
        }
        for (index, assessment) in zip(unsure, decoded) {
            guard let assessment else { continue }
            readable[index].name = assessment.system
            readable[index].id = assessment.systemID
        }
        let chosen = SystemDirectory.candidates(name: system, id: systemID, among: readable.map { ($0.name, $0.id) })
        return (readable.indices.filter { chosen[$0] }.map { readable[$0].file }, problems)
    }

    /// A file's name and identity as peeked at, each nil when not found.
    private struct PeekedFile: Sendable {
        var file: LocalFolder.Entry
        var name: String?
        var id: String?
    }

    /// The bytes of `file` in the open store folder (at `url`), within an assessment's size limit.
    private static func read(_ file: LocalFolder.Entry, in folder: LocalFolder, url: URL) throws(StoreError) -> Data {
        switch folder.read(file, limit: AssessmentFile.maximumFileSize) {
        case let .success(bytes): return bytes
        case let .failure(failure): throw StoreError("\(inert: url.path): \(failure)")
        }
    }

    /// The file a user means: an existing path, or a file name in the store (with or without `.json`).
    public func locate(_ reference: String) throws(StoreError) -> URL {
        if reference.isEmpty { throw StoreError("no assessment named") }
        if reference.contains("/") || FileManager.default.fileExists(atPath: reference) {
            return URL(fileURLWithPath: reference)
        }
        for name in [reference, reference + ".json"] {
            let url = folder.appending(path: name)
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        throw StoreError("\(inert: reference): no such file, and no assessment of that name in \(inert: folder.path)")
    }

    /// The store folder, opened; nil when it does not exist. Throws when it exists but cannot be read:
    /// no permission, or a file where the folder should be.
    private func openFolder() throws(StoreError) -> LocalFolder? {
        do {
            return try LocalFolder(opening: folder)
        } catch {
            switch error {
            case .missing:
                return nil
            case .notAFolder where FileManager.default.fileExists(atPath: folder.path):
                throw StoreError("cannot read the store folder \(folder.path): it is a file, not a folder")
            case .notAFolder:
                throw StoreError.system("cannot read the store folder \(folder.path)", ENOTDIR)
            case let .system(code):
                throw StoreError.system("cannot read the store folder \(folder.path)", code)
            }
        }
    }

    /// The entries of the open store folder.
    private func entries(of opened: LocalFolder) throws(StoreError) -> [LocalFolder.Entry] {
        do {
            return try opened.entries()
        } catch {
            let code: Int32 = if case let .system(code) = error { code } else { EIO }
            throw StoreError.system("cannot read the store folder \(folder.path)", code)
        }
    }

    /// The names in the folder (hidden ones included); none when the folder does not exist. Throws when
    /// it exists but cannot be read: no permission, or a file where the folder should be.
    func fileNames() throws(StoreError) -> [String] {
        guard let opened = try openFolder() else { return [] }
        return try entries(of: opened).map(\.name)
    }

    /// Removes temporary files (`.NAME.PID.RANDOM.tmp`) left by a save that was killed: only regular
    /// files owned by this user whose writing process no longer exists on this machine. Another
    /// process's file, or another user's on a shared store, is never touched. Done when a draft is
    /// created and whenever a workshop takes a draft's lock (on resume).
    public func removeAbandonedTemporaryFiles() {
        guard let names = try? fileNames() else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            let parts = name.split(separator: ".")
            guard parts.count >= 4, let pid = Int32(parts[parts.count - 3]), pid > 0, pid != getpid(),
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            let path = folder.appending(path: name).path
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_uid == geteuid() else { continue }
            unlink(path)
        }
    }

    private func encode(_ assessment: Assessment, framework: Framework) throws(StoreError) -> Data {
        do {
            return try AssessmentFile.encode(assessment, framework: framework)
        } catch {
            throw StoreError("cannot encode the assessment: \(error)")
        }
    }

    private func ensureFolder() throws(StoreError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw StoreError("\(folder.path) is a file, not a folder") }
            return
        }
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw StoreError("cannot create the store folder \(folder.path): \(error.localizedDescription)")
        }
    }
}
