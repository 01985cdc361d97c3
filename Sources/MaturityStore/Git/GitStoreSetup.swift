import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension GitStore {
    /// What `store init --git` did.
    public enum Setup: Sendable, Equatable {
        /// A new repository was made in the store.
        case created
        /// The store already was a repository (a clone, say); it was adopted as it is.
        case adopted
    }

    /// Makes the store a git repository, or adopts the one it already is; writes its `.gitignore` and
    /// `.gitattributes` when missing and commits what is there (when git knows who you are: see
    /// ``commitPending(_:)``). The folder is created (mode 700) when missing.
    public func initialize() throws(GitError) -> (setup: Setup, commit: CommitOutcome) {
        var setup = Setup.adopted
        let git = try git()
        if !Self.isRepository(folder) {
            if mkdir(folder.path, 0o700) != 0, errno != EEXIST {
                throw .failed("cannot create the store folder \(folder.path): \(String(cString: strerror(errno)))")
            }
            var shared: [String] = []
            if GitProgram.fileModeMask(for: folder) == 0o007 { shared = ["--shared=group"] }
            let outcome = try git.run(["init", "--quiet", "--initial-branch=main"] + shared)
            guard outcome.succeeded else { throw .failed("cannot make \(folder.path) a git repository: \(outcome.reason)") }
            setup = .created
        }
        try writeSettings()
        return (setup, try commitPending(nil))
    }

    /// Clones `remote` (any URL or path git understands: a bare repository on a shared drive, `file://`,
    /// ssh) into `folder`, which must not exist or be empty, then sets it up as ``initialize()`` does.
    public static func clone(_ remote: String, into folder: URL) throws(GitError) -> CommitOutcome {
        let parent = folder.deletingLastPathComponent()
        let git = try GitProgram.find(in: parent)
        // "--" ends the options: a URL that starts with "-" is a URL, never an option.
        let outcome = try git.run(["clone", "--quiet", "--config", "core.symlinks=false", "--", remote, folder.path], in: parent)
        guard outcome.succeeded else { throw .failed("cannot clone \(remote): \(outcome.reason)") }
        let store = GitStore(folder: folder)
        try store.checkOutSharedBranch()
        try store.writeSettings()
        return try store.commitPending(nil)
    }

    /// After a clone whose remote names no branch as its own (a bare repository made with `git init
    /// --bare`, whose HEAD may name a branch nobody pushed), checks out the remote's branch (`main`
    /// when it has one); with an empty remote, the store's branch is `main`, as `store init` makes it.
    func checkOutSharedBranch() throws(GitError) {
        guard !(try git().run(["rev-parse", "--verify", "--quiet", "HEAD"]).succeeded) else { return }
        let branches = try must(["for-each-ref", "--format=%(refname:lstrip=3)", "refs/remotes/origin"],
                                "cannot list the remote's branches").output
            .split(whereSeparator: \.isNewline).map(String.init).filter { $0 != "HEAD" }
        guard let branch = branches.contains("main") ? "main" : branches.first else {
            try must(["symbolic-ref", "HEAD", "refs/heads/main"], "cannot name the store's branch")
            return
        }
        try must(["checkout", "--quiet", "-B", branch, "--track", "origin/" + branch], "cannot check out the remote's \(branch)")
    }
}
