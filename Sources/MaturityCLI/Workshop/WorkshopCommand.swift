import ArgumentParser
import CellGrid
import CursesTerminal
import FoundationEssentials
import Glibc
import MaturityModel
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

    @Option(help: ArgumentHelp(
        "When the system was established, YYYY-MM-DD (ICSs became statutory on 2022-07-01): fills the start screen's "
            + "Established row, as --system fills the name.", valueName: "date"))
    var established: String?

    @Option(help: ArgumentHelp(
        "The place within the system the assessment covers, e.g. \"Leeds\" (default: the whole system): fills the "
            + "start screen's Place row; its assessments are a series of their own.", valueName: "name"))
    var place: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        var store = storeOptions.assessmentStore
        if renameSystem != nil {
            if resume != nil { throw CommandFailure("maturity: --rename-system starts a new assessment; it cannot be used with --resume") }
            if system == nil { throw CommandFailure("maturity: --rename-system needs --system with the system's current name") }
        }
        let catalog = FrameworkCatalog.forUser(store: store)
        var frameworks = catalog.entries.map(\.framework)
        if let reference = framework {
            frameworks = [try catalog.resolve(reference).orFail()]
        } else if let index = frameworks.firstIndex(where: { $0.id == FrameworkCatalog.defaultFrameworkID }) {
            frameworks.insert(frameworks.remove(at: index), at: 0)
        }
        guard !frameworks.isEmpty else {
            throw CommandFailure("maturity: no framework can be used; see 'maturity frameworks' for the problems")
        }
        for note in catalog.setAside { Terminal.error("maturity: note: \(note)") }
        if resume == nil { frameworks = try Self.keepable(frameworks, in: store) }
        let system = try self.system.map { try TextInput.name($0, field: "--system") }
        let place = try self.place.map { try TextInput.name($0, field: "--place") }
        if place != nil, resume != nil {
            throw CommandFailure("maturity: --place fills the start screen; a resumed draft keeps its own place")
        }
        if let established {
            if resume != nil { throw CommandFailure("maturity: --established fills the start screen; a resumed draft keeps its own date") }
            guard CalendarDate(established) != nil else {
                throw CommandFailure("maturity: --established '\(established)' is not a real day written "
                                     + "YYYY-MM-DD, e.g. 2022-07-01")
            }
        }
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
        let environment = ProcessEnvironment.variables
        let isTerminal = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        let fullScreen = !plain && isTerminal && environment["TERM"] != "dumb" && !(environment["TERM"] ?? "").isEmpty
        let colors = environment["NO_COLOR"].map(\.isEmpty) ?? true
        if fullScreen {
            // A rename is checked against the store before the screen is taken; otherwise the store is read
            // once the first frame is painted.
            var read: StoreReading.Outcome?
            var preset: SystemChoice?
            if let renameSystem, let system {
                let outcome = try StoreReading.read(store, catalog: catalog, system: system, otherName: renameSystem,
                                                    draftsOf: system, place: place).get()
                for problem in outcome.problems { Terminal.error("maturity: \(problem)") }
                preset = try SystemIdentityOptions.choice(typed: system, renameTo: renameSystem, systemID: nil,
                                                          systems: outcome.index.systems).choice
                read = outcome
            }
            if let terminal = CursesTerminal.start(colors: colors) {
                var state = WorkshopState(frameworks: frameworks, drafts: [], system: system, date: .today(),
                                          frameworkID: frameworks.first?.id)
                if let resumed {
                    state = WorkshopState(resuming: resumed.assessment, file: URL(fileURLWithPath: resumed.path),
                                          framework: resumed.framework)
                }
                state.storeIndex = read?.index
                state.facilitator = RecordStamp.person
                state.clock = RecordStamp.now
                if case let .renamed(known, newName)? = preset { state.startRenaming(known.id, to: newName) }
                if let established, resumed == nil { state.presetEstablished(established) }
                if let place, resumed == nil { state.presetPlace(place) }
                let writer = DraftWriter(store: store, draft: resumed.map { URL(fileURLWithPath: $0.path) },
                                         rescueFolders: DraftWriter.defaultRescueFolders(environment: environment))
                var runner = ScreenRunner(store: store, state: state, terminal: terminal, lock: lock, writer: writer)
                lock = nil
                if read == nil {
                    // A resumed draft needs only its own system's earlier assessments (its history).
                    let storeToRead = store
                    let known = resumed.map { ($0.assessment.system, $0.assessment.systemID) }
                    runner.storeRead = BackgroundStoreRead {
                        StoreReading.read(storeToRead, catalog: catalog, system: known?.0 ?? system, systemID: known?.1,
                                          draftsOf: system, place: place)
                    }
                }
                runner.run()
                GitRecording.recordChanged(in: store.folder)
                var problems = runner.storeProblems
                var failure = runner.storeFailure
                // Quit before the store's read was handed over: what it found, if it has finished, is still told.
                switch runner.storeRead?.outcome {
                case let .success(late)?: problems += late.problems
                case let .failure(late)?: failure = late
                case nil: break
                }
                for problem in problems { Terminal.error("maturity: \(problem)") }
                if let failure { throw failure }
                return
            }
            Terminal.error("note: this terminal (TERM=\(environment["TERM"] ?? "")) cannot be used full screen; "
                + "asking line by line instead")
        }
        // Line by line, the store is read first: there is no frame to paint meanwhile.
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
        let runner = PlainRunner(store: store, frameworks: frameworks, system: system, resumed: resumed,
                                 archive: archive, preset: preset?.choice, established: established.flatMap(CalendarDate.init),
                                 place: place)
        defer { GitRecording.recordChanged(in: store.folder) }
        try runner.run()
    }

    /// Every assessment in the store whose framework is available (only `system`'s, when the system is
    /// already known: a large store then opens at once), newest first. Files that cannot be read are named
    /// on standard error (seen after the workshop, as the full screen covers them); a store folder that
    /// cannot be read is an error.
    /// The frameworks the store can keep a copy of, so that the board never answers a workshop the store
    /// will not save: the first (the one asked for, or the default) is refused with the store's reason;
    /// any other is left out of the offer, with a note.
    static func keepable(_ frameworks: [Framework], in store: AssessmentStore) throws(CommandFailure) -> [Framework] {
        // A store folder that cannot be entered is reported by the store's read, in its own words.
        guard access(store.folder.path, X_OK) == 0 else { return frameworks }
        var kept: [Framework] = []
        for (index, framework) in frameworks.enumerated() {
            guard let refusal = store.frameworks.refusal(of: framework) else {
                kept.append(framework)
                continue
            }
            if index == 0 { throw CommandFailure("maturity: \(refusal)") }
            Terminal.error("maturity: note: \(refusal); '\(inert: framework.id)' \(inert: framework.version) is not offered")
        }
        return kept
    }

    static func archive(_ store: AssessmentStore, catalog: FrameworkCatalog, system: String?) throws(CommandFailure)
        -> [WorkshopState.Draft] {
        let listed: (entries: [AssessmentStore.Entry], problems: [String])
        do {
            listed = try store.list(system: system)
        } catch {
            throw CommandFailure("maturity: \(error.message)")
        }
        for problem in listed.problems { Terminal.error("maturity: \(problem)") }
        // Each assessment with the framework version it was answered against (else, as before, the one of its id).
        let versions = AnsweredVersions(catalog: catalog, storeFolder: store.folder)
        return listed.entries.compactMap { entry in
            guard let framework = versions.framework(of: entry.assessment.framework, file: entry.url.path)
                    ?? catalog.framework(id: entry.assessment.framework.id),
                  AssessmentCheck.problems(entry.assessment, framework: framework).isEmpty else { return nil }
            return WorkshopState.Draft(file: entry.url, assessment: entry.assessment, framework: framework)
        }
    }
}
