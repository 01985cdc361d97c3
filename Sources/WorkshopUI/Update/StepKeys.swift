import CellGrid
import MaturityFramework
import MaturityRules
import MaturityModel

/// Keys that belong to the current step: answering, scrolling, actions, the summary list.
enum StepKeys {
    static let answerOrder: [Answer] = [.yes, .partly, .no, .unsure]

    static func handle(_ key: Key, in state: inout WorkshopState) -> [WorkshopEffect] {
        switch state.step {
        case .overview: return overview(key, &state)
        case let .question(area, index): return question(key, area: area, index: index, &state)
        case let .result(area): return result(key, area: area, &state)
        case .summary: return summary(key, &state)
        }
    }

    private static func overview(_ key: Key, _ state: inout WorkshopState) -> [WorkshopEffect] {
        let page = OverviewScreen.page(state)
        switch key {
        case .enter: return Workshop.step(by: 1, in: &state)
        case .down: state.scroll += 1
        case .up: state.scroll -= 1
        case .pageDown, .character(" "): state.scroll += page
        case .pageUp: state.scroll -= page
        case .home: state.scroll = 0
        default: return []
        }
        state.scroll = max(0, min(state.scroll, OverviewScreen.maximumScroll(state)))
        return []
    }

    private static func question(_ key: Key, area: Int, index: Int, _ state: inout WorkshopState) -> [WorkshopEffect] {
        let criterion = state.framework.areas[area].criteria[index]
        if key == .pageDown || key == .pageUp, let window = QuestionScreen.lastTimeWindow(state) {
            // PgDn and PgUp move through last time's answer and note when they are folded.
            let page = max(1, window.shown)
            state.scroll = max(0, min(window.maximumScroll, window.first + (key == .pageDown ? page : -page)))
            return []
        }
        if state.assessment?.isReadOnly == true {
            switch key {
            case .enter: return Workshop.step(by: 1, in: &state)
            case .character("e"), .character("E"), .tab:
                // The note can be read, not changed.
                if state.assessment?[area: state.framework.areas[area].id].notes[criterion.id] != nil {
                    return openNote(criterion, area: area, &state)
                }
                _ = Workshop.refusesChanges(&state)
                return []
            case .character, .up, .down, .backspace, .delete:
                _ = Workshop.refusesChanges(&state)
                return []
            default: return []
            }
        }
        switch key {
        case let .character(letter):
            guard let answer = answer(for: letter) else {
                if letter == "e" || letter == "E" { return openNote(criterion, area: area, &state) }
                return []
            }
            state.highlight = answer
            return record(answer, for: criterion, area: area, &state)
        case .tab:
            return openNote(criterion, area: area, &state)
        case .down:
            state.highlight = answerOrder[((state.highlight.flatMap { answerOrder.firstIndex(of: $0) } ?? -1) + 1) % 4]
            return []
        case .up:
            state.highlight = answerOrder[((state.highlight.flatMap { answerOrder.firstIndex(of: $0) } ?? 4) + 3) % 4]
            return []
        case .enter:
            var effects: [WorkshopEffect] = []
            let areaID = state.framework.areas[area].id
            if let highlight = state.highlight, highlight != state.currentAnswer {
                effects += record(highlight, for: criterion, area: area, &state)
            } else if state.assessment?[area: areaID].asLastTime.contains(criterion.id) == true {
                // Enter on an answer carried from last time confirms it.
                state.assessment?[area: areaID].asLastTime.remove(criterion.id)
                effects += Workshop.persist(&state)
            }
            return coalesce(effects + Workshop.step(by: 1, in: &state))
        case .backspace, .delete:
            guard state.currentAnswer != nil else { return [] }
            state.assessment?[area: state.framework.areas[area].id].answers[criterion.id] = nil
            state.assessment?[area: state.framework.areas[area].id].asLastTime.remove(criterion.id)
            state.highlight = nil
            state.message = .init("Answer cleared.")
            return Workshop.persist(&state)
        default:
            return []
        }
    }

    static func answer(for letter: Character) -> Answer? {
        switch letter {
        case "y", "Y": .yes
        case "p", "P": .partly
        case "n", "N": .no
        case "u", "U": .unsure
        default: nil
        }
    }

    private static func record(_ answer: Answer, for criterion: Criterion, area: Int, _ state: inout WorkshopState) -> [WorkshopEffect] {
        let areaID = state.framework.areas[area].id
        state.assessment?[area: areaID].answers[criterion.id] = answer
        state.assessment?[area: areaID].asLastTime.remove(criterion.id)
        state.message = .init("Recorded: \(AnswerText.label(answer)).")
        return Workshop.persist(&state)
    }

    private static func openNote(_ criterion: Criterion, area: Int, _ state: inout WorkshopState) -> [WorkshopEffect] {
        let note = state.assessment?[area: state.framework.areas[area].id].notes[criterion.id] ?? ""
        state.editor = .note(criterionID: criterion.id, field: TextField(note, singleLine: false, limit: EditorKeys.noteLimit))
        return []
    }

