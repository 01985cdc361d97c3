import ArgumentParser
import FoundationEssentials
import MaturityStore

/// `maturity history FILE`: who changed an assessment in a git store, and when.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show who changed an assessment and when (from the git store's commits).",
        discussion: "Newest first, following the file across renames. Example: maturity history 2026-11-22-west-yorkshire-ics")

    @Argument(help: ArgumentHelp("A file path, or the name of a file in the store.", valueName: "assessment"))
    var assessment: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = storeOptions.assessmentStore
        let url: URL
        do {
            url = try store.locate(assessment)
        } catch {
            throw CommandFailure("maturity: \(error.message)")
        }
        let folder = url.deletingLastPathComponent()
        guard GitStore.isRepository(folder) else {
            throw CommandFailure("maturity: \(folder.path) is not a git store, so it keeps no history; "
                + "make it one with 'maturity store init --git'")
        }
        let entries: [GitStore.HistoryEntry]
        do {
            entries = try GitStore(folder: folder).history(of: url.lastPathComponent)
        } catch {
            throw CommandFailure("maturity: \(error.description)")
        }
        switch format {
        case .json:
            Terminal.print(try jsonText(entries))
        case .text:
            guard !entries.isEmpty else {
                Terminal.print("\(inert: url.lastPathComponent) has not been committed yet; it has no history.")
                return
            }
            for entry in entries {
                Terminal.print("\(String(entry.date.prefix(10)) + " " + String(entry.date.dropFirst(11).prefix(5)))  "
                    + "\(inert: entry.author) <\(inert: entry.email)>  \(inert: entry.message)")
            }
        }
    }
}
