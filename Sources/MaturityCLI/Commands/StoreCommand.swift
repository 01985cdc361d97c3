import ArgumentParser

/// `maturity store`: commands about the store folder itself rather than its assessments.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Manage the store folder itself (who may use it).",
        subcommands: [StoreShareCommand.self])
}