    /// On a result, the selection runs over last time's actions (for review), then this time's.
    private static func result(_ key: Key, area: Int, _ state: inout WorkshopState) -> [WorkshopEffect] {
        let areaID = state.framework.areas[area].id
        let record = state.assessment?[area: areaID] ?? AreaRecord(id: areaID)
        let reviewed = record.reviewedActions.count
        let actions = record.actions
        let own = state.selection - reviewed
        switch key {
        case .character("r"), .character("R"), .character("a"), .character("A"), .character("e"), .character("E"),
             .character("d"), .character("D"), .delete:
            if Workshop.refusesChanges(&state) { return [] }
        default:
            break
        }
        switch key {
        case .enter:
            return Workshop.step(by: 1, in: &state)
        case .down:
            state.selection = min(state.selection + 1, max(0, reviewed + actions.count - 1))
        case .up:
            state.selection = max(state.selection - 1, 0)
        case .character("r"), .character("R"):
            guard state.selection < reviewed else { return [] }
            let all = ActionStatus.allCases
            var action = record.reviewedActions[state.selection]
            // The first review starts from last time's status; later presses cycle on from there.
            if !record.unreviewedActions.contains(action.id) {
                action.status = all[((all.firstIndex(of: action.status) ?? 0) + 1) % all.count]
            }
            state.assessment?[area: areaID].reviewedActions[state.selection] = action
            state.assessment?[area: areaID].unreviewedActions.remove(action.id)
            state.message = .init("Reviewed: \(action.what) — \(action.status.phrase).")
            return Workshop.persist(&state)
        case .character("a"), .character("A"):
            let action = Action(id: state.assessment?.nextActionID() ?? "action-1", what: "", owner: "")
            state.assessment?[area: areaID].actions.append(action)
            state.selection = reviewed + actions.count
            state.editor = .action(area: area, index: actions.count, form: ActionForm(action))
            return []
        case .character("e"), .character("E"):
            guard actions.indices.contains(own) else { return [] }
            state.editor = .action(area: area, index: own, form: ActionForm(actions[own]))
        case .character("d"), .character("D"), .delete:
            guard actions.indices.contains(own) else { return [] }
            if state.confirmingDelete == own {
                state.assessment?[area: areaID].actions.remove(at: own)
                state.confirmingDelete = nil
                state.selection = max(0, min(state.selection, reviewed + actions.count - 2))
                state.message = .init("Action deleted.")
                return Workshop.persist(&state)
            }
            state.confirmingDelete = own
            state.message = .init("Delete \"\(actions[own].what)\"? Press d again to delete, any other key to keep it.",
                                  isProblem: true)
        default:
            break
        }
        return []
    }

    private static func summary(_ key: Key, _ state: inout WorkshopState) -> [WorkshopEffect] {
        let rows = SummaryScreen.rows(state.framework)
        let page = max(1, Layout.bodyHeight(state) - 8)
        switch key {
        case .down: state.selection = min(state.selection + 1, rows.count - 1)
        case .up: state.selection = max(state.selection - 1, 0)
        case .pageDown: state.selection = min(state.selection + page, rows.count - 1)
        case .pageUp: state.selection = max(state.selection - page, 0)
        case .home: state.selection = 0
        case .end: state.selection = rows.count - 1
        case .enter:
            let row = rows[max(0, min(state.selection, rows.count - 1))]
            return Workshop.go(to: row.criterion.map { .question(area: row.area, criterion: $0) } ?? .overview(area: row.area),
                               in: &state)
        case .character("h"), .character("H"):
            state.showsHistory = true
        case .character("x"), .character("X"), .character("n"), .character("N"):
            return ExportKeys.handle(key, in: &state)
        case .character("c"), .character("C"):
            return completeOrReopen(&state)
        default:
            break
        }
        return []
    }

    /// Marks the assessment complete (refused, with an offer, while carried answers are unconfirmed),
    /// or opens the form that asks why a complete one is reopened.
    private static func completeOrReopen(_ state: inout WorkshopState) -> [WorkshopEffect] {
        guard var assessment = state.assessment else { return [] }
        if assessment.isReadOnly {
            state.editor = .reopenReason(TextField("", limit: EditorKeys.reasonLimit))
            return []
        }
        do {
            try assessment.complete(in: state.framework, at: state.clock(), by: state.facilitator)
        } catch {
            state.offersToConfirmCarried = true
            let count = error.unconfirmed.count
            state.message = .init("Not complete: \(count) answer\(count == 1 ? " is" : "s are") as last time, not confirmed. "
                + "y confirms \(count == 1 ? "it" : "all \(count)") as unchanged (recorded); any other key goes back to "
                + "confirm them one by one. Still as last time: \(CarriedList.describe(error.unconfirmed, in: state.framework)).",
                isProblem: true)
            return []
        }
        state.assessment = assessment
        state.message = .init("Marked complete (recorded); it is now read-only. c reopens it.")
        return Workshop.persist(&state)
    }

    /// Confirms every answer still as last time, as one recorded decision.
    static func confirmCarried(_ state: inout WorkshopState) -> [WorkshopEffect] {
        guard var assessment = state.assessment else { return [] }
        let count = assessment.confirmAllCarried(in: state.framework, at: state.clock(), by: state.facilitator)
        state.assessment = assessment
        state.message = .init("Confirmed \(count) unchanged answer\(count == 1 ? "" : "s") (recorded). c completes.")
        return Workshop.persist(&state)
    }

    /// One create or save is enough per update.
    static func coalesce(_ effects: [WorkshopEffect]) -> [WorkshopEffect] {
        var result: [WorkshopEffect] = []
        for effect in effects where !result.contains(effect) {
            if effect == .save, result.contains(.createDraft) { continue }
            result.append(effect)
        }
        return result
    }
}
