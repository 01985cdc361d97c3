import ArgumentParser
import CellGrid
import CursesTerminal
import Foundation
import MaturityFramework
import MaturityReports
import MaturityStore
import WorkshopUI

/// `maturity workshop`: the board's workshop at the terminal.
struct WorkshopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workshop",
        abstract: "Run the workshop: walk the board through every area, question by question (the default command).",
        discussion: """
            The start screen asks for the system, date, participants and framework, and offers drafts to resume. \
            The draft is saved after every change, so quitting never loses anything. Press ? on any screen for its keys.

            With --plain (automatic when input or output is not a terminal, or TERM=dumb) the same questions are \
            asked line by line, answered with the same letters from standard input.

            Examples:
              maturity
              maturity workshop --system "West Yorkshire ICS"
              maturity workshop --resume 2026-11-22-west-yorkshire-ics.json
              maturity workshop --plain --system "West Yorkshire ICS" < answers.txt
              maturity workshop --system "Ynys Môn ICS" --rename-system "North Wales ICS"

            A system the store knows is matched ignoring case, accents, punctuation and "&"/"and", and keeps its \
            established name; the start screen lists the known systems (r on one renames it, and the rename is \
            recorded), as --rename-system does. A draft resumed by its path keeps its history in its own folder, \
            unless --store names another.
            """)

    @Option(help: ArgumentHelp("The system assessed, e.g. \"West Yorkshire ICS\".", valueName: "name"))
    var system: String?

    @Option(help: ArgumentHelp("A framework id or file (default: the start screen offers each).", valueName: "id-or-path"))
    var framework: String?

    @Option(help: ArgumentHelp("Resume this draft: a path, or a file name in the store.", valueName: "file"))
    var resume: String?

    @Flag(help: "Ask line by line instead of using the full screen.")
    var plain = false

    @Option(name: .customLong("rename-system"), help: ArgumentHelp(
        "Rename the known system named by --system to this name, from this assessment on (recorded in it).",
        valueName: "new-name"))
    var renameSystem: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        var store = storeOptions.assessmentStore
        if renameSystem != nil {
            if resume != nil { throw CommandFailure("maturity: --rename-system starts a new assessment; it cannot be used with --resume") }
            if system == nil { throw CommandFailure("maturity: --rename-system needs --system with the system's current name") }
        }
        let catalog = FrameworkCatalog.forUser()
        var frameworks = catalog.entries.map(\.framework)
        if let reference = framework {
            frameworks = [try catalog.resolve(reference).orFail()]
        } else if let index = frameworks.firstIndex(where: { $0.id == FrameworkCatalog.defaultFrameworkID }) {
            frameworks.insert(frameworks.remove(at: index), at: 0)
        }
        guard !frameworks.isEmpty else {
            throw CommandFailure("maturity: no framework can be used; see 'maturity frameworks' for the problems")
        }
        let system = try self.system.map { try TextInput.name($0, field: "--system") }
        var resumed: (assessment: Assessment, path: String, framework: Framework)?
        var lock: DraftLock?
        defer { lock?.release() }
        if let resume {
            do {
                let url = try store.locate(resume)
                // Locked first, then read, so that nothing written in between is lost or overwritten.
                lock = try DraftLock.acquire(url)
                let assessment = try AssessmentStore.load(url)
                let framework = try catalog.framework(for: assessment, file: url.path)
                resumed = (assessment, url.path, framework)
                // The draft's own folder is its store (history, exports' comparisons), unless --store says otherwise.
                store = storeOptions.store(of: url)
            } catch let busy as DraftLock.Busy {
                throw CommandFailure("maturity: \(busy)")
            } catch let failure as CommandFailure {
                throw failure
            } catch let error as StoreError {
                throw CommandFailure("maturity: \(error.message)")
            }
        }
        let environment = ProcessInfo.processInfo.environment
        let isTerminal = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        let fullScreen = !plain && isTerminal && environment["TERM"] != "dumb" && !(environment["TERM"] ?? "").isEmpty
        let colors = environment["NO_COLOR"].map(\.isEmpty) ?? true
        var archive = try Self.archive(store, catalog: catalog, system: system)
        if let renameSystem, system != nil {
            // Other systems called so, so that a rename to another system's name is noticed.
            let seen = Set(archive.map(\.path))
            archive += try Self.archive(store, catalog: catalog, system: renameSystem).filter { !seen.contains($0.path) }
        }
        let systems = SystemDirectory(archive.map { SystemDirectory.Member($0.assessment, file: $0.path) })
        let preset = try system.map { typed throws(CommandFailure) in
            try SystemIdentityOptions.choice(typed: typed, renameTo: renameSystem, systemID: nil, systems: systems)
        }
        guard fullScreen, let terminal = CursesTerminal.start(colors: colors) else {
            if fullScreen {
                Terminal.error("note: this terminal (TERM=\(environment["TERM"] ?? "")) cannot be used full screen; "
                    + "asking line by line instead")
            }
            let runner = PlainRunner(store: store, frameworks: frameworks, system: system, resumed: resumed,
                                     archive: archive, preset: preset?.choice)
            try runner.run()
            return
        }
        let systemID = preset?.choice.known?.id
        let drafts = archive.filter { draft in
            draft.assessment.status == .draft
                && (system == nil || systems.identity(of: draft.assessment, file: draft.path) == systemID)
        }
        var state = WorkshopState(frameworks: frameworks, drafts: drafts, system: system, date: .today(),
                                  frameworkID: frameworks.first?.id)
        if let resumed {
            state = WorkshopState(resuming: resumed.assessment, path: resumed.path, framework: resumed.framework)
        }
        state.archive = archive
        state.facilitator = RecordStamp.person
        state.clock = RecordStamp.now
        if case let .renamed(known, newName)? = preset?.choice { state.startRenaming(known.id, to: newName) }
        let writer = DraftWriter(store: store, draft: resumed.map { URL(fileURLWithPath: $0.path) },
                                 rescueFolders: DraftWriter.defaultRescueFolders(environment: environment))
        var runner = ScreenRunner(store: store, state: state, terminal: terminal, lock: lock, writer: writer)
        lock = nil
        runner.run()
    }

    /// Every assessment in the store whose framework is available (only `system`'s, when the system is
    /// already known: a large store then opens at once), newest first. Files that cannot be read are named
    /// on standard error (seen after the workshop, as the full screen covers them); a store folder that
    /// cannot be read is an error.
    static func archive(_ store: AssessmentStore, catalog: FrameworkCatalog, system: String?) throws(CommandFailure)
        -> [WorkshopState.Draft] {
        let listed: (entries: [AssessmentStore.Entry], problems: [String])
        do {
            listed = try store.list(system: system)
        } catch {
            throw CommandFailure("maturity: \(error.message)")
        }
        for problem in listed.problems { Terminal.error("maturity: \(problem)") }
        return listed.entries.compactMap { entry in
            guard let framework = catalog.framework(id: entry.assessment.framework.id),
                  AssessmentCheck.problems(entry.assessment, framework: framework).isEmpty else { return nil }
            return WorkshopState.Draft(path: entry.url.path, assessment: entry.assessment, framework: framework)
        }
    }
}

