import ArgumentParser
import FoundationEssentials
import MaturityStore

/// `maturity store`: the store folder itself: a git store, a clone of one, or a store shared with a Unix group.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Set up the store folder: a git store shared through a remote, or a store shared with a Unix group.",
        subcommands: [StoreInitCommand.self, StoreCloneCommand.self, StoreShareCommand.self])
}

/// `maturity store init --git [DIR]`: makes the store a git repository, or adopts the clone it is.
struct StoreInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make the store a git repository (or adopt the clone it already is).",
        discussion: """
            Every completed, reopened or renamed assessment is then committed, and a workshop's draft when the \
            workshop ends; 'maturity sync' shares them through a remote. Git itself is run (install it first); \
            the committer is whoever git's configuration says. Locks and temporary files are never committed \
            (the store gets a .gitignore). Add a remote with git itself, e.g.
              git -C "$MATURITY_STORE" remote add origin /mnt/shared/ics-store.git
            """)

    @Flag(help: "Make the store a git store (required; the only kind of store init makes).")
    var git = false

    @Argument(help: ArgumentHelp("The store folder (default: the store, as --store or $MATURITY_STORE says).", valueName: "dir"))
    var folder: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        guard git else { throw CommandFailure("maturity: store init needs --git (a git store is the only kind it makes)") }
        let url = folder.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? storeOptions.assessmentStore.folder
        let result: (setup: GitStore.Setup, commit: GitStore.CommitOutcome)
        do {
            result = try GitStore(folder: url).initialize()
        } catch {
            throw CommandFailure("maturity: \(error.description)")
        }
        switch result.setup {
        case .created: Terminal.print("Made \(inert: url.path) a git store.")
        case .adopted: Terminal.print("\(inert: url.path) is a git repository already; adopted it as a git store.")
        }
        StoreCloneCommand.tell(result.commit)
    }
}

/// `maturity store clone URL [DIR]`: a git store from a remote.
struct StoreCloneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clone",
        abstract: "Clone a shared git store into the store folder.",
        discussion: """
            URL is anything git can clone: a bare repository on a shared drive (/mnt/shared/ics-store.git), \
            file:///…, ssh://…. DIR must not exist or be empty; it defaults to the store.
            """)

    @Argument(help: ArgumentHelp("The remote repository.", valueName: "url"))
    var remote: String

    @Argument(help: ArgumentHelp("The store folder to clone into (default: the store).", valueName: "dir"))
    var folder: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let url = folder.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? storeOptions.assessmentStore.folder
        let commit: GitStore.CommitOutcome
        do {
            commit = try GitStore.clone(remote, into: url)
        } catch {
            throw CommandFailure("maturity: \(error.description)")
        }
        Terminal.print("Cloned \(inert: remote) into \(inert: url.path); it is a git store.")
        Self.tell(commit)
    }

    /// Says what a commit of the store's settings did.
    static func tell(_ commit: GitStore.CommitOutcome) {
        switch commit {
        case .nothing: break
        case let .committed(subject): Terminal.print("Committed \u{201C}\(inert: subject)\u{201D}.")
        case .noIdentity: Terminal.error("maturity: note: \(GitStore.noIdentityMessage)")
        }
    }
}
