import FoundationEssentials
import MaturityModel
import MaturityFramework
#if canImport(Glibc)
import Glibc
#endif

/// Writes a workshop's draft into the store after every change. When the store cannot be written
/// (read-only, full, gone, replaced by a file), the same content goes to a rescue copy outside it, so
/// that nothing typed is lost; the next successful save puts it back in the store and removes the copy.
public struct DraftWriter {
    /// The store the draft belongs in.
    public let store: AssessmentStore
    /// The draft in the store, once created (or chosen, when a draft is resumed).
    public var draft: URL?
    /// The rescue copy holding the latest content, while the store cannot be written.
    public private(set) var rescueCopy: URL?
    /// The folders tried in turn for a rescue copy.
    public let rescueFolders: [URL]

    /// What a write did.
    public enum Outcome: Sendable, Equatable {
        /// The draft was created in the store, at this path.
        case created(URL)
        /// The draft in the store was replaced.
        case saved(URL)
        /// The store failed for `reason`; the content is safe in `copy`.
        case rescued(reason: String, copy: URL)
        /// The store and every rescue folder failed; the content is in memory only.
        case failed(reason: String)
    }

    /// A writer for a new draft (`draft` nil) or one already in the store.
    public init(store: AssessmentStore, draft: URL? = nil, rescueFolders: [URL]) {
        self.store = store
        self.draft = draft
        self.rescueFolders = rescueFolders
    }

    /// Rescue folders: `maturity-rescue-UID` in `$TMPDIR` (else /tmp), then in /dev/shm (memory, so it
    /// works when the disk is full), then `~/maturity-rescue`.
    public static func defaultRescueFolders(environment: [String: String]) -> [URL] {
        let temporary = environment["TMPDIR"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "/tmp"
        var folders = [URL(fileURLWithPath: temporary).appending(path: "maturity-rescue-\(getuid())"),
                       URL(fileURLWithPath: "/dev/shm").appending(path: "maturity-rescue-\(getuid())")]
        if let home = environment["HOME"], home.hasPrefix("/") {
            folders.append(URL(fileURLWithPath: home).appending(path: "maturity-rescue"))
        }
        return folders
    }

    /// Saves `assessment` in the store, or in a rescue copy when the store fails. With `rescuing` false
    /// (a write that only moves the position, which the store already has otherwise), a failing store is
    /// reported as ``Outcome/failed(reason:)`` and no rescue copy is made or changed.
    public mutating func write(_ assessment: Assessment, framework: Framework, rescuing: Bool = true) -> Outcome {
        do {
            let outcome: Outcome
            if let draft {
                try store.save(assessment, framework: framework, to: draft)
                outcome = .saved(draft)
            } else {
                let created = try store.create(assessment, framework: framework)
                draft = created
                outcome = .created(created)
            }
            if let copy = rescueCopy {
                unlink(copy.path)
                rescueCopy = nil
            }
            return outcome
        } catch {
            guard rescuing else { return .failed(reason: error.message) }
            return rescue(assessment, framework: framework, reason: error.message)
        }
    }

    private mutating func rescue(_ assessment: Assessment, framework: Framework, reason: String) -> Outcome {
        guard let data = try? AssessmentFile.encode(assessment, framework: framework) else { return .failed(reason: reason) }
        if let copy = rescueCopy, (try? DurableFile.replace(copy, with: data)) != nil {
            return .rescued(reason: reason, copy: copy)
        }
        let name = draft?.lastPathComponent ?? AssessmentStore.fileName(for: assessment)
        let stem = String(name.dropLast(".json".count))
        for folder in rescueFolders where Self.preparePrivateFolder(folder) {
            let candidates = [folder.appending(path: name)]
                + (2...99).map { folder.appending(path: "\(stem)-rescue-\($0).json") }
            if let copy = try? DurableFile.createNew(data, candidates: candidates) {
                rescueCopy = copy
                return .rescued(reason: reason, copy: copy)
            }
        }
        return .failed(reason: reason)
    }

    /// Creates `folder` for the owner only, or accepts it if it already is a real folder of this
    /// user's that nobody else can read (a shared temporary folder must not hand the copy to others).
    static func preparePrivateFolder(_ folder: URL) -> Bool {
        if mkdir(folder.path, 0o700) != 0, errno != EEXIST { return false }
        var status = stat()
        guard lstat(folder.path, &status) == 0 else { return false }
        return (status.st_mode & S_IFMT) == S_IFDIR && status.st_uid == getuid() && (status.st_mode & 0o077) == 0
    }
}