/// Runs the full-screen workshop: keys in, effects out, frames painted.
struct ScreenRunner {
    let store: AssessmentStore
    var state: WorkshopState
    let terminal: CursesTerminal
    /// The lock on the draft being written, once there is one; removed even if a signal ends the workshop.
    var lock: DraftLock? {
        didSet { terminal.removeWhenKilled(lock?.url.path, descriptor: lock?.descriptor ?? -1) }
    }
    /// Writes the draft, or a rescue copy while the store fails.
    var writer: DraftWriter
    /// Why the store failed last, while it does.
    var storeProblem: String?
    /// While changes are waiting for the store, it is tried again this often.
    let retryMilliseconds = 2000
    /// With `MATURITY_FRAME_LOG=FILE`, the monotonic time of each key read and each frame painted
    /// is appended to FILE, for the benchmark script.
    let frameLog = ProcessInfo.processInfo.environment["MATURITY_FRAME_LOG"].flatMap(FrameLog.init)

    mutating func run() {
        defer {
            // The lock goes first: once the terminal is given back, a late SIGHUP ends the process at once.
            lock?.release()
            terminal.stop()
            reportUnsavedChanges()
        }
        terminal.removeWhenKilled(lock?.url.path, descriptor: lock?.descriptor ?? -1)
        (state.width, state.height) = terminal.size
        terminal.draw(Renderer.render(state))
        frameLog?.record("frame")
        var failedReads = 0
        while !state.hasQuit {
            let retrying = state.unsaved && storeProblem != nil
            guard let key = terminal.readKey(timeoutMilliseconds: retrying ? retryMilliseconds : nil) else {
                failedReads += retrying ? 0 : 1
                // The terminal went away (window closed, SSH dropped): keep what can be kept, and end.
                if terminal.isGone || failedReads > 100 {
                    if state.unsaved { save() }
                    break
                }
                if retrying {
                    save()
                    terminal.draw(Renderer.render(state))
                }
                continue
            }
            failedReads = 0
            frameLog?.record("key")
            var effects = Set(handle(key, terminal))
            // Keys already waiting (a paste, typing ahead) are applied before one save and one frame.
            while !state.hasQuit, !effects.contains(.suspend), let more = terminal.readKey(timeoutMilliseconds: 0) {
                effects.formUnion(handle(more, terminal))
            }
            perform(effects)
            if effects.contains(.lock) { lockResumedDraft() }
            for effect in effects {
                switch effect {
                case .export: export(.ask)
                case let .exportInto(folder, replacing): export(replacing ? .replace(folder: folder) : .beside(folder: folder))
                default: break
                }
            }
            if effects.contains(.suspend) {
                terminal.suspend()
                // The window may have changed size while the workshop was stopped.
                _ = handle(.resize, terminal)
            }
            if state.hasQuit { break }
            terminal.draw(Renderer.render(state))
            frameLog?.record("frame")
        }
    }

