import FoundationEssentials
import MaturityFramework
import MaturityModel
#if canImport(Glibc)
import Glibc
#endif

extension GitStore {
    /// What committing pending changes did.
    public enum CommitOutcome: Sendable, Equatable {
        /// Nothing was pending.
        case nothing
        /// One commit, with this subject line.
        case committed(String)
        /// Changes are pending, but git has no identity: see ``GitStore/noIdentityMessage``.
        case noIdentity
    }

    /// Commits the changes pending in the store (only `names`, files in the store folder, when given;
    /// otherwise every file git does not ignore), with a message that names each assessment's system,
    /// place, date and what happened. The committer is whoever git's configuration says.
    /// The store's framework copies (see ``StoreFrameworks``) always go with the assessments named, so that
    /// a clone reads every assessment it receives.
    public func commitPending(_ names: [String]?) throws(GitError) -> CommitOutcome {
        let paths = names.map { $0.isEmpty ? ["."] : $0.map { ":(literal)" + $0 } + [":(literal)" + StoreFrameworks.folderName] } ?? ["."]
        let status = try must(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--"] + paths,
                              "cannot read the store's git status")
        // An assessment is committed even if a .gitignore (pulled from elsewhere, or edited) hides it.
        let hidden = try must(["ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--"] + paths,
                              "cannot read the store's git status").output
            .split(separator: "\0").map(String.init).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") && !$0.contains("/") }
        let changed = Self.changedPaths(status.output) + hidden
        guard !changed.isEmpty else { return .nothing }
        guard try identity() != nil else { return .noIdentity }
        var subjects: [String] = []
        // A framework copy rides along with the assessment that uses it; the message names the assessments.
        let copies = changed.filter { $0.hasPrefix(StoreFrameworks.folderName + "/") }
        for path in changed where !copies.contains(path) || copies.count == changed.count {
            subjects.append(try subject(for: path))
        }
        try must(["add", "--all", "--"] + changed.filter { !hidden.contains($0) }.map { ":(literal)" + $0 }, "cannot stage the store's changes")
        if !hidden.isEmpty {
            try must(["add", "--force", "--"] + hidden.map { ":(literal)" + $0 }, "cannot stage the store's changes")
        }
        let settings = [".gitignore", ".gitattributes"]
        let message = changed.allSatisfy(settings.contains)
            ? "The git store's settings: \(changed.sorted().joined(separator: ", ")) (locks and temporary files never committed)"
            : GitCommitMessage.message(subjects)
        let outcome = try git().run(["commit", "--quiet", "--message=" + message, "--"] + changed.map { ":(literal)" + $0 })
        guard outcome.succeeded else { throw .failed("cannot commit the store's changes: \(outcome.reason)") }
        return .committed(message.split(separator: "\n").first.map(String.init) ?? message)
    }

    /// The subject line for one changed path: an assessment's system, place, date and change; a file
    /// that is not an assessment by its name.
    func subject(for path: String) throws(GitError) -> String {
        let url = folder.appending(path: path)
        guard path.hasSuffix(".json"), !path.contains("/") else {
            if path.hasPrefix(StoreFrameworks.folderName + "/") { return "\(path): the framework assessments were answered against" }
            return [".gitignore", ".gitattributes"].contains(path) ? "\(path): the git store's settings" : "\(path): changed"
        }
        let after = try? AssessmentStore.load(url)
        let committed = try git().run(["cat-file", "blob", "HEAD:./" + path])
        let before = committed.succeeded ? try? AssessmentStore.decode(Data(committed.output.utf8), from: url) : nil
        guard let after else {
            var status = stat()
            return lstat(url.path, &status) == 0 ? "\(path): changed (not readable as an assessment)" : "\(path): removed"
        }
        return GitCommitMessage.subject(for: after, changes: RecordChange.between(before, after))
    }

    /// The paths in `git status --porcelain=v1 -z` output (the original name of a rename skipped).
    static func changedPaths(_ output: String) -> [String] {
        var paths: [String] = []
        var fields = output.split(separator: "\0", omittingEmptySubsequences: true).makeIterator()
        while let field = fields.next() {
            guard field.count > 3 else { continue }
            let code = field.prefix(2)
            paths.append(String(field.dropFirst(3)))
            if code.contains("R") || code.contains("C") { _ = fields.next() }
        }
        return paths
    }
}
