import ArgumentParser
import FoundationEssentials
import MaturityModel
import MaturityFramework
import MaturityRules
import MaturityStore

/// `maturity list`: the assessments in the store, newest first.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List assessments, newest first: date, system, framework, status and each area's stage.",
        discussion: """
            A stage marked (provisional) may still change: some answers are not sure or not given. \
            Files that cannot be read are reported by name on standard error; the rest still list. With --system, \
            every assessment of that system is listed (found by its name now or any name it had), headed by its \
            current name and its recorded renames.

            Example: maturity list --system "West Yorkshire ICS"
            """)

    @Option(help: ArgumentHelp("Only assessments of this system (case, accents, punctuation and \"&\"/\"and\" are ignored).",
                               valueName: "name"))
    var system: String?

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = storeOptions.assessmentStore
        let catalog = FrameworkCatalog.forUser(store: store)
        // What tells the systems apart, kept only with --system.
        let keepsMembers = system != nil
        // Each file is read, summed up and let go: only its line (or summary, for JSON) is kept. A line
        // needs only the file's glance; the JSON summary needs the whole assessment.
        let scanned: (results: [AssessmentStore.Scanned<Result<Listed, CommandFailure>>], problems: [String])
        do {
            if format == .json {
                scanned = try store.scan(system: system) { entry -> Result<Listed, CommandFailure> in
                    do throws(CommandFailure) {
                        let framework = try catalog.framework(for: entry.assessment, file: entry.url.path)
                        let summary = AssessmentSummary(entry.assessment, framework: framework, file: entry.url)
                        let member = keepsMembers ? SystemDirectory.Member(entry.assessment, file: entry.url.lastPathComponent) : nil
                        return .success(Listed(line: "", summary: summary, member: member))
                    } catch {
                        return .failure(error)
                    }
                }
            } else {
                let lines = ListLines(catalog: catalog)
                scanned = try store.scanGlances(system: system) { entry -> Result<Listed, CommandFailure> in
                    do throws(CommandFailure) {
                        let line = try lines.line(entry.glance, fileName: entry.fileName, path: entry.url.path)
                        let member = keepsMembers ? SystemDirectory.Member(entry.glance, file: entry.fileName) : nil
                        return .success(Listed(line: line, summary: nil, member: member))
                    } catch {
                        return .failure(error)
                    }
                }
            }
        } catch {
            throw CommandFailure("maturity: \(error.message)")
        }
        var listed: [Listed] = []
        var unreadable = scanned.problems.map { "maturity: \($0)" }
        for result in scanned.results {
            switch result.value {
            case let .success(item): listed.append(item)
            case let .failure(error): unreadable.append(error.message)
            }
        }
        for line in unreadable { Terminal.error(line) }
        // The scan keeps every file that may be the system's; the directory tells the systems apart.
        var heading: [String] = []
        if let system {
            let directory = SystemDirectory(listed.compactMap(\.member))
            let known = directory.match(system)
            listed = listed.filter { item in item.member.map { member in known.map { directory.belongs(member, to: $0.id) } == true } ?? false }
            if let known {
                heading = ["\(inert: known.name) (\(inert: known.id)): \(listed.count) assessment\(listed.count == 1 ? "" : "s")"]
                    + known.renames.map { "  renamed from \(inert: $0.from) to \(inert: $0.to) on \($0.date)" }
            }
        }
        switch format {
        case .json:
            Terminal.print(try jsonText(listed.compactMap(\.summary)))
        case .text where listed.isEmpty && !unreadable.isEmpty:
            // Never "No assessments" while files were reported above (issue 16).
            let filter = system.map { " of \(inert: $0)" } ?? ""
            Terminal.print("No readable assessments\(filter) in \(store.folder.path): \(unreadable.count) "
                + "\(unreadable.count == 1 ? "file" : "files") could not be read (see above).")
        case .text where listed.isEmpty:
            let filter = system.map { " of \(inert: $0)" } ?? ""
            Terminal.print("No assessments\(filter) in \(store.folder.path).")
            Terminal.print("Create one with: maturity new --system \"NAME\"")
        case .text:
            Terminal.print((heading + listed.map(\.line)).joined(separator: "\n"))
        }
    }

    /// What `list` keeps of one assessment: its line, and, out of line (so that a line of a large store
    /// takes little room), the JSON summary (only for JSON) and what tells the systems apart (only with --system).
    struct Listed: Sendable {
        var line: String
        private let kept: Kept?

        private final class Kept: Sendable {
            let summary: AssessmentSummary?
            let member: SystemDirectory.Member?

            init(summary: AssessmentSummary?, member: SystemDirectory.Member?) {
                self.summary = summary
                self.member = member
            }
        }

        init(line: String, summary: AssessmentSummary?, member: SystemDirectory.Member?) {
            self.line = line
            kept = summary == nil && member == nil ? nil : Kept(summary: summary, member: member)
        }

        var summary: AssessmentSummary? { kept?.summary }
        var member: SystemDirectory.Member? { kept?.member }
    }
}

/// `maturity show`: one assessment's placements and explanations.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one assessment: where each area is placed, and why.",
        discussion: "Example: maturity show 2026-11-22-west-yorkshire-ics.json --format json")

    @Argument(help: ArgumentHelp("A file path, or the name of a file in the store.", valueName: "assessment"))
    var assessment: String

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let (url, loaded) = try load(assessment, from: storeOptions.assessmentStore)
        let framework = try FrameworkCatalog.forUser().frameworkNotingVersion(for: loaded, file: url.path)
        // A target's status is measured against the pace of the system's earlier assessments.
        var earlier: [Assessment] = []
        if loaded.areas.contains(where: { $0.target != nil }) {
            let entries = (try? storeOptions.store(of: url).list(system: loaded.system, systemID: loaded.systemID).entries) ?? []
            earlier = SystemHistory.around(loaded, file: url.lastPathComponent, among: entries).series.dropLast().map(\.assessment)
        }
        let summary = AssessmentSummary(loaded, framework: framework, file: url, earlier: earlier)
        switch format {
        case .json: Terminal.print(try jsonText(summary))
        case .text: Terminal.print(summary.text(framework: framework))
        }
    }
}
