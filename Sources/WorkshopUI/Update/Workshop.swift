import CellGrid
import MaturityFramework
import MaturityRules
import MaturityModel

/// What happens to the workshop: a key, a new terminal size, or the store's answer to an effect.
public enum WorkshopEvent: Sendable, Equatable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// The draft file was created at `path`.
    case draftCreated(path: String)
    /// The latest save succeeded.
    case saved
    /// Creating or saving the draft failed for `reason`; the content is safe in `rescueCopy` if there is one.
    case storeFailed(reason: String, rescueCopy: String?)
    /// The draft just resumed is open in another workshop, as this message says.
    case lockRefused(String)
    /// The draft just resumed and locked, as its file holds it now (it may have changed since the start
    /// screen listed it, or been completed elsewhere).
    case lockedDraftRead(Assessment)
    /// The summary was exported to these files; `note` says why they are not in the current folder.
    case exported(paths: [String], note: String? = nil)
    /// The summary's files are in `folder` already (`existing`, full paths): the board chooses.
    case exportWouldReplace(folder: String, existing: [String])
    /// The export failed, for this reason.
    case exportFailed(String)
}

/// What the workshop asks its shell to do after an update.
public enum WorkshopEffect: Sendable, Hashable {
    /// Create the draft file for ``WorkshopState/assessment`` and report ``WorkshopEvent/draftCreated(path:)``.
    case createDraft
    /// Save ``WorkshopState/assessment`` to ``WorkshopState/draftPath``.
    case save
    /// Write the summary in every export format and report ``WorkshopEvent/exported(paths:note:)``,
    /// or ``WorkshopEvent/exportWouldReplace(folder:existing:)`` if the files exist.
    case export
    /// Write the summary in every format into `folder`: replacing the files there, or beside them under free names.
    case exportInto(folder: String, replacing: Bool)
    /// Lock the draft just resumed against a second workshop; report ``WorkshopEvent/lockRefused(_:)`` if another holds it.
    case lock
    /// Suspend the process (Ctrl-Z).
    case suspend
    /// End the workshop.
    case quit
}

/// The workshop's update function: `(state, event) -> (state, effects)`, with no side effects.
public enum Workshop {
    /// The state after `event`, and what the shell must do.
    public static func update(_ state: WorkshopState, _ event: WorkshopEvent) -> (WorkshopState, [WorkshopEffect]) {
        var next = state
        let effects = apply(event, to: &next)
        return (next, effects)
    }

    /// Applies `event` to `state` in place and returns the effects.
    public static func apply(_ event: WorkshopEvent, to state: inout WorkshopState) -> [WorkshopEffect] {
        switch event {
        case let .resize(width, height):
            state.width = width
            state.height = height
            return []
        case let .draftCreated(path):
            state.draftPath = path
            state.unsaved = false
            state.storeFailing = false
            state.rescueCopy = nil
            state.message = .init("Saved as \(path.split(separator: "/").last.map(String.init) ?? path). Every change is saved at once.")
            return []
        case .saved:
            state.unsaved = false
            state.storeFailing = false
            if state.rescueCopy != nil || state.message?.text.hasPrefix("Not saved") == true {
                state.message = .init("Saved in the store again.")
            }
            state.rescueCopy = nil
            return []
        case let .storeFailed(reason, rescueCopy):
            state.rescueCopy = rescueCopy
            state.storeFailing = true
            if let rescueCopy {
                state.message = .init("Not saved in the store: \(reason). A copy is safe in \(rescueCopy); "
                    + "the store is tried again every 2 seconds.", isProblem: true)
            } else {
                state.message = .init("Not saved: \(reason). Your answers are kept in memory and saved as soon as "
                    + "the store can be written; do not quit yet.", isProblem: true)
            }
            return []
        case let .exported(paths, note):
            state.message = ExportKeys.exported(paths, note: note)
            return []
        case let .exportWouldReplace(folder, existing):
            state.exportOffer = folder
            state.message = ExportKeys.offer(folder: folder, existing: existing)
            return []
        case let .lockRefused(reason):
            state.assessment = nil
            state.draftPath = nil
            state.start = state.startBeforeResume
            state.start?.problem = reason
            state.message = nil
            return []
        case let .lockedDraftRead(assessment):
            guard assessment != state.assessment else { return [] }
            state.open(assessment, path: state.draftPath)
            state.message = .init(assessment.isReadOnly
                ? "This assessment was completed elsewhere since the list was made: it opens read-only."
                : "This draft was changed elsewhere since the list was made: it opens as it is now.")
            return []
        case let .exportFailed(reason):
            state.message = .init("Not exported: \(reason)", isProblem: true)
            return []
        case let .key(key):
            return handle(key, in: &state)
        }
    }

