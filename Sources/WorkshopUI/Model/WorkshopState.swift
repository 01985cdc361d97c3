import CellGrid
import Foundation
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
    /// Drafts the start screen offers to resume.
    public var drafts: [Draft]
    /// Every readable assessment in the store: earlier ones to carry forward, and the history of the system.
    public var archive: [Draft] = [] {
        didSet { systems = SystemDirectory(archive.map { SystemDirectory.Member($0.assessment, file: $0.path) }) }
    }
    /// The systems of the archive: the known systems the start screen offers, and which one a name means.
    public private(set) var systems = SystemDirectory([])
    /// The history view is open over the summary.
    public var showsHistory = false
    /// The start form as it was when a draft was resumed from it, to return to if the draft is busy.
    var startBeforeResume: StartForm?
    /// The start screen's form, while it is shown.
    public var start: StartForm?
    /// The framework of the workshop (or the one chosen on the start screen).
    public var framework: Framework
    /// The assessment being answered, once started.
    public var assessment: Assessment?
    /// The draft file, once the store has created it.
    public var draftPath: String?
    /// Where in the workshop the board is.
    public var step: Step
    /// The answer option under the selection bar on a question.
    public var highlight: Answer?
    /// Lines scrolled on the overview, and rows on lists.
    public var scroll: Int
    /// The selected action on a result, or row on the summary.
    public var selection: Int
    /// A note or action being edited.
    public var editor: Editor?
    /// The help overlay is open.
    public var showsHelp: Bool
    /// A line for the status bar.
    public var message: Message?
    /// Set once the user has quit.
    public var hasQuit: Bool
    /// A change is waiting to be written (set with each save effect, cleared when the store confirms).
    public var unsaved = false
    /// The copy outside the store that holds the latest changes while the store cannot be written.
    public var rescueCopy: String?
    /// The user was told that quitting now loses unsaved changes.
    var quitWarned = false
    /// The action the user pressed delete on once, waiting for a second press.
    var confirmingDelete: Int?
    /// Completing was refused for unconfirmed carried answers; y now confirms them all in one step.
    var offersToConfirmCarried = false
    /// The store failed the latest write; cleared when a write succeeds.
    public var storeFailing = false
    /// Who runs the workshop, when known (the login name); recorded with completions and reopenings.
    public var facilitator: String?
    /// The current time as an ISO 8601 timestamp, for the record's events (the shell's clock; fixed in tests).
    public var clock: @Sendable () -> String = { ISO8601DateFormatter().string(from: Date()) }
    /// The folder whose summary files an export would replace, while the board is asked what to do.
    var exportOffer: String?

    /// A draft in the store that can be resumed.
    public struct Draft: Sendable {
        /// The file.
        public var path: String
        /// Its content.
        public var assessment: Assessment
        /// Its framework.
        public var framework: Framework

        /// Creates a draft entry.
        public init(path: String, assessment: Assessment, framework: Framework) {
            self.path = path
            self.assessment = assessment
            self.framework = framework
        }
    }

    /// A status line: information or a problem.
    public struct Message: Sendable, Equatable {
        /// The text.
        public var text: String
        /// Shown as a warning.
        public var isProblem: Bool
        /// Wrapped onto several lines if long, like a problem (a list of files must not be cut off).
        public var wraps: Bool

        /// Creates a message.
        public init(_ text: String, isProblem: Bool = false, wraps: Bool = false) {
            self.text = text
            self.isProblem = isProblem
            self.wraps = wraps
        }
    }

    /// A state on the start screen.
    public init(frameworks: [Framework], drafts: [Draft], system: String?, date: CalendarDate,
                frameworkID: String?, width: Int = 80, height: Int = 24) {
        self.width = width
        self.height = height
        self.frameworks = frameworks
        self.drafts = drafts
        let chosen = frameworks.firstIndex { $0.id == frameworkID } ?? 0
        framework = frameworks[chosen]
        start = StartForm(system: system ?? "", date: date, frameworkIndex: chosen, hasDrafts: !drafts.isEmpty)
        step = .summary
        highlight = nil
        scroll = 0
        selection = 0
        showsHelp = false
        hasQuit = false
    }

    /// A state resuming `assessment` from `path`, at the position it was saved at.
    public init(resuming assessment: Assessment, path: String, framework: Framework, width: Int = 80, height: Int = 24) {
        self.init(frameworks: [framework], drafts: [], system: nil, date: assessment.date, frameworkID: framework.id,
                  width: width, height: height)
        open(assessment, path: path)
    }

    /// Leaves the start screen for `assessment`, at its saved position or its first unanswered question.
    mutating func open(_ assessment: Assessment, path: String?) {
        start = nil
        self.assessment = assessment
        draftPath = path
        step = Step(position: assessment.position, in: framework) ?? firstUnansweredStep(assessment)
        highlight = currentAnswer
        scroll = 0
        selection = 0
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
        guard var assessment, case let .note(criterionID, field)? = editor, let area = step.area else { return self.assessment }
        let text = field.text
        assessment[area: framework.areas[area].id].notes[criterionID] =
            text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : text
        return assessment
    }

    /// The answer recorded for the current question, if any.
    var currentAnswer: Answer? {
        guard case let .question(area, index) = step else { return nil }
        return assessment?.answers[framework.areas[area].criteria[index].id]
    }
}

