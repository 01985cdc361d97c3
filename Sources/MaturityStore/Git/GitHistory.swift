import FoundationEssentials
import MaturityFramework

extension GitStore {
    /// One commit that changed an assessment's file.
    public struct HistoryEntry: Sendable, Equatable, Codable {
        /// The commit's id.
        public var commit: String
        /// Who made the change (git's author name).
        public var author: String
        /// The author's e-mail address.
        public var email: String
        /// When, as ISO 8601 with the author's offset.
        public var date: String
        /// The commit message's first line.
        public var message: String
    }

    /// Who changed the file `name` (in the store folder) and when, newest first, following it across
    /// renames (`git log --follow`). A file git has never committed has no history (an empty list).
    public func history(of name: String) throws(GitError) -> [HistoryEntry] {
        guard try git().run(["rev-parse", "--verify", "--quiet", "HEAD"]).succeeded else { return [] }
        let format = "%H%x1f%an%x1f%ae%x1f%aI%x1f%s%x1e"
        let outcome = try must(["log", "--follow", "--no-color", "--format=" + format, "--", ":(literal)" + name],
                               "cannot read the history of \(name)")
        return outcome.output.split(separator: "\u{1E}").compactMap { record in
            let fields = record.trimmingWhitespace().split(separator: "\u{1F}", omittingEmptySubsequences: false)
            guard fields.count == 5 else { return nil }
            return HistoryEntry(commit: String(fields[0]), author: GitCommitMessage.clean(String(fields[1])),
                                email: GitCommitMessage.clean(String(fields[2])), date: String(fields[3]),
                                message: GitCommitMessage.clean(String(fields[4])))
        }
    }
}
