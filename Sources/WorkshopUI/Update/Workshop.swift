import CellGrid
import FoundationEssentials
import MaturityFramework
import MaturityRules
import MaturityModel

/// What happens to the workshop: a key, a new terminal size, or the store's answer to an effect.
public enum WorkshopEvent: Sendable, Equatable {
    /// A key was pressed.
    case key(Key)
    /// The terminal has this size now.
    case resize(width: Int, height: Int)
    /// The draft file was created.
    case draftCreated(URL)
    /// The store holds the latest change (the shell sends it only once nothing newer is waiting).
    case saved
    /// Creating or saving the draft failed for `reason`; the content is safe in `rescueCopy` if there is one.
    /// The latest change counts as not saved until a ``saved`` follows.
    case storeFailed(reason: String, rescueCopy: String?)
    /// The draft chosen on the start screen is open in another workshop, as this message says.
    case lockRefused(String)
    /// The draft chosen on the start screen is locked and was read again from `file`, as it is now (it may
    /// have changed since the start screen listed it, or been completed elsewhere).
    case lockedDraftRead(Assessment, file: URL)
    /// The summary was exported to these files; `note` says why they are not in the current folder.
    case exported(paths: [String], note: String? = nil)
    /// The summary's files are in `folder` already (`existing`, full paths): the board chooses.
    case exportWouldReplace(folder: String, existing: [String])
    /// The export failed, for this reason.
    case exportFailed(String)
    /// The store has been read (after the first frame): what the workshop needs of it.
    case storeRead(StoreIndex)
}

/// What the workshop asks its shell to do after an update.
public enum WorkshopEffect: Sendable, Hashable {
    /// Create the draft file for ``WorkshopState/assessment`` and report ``WorkshopEvent/draftCreated(_:)``.
    case createDraft
    /// Save ``WorkshopState/assessmentToSave`` to ``WorkshopState/draftFile``.
    case save
    /// Only the position changed (a move): the shell saves it with the next change, after a short pause,
    /// or before the workshop ends, whichever comes first.
    case savePosition
    /// Write the summary in every export format and report ``WorkshopEvent/exported(paths:note:)``,
    /// or ``WorkshopEvent/exportWouldReplace(folder:existing:)`` if the files exist.
    case export
    /// Write the summary in every format into `folder`: replacing the files there, or beside them under free names.
    case exportInto(folder: String, replacing: Bool)
    /// Lock this draft against a second workshop and read it again: report ``WorkshopEvent/lockedDraftRead(_:file:)``,
    /// or ``WorkshopEvent/lockRefused(_:)`` if another workshop holds it.
    case lockDraft(URL)
    /// Suspend the process (Ctrl-Z).
    case suspend
    /// End the workshop.
    case quit
}

/// The workshop's update function: `(state, event) -> (state, effects)`, with no side effects.
public enum Workshop {
    /// The state after `event`, and what the shell must do: the one update that the shell and the tests call.
    /// The state is consumed, so that a caller that hands it over (`update(consume state, event)`) has it
    /// changed in place, and a long note is not copied for every key.
    public static func update(_ state: consuming WorkshopState, _ event: WorkshopEvent) -> (WorkshopState, [WorkshopEffect]) {
        let effects: [WorkshopEffect]
        switch event {
        case let .key(key):
            effects = Reaction.resolve(KeyDispatch.handle(key, in: &state), in: &state)
        case let .storeRead(index):
            effects = StartScreen.storeRead(index, in: &state)
        default:
            effects = []
            ShellEvents.apply(event, to: &state)
        }
        return (state, effects)
    }
}

/// Events that are not keys: the terminal's size and the shell's answers to effects.
enum ShellEvents {
    static func apply(_ event: WorkshopEvent, to state: inout WorkshopState) {
        switch event {
        case .key, .storeRead:
            break
        case let .resize(width, height):
            state.width = width
            state.height = height
        case let .draftCreated(file):
            state.draftFile = file
            state.unsaved = false
            state.storeFailing = false
            state.rescueCopy = nil
            // The shell tells of the creation once the latest change is saved: a key's own message since then stays.
            if let saved = state.message?.onceSaved {
                state.message = .init(saved)
            } else if state.message?.isProblem != false {
                state.message = .init("Saved as \(file.lastPathComponent). Every change is saved at once.")
            }
        case .saved:
            state.unsaved = false
            state.storeFailing = false
            if state.rescueCopy != nil || state.message?.text.hasPrefix("Not saved") == true {
                state.message = .init("Saved in the store again.")
            } else if let saved = state.message?.onceSaved {
                state.message = .init(saved)
            }
            state.rescueCopy = nil
        case let .storeFailed(reason, rescueCopy):
            state.rescueCopy = rescueCopy
            state.storeFailing = true
            state.unsaved = true
            if let rescueCopy {
                state.message = .init("Not saved in the store: \(reason). A copy is safe in \(rescueCopy); "
                    + "the store is tried again every 2 seconds.", isProblem: true)
            } else {
                state.message = .init("Not saved: \(reason). Your answers are kept in memory and saved as soon as "
                    + "the store can be written; do not quit yet.", isProblem: true)
            }
        case let .exported(paths, note):
            state.message = ExportMessages.exported(paths, note: note)
        case let .exportWouldReplace(folder, existing):
            state.overlay = .exportOffer(folder: folder)
            state.message = ExportMessages.offer(folder: folder, existing: existing)
        case let .exportFailed(reason):
            state.message = .init("Not exported: \(reason)", isProblem: true)
        case let .lockRefused(reason):
            guard case var .start(form) = state.screen else { return }
            form.problem = reason
            state.screen = .start(form)
            state.message = nil
        case let .lockedDraftRead(assessment, file):
            guard let form = state.start, let draft = state.drafts.first(where: { $0.path == file.path }),
                  // The version the draft was answered against, when the index has it.
                  let framework = state.storeIndex?.packing(draft) ?? state.storeIndex?.framework(id: draft.frameworkID) else { return }
            state.framework = framework
            state.open(assessment, file: file)
            if form.anonymous, !assessment.anonymousViews, !assessment.isReadOnly {
                // Names once dropped cannot come back: the board confirms first.
                let named = assessment.areas.reduce(0) { $0 + $1.views.values.filter { !$0.named.isEmpty || $0.dissents.contains { $0.participant != nil } }.count }
                state.overlay = .confirmingAnonymous(namedQuestions: named)
                state.message = .init(named == 0
                    ? "Anonymous mode was chosen: y turns it on for this draft; any other key keeps it as it is."
                    : "Anonymous mode was chosen, and this draft has named views on \(named) question\(named == 1 ? "" : "s"). "
                        + "y turns it on and drops those names for good; any other key keeps the draft as it is.", isProblem: true)
                return
            }
            if StoreIndex.Entry.fingerprint(of: assessment) == draft.fingerprint {
                state.message = .init("Resumed \(file.lastPathComponent).")
            } else {
                state.message = .init(assessment.isReadOnly
                    ? "This assessment was completed elsewhere since the list was made: it opens read-only."
                    : "This draft was changed elsewhere since the list was made: it opens as it is now.")
            }
        }
    }
}