extension [WorkshopState.Draft] {
    /// The index of the latest complete assessment of the system with identity `systemID` (as `systems`
    /// tells, whatever name it was saved under) answered against `frameworkID`: the one a new workshop
    /// can carry forward.
    public func latestComplete(ofSystem systemID: String, frameworkID: String, systems: SystemDirectory) -> Int? {
        indices.filter {
            self[$0].assessment.status == .complete
                && systems.belongs(self[$0].assessment, file: self[$0].path, to: systemID, framework: frameworkID)
        }.max { (self[$0].assessment.date, self[$0].path) < (self[$1].assessment.date, self[$1].path) }
    }
}

/// A place in the workshop. Areas and criteria are indices into the framework.
public enum Step: Sendable, Hashable {
    /// An area's stage descriptors.
    case overview(area: Int)
    /// One criterion, asked as a question.
    case question(area: Int, criterion: Int)
    /// Where the rules place an area, and its actions.
    case result(area: Int)
    /// Every area against every stage.
    case summary

    /// Every step in workshop order: per area its overview, questions and result, then the summary.
    static func all(in framework: Framework) -> [Step] {
        framework.areas.enumerated().flatMap { index, area in
            [.overview(area: index)] + area.criteria.indices.map { .question(area: index, criterion: $0) } + [.result(area: index)]
        } + [.summary]
    }

    /// The area the step belongs to, nil for the summary.
    var area: Int? {
        switch self {
        case let .overview(area), let .question(area, _), let .result(area): area
        case .summary: nil
        }
    }

    /// The step saved as `position`, if it still exists in `framework`.
    init?(position: WorkshopPosition?, in framework: Framework) {
        guard let position else { return nil }
        if position.step == "summary" {
            self = .summary
            return
        }
        guard let areaIndex = framework.areas.firstIndex(where: { $0.id == position.area }) else { return nil }
        switch position.step {
        case "overview": self = .overview(area: areaIndex)
        case "result": self = .result(area: areaIndex)
        case "question":
            guard let index = framework.areas[areaIndex].criteria.firstIndex(where: { $0.id == position.criterion }) else { return nil }
            self = .question(area: areaIndex, criterion: index)
        default: return nil
        }
    }

    /// The step as saved in the assessment file.
    func position(in framework: Framework) -> WorkshopPosition {
        switch self {
        case let .overview(area): WorkshopPosition(step: "overview", area: framework.areas[area].id)
        case let .question(area, index):
            WorkshopPosition(step: "question", area: framework.areas[area].id, criterion: framework.areas[area].criteria[index].id)
        case let .result(area): WorkshopPosition(step: "result", area: framework.areas[area].id)
        case .summary: WorkshopPosition(step: "summary")
        }
    }
}

/// Text being edited over a screen.
public enum Editor: Sendable, Equatable {
    /// The note of a criterion.
    case note(criterionID: String, field: TextField)
    /// An action of an area: its index in the area's actions, and the form.
    case action(area: Int, index: Int, form: ActionForm)
    /// Why a complete assessment is being reopened.
    case reopenReason(TextField)
}

/// The fields of an action while it is edited.
public struct ActionForm: Sendable, Equatable {
    /// What is to be done.
    public var what: TextField
    /// Who owns it.
    public var owner: TextField
    /// When it is due, as typed.
    public var due: TextField
    /// How it stands.
    public var status: ActionStatus
    /// The field with the cursor: 0 what, 1 owner, 2 due, 3 status.
    public var focus: Int
    /// Why the form cannot close yet, e.g. a due date that is not a date.
    public var problem: String?

    init(_ action: Action) {
        what = TextField(action.what, limit: 500)
        owner = TextField(action.owner, limit: 200)
        due = TextField(action.due?.description ?? "", limit: 10)
        status = action.status
        focus = 0
        problem = nil
    }
}

/// The start screen's form.
public struct StartForm: Sendable, Equatable {
    /// The fields in order; the framework choice appears only when there is more than one.
    public enum Field: Sendable, Equatable {
        case system, known, date, participants, framework, start, draft
    }

    /// The system's name.
    public var system: TextField
    /// The date, as typed.
    public var date: TextField
    /// Participants, separated by commas.
    public var participants: TextField
    /// The chosen framework.
    public var frameworkIndex: Int
    /// The field with the cursor.
    public var focus: Field
    /// The selected draft, when the focus is on the list of drafts.
    public var draftIndex: Int
    /// Why the workshop cannot start yet.
    public var problem: String?
    /// An earlier complete assessment of the system (index in the archive), offered to carry forward.
    public var carryOffer: Int?
    /// The selected known system, when the focus is on the list of known systems.
    public var knownIndex = 0
    /// The identity of the known system being renamed: the system field holds its new name.
    public var renaming: String?

    init(system: String, date: CalendarDate, frameworkIndex: Int, hasDrafts: Bool) {
        self.system = TextField(system, limit: 200)
        self.date = TextField(date.description, limit: 10)
        participants = TextField("", limit: 1000)
        self.frameworkIndex = frameworkIndex
        focus = system.isEmpty ? .system : .participants
        draftIndex = 0
        problem = nil
    }
}
