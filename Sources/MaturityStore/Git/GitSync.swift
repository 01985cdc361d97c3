import FoundationEssentials
import MaturityFramework
#if canImport(Glibc)
import Glibc
#endif

extension GitStore {
    /// What `maturity sync` did.
    public struct SyncOutcome: Sendable, Equatable {
        /// What committing the pending changes did.
        public var commit: CommitOutcome
        /// The remote synced with, or nil when the store has none.
        public var remote: String?
        /// Whether anything came from the remote.
        public var pulled = false
        /// Whether anything went to the remote.
        public var pushed = false
        /// Files changed on both sides: each original kept, the later version as this copy.
        public var keptBoth: [(original: String, copy: String)] = []
        /// Every conflict copy in the store after the sync, waiting for someone to choose.
        public var waiting: [String] = []

        /// Equal when every field is (the kept pairs compared by their names).
        public static func == (left: SyncOutcome, right: SyncOutcome) -> Bool {
            left.commit == right.commit && left.remote == right.remote && left.pulled == right.pulled
                && left.pushed == right.pushed && left.waiting == right.waiting
                && left.keptBoth.map { [$0.original, $0.copy] } == right.keptBoth.map { [$0.original, $0.copy] }
        }
    }

    /// Commits anything pending, fetches the remote, merges it (a merge commit, never a rebase: published
    /// history is never rewritten), and pushes without force. When one file changed on both sides, both
    /// versions are kept whole: the earlier under its own name, the later as
    /// `<name>.conflict-<host>-<yyyymmddThhmmss>.json` (this machine, the later change's time in UTC).
    /// Throws when git has no identity with changes pending, or the remote cannot be reached.
    public func sync() throws(GitError) -> SyncOutcome {
        var status = stat()
        if lstat(folder.appending(path: ".git/MERGE_HEAD").path, &status) == 0 {
            throw .failed("an earlier sync stopped in the middle of a merge; finish it with git (git -C \(folder.path) status), "
                          + "or undo it with git -C \(folder.path) merge --abort, then run 'maturity sync' again")
        }
        var outcome = SyncOutcome(commit: try commitPending(nil))
        if outcome.commit == .noIdentity { throw .failed(Self.noIdentityMessage) }
        let remotes = try must(["remote"], "cannot read the store's remotes").output
            .split(whereSeparator: \.isNewline).map(String.init)
        guard let remote = remotes.contains("origin") ? "origin" : remotes.first else {
            outcome.waiting = conflictCopies()
            return outcome
        }
        outcome.remote = remote
        let branchOutcome = try git().run(["symbolic-ref", "--quiet", "--short", "HEAD"])
        guard branchOutcome.succeeded else { throw .failed("the store's git repository is not on a branch; check it out on one (git -C \(folder.path) switch main)") }
        let branch = branchOutcome.output.trimmingWhitespace()
        for attempt in 1...3 {
            let fetched = try git().run(["fetch", "--quiet", "--no-tags", "--", remote])
            guard fetched.succeeded else {
                throw .failed("cannot reach the remote '\(remote)' (\(remoteURL(remote))): \(fetched.reason); "
                              + "your changes are committed locally and will go with the next sync")
            }
            let tracking = "refs/remotes/\(remote)/\(branch)"
            let hasRemoteBranch = try git().run(["rev-parse", "--verify", "--quiet", tracking]).succeeded
            if hasRemoteBranch {
                let behind = try must(["rev-list", "--count", "HEAD.." + tracking], "cannot compare with the remote")
                if behind.output.trimmingWhitespace() != "0" {
                    outcome.keptBoth += try merge(tracking)
                    outcome.pulled = true
                }
            }
            let hasHead = try git().run(["rev-parse", "--verify", "--quiet", "HEAD"]).succeeded
            guard hasHead else { break }
            let ahead = hasRemoteBranch
                ? try must(["rev-list", "--count", tracking + "..HEAD"], "cannot compare with the remote").output
                    .trimmingWhitespace()
                : "1"
            if ahead == "0" { break }
            // Never forced: if the remote moved meanwhile, git refuses, and the loop fetches and merges again.
            let pushed = try git().run(["push", "--quiet", "--", remote, "HEAD:refs/heads/" + branch])
            if pushed.succeeded {
                outcome.pushed = true
                break
            }
            if attempt == 3 {
                throw .failed("cannot push to the remote '\(remote)' (\(remoteURL(remote))): \(pushed.reason); "
                              + "your changes are committed locally; run 'maturity sync' again")
            }
        }
        outcome.waiting = conflictCopies()
        return outcome
    }

    /// The remote's URL, for messages.
    func remoteURL(_ remote: String) -> String {
        let outcome = try? git().run(["remote", "get-url", "--", remote])
        return outcome.map { GitCommitMessage.clean($0.output) } ?? remote
    }

