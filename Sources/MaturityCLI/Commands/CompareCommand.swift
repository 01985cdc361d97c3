import ArgumentParser
import FoundationEssentials
import MaturityFramework
import MaturityModel
import MaturityReports
import MaturityStore

/// Formats of `compare` and `rollup`.
enum MatrixFormat: String, ExpressibleByArgument, CaseIterable {
    case text, md, html, csv, json

    /// As a report format (for making the output inert).
    var report: ReportFormat { ReportFormat(rawValue: rawValue) ?? .text }
}

/// `--format`, `-o` and `--force` of `compare` and `rollup`.
struct MatrixOutputOptions: ParsableArguments {
    @Option(help: "text, md, html, csv or json.")
    var format: MatrixFormat = .text

    @Option(name: .shortAndLong, help: OutputFile.outputHelp)
    var output: String?

    @Flag(help: OutputFile.forceHelp)
    var force = false

    /// Writes `text`, made inert for the format, as ``emit(_:to:force:protecting:)`` does, never into `store`.
    func emit(_ text: String, store: AssessmentStore) throws(CommandFailure) {
        try MaturityCLI.emit(Reports.inert(text, format: format.report), to: output, force: force,
                             protecting: OutputFile.storeFolders(store))
    }
}

/// `--year`, checked.
struct YearOption: ParsableArguments {
    @Option(help: ArgumentHelp("Only assessments dated in this year (default: each one's latest).", valueName: "yyyy"))
    var year: Int?

    func validate() throws {
        if let year, !(1...9999).contains(year) { throw ValidationError("--year must be a year such as 2026") }
    }
}

/// `maturity compare`: systems side by side.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare systems side by side: each system's stage per area, the distribution and the movement.",
        discussion: """
            Each system's latest complete, system-level assessment (in --year, else its latest) is shown area by \
            area, with the change since its latest complete assessment of the year before (up, down, same, or new \
            when there is none), and per area how many systems are at each stage. Systems are compared on the \
            framework of the latest such assessment; one answered against another version is compared where \
            the areas match and marked — where they do not; systems assessed against another framework are left \
            out, with a note. Drafts and place-level assessments are not compared (see 'maturity rollup').

            Systems are found as 'progress --system' finds them (case, accents, punctuation and "&"/"and" \
            ignored; any name a system had). With -o the file is readable by you alone, never in the store's \
            folder, and an existing file is replaced only with --force.

            Examples:
              maturity compare --year 2026 --format html -o compare-2026.html
              maturity compare --system "West Yorkshire ICS" --system "Humber ICS"
            """)

    @Option(name: .customLong("system"), help: ArgumentHelp("A system to compare (repeat; default: every system).", valueName: "name"))
    var systems: [String] = []

    @OptionGroup var yearOption: YearOption

    @OptionGroup var outputOptions: MatrixOutputOptions

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = storeOptions.assessmentStore
        let read = try ComparedStore(store, system: systems.count == 1 ? systems[0] : nil)
        var named: [KnownSystem] = []
        for name in systems {
            let known = try read.system(named: name, in: store)
            if !named.contains(where: { $0.id == known.id }) { named.append(known) }
        }
        let chosen = read.of(systems.isEmpty ? nil : Set(named.map(\.id)))
        let year = yearOption.year
        // Compared on the framework of the latest complete, system-level assessment chosen.
        let eligible = chosen.filter { $0.seen.glance.status == .complete && $0.seen.glance.place == nil
            && (year == nil || $0.seen.glance.date.year == year) }
        guard let latest = eligible.first else {
            let when = year.map { " in \($0)" } ?? ""
            throw CommandFailure("maturity: no complete, system-level assessment\(when) to compare in \(store.folder.path) (see 'maturity list')")
        }
        let framework = try FrameworkCatalog.forUser().answered(latest.seen.glance.framework, file: latest.seen.path)
        let systemNames = (systems.isEmpty ? read.directory.systems : named).map { SystemName(id: $0.id, name: $0.name) }
        let matrix = SystemsMatrix(framework: framework, systems: systemNames,
                                   assessments: ComparedStore.compared(chosen, on: framework), year: year)
        let text: String = switch outputOptions.format {
        case .text: CompareExport.text(matrix)
        case .md: CompareExport.markdown(matrix)
        case .html: CompareHTML.render(matrix)
        case .csv: CompareCSV.render(matrix)
        case .json: try Reports.json(ComparisonJSON(matrix))
        }
        try outputOptions.emit(text, store: store)
    }
}

/// `maturity rollup`: one system's places side by side with the system-level assessment.
struct RollupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollup",
        abstract: "Roll up a system: each area's stage at every place, beside the system-level assessment.",
        discussion: """
            For the year given (default: the year of the system's latest complete assessment), each place's \
            latest complete assessment and the system's own are shown area by area; a place with none that \
            year says so. Places are matched as system names are (case, accents, punctuation and "&"/"and" \
            ignored). Formats and -o are as for 'maturity compare'.

            Example: maturity rollup --system "West Yorkshire ICS" --year 2026 --format html -o places.html
            """)

    @Option(help: ArgumentHelp("The system (case, accents, punctuation and \"&\"/\"and\" are ignored).", valueName: "name"))
    var system: String

    @OptionGroup var yearOption: YearOption

    @OptionGroup var outputOptions: MatrixOutputOptions

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = storeOptions.assessmentStore
        let read = try ComparedStore(store, system: system)
        let known = try read.system(named: system, in: store)
        let chosen = read.of([known.id])
        let year = yearOption.year
        // Shown on the framework of the system's latest complete assessment (in the year, if given).
        let complete = chosen.filter { $0.seen.glance.status == .complete && (year == nil || $0.seen.glance.date.year == year) }
        guard let latest = complete.first else {
            let when = year.map { " in \($0)" } ?? ""
            throw CommandFailure("maturity: '\(inert: known.name)' has no complete assessment\(when) in \(store.folder.path) (see 'maturity list --system')")
        }
        let framework = try FrameworkCatalog.forUser().answered(latest.seen.glance.framework, file: latest.seen.path)
        let rollup = SystemRollup(framework: framework, system: SystemName(id: known.id, name: known.name),
                                  assessments: ComparedStore.compared(chosen, on: framework), year: year)
        let text: String = switch outputOptions.format {
        case .text: RollupExport.text(rollup)
        case .md: RollupExport.markdown(rollup)
        case .html: RollupExport.html(rollup)
        case .csv: CompareCSV.render(rollup)
        case .json: try Reports.json(RollupJSON(rollup))
        }
        try outputOptions.emit(text, store: store)
    }
}
