import CellGrid
import CursesTerminal
import FoundationEssentials
import MaturityModel
import MaturityFramework
import MaturityReports
import MaturityStore
import WorkshopUI

/// Runs the line-by-line workshop on standard input and output.
struct PlainRunner {
    let store: AssessmentStore
    let frameworks: [Framework]
    let system: String?
    let resumed: (assessment: Assessment, path: String, framework: Framework)?
    let archive: [WorkshopState.Draft]
    /// The system's identity as the command line chose it (a rename), if it did.
    let preset: SystemChoice?
    /// The established date given with `--established`, over the one carried forward.
    var established: CalendarDate?
    /// The place given with `--place` (nil: the whole system); plain mode never asks for one.
    var place: String?

    func run() throws {
        let write: PlainWorkshop.Write = { text in Terminal.write(text) }
        let read: PlainWorkshop.ReadLine = { Swift.readLine(strippingNewline: true) }
        var framework = frameworks[0]
        var assessment: Assessment
        var path: String?
        if let resumed {
            framework = resumed.framework
            assessment = resumed.assessment
            path = resumed.path
            write("Resuming \(inert: resumed.path)\n")
        } else {
            let systems = SystemDirectory(archive.map { SystemDirectory.Member($0.assessment, file: $0.path) })
            let lastUsed: (String) -> Int? = { [frameworks, archive, place] name in
                guard let known = systems.match(name) else { return nil }
                let series = archive.filter {
                    systems.belongs(SystemDirectory.Member($0.assessment, file: $0.path), to: known.id, place: place)
                }
                let latest = series.filter { $0.assessment.status == .complete }.max { ($0.assessment.date, $0.path) < ($1.assessment.date, $1.path) }
                    ?? series.max { ($0.assessment.date, $0.path) < ($1.assessment.date, $1.path) }
                return latest.flatMap { entry in frameworks.firstIndex { $0.id == entry.assessment.framework.id } }
            }
            guard let start = PlainStart(frameworks: frameworks, system: system, known: system == nil ? systems.systems : [],
                                         read: read, write: write, lastUsed: lastUsed).ask() else {
                Terminal.error("maturity: input ended before the workshop started; nothing was saved")
                throw CommandFailure("")
            }
            framework = start.framework
            let choice = preset ?? systems.choice(for: start.system)
            switch choice {
            case let .known(known) where known.name != start.system:
                write("\u{201C}\(start.system)\u{201D} is the known system \(inert: known.name); the assessment keeps that name.\n")
            case let .renamed(known, newName):
                write("Renaming \(inert: known.name) to \(inert: newName); the rename is recorded in this assessment.\n")
            default:
                break
            }
            // The place comes from --place only: plain mode asks no question for it, so piped scripts keep their lines.
            let place = place.map { name in choice.known.map { systems.place(named: name, in: $0.id) } ?? name }
            if let place {
                write("Place: \(inert: place), within \(inert: choice.known?.name ?? start.system); its assessments are a series of their own.\n")
            }
            assessment = Assessment(starting: framework, system: start.system, date: start.date, participants: start.participants)
            if let known = choice.known,
               let earlier = archive.latestComplete(ofSystem: known.id, place: place, frameworkID: framework.id, systems: systems)
                   .map({ archive[$0] }) {
                write("\(inert: place.map { "\(known.name) · \($0)" } ?? known.name) has a complete assessment of \(earlier.assessment.date)."
                      + CarryAcrossVersions.note(earlier: earlier.assessment.framework.version, now: framework.version)
                      + " Start from its answers (marked as last time until you confirm each)? y or n (Enter for yes): ")
                let reply = read()?.trimmingSpaces().lowercased() ?? "n"
                if reply.isEmpty || reply == "y" || reply == "yes" {
                    assessment = Assessment(carryingForward: earlier.assessment, file: URL(fileURLWithPath: earlier.path).lastPathComponent,
                                            framework: framework, date: start.date, participants: start.participants)
                }
            }
            assessment.attach(to: choice)
            assessment.place = place
            if start.anonymous { assessment.makeAnonymous() }
            if let established {
                guard established <= assessment.date else {
                    Terminal.error("maturity: --established \(established) is after the assessment's date, \(assessment.date); "
                                   + "nothing was saved")
                    throw CommandFailure("")
                }
                assessment.established = established
            }
        }
        var writer = DraftWriter(store: store, draft: path.map { URL(fileURLWithPath: $0) },
                                 rescueFolders: DraftWriter.defaultRescueFolders(environment: ProcessEnvironment.variables))
        var createdLock: DraftLock?
        defer { createdLock?.release() }
        let chosen = framework
        var workshop = PlainWorkshop(framework: framework, assessment: assessment, path: path, readLine: read, write: write) { current in
            switch writer.write(current, framework: chosen) {
            case let .created(url):
                createdLock = try? DraftLock.acquire(url)
                write("Saving to \(inert: url.path) after every answer.\n")
                return .saved(path: url.path)
            case let .saved(url):
                return .saved(path: url.path)
            case let .rescued(reason, copy):
                return .notSaved(problem: reason, safeCopy: copy.path)
            case let .failed(reason):
                return .notSaved(problem: reason, safeCopy: nil)
            }
        }
        workshop.facilitator = RecordStamp.person
        workshop.clock = RecordStamp.now
        let store = store
        workshop.export = { current, draftPath, request in
            Self.outcome(WorkshopExport.write(current, draftPath: draftPath, framework: chosen, store: store, request: Self.request(request)))
        }
        let systems = SystemDirectory(archive.map { SystemDirectory.Member($0.assessment, file: $0.path) })
        let identity = systems.identity(of: assessment, file: path ?? "")
        let earlier = archive.filter {
            $0.path != path && $0.framework.id == chosen.id && systems.identity(of: $0.assessment, file: $0.path) == identity
                && SystemDirectory.samePlace($0.assessment.place, assessment.place)
        }
        workshop.earlier = earlier.map { Progression.Entry(assessment: $0.assessment, file: $0.path) }
        workshop.earlierFrameworks = Dictionary(earlier.map { ($0.path, $0.framework) }, uniquingKeysWith: { first, _ in first })
        workshop.knownSystem = systems.system(id: identity)
        _ = workshop.run()
    }

