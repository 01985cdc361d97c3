import ArgumentParser
import FoundationEssentials
import MaturityModel
import MaturityFramework
import MaturityReports
import MaturityStore

/// Formats for summaries and progressions.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, md, html, csv, json
    /// One row per metric per assessment (see ``MetricsCSV``).
    case metricsCSV = "metrics-csv"
}

/// `maturity export`: a summary for the board paper or for analysts.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export an assessment's summary as Markdown, HTML, CSV or JSON, or its metrics as CSV.",
        discussion: """
            The summary has the system, date, framework and source, participants, status, each area's placement \
            with the rule's explanation, every answer and note, the gap to the next stage and the actions. When \
            members gave views, each question adds its spread, who said what (unless the workshop was anonymous) \
            and any dissent, each area its consensus, and the paper says where the board disagreed. When an \
            earlier assessment of the same system is in the store, it adds the comparison with the latest one. \
            Each area lists its metrics' readings across the system's assessments up to this one, with the \
            change from last time (the HTML draws a small chart per metric); --format metrics-csv writes \
            them alone, one row per metric per assessment. \
            The store of an assessment named by its path is the folder it is in, unless --store names another.

            A file written with -o is readable by you alone and never goes into the store's folder. An existing \
            file is replaced only with --force; otherwise the summary goes to a free name beside it \
            (paper-2.html), which is shown. -o - writes to standard output.

            Examples:
              maturity export 2026-11-22-west-yorkshire-ics --format html -o paper.html
              maturity export 2026-11-22-west-yorkshire-ics --format csv -o - > answers.csv
            """)

    @Argument(help: ArgumentHelp("A file path, or the name of a file in the store.", valueName: "assessment"))
    var assessment: String

    @Option(help: "md, html, csv, json or metrics-csv.")
    var format: ReportFormat

    @Option(name: .shortAndLong, help: OutputFile.outputHelp)
    var output: String?

    @Flag(help: OutputFile.forceHelp)
    var force = false

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if format == .text { throw ValidationError("--format must be md, html, csv, json or metrics-csv") }
    }

    func run() throws {
        let store = storeOptions.assessmentStore
        let (url, loaded) = try load(assessment, from: store)
        let catalog = FrameworkCatalog.forUser(store: store)
        let framework = try catalog.frameworkNotingVersion(for: loaded, file: url.path)
        // A file's own folder is its store, unless --store says otherwise.
        let historyStore = storeOptions.store(of: url)
        let summary: (report: SummaryReport, problems: [String])
        do {
            summary = try Reports.summary(of: loaded, file: url.lastPathComponent, framework: framework, store: historyStore)
        } catch {
            throw CommandFailure("maturity: \(error.message)")
        }
        for problem in summary.problems { Terminal.error("maturity: \(problem)") }
        let report = summary.report
        try emit(Reports.render(report, as: format), to: output, force: force,
                 protecting: OutputFile.storeFolders(store, also: [url.deletingLastPathComponent(), historyStore.folder]))
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
            not assessed. Where an assessment has members' views, each area shows its consensus that year (the \
            share of views that matched the agreed answers), and a step shows how it changed. Each metric \
            with a reading shows its series, with the change from each reading to the next and whether that \
            is better or worse; --format metrics-csv writes one row per metric per assessment.

            The system is found by its name now or any name it had (case, accents, punctuation and "&"/"and" \
            are ignored), and every assessment of it is shown under its current name, with its recorded renames.

            A system assessed at place level shows its system-level series first, then each place's series \
            (a series of its own), headed by the place; --place shows one place only.

            With -o the file is readable by you alone, as with export: an existing file is replaced only with \
            --force (else a free name such as progress-2.html is chosen), and never in the store's folder.

            Example: maturity progress --system "West Yorkshire ICS" --format html -o progress.html
            """)

    @Option(help: ArgumentHelp("The system (case, accents, punctuation and \"&\"/\"and\" are ignored).", valueName: "name"))
    var system: String

    @Option(help: ArgumentHelp("Only this place within the system (matched as system names are).", valueName: "name"))
    var place: String?

    @Option(help: "text, md, html, csv, json or metrics-csv.")
    var format: ReportFormat = .text

    @Option(name: .shortAndLong, help: OutputFile.outputHelp)
    var output: String?

    @Flag(help: OutputFile.forceHelp)
    var force = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = storeOptions.assessmentStore
        let place = try self.place.map { try TextInput.name($0, field: "--place") }
        // A progression needs of each file only what its glance holds (answers, dates, names).
        let scanned: (results: [AssessmentStore.Scanned<AssessmentStore.Glanced>], problems: [String])
        do {
            scanned = try store.scanGlances(system: system) { $0 }
        } catch {
            throw CommandFailure("maturity: \(error.message)")
        }
        for problem in scanned.problems { Terminal.error("maturity: \(problem)") }
        let glances = scanned.results.map(\.value)
        let entries = glances.map { FiledAssessment(url: $0.url, assessment: $0.glance.assessment) }
        guard let (known, series) = SystemHistory.system(named: system, among: entries), !series.isEmpty else {
            throw CommandFailure("maturity: no assessment of '\(inert: system)' in \(store.folder.path) (see 'maturity list')")
        }
        // The system level's series, then each place's, each place in the spelling first written.
        let directory = SystemDirectory(entries.map { SystemDirectory.Member($0.assessment, file: $0.url.lastPathComponent) })
        let knownPlaces = directory.places(of: known.id)
        let scopes: [String?]
        if let place {
            guard let match = knownPlaces.first(where: { SystemDirectory.samePlace($0, place) }) else {
                let list = knownPlaces.isEmpty ? "it has none" : "its places are " + knownPlaces.map { "'\(inert: $0)'" }.joined(separator: ", ")
                throw CommandFailure("maturity: \(inert: known.name) has no place '\(inert: place)'; \(list)")
            }
            scopes = [match]
        } else {
            scopes = (series.contains { $0.assessment.place == nil } ? [nil] : []) + knownPlaces
        }
        let catalog = FrameworkCatalog.forUser(store: store)
        // Each entry keeps its glance's consensus per area, which the assessment made from it leaves out.
        let glanceByFile = Dictionary(glances.map { ($0.fileName, $0.glance) }, uniquingKeysWith: { first, _ in first })
        var progressions: [PlaceProgressions.Series] = []
        let versions = AnsweredVersions(catalog: catalog, storeFolder: store.folder)
        for scope in scopes {
            let scoped = series.filter { SystemDirectory.samePlace($0.assessment.place, scope) }
            guard let latest = scoped.first, let latestGlance = glanceByFile[latest.url.lastPathComponent] else { continue }
            let framework = try catalog.answered(latestGlance.framework, file: latest.url.path)
            try FrameworkCatalog.refuse(AssessmentCheck.problems(latestGlance, framework: FrameworkCriteria(framework)), file: latest.url.path)
            // Each glance carries its file's metric values too (kept in the scan index), so nothing is read again.
            let progression = Progression(
                entries: scoped.filter { $0.assessment.framework.id == framework.id }.map { entry in
                    glanceByFile[entry.url.lastPathComponent].map { Progression.Entry(glance: $0, file: entry.url.lastPathComponent) }
                        ?? Progression.Entry(assessment: entry.assessment, file: entry.url.lastPathComponent)
                },
                framework: framework, system: known,
                answeredAgainst: versions.framework(of:))
            progressions.append(PlaceProgressions.Series(place: scope, progression: progression))
        }
        let all = PlaceProgressions(series: progressions, hasPlaces: !knownPlaces.isEmpty)
        let text: String
        switch format {
        case .text: text = all.text()
        case .md: text = all.markdown()
        case .html: text = all.html()
        case .csv: text = all.csv()
        case .json: text = try Reports.json(all.json())
        case .metricsCSV: text = all.metricsCSV()
        }
        try emit(Reports.inert(text, format: format), to: output, force: force, protecting: OutputFile.storeFolders(store))
    }
}

/// Building and writing reports, shared by the commands and the workshop.
enum Reports {
    /// The summary of `assessment`, compared with the latest earlier assessment of its system in `store`,
    /// and the store's files that could not be read; throws when the store folder cannot be read.
    static func summary(of assessment: Assessment, file: String, framework: Framework, store: AssessmentStore)
        throws(StoreError) -> (report: SummaryReport, problems: [String]) {
        let listed = try store.list(system: assessment.system, systemID: assessment.systemID)
        let entries = listed.entries
        let (earlier, series) = SystemHistory.around(assessment, file: file, among: entries)
        let (directory, systemID) = SystemHistory.identity(of: assessment, file: file, among: entries)
        let versions = AnsweredVersions(catalog: FrameworkCatalog.forUser(store: store), storeFolder: store.folder)
        var history = Progression(entries: series, framework: framework, system: directory.system(id: systemID),
                                  answeredAgainst: versions.framework(of:))
        history.system = assessment.system
        let earlierFramework = earlier.flatMap(versions.framework(of:))
        return (SummaryReport(assessment, framework: framework, earlier: earlier, history: history, systemID: systemID,
                              earlierFramework: earlierFramework),
                listed.problems)
    }

    /// The report as a document in `format`, made inert (see ``inert(_:format:)``).
    static func render(_ report: SummaryReport, as format: ReportFormat) throws -> String {
        let text = switch format {
        case .md, .text: MarkdownExport.render(report)
        case .html: HTMLExport.render(report)
        case .csv: CSVExport.render(report)
        case .json: try json(JSONExport.render(report))
        case .metricsCSV: MetricsCSV.render(report)
        }
        return inert(text, format: format)
    }

    /// A document in `format` with no character a terminal would act on, wherever it goes (a terminal,
    /// a pipe, a file someone will `cat`): text, Markdown, HTML and CSV keep their line feeds, CR LF and
    /// tabs and show every other control or bidirectional override as `\u{1B}` and the like; JSON
    /// keeps every value exactly, writing such characters as `\u001b` escapes.
    static func inert(_ text: String, format: ReportFormat) -> String {
        format == .json ? TerminalText.jsonEscaped(text) : TerminalText.inertKeepingLayout(text)
    }

    /// `document` as pretty JSON with sorted keys, ending in a newline (made inert by ``inert(_:format:)``).
    static func json(_ document: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
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

/// Writes `text` to the file at `path`, or to standard output when there is none or it is `-`.
/// A file is written by ``OutputFile``: owner-only, never into one of `stores`, never through a link or
/// into a special file, and over an existing file only with `force`; otherwise under a free name, shown.
func emit(_ text: String, to path: String?, force: Bool, protecting stores: [URL]) throws(CommandFailure) {
    guard let path, path != "-" else {
        Terminal.write(text)
        return
    }
    guard !path.isEmpty else { throw CommandFailure("maturity: -o needs a file name (or - for standard output)") }
    let url = URL(fileURLWithPath: path)
    let written: URL
    do {
        written = try OutputFile.write(Data(text.utf8), to: url, existing: force ? .replace : .keep, protecting: stores)
    } catch {
        throw CommandFailure("maturity: \(error.message)")
    }
    if written.lastPathComponent == url.lastPathComponent {
        Terminal.error("Wrote \(path)")
    } else {
        Terminal.error("Wrote \(written.path) (\(path) exists; --force replaces it)")
    }
}