    private mutating func handle(_ key: Key, _ terminal: CursesTerminal) -> [WorkshopEffect] {
        if key == .resize {
            let size = terminal.size
            return Workshop.apply(.resize(width: size.width, height: size.height), to: &state)
        }
        return Workshop.apply(.key(key), to: &state)
    }

    /// Locks the draft the start screen resumed and reads it again under the lock (the list was made
    /// at launch), or sends the user back to the start screen.
    private mutating func lockResumedDraft() {
        guard let path = state.draftPath else { return }
        do {
            // Let go of (and forget, for the signal handler) any lock held before taking the new one.
            lock = nil
            lock = try DraftLock.acquire(URL(fileURLWithPath: path))
            _ = Workshop.apply(.lockedDraftRead(try AssessmentStore.load(URL(fileURLWithPath: path))), to: &state)
        } catch {
            lock?.release()
            lock = nil
            _ = Workshop.apply(.lockRefused("\(error)"), to: &state)
        }
    }

    /// Writes the summary in every format beside each other, never into the store (see ``SummaryExport``).
    private mutating func export(_ request: SummaryExport.Request) {
        guard let assessment = state.assessment else { return }
        let file = state.draftPath.map { URL(fileURLWithPath: $0).lastPathComponent } ?? AssessmentStore.fileName(for: assessment)
        let base = String(file.dropLast(".json".count)) + "-summary"
        let report: SummaryReport
        do {
            report = try Reports.summary(of: assessment, file: file, framework: state.framework, store: store).report
        } catch {
            _ = Workshop.apply(.exportFailed(error.message), to: &state)
            return
        }
        let files: [(ending: String, data: Data)]
        do {
            files = try ReportFormat.allCases.filter { $0 != .text }.map { format in
                (format.rawValue, Data(try Reports.render(report, as: format).utf8))
            }
        } catch {
            _ = Workshop.apply(.exportFailed("\(error)"), to: &state)
            return
        }
        let exporter = SummaryExport(
            candidates: SummaryExport.defaultCandidates(environment: ProcessInfo.processInfo.environment,
                                                        currentFolder: FileManager.default.currentDirectoryPath),
            stores: OutputFile.storeFolders(store, also: state.draftPath.map { [URL(fileURLWithPath: $0).deletingLastPathComponent()] } ?? []))
        switch exporter.write(files, stem: base, request: request) {
        case let .written(paths, note):
            _ = Workshop.apply(.exported(paths: paths, note: note), to: &state)
        case let .wouldReplace(folder, existing):
            _ = Workshop.apply(.exportWouldReplace(folder: folder, existing: existing), to: &state)
        case let .failed(reason):
            _ = Workshop.apply(.exportFailed(reason), to: &state)
        }
    }

    /// Creates or saves the draft once for the whole batch, and reports back to the state.
    private mutating func perform(_ effects: Set<WorkshopEffect>) {
        guard effects.contains(.save) || effects.contains(.createDraft) else { return }
        save()
    }

    private mutating func save() {
        guard let assessment = state.assessmentToSave else { return }
        frameLog?.record("save")
        defer { frameLog?.record("saved") }
        writer.draft = state.draftPath.map { URL(fileURLWithPath: $0) }
        switch writer.write(assessment, framework: state.framework) {
        case let .created(url):
            storeProblem = nil
            lock = try? DraftLock.acquire(url)
            _ = Workshop.apply(.draftCreated(path: url.path), to: &state)
        case .saved:
            storeProblem = nil
            _ = Workshop.apply(.saved, to: &state)
        case let .rescued(reason, copy):
            storeProblem = reason
            _ = Workshop.apply(.storeFailed(reason: reason, rescueCopy: copy.path), to: &state)
        case let .failed(reason):
            storeProblem = reason
            _ = Workshop.apply(.storeFailed(reason: reason, rescueCopy: nil), to: &state)
        }
    }

