import CellGrid
import FoundationEssentials
import MaturityFramework
import MaturityRules
import MaturityModel

/// Everything the workshop screen shows and remembers; changed only by ``Workshop/update(_:_:)``.
public struct WorkshopState: Sendable {
    /// Terminal size, kept so that editing keys can move by wrapped lines.
    public var width: Int
    /// Terminal rows.
    public var height: Int
    /// The frameworks the start screen offers.
    public var frameworks: [Framework]
    /// What the workshop knows of the store: the drafts to resume, the known systems, earlier assessments
    /// to carry forward and the system's history. Nil while the store is being read (the shell reads it
    /// after the first frame and hands it over with ``WorkshopEvent/storeRead(_:)``).
    public var storeIndex: StoreIndex?
    /// Drafts the start screen offers to resume (none until the store is read).
    public var drafts: [StoreIndex.Entry] { storeIndex?.drafts ?? [] }
    /// The known systems the start screen offers, and which one a name means (none until the store is read).
    public var systems: SystemDirectory { storeIndex?.systems ?? SystemDirectory([]) }
    /// The framework of the workshop (or the one chosen on the start screen).
    public var framework: Framework
    /// The assessment being answered, once started.
    public var assessment: Assessment?
    /// The draft file, once the store has created it (or the draft was resumed): its one owner.
    public var draftFile: URL?
    /// The screen shown.
    public internal(set) var screen: Screen
    /// What is open over the screen, if anything.
    public internal(set) var overlay: Overlay?
    /// A line for the status bar.
    public var message: Message?
    /// The questions being taken in order of disagreement (widest spread first), when the board chose
    /// to: ← → and each answer follow this order, then framework order again after the last.
    public internal(set) var agenda: [Step]?
    /// A change is waiting to be written (set with each save effect, cleared when the store confirms).
    public var unsaved = false
    /// The copy outside the store that holds the latest changes while the store cannot be written.
    public var rescueCopy: String?
    /// The store failed the latest write; cleared when a write succeeds.
    public var storeFailing = false
    /// Who runs the workshop, when known (the login name); recorded with completions and reopenings.
    public var facilitator: String?
    /// The current time as an ISO 8601 timestamp, for the record's events (the shell's clock; fixed in tests).
    public var clock: @Sendable () -> String = { LocalTime.utcTimestamp(Date()) }

    /// An assessment in the store: a draft that can be resumed, or an earlier one to carry forward.
    public struct Draft: Sendable {
        /// The file.
        public var file: URL
        /// Its content.
        public var assessment: Assessment
        /// Its framework.
        public var framework: Framework

        /// Creates a draft entry.
        public init(file: URL, assessment: Assessment, framework: Framework) {
            self.file = file
            self.assessment = assessment
            self.framework = framework
        }

        /// The file's path.
        public var path: String { file.path }
        /// The file's name, without its folder.
        public var name: String { file.lastPathComponent }
    }

    /// A status line: information or a problem.
    public struct Message: Sendable, Equatable {
        /// The text.
        public var text: String
        /// Shown as a warning.
        public var isProblem: Bool
        /// Wrapped onto several lines if long, like a problem (a list of files must not be cut off).
        public var wraps: Bool
        /// The text that takes this one's place once the store has the latest change ("Note closed." becomes
        /// "Note saved."), if the message is still shown then.
        public var onceSaved: String?

        /// Creates a message.
        public init(_ text: String, isProblem: Bool = false, wraps: Bool = false, onceSaved: String? = nil) {
            self.text = text
            self.isProblem = isProblem
            self.wraps = wraps
            self.onceSaved = onceSaved
        }
    }

    /// A state on the start screen, offering `drafts` (the store read; set ``storeIndex`` for more of it,
    /// or to nil while the store is being read).
    public init(frameworks: [Framework], drafts: [Draft], system: String?, date: CalendarDate,
                frameworkID: String?, width: Int = 80, height: Int = 24) {
        self.width = width
        self.height = height
        self.frameworks = frameworks
        storeIndex = StoreIndex(archive: [], drafts: drafts)
        let chosen = frameworks.firstIndex { $0.id == frameworkID } ?? 0
        framework = frameworks[chosen]
        screen = .start(StartForm(system: system ?? "", date: date, frameworkIndex: chosen, hasDrafts: !drafts.isEmpty))
    }

    /// A state resuming `assessment` from `file`, at the position it was saved at.
    public init(resuming assessment: Assessment, file: URL, framework: Framework, width: Int = 80, height: Int = 24) {
        self.init(frameworks: [framework], drafts: [], system: nil, date: assessment.date, frameworkID: framework.id,
                  width: width, height: height)
        open(assessment, file: file)
    }

