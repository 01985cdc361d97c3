import CellGrid
import MaturityFramework
import MaturityModel

/// Keys while a note or an action is being edited. Every change is written straight away.
enum EditorKeys {
    /// The longest note kept: the same limit as answer sheets and plain mode.
    static let noteLimit = Assessment.noteLimit
    /// The longest reason for reopening a complete assessment.
    static let reasonLimit = Assessment.reasonLimit

    /// The editor is taken out of the state first, so that editing its text does not copy it; each key
    /// puts it back while it stays open.
    static func handle(_ key: Key, in state: inout WorkshopState) -> [Reaction] {
        guard case .editor? = state.overlay, case let .editor(editor)? = state.overlay.take() else { return [] }
        switch consume editor {
        case .note(let criterionID, var field): return note(key, criterionID: criterionID, field: &field, &state)
        case let .action(area, index, form): return action(key, area: area, index: index, form: form, &state)
        case let .reopenReason(field): return reopenReason(key, field: field, &state)
        case let .metric(area, metric, form): return MetricKeys.form(key, area: area, metric: metric, form: form, in: &state)
        }
    }

    private static func note(_ key: Key, criterionID: String, field: inout TextField, _ state: inout WorkshopState) -> [Reaction] {
        if state.assessment?.isReadOnly == true {
            // A complete assessment's note is read, never changed.
            switch key {
            case .escape: return []
            case .up, .down, .left, .right, .home, .end, .pageUp, .pageDown:
                _ = field.handle(key, width: NoteEditor.textWidth(state))
            default:
                _ = state.refusesChanges()
            }
            state.overlay = .editor(.note(criterionID: criterionID, field: field))
            return []
        }
        if key == .escape {
            state.assessment = state.assessmentToSave(with: .note(criterionID: criterionID, field: field))
            return closed("Note", &state)
        }
        let before = field.revision
        let handled = field.handle(key, width: NoteEditor.textWidth(state))
        state.overlay = .editor(.note(criterionID: criterionID, field: field))
        guard handled else { return [] }
        if field.wasCut {
            state.message = .init("The note is at its limit of \(noteLimit) characters; the rest was not added.", isProblem: true)
        }
        // The note goes into the assessment when it is saved (once per batch of keys) and when the editor closes.
        guard field.revision != before else { return [] }
        return [.changed]
    }

    private static func action(_ key: Key, area: Int, index: Int, form: ActionForm, _ state: inout WorkshopState) -> [Reaction] {
        var form = form
        form.problem = nil
        switch key {
        case .escape:
            return close(form, area: area, index: index, &state)
        case .enter where form.focus == .status:
            return close(form, area: area, index: index, &state)
        case .tab, .down, .enter:
            form.focus = form.focus.next
        case .backTab, .up:
            form.focus = form.focus.previous
        case .left where form.focus == .status, .right where form.focus == .status, .character(" ") where form.focus == .status:
            let all = ActionStatus.allCases
            let position = all.firstIndex(of: form.status) ?? 0
            form.status = all[(position + (key == .left ? all.count - 1 : 1)) % all.count]
        default:
            switch form.focus {
            case .what: _ = form.what.handle(key, width: 0)
            case .owner: _ = form.owner.handle(key, width: 0)
            case .due: _ = form.due.handle(key, width: 0)
            case .status: break
            }
        }
        state.overlay = .editor(.action(area: area, index: index, form: form))
        return store(form, area: area, index: index, &state)
    }

    /// Writes the form into the assessment; a due date is written once it is a real date (or empty).
    private static func store(_ form: ActionForm, area: Int, index: Int, _ state: inout WorkshopState) -> [Reaction] {
        let areaID = state.framework.areas[area].id
        guard var action = state.assessment?[area: areaID].actions[safe: index] else { return [] }
        let before = action
        action.what = form.what.text.trimmingSpaces()
        action.owner = form.owner.text.trimmingSpaces()
        action.status = form.status
        let due = form.due.text.trimmingSpaces()
        if due.isEmpty {
            action.due = nil
        } else if let date = CalendarDate(due) {
            action.due = date
        }
        guard action != before else { return [] }
        state.assessment?[area: areaID].actions[index] = action
        return [.changed]
    }

    private static func close(_ form: ActionForm, area: Int, index: Int, _ state: inout WorkshopState) -> [Reaction] {
        var form = form
        let due = form.due.text.trimmingSpaces()
        if !due.isEmpty, CalendarDate(due) == nil {
            form.focus = .due
            form.problem = "The due date must be a real day written YYYY-MM-DD, e.g. 2027-03-31, or empty."
            state.overlay = .editor(.action(area: area, index: index, form: form))
            return []
        }
        state.overlay = nil
        let areaID = state.framework.areas[area].id
        let action = state.assessment?[area: areaID].actions[safe: index]
        if let action, action.what.isEmpty, action.owner.isEmpty, action.due == nil {
            state.assessment?[area: areaID].actions.remove(at: index)
            if case let .result(area, selection) = state.screen { state.screen = .result(area: area, selection: max(0, selection - 1)) }
            state.message = .init("Empty action discarded.")
            return [.changed]
        }
        return closed("Action", &state)
    }

    /// Says "saved" only when it is true: while its last change is still being written the note or
    /// action is "closed", until the shell says the store has it; while the store fails, it is written
    /// again at once, and the store's answer (where the rescue copy is) becomes the message.
    private static func closed(_ what: String, _ state: inout WorkshopState) -> [Reaction] {
        guard state.storeFailing else {
            state.message = state.unsaved ? .init("\(what) closed.", onceSaved: "\(what) saved.") : .init("\(what) saved.")
            return state.unsaved ? [.changed] : []
        }
        state.message = nil
        return [.changed]
    }

    /// The one-line reason for reopening a complete assessment: Enter reopens (recorded), Esc cancels.
    private static func reopenReason(_ key: Key, field: TextField, _ state: inout WorkshopState) -> [Reaction] {
        var field = field
        switch key {
        case .escape:
            state.message = .init("Not reopened; the assessment stays complete and read-only.")
            return []
        case .enter:
            let reason = field.text.trimmingSpaces()
            guard !reason.isEmpty, var assessment = state.assessment else {
                state.message = .init("Say why it is reopened (it is recorded with the assessment), or press Esc.",
                                      isProblem: true)
                state.overlay = .editor(.reopenReason(field))
                return []
            }
            assessment.reopen(at: state.clock(), by: state.facilitator, reason: reason)
            state.assessment = assessment
            state.message = .init("Reopened as a draft; the reopening and its reason are recorded.")
            return [.changed]
        default:
            _ = field.handle(key, width: 0)
            if field.wasCut {
                state.message = .init("The reason is at its limit of \(reasonLimit) characters.", isProblem: true)
            }
            state.overlay = .editor(.reopenReason(field))
            return []
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
