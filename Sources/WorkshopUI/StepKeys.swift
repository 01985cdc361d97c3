import CellGrid
import MaturityFramework
import MaturityRules
import MaturityStore

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
        let page = max(1, Layout.bodyHeight(state) - 2)
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
            action.status = all[((all.firstIndex(of: action.status) ?? 0) + 1) % all.count]
            state.assessment?[area: areaID].reviewedActions[state.selection] = action
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
            guard var assessment = state.assessment else { return [] }
            assessment.status = assessment.status == .complete ? .draft : .complete
            state.assessment = assessment
            state.message = .init(assessment.status == .complete
                ? "Marked complete. Press c again to reopen it as a draft."
                : "Reopened as a draft.")
            return Workshop.persist(&state)
        default:
            break
        }
        return []
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
