import ArgumentParser
import FoundationEssentials
import MaturityFramework
import MaturityStore

/// `maturity store share`: shares the store with a Unix group on this machine, or makes it private again.
struct StoreShareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "share",
        abstract: "Share the store with a Unix group on this machine, or make it private again (--off).",
        discussion: """
            --group NAME gives the store folder that group and mode 2770 (set-group-id, so that every new \
            file takes the group) and your assessment files mode 660. From then on every file maturity writes \
            there (drafts, completed assessments, lock and temporary files) is 660 whatever your umask, so \
            members of the group can run workshops and reports on it and nobody else can read it. You must \
            be a member of the group. Files of other members are never changed: each runs the same command \
            to share their own.

            --off makes it private again: the folder 700 and your files 600.

            Examples:
              maturity store share --group ics-board --store /srv/maturity
              maturity store share --off --store /srv/maturity
            """)

    @Option(help: ArgumentHelp("The Unix group to share the store with.", valueName: "name"))
    var group: String?

    @Flag(help: "Make the store private to you again (folder 700, your files 600).")
    var off = false

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if off, group != nil { throw ValidationError("give either --group NAME or --off, not both") }
        if !off, group == nil { throw ValidationError("say which group to share the store with (--group NAME), or --off") }
    }

    func run() throws {
        let folder = storeOptions.assessmentStore.folder
        let report: SharedStore.Report
        do {
            if let group {
                report = try SharedStore.share(folder, group: group)
            } else {
                report = try SharedStore.makePrivate(folder)
            }
        } catch {
            throw CommandFailure("maturity: \(error.message)")
        }
        Terminal.write(ShareReportText.lines(report, group: group).map { $0 + "\n" }.joined())
        if GitStore.isRepository(folder) { try shareGitRepository(in: folder) }
    }

    /// A git store: git is told to create its files for the group (or the owner alone), and what it
    /// wrote before is named, not changed (`.git` is git's own; the command to fix it is given).
    private func shareGitRepository(in folder: URL) throws {
        let setting = group == nil ? "umask" : "group"
        do {
            let git = try GitProgram.find(in: folder)
            let outcome = try git.run(["config", "core.sharedRepository", setting])
            guard outcome.succeeded else { throw CommandFailure("maturity: git config core.sharedRepository: \(outcome.reason)") }
        } catch let error as GitError {
            throw CommandFailure("maturity: \(error.description)")
        }
        Terminal.print("Git: core.sharedRepository is \(setting) in this store, so git's new files follow the store.")
        if let group {
            Terminal.print("Files git wrote before are left as they are; to open them to the group too, run: "
                + "chgrp -R \(inert: group) \(inert: folder.path)/.git && chmod -R g+rwX \(inert: folder.path)/.git && "
                + "find \(inert: folder.path)/.git -type d -exec chmod g+s {} +")
        }
    }
}
