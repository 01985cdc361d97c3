import FoundationEssentials
import MaturityStore

/// The one hook a changed record goes through: after an assessment is completed, reopened, created
/// (`new`) or a workshop ends, the change is committed when its store is a git store (it has its own
/// `.git`), and nothing happens otherwise. A record is already saved when this runs, so a commit that
/// cannot be made is a note on standard error, never a failure: the change stays pending for the next
/// commit or `maturity sync`.
enum GitRecording {
    /// Commits `files` (or, when nil, everything pending in `store`) if the folder is a git store.
    static func recordChanged(in store: URL, files: [URL]? = nil) {
        guard GitStore.isRepository(store) else { return }
        let git = GitStore(folder: store)
        do {
            switch try git.commitPending(files.map { $0.map(\.lastPathComponent) }) {
            case .nothing: break
            case let .committed(subject): Terminal.error("git: committed \u{201C}\(inert: subject)\u{201D}")
            case .noIdentity: Terminal.error("maturity: note: \(GitStore.noIdentityMessage)")
            }
        } catch {
            Terminal.error("maturity: note: the store is a git repository, but the change could not be committed "
                + "(it is saved in the store): \(inert: error.description)")
        }
    }

    /// `recordChanged` for one file, in the folder it is in.
    static func recordChanged(file: URL) {
        recordChanged(in: file.deletingLastPathComponent(), files: [file])
    }
}
