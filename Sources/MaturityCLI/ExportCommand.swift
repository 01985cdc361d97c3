import ArgumentParser
import Foundation
import MaturityFramework
import MaturityReports
import MaturityStore

/// Formats for summaries and progressions.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, md, html, csv, json
}

/// `maturity export`: a summary for the board paper or for analysts.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export an assessment's summary as Markdown, HTML, CSV or JSON.",
        discussion: """
            The summary has the system, date, framework and source, participants, status, each area's placement \
            with the rule's explanation, every answer and note, the gap to the next stage and the actions. When an \
            earlier assessment of the same system is in the store, it adds the comparison with the latest one. \
            The store of an assessment named by its path is the folder it is in, unless --store names another.

            Examples:
              maturity export 2026-11-22-west-yorkshire-ics.json --format html -o board-paper.html
              maturity export 2026-11-22-west-yorkshire-ics --format csv > answers.csv
            """)

    @Argument(help: ArgumentHelp("A file path, or the name of a file in the store.", valueName: "assessment"))
    var assessment: String

    @Option(help: "md, html, csv or json.")
    var format: ReportFormat

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if format == .text { throw ValidationError("--format must be md, html, csv or json") }
    }

    func run() throws {
        let (url, loaded) = try load(assessment, from: storeOptions.assessmentStore)
        let catalog = FrameworkCatalog.forUser()
        let framework = try catalog.frameworkNotingVersion(for: loaded, file: url.path)
        let report = Reports.summary(of: loaded, file: url.lastPathComponent, framework: framework, store: storeOptions.store(of: url))
        try emit(Reports.render(report, as: format), to: output)
    }
}

/// `maturity progress`: every assessment of a system, and how each area moved.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Show a system's progression: each area's stage in every assessment, in date order.",
        discussion: """
            Between consecutive assessments it shows whether each area moved up, down or stayed, and which \
            criteria were newly met (answered yes) or newly lost. An area an assessment did not cover shows as \
            not assessed.

            The system is found by its name now or any name it had (case, accents, punctuation and "&"/"and" \
            are ignored), and every assessment of it is shown under its current name, with its recorded renames.

            Example: maturity progress --system "West Yorkshire ICS" --format html -o progress.html
            """)

    @Option(help: ArgumentHelp("The system (case, accents, punctuation and \"&\"/\"and\" are ignored).", valueName: "name"))
    var system: String

    @Option(help: "text, md, html, csv or json.")
    var format: ReportFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = storeOptions.assessmentStore
        let (entries, problems) = store.list(system: system)
        for problem in problems { Terminal.error("maturity: \(problem)") }
        guard let (known, series) = SystemHistory.system(named: system, among: entries), let latest = series.first else {
            throw CommandFailure("maturity: no assessment of '\(system)' in \(store.folder.path) (see 'maturity list')")
        }
        let catalog = FrameworkCatalog.forUser()
        let framework = try catalog.framework(for: latest.assessment, file: latest.url.path)
        let progression = Progression(
            entries: series.filter { $0.assessment.framework.id == framework.id }
                .map { Progression.Entry(assessment: $0.assessment, file: $0.url.lastPathComponent) },
            framework: framework, system: known)
        let text: String
        switch format {
        case .text: text = ProgressExport.text(progression)
        case .md: text = ProgressExport.markdown(progression)
        case .html: text = ProgressExport.html(progression)
        case .csv: text = ProgressExport.csv(progression)
        case .json: text = try Reports.json(ProgressExport.json(progression))
        }
        try emit(text, to: output)
    }
}

/// Building and writing reports, shared by the commands and the workshop.
enum Reports {
    /// The summary of `assessment`, compared with the latest earlier assessment of its system in `store`.
    static func summary(of assessment: Assessment, file: String, framework: Framework, store: AssessmentStore) -> SummaryReport {
        let entries = store.list(system: assessment.system, systemID: assessment.systemID).entries
        let (earlier, series) = SystemHistory.around(assessment, file: file, among: entries)
        let (directory, systemID) = SystemHistory.identity(of: assessment, file: file, among: entries)
        var history = Progression(entries: series, framework: framework, system: directory.system(id: systemID))
        history.system = assessment.system
        return SummaryReport(assessment, framework: framework, earlier: earlier, history: history, systemID: systemID)
    }

    static func render(_ report: SummaryReport, as format: ReportFormat) throws -> String {
        switch format {
        case .md, .text: MarkdownExport.render(report)
        case .html: HTMLExport.render(report)
        case .csv: CSVExport.render(report)
        case .json: try json(JSONExport.render(report))
        }
    }

    static func json(_ object: [String: Any]) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// Loads an assessment named as a path or a store file name.
func load(_ reference: String, from store: AssessmentStore) throws(CommandFailure) -> (URL, Assessment) {
    do {
        let url = try store.locate(reference)
        return (url, try AssessmentStore.load(url))
    } catch {
        throw CommandFailure("maturity: \(error.message)")
    }
}

/// Writes `text` to `path` (atomically) or to standard output.
func emit(_ text: String, to path: String?) throws(CommandFailure) {
    guard let path else {
        FileHandle.standardOutput.write(Data(text.utf8))
        return
    }
    do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
        throw CommandFailure("maturity: cannot write \(path): \(error.localizedDescription)")
    }
    Terminal.error("Wrote \(path)")
}
