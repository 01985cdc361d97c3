import ArgumentParser
import FoundationEssentials
import Glibc
import MaturityStore

/// `maturity sync`: commits, pulls (fetch and merge) and pushes a git store.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Commit anything pending in a git store, pull the remote's changes, and push.",
        discussion: """
            Pulling fetches and merges: published history is never rewritten (no rebase, no force push). \
            Different assessments never conflict, as each is its own file. When the same file was changed on \
            both sides, both versions are kept whole: the earlier under its own name, the later as \
            <name>.conflict-<host>-<yyyymmddThhmmss>.json beside it (read by the store like any assessment). \
            sync says so and exits with status 2 until someone chooses: delete the version you do not keep \
            (or move the copy over the original) and run 'maturity sync' again.
            Exit status: 0 synced (or committed, with no remote); 1 failed (no git, not a git store, no \
            identity, remote unreachable); 2 synced, with conflict copies waiting for a choice.
            """)

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let folder = storeOptions.assessmentStore.folder
        guard GitStore.isRepository(folder) else {
            throw CommandFailure("maturity: \(folder.path) is not a git store; make it one with 'maturity store init --git'")
        }
        let outcome: GitStore.SyncOutcome
        do {
            let store = GitStore(folder: folder)
            let locks = try store.holdDrafts()
            defer { locks.forEach { $0.release() } }
            outcome = try store.sync()
        } catch {
            throw CommandFailure("maturity: \(error.description)")
        }
        if case let .committed(subject) = outcome.commit { Terminal.print("Committed \u{201C}\(inert: subject)\u{201D}.") }
        if let remote = outcome.remote {
            Terminal.print("Synced with '\(inert: remote)': " + (outcome.pulled ? "pulled changes" : "nothing to pull") + ", "
                + (outcome.pushed ? "pushed." : "nothing to push."))
        } else {
            Terminal.print("This store has no remote: everything is committed locally. Add one with "
                + "git -C \(inert: folder.path) remote add origin URL, then run 'maturity sync' again.")
        }
        for kept in outcome.keptBoth {
            if kept.original.hasPrefix(StoreFrameworks.folderName + "/") {
                // Two texts of one framework version: each is needed by the assessments answered against it.
                Terminal.print("\(inert: kept.original) was written with another text on each side under the same version: both are kept, "
                    + "the later as \(inert: kept.copy); keep both (each assessment reads the text it was answered against), "
                    + "and raise `version` in that framework's file before it is used again.")
            } else {
                Terminal.print("\(inert: kept.original) was changed on both sides: both are kept, the later as \(inert: kept.copy).")
            }
        }
        guard !outcome.waiting.isEmpty else { return }
        Terminal.error("maturity: \(outcome.waiting.count) conflict cop\(outcome.waiting.count == 1 ? "y waits" : "ies wait") for a choice:\n"
            + outcome.waiting.map { "  \($0)" }.joined(separator: "\n")
            + "\nCompare each with its original ('maturity show FILE'), delete the version you do not keep (or move the "
            + "copy over the original), then run 'maturity sync' again.")
        Glibc.exit(2)
    }
}