    /// Leaves the start screen for `assessment`, at its saved position or its first unanswered question.
    mutating func open(_ assessment: Assessment, file: URL?) {
        self.assessment = assessment
        draftFile = file
        overlay = nil
        show(Step(position: assessment.position, in: framework) ?? firstUnansweredStep(assessment))
    }

    /// Shows `step` afresh, with the recorded answer under the bar of a question.
    mutating func show(_ step: Step) {
        var answer: Answer?
        if case let .question(area, index) = step { answer = assessment?.answers[framework.areas[area].criteria[index].id] }
        screen = Screen(step, answer: answer)
    }

    private func firstUnansweredStep(_ assessment: Assessment) -> Step {
        let answers = assessment.answers
        for (areaIndex, area) in framework.areas.enumerated() {
            if let index = area.criteria.firstIndex(where: { answers[$0.id] == nil }) {
                return index == 0 ? .overview(area: areaIndex) : .question(area: areaIndex, criterion: index)
            }
        }
        return .summary
    }

    /// The assessment as it must be saved: with the note being edited, if any, written into it.
    public var assessmentToSave: Assessment? { assessmentToSave(with: editor) }

    func assessmentToSave(with editor: Editor?) -> Assessment? {
        guard var assessment, case let .note(criterionID, field)? = editor, let area = screen.step?.area else { return self.assessment }
        let text = field.text
        assessment[area: framework.areas[area].id].notes[criterionID] =
            text.trimmingWhitespace().isEmpty ? nil : text
        return assessment
    }

    /// The answer recorded for the current question, if any.
    var currentAnswer: Answer? {
        guard case let .question(area, index, _, _) = screen else { return nil }
        return assessment?.answers[framework.areas[area].criteria[index].id]
    }

    /// What has the keys now: the one place where a terminal too small, an overlay and the screen are ranked.
    var layer: Layer {
        if Layout.isTooSmall(self) { return .tooSmall }
        if let overlay { return .overlay(overlay) }
        return .screen(screen)
    }

    /// Whether the assessment is complete, and so read-only; if it is, the status line says how to reopen it.
    mutating func refusesChanges() -> Bool {
        guard assessment?.isReadOnly == true else { return false }
        message = .init("This assessment is complete and read-only. To change it, reopen it on the summary board "
            + "(s, then c) and say why; the reopening is recorded.", isProblem: true)
        return true
    }
}

/// Read-only views of the screen and overlay under the names the drawing code uses.
extension WorkshopState {
    /// Where in the workshop the board is (the summary on the start screen and the history).
    public var step: Step { screen.step ?? .summary }
    /// The start screen's form, while it is shown.
    public var start: StartForm? {
        if case let .start(form) = screen { return form }
        return nil
    }
    /// The note or action being edited, or the reopening reason being written, if any.
    public var editor: Editor? { overlay?.editor }
    /// The answer option under the selection bar on a question.
    public var highlight: Answer? {
        if case let .question(_, _, highlight, _) = screen { return highlight }
        return nil
    }
    /// The round of views open over the question, if any.
    public var round: RoundState? {
        if case let .round(round)? = overlay { return round }
        return nil
    }
    /// Lines scrolled on the overview.
    public var scroll: Int {
        if case let .overview(_, scroll) = screen { return scroll }
        if case let .question(_, _, _, scroll) = screen { return scroll }
        return 0
    }
    /// The selected action on a result, metric on an area's metrics, or row on the summary.
    public var selection: Int {
        switch screen {
        case let .result(_, selection), let .metrics(_, selection), let .summary(selection), let .history(selection): selection
        default: 0
        }
    }
    /// The help overlay is open.
    public var showsHelp: Bool {
        if case .help? = overlay { return true }
        return false
    }
    /// The history is shown.
    public var showsHistory: Bool {
        if case .history = screen { return true }
        return false
    }
    /// The draft file's path, for display and comparison.
    public var draftPath: String? { draftFile?.path }
}

extension [WorkshopState.Draft] {
    /// The index of the latest complete assessment of the system with identity `systemID` (as `systems`
    /// tells, whatever name it was saved under) at `place` (nil: the system level) answered against
    /// `frameworkID`: the one a new workshop
    /// can carry forward.
    public func latestComplete(ofSystem systemID: String, place: String?, frameworkID: String, systems: SystemDirectory) -> Int? {
        indices.filter {
            self[$0].assessment.status == .complete
                && systems.belongs(self[$0].assessment, file: self[$0].path, to: systemID, place: place, framework: frameworkID)
        }.max { (self[$0].assessment.date, self[$0].path) < (self[$1].assessment.date, self[$1].path) }
    }
}

