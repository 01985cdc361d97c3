import ArgumentParser
import FoundationEssentials
import MaturityModel
import MaturityFramework
import MaturityStore

/// `maturity reopen`: opens a complete assessment for changes again, recording when, by whom and why.
struct ReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen",
        abstract: "Reopen a complete assessment as a draft, recording when, by whom and why.",
        discussion: """
            A complete assessment is read-only: the workshop shows it but changes nothing. Reopening it is a \
            deliberate act, kept in the file with the date, your login name and the reason, and every export \
            and 'maturity show' says so. The workshop can do the same: c on the summary board.

            Example: maturity reopen 2026-11-22-west-yorkshire-ics --reason "Council's late evidence on climate"
            """)

    @Argument(help: ArgumentHelp("A file path, or the name of a file in the store.", valueName: "assessment"))
    var assessment: String

    @Option(help: ArgumentHelp("Why it is reopened (kept in the file).", valueName: "text"))
    var reason: String

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let reason = try TextInput.name(reason, field: "--reason")
        let store = storeOptions.assessmentStore
        var (url, loaded) = try load(assessment, from: store)
        guard loaded.isReadOnly else {
            throw CommandFailure("maturity: \(url.path) is a draft already; only a complete assessment is reopened")
        }
        let framework = try FrameworkCatalog.forUser().framework(for: loaded, file: url.path)
        let lock: DraftLock
        do {
            lock = try DraftLock.acquire(url)
        } catch {
            throw CommandFailure("maturity: \(error)")
        }
        defer { lock.release() }
        // Read again under the lock, so that nothing written meanwhile is overwritten.
        (url, loaded) = try load(url.path, from: store)
        guard loaded.isReadOnly else { throw CommandFailure("maturity: \(url.path) was reopened meanwhile; nothing changed") }
        loaded.reopen(at: RecordStamp.now(), by: RecordStamp.person, reason: reason)
        do {
            try store.save(loaded, framework: framework, to: url)
        } catch {
            throw CommandFailure("maturity: \(error.message)")
        }
        print("Reopened \(url.path) as a draft; the reopening is recorded.")
        GitRecording.recordChanged(file: url)
    }
}
