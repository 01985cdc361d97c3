import Foundation
import MaturityFramework

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
        let data: Data
        switch LocalFiles.read(url, limit: AssessmentFile.maximumFileSize) {
        case let .success(bytes): data = bytes
        case let .failure(failure): throw StoreError("\(url.path): \(failure)")
        }
        do {
            return try AssessmentFile.decode(data)
        } catch {
            throw StoreError("\(url.path): \(error.reason)")
        }
    }

    /// One readable assessment file of the store.
    public struct Entry: Sendable {
        /// Where it is.
        public var url: URL
        /// What it holds.
        public var assessment: Assessment

        /// Creates an entry.
        public init(url: URL, assessment: Assessment) {
            self.url = url
            self.assessment = assessment
        }
    }

    /// Every assessment in the store, newest first, and a one-line problem for each file that cannot be read.
    /// A missing folder is an empty store.
    public func list() -> (entries: [Entry], problems: [String]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return ([], []) }
        var entries: [Entry] = []
        var problems: [String] = []
        for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let url = folder.appending(path: name)
            do {
                entries.append(Entry(url: url, assessment: try Self.load(url)))
            } catch {
                problems.append(error.message)
            }
        }
        entries.sort { ($0.assessment.date, $0.url.lastPathComponent) > ($1.assessment.date, $1.url.lastPathComponent) }
        return (entries, problems.sorted())
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
        throw StoreError("\(reference): no such file, and no assessment of that name in \(folder.path)")
    }

    /// Removes temporary files (`.NAME.PID.RANDOM.tmp`) left by a process killed mid-save.
    func removeAbandonedTemporaryFiles() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            let parts = name.split(separator: ".")
            guard parts.count >= 4, let pid = Int32(parts[parts.count - 3]), pid != getpid(),
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(folder.appending(path: name).path)
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
