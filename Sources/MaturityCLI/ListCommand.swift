import ArgumentParser
import Foundation
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
            Files that cannot be read are reported by name on standard error; the rest still list.

            Example: maturity list --system "West Yorkshire ICS"
            """)

    @Option(help: ArgumentHelp("Only assessments of this system (case and punctuation are ignored).", valueName: "name"))
    var system: String?

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = storeOptions.assessmentStore
        let catalog = FrameworkCatalog.forUser()
        let (entries, problems) = store.list()
        var summaries: [AssessmentSummary] = []
        var unreadable = problems.map { "maturity: \($0)" }
        for entry in entries {
            if let system, Slug.matchKey(for: system) != Slug.matchKey(for: entry.assessment.system) { continue }
            do {
                let framework = try catalog.framework(for: entry.assessment, file: entry.url.path)
                summaries.append(AssessmentSummary(entry.assessment, framework: framework, file: entry.url))
            } catch {
                unreadable.append(error.message)
            }
        }
        for line in unreadable { Terminal.error(line) }
        switch format {
        case .json:
            print(try jsonText(summaries))
        case .text where summaries.isEmpty:
            let filter = system.map { " of \($0)" } ?? ""
            print("No assessments\(filter) in \(store.folder.path).")
            print("Create one with: maturity new --system \"NAME\"")
        case .text:
            print(summaries.map(\.listLine).joined(separator: "\n"))
        }
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
        let summary = AssessmentSummary(loaded, framework: framework, file: url)
        switch format {
        case .json: print(try jsonText(summary))
        case .text: print(summary.text(framework: framework))
        }
    }
}