    /// Merges `tracking` into the store; files changed on both sides are kept twice (see ``sync()``).
    func merge(_ tracking: String) throws(GitError) -> [(original: String, copy: String)] {
        let merged = try git().run(["merge", "--quiet", "--no-edit", "--allow-unrelated-histories",
                                    "--message=maturity sync: merge the shared store", tracking])
        if merged.succeeded { return [] }
        if try identity() == nil {
            _ = try? git().run(["merge", "--abort"])
            throw .failed("git does not know who you are, so the remote's changes cannot be merged (a merge is a commit); "
                          + "tell git once with: git config --global user.name \"Your Name\" && "
                          + "git config --global user.email you@example.org, then run 'maturity sync' again")
        }
        let unmerged = try must(["diff", "--name-only", "-z", "--diff-filter=U"], "cannot list the files changed on both sides")
            .output.split(separator: "\0").map(String.init)
        guard !unmerged.isEmpty else {
            _ = try? git().run(["merge", "--abort"])
            throw .failed("cannot merge the remote's changes: \(merged.reason)")
        }
        var kept: [(original: String, copy: String)] = []
        for path in unmerged {
            if let copy = try keepBoth(path) { kept.append((path, copy)) }
        }
        let names = kept.map { "\($0.original) (the later as \($0.copy))" }.joined(separator: ", ")
        let message = GitCommitMessage.clean("maturity sync: merge the shared store; kept both versions of \(names)")
        try must(["commit", "--quiet", "--no-edit", "--message=" + message], "cannot commit the merge")
        return kept
    }

    /// Resolves one path changed on both sides: both versions kept whole, the later as a copy. A file
    /// removed on one side and changed on the other is kept as changed. Returns the copy's name, if any.
    func keepBoth(_ path: String) throws(GitError) -> String? {
        let literal = ":(literal)" + path
        let stages = Set(try must(["ls-files", "--unmerged", "-z", "--", literal], "cannot read \(path)'s versions").output
            .split(separator: "\0").compactMap { entry in entry.split(separator: " ").dropFirst(2).first.flatMap { Int($0.prefix(1)) } })
        guard stages.contains(2), stages.contains(3) else {
            try must(["checkout", stages.contains(2) ? "--ours" : "--theirs", "--", literal], "cannot keep \(path)")
            try must(["add", "--", literal], "cannot keep \(path)")
            return nil
        }
        let ours = try commitTime(of: path, at: "HEAD")
        let theirs = try commitTime(of: path, at: "MERGE_HEAD")
        let laterIsTheirs = theirs >= ours
        let copy = conflictName(for: path, time: max(ours, theirs))
        try must(["checkout", laterIsTheirs ? "--theirs" : "--ours", "--", literal], "cannot keep \(path)")
        guard rename(folder.appending(path: path).path, folder.appending(path: copy).path) == 0 else {
            throw .failed("cannot keep both versions of \(path): \(String(cString: strerror(errno)))")
        }
        try must(["checkout", laterIsTheirs ? "--ours" : "--theirs", "--", literal], "cannot keep \(path)")
        try must(["add", "--", literal, ":(literal)" + copy], "cannot keep \(path)")
        return copy
    }

    /// When `path` last changed on the side `revision`, as seconds since 1970 (0 when unknown).
    func commitTime(of path: String, at revision: String) throws(GitError) -> Int {
        let outcome = try git().run(["log", "-1", "--format=%ct", revision, "--", ":(literal)" + path])
        return Int(outcome.output.trimmingWhitespace()) ?? 0
    }

    /// `<stem>.conflict-<host>-<yyyymmddThhmmss>.json`, with `-2`, `-3`… when that name is taken.
    func conflictName(for path: String, time: Int) -> String {
        let stem = path.hasSuffix(".json") ? String(path.dropLast(5)) : path
        var seconds = time_t(time)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let stamp = "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))T\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))"
        let base = "\(stem).conflict-\(Self.hostSlug())-\(stamp)"
        var name = base + ".json"
        var suffix = 2
        var status = stat()
        while lstat(folder.appending(path: name).path, &status) == 0 {
            name = "\(base)-\(suffix).json"
            suffix += 1
        }
        return name
    }

    /// This machine's name in lowercase letters, digits and hyphens ("host" when it has none).
    static func hostSlug() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "host" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let slug = String(name.lowercased().unicodeScalars.map { scalar -> Character in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) ? Character(scalar) : "-"
        }.prefix(40))
        let trimmed = slug.split(separator: "-").joined(separator: "-")
        return trimmed.isEmpty ? "host" : trimmed
    }

    /// The conflict copies in the store (`*.conflict-*.json`), sorted: each waits for someone to choose.
    public func conflictCopies() -> [String] {
        guard let names = try? FolderNames.names(in: folder) else { return [] }
        return names.filter { $0.hasSuffix(".json") && $0.contains(".conflict-") && !$0.hasPrefix(".") }.sorted()
    }
}

/// Lists a folder's entries with `opendir`, without Foundation's file manager.
enum FolderNames {
    /// The names in `folder` (without `.` and `..`), unsorted.
    static func names(in folder: URL) throws(GitError) -> [String] {
        guard let directory = opendir(folder.path) else { throw .failed("cannot read \(folder.path)") }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