    private static func handle(_ key: Key, in state: inout WorkshopState) -> [WorkshopEffect] {
        if key == .resize { return [] }
        if key == .control("z") { return [.suspend] }
        if key == .control("c") { return quit(&state) }
        if state.showsHelp {
            state.showsHelp = false
            return []
        }
        if state.showsHistory, key != .help, key != .character("?") {
            state.showsHistory = false
            return []
        }
        let typingText = state.editor != nil || [.system, .date, .participants].contains(state.start?.focus)
        if key == .help || (key == .character("?") && !typingText) {
            state.showsHelp = true
            return []
        }
        if key != .character("q") { state.quitWarned = false }
        // Messages last until the next key, except an unsaved-changes warning.
        if state.message?.isProblem != true || !state.unsaved { state.message = nil }
        if state.start != nil { return StartScreen.handle(key, in: &state) }
        if state.editor != nil { return EditorKeys.handle(key, in: &state) }
        if state.offersToConfirmCarried {
            state.offersToConfirmCarried = false
            if key == .character("y") || key == .character("Y") { return StepKeys.confirmCarried(&state) }
            return []
        }
        if key != .character("d") { state.confirmingDelete = nil }
        if !ExportKeys.answersOffer(key) { state.exportOffer = nil }
        switch key {
        case .character("q"), .character("Q"):
            return quit(&state)
        case .character("s"), .character("S"):
            return go(to: .summary, in: &state)
        case .character("]"):
            return go(toArea: (state.step.area ?? -1) + 1, in: &state)
        case .character("["):
            return go(toArea: (state.step.area ?? state.framework.areas.count) - 1, in: &state)
        case .right:
            return step(by: 1, in: &state)
        case .left:
            return step(by: -1, in: &state)
        default:
            return StepKeys.handle(key, in: &state)
        }
    }

    static func quit(_ state: inout WorkshopState) -> [WorkshopEffect] {
        if state.unsaved, !state.quitWarned {
            state.quitWarned = true
            if let rescueCopy = state.rescueCopy {
                state.message = .init("The store still cannot be written; everything is safe in \(rescueCopy). "
                    + "Press q again to quit.", isProblem: true)
            } else {
                state.message = .init("The latest changes are not saved (see above). Press q again to quit anyway.",
                                      isProblem: true)
            }
            return []
        }
        state.hasQuit = true
        return [.quit]
    }

    /// Moves to `step`, remembering it in the assessment so a resumed draft opens there (a complete,
    /// read-only assessment is not written for a move).
    static func go(to step: Step, in state: inout WorkshopState) -> [WorkshopEffect] {
        guard state.step != step else { return [] }
        state.step = step
        state.highlight = state.currentAnswer
        state.scroll = 0
        state.selection = 0
        state.confirmingDelete = nil
        if state.assessment?.isReadOnly == true { return [] }
        return persist(&state)
    }

    /// Whether the assessment is complete, and so read-only; if it is, says how to reopen it.
    static func refusesChanges(_ state: inout WorkshopState) -> Bool {
        guard state.assessment?.isReadOnly == true else { return false }
        state.message = .init("This assessment is complete and read-only. To change it, reopen it on the summary board "
            + "(s, then c) and say why; the reopening is recorded.", isProblem: true)
        return true
    }

    static func step(by offset: Int, in state: inout WorkshopState) -> [WorkshopEffect] {
        let steps = Step.all(in: state.framework)
        guard let index = steps.firstIndex(of: state.step) else { return [] }
        let target = index + offset
        guard steps.indices.contains(target) else { return [] }
        return go(to: steps[target], in: &state)
    }

    static func go(toArea area: Int, in state: inout WorkshopState) -> [WorkshopEffect] {
        guard state.framework.areas.indices.contains(area) else { return [] }
        return go(to: .overview(area: area), in: &state)
    }

    /// Records the position and asks for the assessment to be written.
    static func persist(_ state: inout WorkshopState) -> [WorkshopEffect] {
        guard state.assessment != nil else { return [] }
        state.assessment?.position = state.step.position(in: state.framework)
        state.unsaved = true
        return [state.draftPath == nil ? .createDraft : .save]
    }
}