    /// After the terminal is back: what to do about changes the store did not take.
    private func reportUnsavedChanges() {
        guard state.unsaved, let problem = storeProblem else { return }
        if let copy = state.rescueCopy {
            Terminal.error("maturity: the store could not be written (\(problem)). The assessment is safe in \(copy); "
                + "once the store works, put it back with: cp '\(copy)' '\(store.folder.path)/'")
        } else {
            Terminal.error("maturity: the store could not be written (\(problem)), nor any rescue folder; "
                + "the latest changes were lost")
        }
    }
}

/// Appends `EVENT NANOSECONDS` lines (CLOCK_MONOTONIC) to a file.
final class FrameLog {
    private let handle: FileHandle

    init?(path: String) {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else { return nil }
        handle.seekToEndOfFile()
        self.handle = handle
    }

    func record(_ event: String) {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        handle.write(Data("\(event) \(Int(now.tv_sec) * 1_000_000_000 + Int(now.tv_nsec))\n".utf8))
    }
}

/// Runs the line-by-line workshop on standard input and output.
struct PlainRunner {
    let store: AssessmentStore
    let frameworks: [Framework]
    let system: String?
    let resumed: (assessment: Assessment, path: String, framework: Framework)?
    let archive: [WorkshopState.Draft]
    /// The system's identity as the command line chose it (a rename), if it did.
    let preset: SystemChoice?

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
            guard let start = PlainStart(frameworks: frameworks, system: system, known: system == nil ? systems.systems : [],
                                         read: read, write: write).ask() else {
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
            assessment = Assessment(starting: framework, system: start.system, date: start.date, participants: start.participants)
            if let known = choice.known,
               let earlier = archive.latestComplete(ofSystem: known.id, frameworkID: framework.id, systems: systems).map({ archive[$0] }) {
                write("\(inert: known.name) has a complete assessment of \(earlier.assessment.date). Start from its "
                      + "answers (marked as last time until you confirm each)? y or n (Enter for yes): ")
                let reply = read()?.trimmingCharacters(in: .whitespaces).lowercased() ?? "n"
                if reply.isEmpty || reply == "y" || reply == "yes" {
                    assessment = Assessment(carryingForward: earlier.assessment, file: URL(fileURLWithPath: earlier.path).lastPathComponent,
                                            framework: framework, date: start.date, participants: start.participants)
                }
            }
            assessment.attach(to: choice)
        }
        var writer = DraftWriter(store: store, draft: path.map { URL(fileURLWithPath: $0) },
                                 rescueFolders: DraftWriter.defaultRescueFolders(environment: ProcessInfo.processInfo.environment))
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
        _ = workshop.run()
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

    func ask() -> (system: String, date: CalendarDate, participants: [String], framework: Framework)? {
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
            if let number = Int(line.trimmingCharacters(in: .whitespaces)), known.indices.contains(number - 1) {
                system = known[number - 1].name
                continue
            }
            do {
                system = try TextInput.name(line, field: "the system name")
            } catch {
                write(error.message.replacingOccurrences(of: "maturity: ", with: "") + "\n")
            }
        }
        let today = CalendarDate.today()
        var date: CalendarDate?
        while date == nil {
            write("Date, YYYY-MM-DD (Enter for \(today)): ")
            guard let line = read()?.trimmingCharacters(in: .whitespaces) else { return nil }
            date = line.isEmpty ? today : CalendarDate(line)
            if date == nil { write("That is not a date written YYYY-MM-DD.\n") }
        }
        var participants: [String]?
        while participants == nil {
            write("Participants, separated by commas (Enter for none): ")
            guard let names = read() else { return nil }
            do {
                participants = try names.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                    .map { name throws(CommandFailure) in try TextInput.name(name, field: "a participant's name") }
            } catch {
                write(error.message.replacingOccurrences(of: "maturity: ", with: "") + "\n")
            }
        }
        var framework = frameworks[0]
        if frameworks.count > 1 {
            for (number, candidate) in frameworks.enumerated() { write("  \(number + 1). \(inert: candidate.title) (\(candidate.id))\n") }
            while true {
                write("Framework (Enter for 1): ")
                guard let line = read()?.trimmingCharacters(in: .whitespaces) else { return nil }
                if line.isEmpty { break }
                if let number = Int(line), frameworks.indices.contains(number - 1) {
                    framework = frameworks[number - 1]
                    break
                }
                write("Type a number from 1 to \(frameworks.count).\n")
            }
        }
        guard let system, let date, let participants else { return nil }
        return (system, date, participants, framework)
    }
}
