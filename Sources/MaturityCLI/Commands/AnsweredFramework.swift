import FoundationEssentials
import MaturityFramework
import MaturityModel
import MaturityStore

extension FrameworkCatalog {
    /// The framework version an assessment in `file` was answered against, in this order: the copy its
    /// store keeps (in the `frameworks/` folder beside the file), when its hash is the one the assessment
    /// records; else an installed framework with the same id, version and hash. A file written before
    /// hashes were kept, whose store has no copy, is read with the installed framework of its id, as before.
    func answered(_ reference: FrameworkReference, file: String) throws(CommandFailure) -> Framework {
        let copies = StoreFrameworks(storeFolder: URL(fileURLWithPath: file).deletingLastPathComponent())
        var copyProblem: String?
        switch copies.copy(id: reference.id, version: reference.version) {
        case let .copy(framework):
            if reference.sha256 == nil || framework.file?.sha256 == reference.sha256 { return framework }
            copyProblem = "the store's copy \(copies.url(id: reference.id, version: reference.version).path) is another text "
                + "(its hash is not the one the assessment records)"
        case let .unusable(reason):
            copyProblem = reason
        case .missing:
            break
        }
        guard let sha256 = reference.sha256 else {
            if copyProblem == nil, let installed = framework(id: reference.id) { return installed }
            if let copyProblem { throw CommandFailure("maturity: \(inert: file): \(inert: copyProblem)") }
            throw CommandFailure("maturity: \(inert: file): answered against framework '\(inert: reference.id)', "
                + "which is not installed (add its file to \(Self.userFolder(environment: ProcessEnvironment.variables).path))")
        }
        if let kept = copies.conflictCopy(id: reference.id, version: reference.version, sha256: sha256) {
            return kept
        }
        if let installed = (entries + setAsideEntries).first(where: {
            $0.framework.id == reference.id && $0.framework.version == reference.version && $0.framework.file?.sha256 == sha256
        }) {
            return installed.framework
        }
        let folder = Self.userFolder(environment: ProcessEnvironment.variables).path
        // A missing copy was left behind; a copy that is there but unusable was changed or replaced.
        let remedy = copyProblem == nil
            ? "copy the store's frameworks/ folder with its assessments, or add that framework file to \(folder)"
            : "restore that copy from where the store came from (a backup, or the store's git history), or add the framework file "
                + "with that text to \(folder)"
        let missing = copyProblem ?? "the store has no copy of it (\(copies.url(id: reference.id, version: reference.version).path))"
        throw CommandFailure("maturity: \(inert: file): answered against framework '\(inert: reference.id)' version "
            + "\(inert: reference.version) (sha256 \(sha256.prefix(12))…); \(inert: missing), and no installed framework has that "
            + "id, version and text: \(remedy)")
    }

}

/// The framework version each assessment of a series was answered against (see ``FrameworkCatalog/answered(_:file:)``),
/// read once per version and text; nil for a version that cannot be read (the caller then uses another).
final class AnsweredVersions {
    private let catalog: FrameworkCatalog
    private let storeFolder: URL
    private var read: [String: Framework?] = [:]

    init(catalog: FrameworkCatalog, storeFolder: URL) {
        self.catalog = catalog
        self.storeFolder = storeFolder
    }

    /// The version `entry`'s assessment was answered against.
    func framework(of entry: Progression.Entry) -> Framework? {
        framework(of: entry.assessment.framework, file: storeFolder.appending(path: entry.file).path)
    }

    /// The version an assessment that names `reference`, in `file`, was answered against.
    func framework(of reference: FrameworkReference, file: String) -> Framework? {
        let key = Framework.versionKey(id: reference.id, version: reference.version, sha256: reference.sha256)
        if let known = read[key] { return known }
        let framework = try? catalog.answered(reference, file: file)
        read[key] = framework
        return framework
    }
}
