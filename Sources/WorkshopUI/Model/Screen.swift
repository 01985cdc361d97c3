import MaturityFramework
import MaturityRules
import MaturityModel

/// The one screen the workshop shows, with only the state that screen has: a question has an answer
/// under its selection bar, an overview a scroll position, a list its selection, and nothing else.
public enum Screen: Sendable, Equatable {
    /// The start form: system, date, participants, framework, drafts to resume. No assessment exists yet.
    case start(StartForm)
    /// An area's stage descriptors, scrolled down by `scroll` lines.
    case overview(area: Int, scroll: Int)
    /// An area's baseline metrics; `selection` is the metric under the selection bar.
    case metrics(area: Int, selection: Int)
    /// One criterion asked as a question; `highlight` is the answer under the selection bar, and last
    /// time's answer and note, when folded, are scrolled by `lastTimeScroll` lines.
    case question(area: Int, criterion: Int, highlight: Answer?, lastTimeScroll: Int = 0)
    /// Where the rules place an area, and its actions; `selection` runs over last time's actions, then this time's.
    case result(area: Int, selection: Int)
    /// Every area against every stage; `selection` is the row of the list of areas and questions.
    case summary(selection: Int)
    /// The system's history, opened from the summary, whose selection it keeps to return to.
    case history(summarySelection: Int)

    /// The screen that shows `step`, fresh: at the top, nothing selected, `answer` under the bar of a question.
    init(_ step: Step, answer: Answer? = nil) {
        switch step {
        case let .overview(area): self = .overview(area: area, scroll: 0)
        case let .metrics(area): self = .metrics(area: area, selection: 0)
        case let .question(area, criterion): self = .question(area: area, criterion: criterion, highlight: answer)
        case let .result(area): self = .result(area: area, selection: 0)
        case .summary: self = .summary(selection: 0)
        }
    }

    /// The workshop step the screen belongs to (the history belongs to the summary); nil on the start screen.
    var step: Step? {
        switch self {
        case .start: nil
        case let .overview(area, _): .overview(area: area)
        case let .metrics(area, _): .metrics(area: area)
        case let .question(area, criterion, _, _): .question(area: area, criterion: criterion)
        case let .result(area, _): .result(area: area)
        case .summary, .history: .summary
        }
    }
}

/// What is open over the screen. It takes the keys before the screen does, and closes back to it.
public indirect enum Overlay: Sendable, Equatable {
    /// Every key of what lies beneath (`over`, or the screen when nil); any key closes it.
    case help(over: Overlay?)
    /// A note, an action or the reason for reopening, being written.
    case editor(Editor)
    /// The status of one of last time's actions, being chosen from a menu.
    case statusChoice(StatusChoice)
    /// `d` was pressed once on this time's action number `action`: `d` again deletes it, any other key keeps it.
    case confirmingDelete(action: Int)
    /// `d` was pressed once on a metric's reading: `d` again removes it, any other key keeps it.
    case confirmingMetricDelete(area: Int, metric: Int)
    /// Completing was refused while answers are as last time: `y` confirms them all as one recorded step.
    case confirmingCarried
    /// The summary's files are in `folder` already: `x` replaces them, `n` writes new ones beside them.
    case exportOffer(folder: String)
    /// Quitting would lose changes the store has not taken: `q` or Ctrl-C again quits, any other key goes back to `over`.
    case confirmingQuit(over: Overlay?)
    /// A round of views on the question shown: each member's view, the agreed answer, dissents.
    case round(RoundState)
    /// A draft resumed with anonymous mode asked for on the start screen: `y` turns it on (dropping the
    /// names of `namedQuestions` questions' views for good), any other key keeps the draft as it is.
    case confirmingAnonymous(namedQuestions: Int)
    /// An area's target being set (`t` on its result): a stage and a year.
    case target(TargetForm)

    /// The editor open here or beneath help or a quit warning.
    var editor: Editor? {
        switch self {
        case let .editor(editor): editor
        case let .help(over), let .confirmingQuit(over): over?.editor
        default: nil
        }
    }
}

/// What has the keys, what the key hints describe and what is drawn on top. The order of precedence
/// (a terminal too small, then an overlay, then the screen) is decided by ``WorkshopState/layer`` alone.
enum Layer: Equatable {
    /// The terminal is smaller than the workshop needs: only quit and help keys work.
    case tooSmall
    /// An overlay takes the keys.
    case overlay(Overlay)
    /// The screen takes the keys.
    case screen(Screen)
}

/// Text being edited over a screen.
public enum Editor: Sendable, Equatable {
    /// The note of a criterion.
    case note(criterionID: String, field: TextField)
    /// An action of an area: its index in the area's actions, and the form.
    case action(area: Int, index: Int, form: ActionForm)
    /// Why a complete assessment is being reopened.
    case reopenReason(TextField)
    /// A metric's reading of an area: the metric's index in the area's metrics, and the form.
    case metric(area: Int, metric: Int, form: MetricForm)
}

/// The menu for one of last time's actions: how it stands now.
public struct StatusChoice: Sendable, Equatable {
    /// The area, as an index into the framework.
    public var area: Int
    /// The action, as an index into the area's reviewed actions.
    public var index: Int
    /// The status under the selection bar.
    public var highlight: ActionStatus
}
