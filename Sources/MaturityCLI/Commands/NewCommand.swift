import ArgumentParser
import FoundationEssentials
import MaturityModel
import MaturityFramework
import MaturityStore

/// `maturity new`: create an assessment without the workshop, e.g. from survey answers.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create an assessment file, optionally pre-filled with answers; prints its path.",
        discussion: """
            The answers file is JSON, {"<criterion id>": "yes|partly|no|unsure"}, or CSV with the header \
            criterion,answer (or criterion,answer,note). 'maturity frameworks show ID' lists the criterion ids. \
            An unknown criterion id or answer is an error, and then nothing is written.

            Members' views gathered beforehand: a CSV column participant (rows that name a participant are that \
            person's view; rows without are the agreed answer), JSON {"agreed": {...}, "views": {"<name>": {...}}}, \
            or a survey tool's export, one row per person per question (columns such as Respondent or Name, \
            Question or Criterion, Response or Answer, in any case and order). Participants the sheet names are \
            added. With --anonymous the views are kept as counts only, without names.

            A system the store knows already is matched ignoring case, accents, punctuation and "&"/"and": the \
            assessment joins it and keeps its established name. --rename-system renames it deliberately (the \
            rename is recorded), and --system-id names a system by its identity.

            Example: maturity new --system "West Yorkshire ICS" --participant "Chair" --answers survey.csv
            """)

    @Option(help: ArgumentHelp("The system assessed, e.g. \"West Yorkshire ICS\".", valueName: "name"))
    var system: String

    @Option(help: ArgumentHelp("The day of the assessment, YYYY-MM-DD (default: today).", valueName: "date"))
    var date: String?

    @Option(help: ArgumentHelp(
        "A framework id or file (default: \(FrameworkCatalog.defaultFrameworkID)).", valueName: "id-or-path"))
    var framework: String = FrameworkCatalog.defaultFrameworkID

    @Option(name: .customLong("participant"), help: ArgumentHelp("Someone who took part; repeat for each.", valueName: "name"))
    var participants: [String] = []

    @Option(help: ArgumentHelp("Answers to pre-fill, as JSON or CSV.", valueName: "file"))
    var answers: String?

    @Flag(help: "Mark the assessment complete rather than draft.")
    var complete = false

    @Flag(help: "Keep members' views without names: counted only (there is no turning it off).")
    var anonymous = false

    @Option(help: ArgumentHelp(
        "When the system was established, YYYY-MM-DD (ICSs became statutory on 2022-07-01); carried forward each year.",
        valueName: "date"))
    var established: String?

    @Option(help: ArgumentHelp(
        "Metric values to record, as CSV (metric,value[,unit,period,source,note]) or JSON.", valueName: "file"))
    var metrics: String?

    @Option(name: .customLong("target"), help: ArgumentHelp(
        "A target for an area: AREA=STAGE:YEAR, e.g. climate-change=established:2027; repeat for each area.",
        valueName: "area=stage:year"))
    var targets: [String] = []

    @Option(help: ArgumentHelp(
        "The place within the system the assessment covers, e.g. \"Leeds\" (default: the whole system); its "
            + "assessments are a series of their own.", valueName: "name"))
    var place: String?

    @OptionGroup var identityOptions: SystemIdentityOptions

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let system = try TextInput.name(system, field: "--system")
        let place = try self.place.map { try TextInput.name($0, field: "--place") }
        // A name given twice is one participant: views are kept by name.
        var seen: Set<String> = []
        let participants = try participants.map { try TextInput.name($0, field: "--participant") }.filter { seen.insert($0).inserted }
        let day = try date.map { text in
            guard let day = CalendarDate(text) else {
                throw CommandFailure("maturity: --date '\(text)' is not a real day written YYYY-MM-DD, e.g. 2026-11-22")
            }
            return day
        } ?? CalendarDate.today()
        let catalog = FrameworkCatalog.forUser(store: storeOptions.assessmentStore)
        for note in catalog.setAside { Terminal.error("maturity: note: \(note)") }
        let framework = try catalog.resolve(self.framework).orFail()
        var assessment = Assessment(starting: framework, system: system, date: day, participants: participants)
        if anonymous { assessment.makeAnonymous() }
        if let established {
            guard let since = CalendarDate(established) else {
                throw CommandFailure("maturity: --established '\(established)' is not a real day written YYYY-MM-DD, e.g. 2022-07-01")
            }
            guard since <= day else {
                throw CommandFailure("maturity: --established \(since) is after the assessment's date \(day)")
            }
            assessment.established = since
        }
        do {
            for (areaID, target) in try TargetArgument.parseAll(targets, framework: framework, assessmentYear: day.year) {
                assessment[area: areaID].target = target
            }
        } catch {
            throw CommandFailure("maturity: \(error.message)")
        }
        if let metrics {
            do {
                assessment.metrics = try MetricSheet.read(try readAnswerFile(metrics), fileName: metrics, framework: framework)
            } catch let error as CommandFailure {
                throw error
            } catch let error as StoreError {
                throw CommandFailure("maturity: \(error.message)")
            }
        }
        if let answers {
            let data = try readAnswerFile(answers)
            do {
                assessment = try AnswerSheet.read(data, fileName: answers, framework: framework)
                    .applied(to: assessment, framework: framework)
            } catch {
                throw CommandFailure(error.message.split(separator: "\n").map { "maturity: \($0)" }.joined(separator: "\n"))
            }
        }
        if complete {
            do {
                try assessment.complete(in: framework, at: RecordStamp.now(), by: RecordStamp.person)
            } catch {
                throw CommandFailure("maturity: cannot mark complete: answers are as last time and not confirmed")
            }
        }
        let store = storeOptions.assessmentStore
        let systems = try store.systems(named: system, systemID: identityOptions.systemID, renamingTo: identityOptions.renameSystem)
        let (choice, note) = try identityOptions.choice(typed: system, systems: systems)
        assessment.attach(to: choice)
        // A known place keeps the spelling its first assessment gave it.
        assessment.place = place.map { name in choice.known.map { systems.place(named: name, in: $0.id) } ?? name }
        if let note { Terminal.error(note) }
        let created: URL
        do {
            created = try store.create(assessment, framework: framework)
        } catch {
            throw CommandFailure("maturity: \(error.message)")
        }
        Terminal.print(created.path)
        GitRecording.recordChanged(file: created)
        if catalog.framework(id: framework.id) != framework {
            let folder = FrameworkCatalog.userFolder(environment: ProcessEnvironment.variables).path
            // The store keeps its own copy (issue 16), so this assessment reads anywhere; the note is about starting others.
            Terminal.error("note: the store keeps a copy of framework '\(framework.id)' \(framework.version), so this "
                + "assessment reads anywhere the store goes. It is not installed on this machine: to offer it for other stores "
                + "too, copy its file to \(folder)")
        }
    }

    private func readAnswerFile(_ path: String) throws(CommandFailure) -> Data {
        switch LocalFiles.read(URL(fileURLWithPath: path), limit: AnswerSheet.maximumFileSize) {
        case let .success(data): return data
        case let .failure(failure): throw CommandFailure("maturity: \(path): \(failure)")
        }
    }
}

/// Checks on names typed by people: systems and participants.
enum TextInput {
    /// The longest name accepted.
    static let maximumNameLength = TypedName.maximumLength

    /// `text` trimmed, or a failure naming `field` when it is empty, too long, or holds a control character
    /// or a bidirectional override (``TypedName/checked(_:)``, which answer sheets use too).
    static func name(_ text: String, field: String) throws(CommandFailure) -> String {
        switch TypedName.checked(text) {
        case let .success(name): return name
        case let .failure(problem): throw CommandFailure("maturity: \(field) \(problem.sentence)")
        }
    }
}