    private static func request(_ request: PlainWorkshop.ExportRequest) -> SummaryExport.Request {
        switch request {
        case .ask: .ask
        case let .replace(folder): .replace(folder: folder)
        case let .beside(folder): .beside(folder: folder)
        }
    }

    private static func outcome(_ outcome: SummaryExport.Outcome) -> PlainWorkshop.ExportOutcome {
        switch outcome {
        case let .written(paths, note): .written(paths: paths, note: note)
        case let .wouldReplace(folder, existing): .wouldReplace(folder: folder, existing: existing)
        case let .failed(reason): .failed(reason)
        }
    }
}

/// The plain workshop's opening questions.
struct PlainStart {
    let frameworks: [Framework]
    let system: String?
    /// The known systems, offered by number before the name is asked.
    let known: [KnownSystem]
    let read: PlainWorkshop.ReadLine
    let write: PlainWorkshop.Write
    /// The framework (its number less one) the named system's last assessment used, if offered.
    var lastUsed: (String) -> Int? = { _ in nil }

    func ask() -> (system: String, date: CalendarDate, participants: [String], framework: Framework, anonymous: Bool)? {
        var system = self.system
        if system == nil, !known.isEmpty {
            write("Known systems (type a number to pick one, or a name):\n")
            for (number, candidate) in known.enumerated() {
                write("  \(number + 1). \(inert: candidate.name), last assessed \(candidate.latestDate)\n")
            }
        }
        while system == nil {
            write(known.isEmpty ? "System name, e.g. West Yorkshire ICS: " : "System name or number: ")
            guard let line = read() else { return nil }
            if let number = Int(line.trimmingSpaces()), known.indices.contains(number - 1) {
                system = known[number - 1].name
                continue
            }
            do {
                system = try TextInput.name(line, field: "the system name")
            } catch {
                write(error.message.replacing("maturity: ", with: "") + "\n")
            }
        }
        let today = CalendarDate.today()
        var date: CalendarDate?
        while date == nil {
            write("Date, YYYY-MM-DD (Enter for \(today)): ")
            guard let line = read()?.trimmingSpaces() else { return nil }
            date = line.isEmpty ? today : CalendarDate(line)
            if date == nil { write("That is not a date written YYYY-MM-DD.\n") }
        }
        var participants: [String]?
        var anonymous = false
        while participants == nil {
            write(anonymous ? "Participants, separated by commas (their views are taken without names): "
                  : "Participants, separated by commas (Enter for none; anonymous first takes their views without names): ")
            guard var names = read() else { return nil }
            // "anonymous" alone, or before the names ("anonymous: Ann, Bob"), sets anonymous views.
            if let rest = Self.afterAnonymous(names) {
                if !anonymous { write("Views will be taken without names: no name is shown or kept with a view or a dissent.\n") }
                anonymous = true
                guard !rest.isEmpty else { continue }
                names = rest
            }
            do {
                var seen: Set<String> = []
                participants = try names.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
                    .map { name throws(CommandFailure) in try TextInput.name(name, field: "a participant's name") }
                    .filter { seen.insert($0).inserted }
            } catch {
                write(error.message.replacing("maturity: ", with: "") + "\n")
            }
        }
        var framework = frameworks[0]
        if frameworks.count > 1, let system {
            // Enter keeps the framework the system last used, so that its answers can be carried forward.
            let usual = lastUsed(system) ?? 0
            framework = frameworks[usual]
            for (number, candidate) in frameworks.enumerated() {
                let version = frameworks.filter { $0.id == candidate.id }.count > 1 ? " \(candidate.version)" : ""
                write("  \(number + 1). \(inert: candidate.title) (\(inert: candidate.id)\(inert: version))\n")
            }
            while true {
                write("Framework (Enter for \(usual + 1)\(usual == 0 ? "" : ", the one \(inert: system) last used")): ")
                guard let line = read()?.trimmingSpaces() else { return nil }
                if line.isEmpty { break }
                if let number = Int(line), frameworks.indices.contains(number - 1) {
                    framework = frameworks[number - 1]
                    break
                }
                write("Type a number from 1 to \(frameworks.count).\n")
            }
        }
        guard let system, let date, let participants else { return nil }
        return (system, date, participants, framework, anonymous)
    }

    /// The rest of `line` when it starts with the word "anonymous" (alone, or then ":" or "," and the
    /// names); nil when it does not.
    static func afterAnonymous(_ line: String) -> String? {
        let trimmed = line.trimmingSpaces()
        guard trimmed.lowercased().hasPrefix("anonymous") else { return nil }
        let rest = trimmed.dropFirst("anonymous".count)
        guard let first = rest.first else { return "" }
        guard first == ":" || first == "," else { return nil }
        return String(rest.dropFirst()).trimmingSpaces()
    }
}
