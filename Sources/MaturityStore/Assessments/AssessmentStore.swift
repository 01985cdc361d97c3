import FoundationEssentials
import MaturityModel
import MaturityFramework
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder of assessment files named `YYYY-MM-DD-<system-slug>.json` (`…--<place-slug>.json` for a place).
public struct AssessmentStore: Sendable {
    /// The folder; created (owner-only) on first write.
    public let folder: URL
    /// The user's private cache folder, where scans keep an index of what they read (see
    /// ``scanGlances(system:systemID:_:)``); nil for none.
    public let cache: URL?

    /// The clocks by which a scan dates its reads for the index (tests move them on, so that what
    /// they wrote counts as long settled).
    var indexClock: @Sendable () -> StoreIndex.Moment = StoreIndex.Moment.now
    /// Told the name of every file a scan reads (tests watch what is read and what is not).
    var readWatcher: (@Sendable (String) -> Void)?

    /// A store in `folder`, whose scans keep their index in the private folder `cache`, if given.
    public init(folder: URL, cache: URL? = nil) {
        self.folder = folder.standardizedFileURL
        self.cache = cache
    }

    /// `MATURITY_CACHE`, else `$XDG_CACHE_HOME/maturity`, else `~/.cache/maturity`; nil when
    /// `MATURITY_CACHE` is `off`.
    public static func defaultCache(environment: [String: String]) -> URL? {
        CacheFolder.defaultFolder(environment: environment)
    }

    /// `MATURITY_STORE`, else `$XDG_DATA_HOME/maturity/assessments`, else `~/.local/share/maturity/assessments`.
    public static func defaultFolder(environment: [String: String]) -> URL {
        LocalFiles.userFolder(environment: environment, override: "MATURITY_STORE", xdgVariable: "XDG_DATA_HOME",
                              homeFallback: ".local/share", subpath: "maturity/assessments")
    }

    /// The base file name for an assessment: `2026-11-22-west-yorkshire-ics.json`, or for one of a
    /// place `2026-11-22-west-yorkshire-ics--leeds.json`. A slug never holds `--` (its words are joined
    /// by single hyphens), so the first `--` parts the system from the place and no two system and
    /// place pairs share a name.
    public static func fileName(for assessment: Assessment, suffix: Int = 1) -> String {
        let place = assessment.place.map { "--" + Slug.make(from: $0, fallback: "place") } ?? ""
        let base = "\(assessment.date)-\(Slug.make(from: assessment.system))\(place)"
        return suffix == 1 ? "\(base).json" : "\(base)-\(suffix).json"
    }

    /// Writes a new assessment under a name not yet taken (`-2`, `-3`... on a same-day clash).
    @discardableResult
    public func create(_ assessment: Assessment, framework: Framework) throws(StoreError) -> URL {
        try ensureFolder()
        let assessment = try keepFramework(framework, of: assessment)
        let data = try encode(assessment, framework: framework)
        removeAbandonedTemporaryFiles()
        let candidates = (1...999).map { folder.appending(path: Self.fileName(for: assessment, suffix: $0)) }
        return try DurableFile.createNew(data, candidates: candidates)
    }

    /// Replaces the assessment at `url` atomically.
    public func save(_ assessment: Assessment, framework: Framework, to url: URL) throws(StoreError) {
        try ensureFolder()
        let assessment = try keepFramework(framework, of: assessment)
        let data = try encode(assessment, framework: framework)
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
    static func decode(_ data: Data, from url: URL) throws(StoreError) -> Assessment {
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
    func openFolder() throws(StoreError) -> LocalFolder? {
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
    func entries(of opened: LocalFolder) throws(StoreError) -> [LocalFolder.Entry] {
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

    /// The store's copies of the frameworks its assessments use.
    public var frameworks: StoreFrameworks { StoreFrameworks(storeFolder: folder) }

    /// Keeps a copy of `framework` in the store when `assessment` was answered against it (same id and
    /// version), and returns the assessment with the framework's hash recorded (a file written before
    /// hashes were kept gets it on its first save). Refuses a framework whose text differs from the one
    /// the assessment names by hash, or from the copy the store keeps.
    private func keepFramework(_ framework: Framework, of assessment: Assessment) throws(StoreError) -> Assessment {
        guard let file = framework.file, framework.id == assessment.framework.id,
              framework.version == assessment.framework.version else { return assessment }
        if let recorded = assessment.framework.sha256, recorded != file.sha256 {
            throw StoreError("framework '\(inert: framework.id)' version \(inert: framework.version) is not the text this assessment "
                + "was answered against (its hash differs); a framework whose text changes needs a new version: raise `version` in its file")
        }
        try frameworks.keep(framework)
        var assessment = assessment
        assessment.framework.sha256 = file.sha256
        return assessment
    }

    private func encode(_ assessment: Assessment, framework: Framework) throws(StoreError) -> Data {
        do {
            return try AssessmentFile.encode(assessment, framework: framework)
        } catch {
            throw StoreError("cannot encode the assessment: \(error)")
        }
    }

    private func ensureFolder() throws(StoreError) {
        var isFolder = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            guard isFolder else { throw StoreError("\(folder.path) is a file, not a folder") }
            return
        }
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw StoreError("cannot create the store folder \(folder.path): \(ErrorReason.text(for: error))")
        }
    }
}
