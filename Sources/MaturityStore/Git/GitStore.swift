import FoundationEssentials
import MaturityFramework
import MaturityModel
#if canImport(Glibc)
import Glibc
#endif

/// A store folder that is a git repository of its own (`<store>/.git`), on the model of `pass`: every
/// assessment is a file, and every change to one is a commit. A store inside some other repository
/// (a home folder kept in git) is not a git store: only the store's own `.git` counts.
public struct GitStore: Sendable {
    /// The store folder, the repository's work tree.
    public let folder: URL

    /// The store at `folder`.
    public init(folder: URL) {
        self.folder = folder
    }

    /// Whether `folder` is a git store: it has its own `.git` (a folder, or the file a worktree has).
    public static func isRepository(_ folder: URL) -> Bool {
        var status = stat()
        return lstat(folder.appending(path: ".git").path, &status) == 0
            && ((status.st_mode & S_IFMT) == S_IFDIR || (status.st_mode & S_IFMT) == S_IFREG)
    }

    /// What the store's `.gitignore` holds: lock files, temporary files and every other hidden file
    /// (`.<name>.lock`, `.<name>.<pid>.<random>.tmp`), never committed; the two git files are kept.
    public static let ignoreText = """
        # Written by maturity: locks and temporary files of saves are never shared.
        .*
        !.gitignore
        !.gitattributes
        *.tmp
        *.lock

        """

    /// What the store's `.gitattributes` holds: assessments are never merged line by line. When both
    /// sides changed one file, `maturity sync` keeps both versions whole (see ``GitStore/sync()``).
    public static let attributesText = """
        # Written by maturity: an assessment changed on two machines is kept twice, never merged by lines.
        *.json -merge -text

        """

    func git() throws(GitError) -> GitProgram {
        try GitProgram.find(in: folder)
    }

    /// Runs git and throws its complaint, prefixed with `what`, when it fails.
    @discardableResult
    func must(_ arguments: [String], _ what: String) throws(GitError) -> GitProgram.Outcome {
        let outcome = try git().run(arguments)
        guard outcome.succeeded else { throw .failed("\(what): \(outcome.reason)") }
        return outcome
    }

    /// Who git will commit as, or nil when git has no name or no e-mail address configured (and none in
    /// `GIT_AUTHOR_*`/`GIT_COMMITTER_*`): git's own configuration decides, never `maturity`.
    public func identity() throws(GitError) -> String? {
        let environment = ProcessEnvironment.variables
        let git = try git()
        func value(_ key: String, _ variables: [String]) throws(GitError) -> String? {
            if variables.allSatisfy({ !(environment[$0] ?? "").isEmpty }) { return environment[variables[0]] }
            let outcome = try git.run(["config", "--get", key])
            let text = outcome.output.trimmingWhitespace()
            return outcome.succeeded && !text.isEmpty ? text : nil
        }
        guard let name = try value("user.name", ["GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"]),
              let email = try value("user.email", ["GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"]) else { return nil }
        return "\(name) <\(email)>"
    }

    /// The message for a git with no identity: what to run, and that nothing is lost meanwhile.
    public static let noIdentityMessage = "git does not know who you are, so the change is not committed yet (it is saved "
        + "in the store and will be committed by the next change or 'maturity sync'); tell git once with: "
        + "git config --global user.name \"Your Name\" && git config --global user.email you@example.org"

    /// Writes the store's `.gitignore` and `.gitattributes` when they are missing (an existing one is
    /// kept as it is), and the attributes into `.git/info/attributes` too, which git always honours;
    /// sets `core.symlinks` false.
    func writeSettings() throws(GitError) {
        // A link committed elsewhere is checked out as a small file holding its target, never as a link
        // that could lead a reader of the store to a file outside it.
        try must(["config", "core.symlinks", "false"], "cannot set up the git store")
        for (name, text) in [(".gitignore", Self.ignoreText), (".gitattributes", Self.attributesText)] {
            let url = folder.appending(path: name)
            var status = stat()
            if lstat(url.path, &status) == 0 { continue }
            try Self.writeNew(url, text)
        }
        let info = folder.appending(path: ".git/info")
        var status = stat()
        if stat(info.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            let attributes = info.appending(path: "attributes")
            if lstat(attributes.path, &status) != 0 { try Self.writeNew(attributes, Self.attributesText) }
        }
    }

    private static func writeNew(_ url: URL, _ text: String) throws(GitError) {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666 & ~GitProgram.fileModeMask(for: url.deletingLastPathComponent()))
        guard descriptor >= 0 else { throw .failed("cannot write \(url.path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw .failed("cannot write \(url.path): \(String(cString: strerror(errno)))") }
    }
}
