import CellGrid
import MaturityFramework
import MaturityModel

/// Keys of an area's result: the selection runs over last time's actions (reviewed with `r`), then
/// this time's (added with `a`, edited with `e`, deleted with `d` twice).
enum ResultKeys {
    static func handle(_ key: Key, area: Int, selection: Int, in state: inout WorkshopState) -> [Reaction] {
        let areaID = state.framework.areas[area].id
        let record = state.assessment?[area: areaID] ?? AreaRecord(id: areaID)
        let reviewed = record.reviewedActions.count
        let actions = record.actions
        let own = selection - reviewed
        switch key {
        case .character("r"), .character("R"), .character("a"), .character("A"), .character("e"), .character("E"),
             .character("d"), .character("D"), .delete:
            if state.refusesChanges() { return [] }
        default:
            break
        }
        switch key {
        case .enter:
            return [.move(1)]
        case .character("t"), .character("T"):
            return TargetKeys.open(area: area, in: &state)
        case .down:
            state.screen = .result(area: area, selection: min(selection + 1, max(0, reviewed + actions.count - 1)))
        case .up:
            state.screen = .result(area: area, selection: max(selection - 1, 0))
        case .character("r"), .character("R"):
            guard record.reviewedActions.indices.contains(selection) else { return [] }
            // The menu starts at the status the action had last time, or at the one chosen since.
            state.overlay = .statusChoice(StatusChoice(area: area, index: selection, highlight: record.reviewedActions[selection].status))
        case .character("a"), .character("A"):
            let action = Action(id: state.assessment?.nextActionID() ?? "action-1", what: "", owner: "")
            state.assessment?[area: areaID].actions.append(action)
            state.screen = .result(area: area, selection: reviewed + actions.count)
            state.overlay = .editor(.action(area: area, index: actions.count, form: ActionForm(action)))
        case .character("e"), .character("E"):
            guard actions.indices.contains(own) else { return [] }
            state.overlay = .editor(.action(area: area, index: own, form: ActionForm(actions[own])))
        case .character("d"), .character("D"), .delete:
            guard actions.indices.contains(own) else { return [] }
            state.overlay = .confirmingDelete(action: own)
            state.message = .init("Delete \"\(actions[own].what)\"? Press d again to delete, any other key to keep it.",
                                  isProblem: true)
        default:
            break
        }
        return []
    }

    /// Deletes this time's action number `index` on the result shown (`d` pressed twice).
    static func delete(_ index: Int, in state: inout WorkshopState) -> [Reaction] {
        guard case let .result(area, selection) = state.screen else { return [] }
        let areaID = state.framework.areas[area].id
        guard let record = state.assessment?[area: areaID], record.actions.indices.contains(index) else { return [] }
        state.assessment?[area: areaID].actions.remove(at: index)
        let last = record.reviewedActions.count + record.actions.count - 2
        state.screen = .result(area: area, selection: max(0, min(selection, last)))
        state.message = .init("Action deleted.")
        return [.changed]
    }

    /// Keys of the menu of statuses for one of last time's actions: ↑↓ and Enter, or the number of a
    /// status, choose it; Esc leaves the action as it was (not reviewed, if it was not).
    static func choose(_ key: Key, _ choice: StatusChoice, in state: inout WorkshopState) -> [Reaction] {
        let all = ActionStatus.allCases
        let position = all.firstIndex(of: choice.highlight) ?? 0
        var choice = choice
        switch key {
        case .escape:
            state.overlay = nil
            return []
        case .down, .up:
            choice.highlight = all[(position + (key == .down ? 1 : all.count - 1)) % all.count]
            state.overlay = .statusChoice(choice)
            return []
        case .enter:
            return review(choice, as: choice.highlight, &state)
        case let .character(digit):
            guard let number = digit.wholeNumberValue, (1...all.count).contains(number) else { return [] }
            return review(choice, as: all[number - 1], &state)
        default:
            return []
        }
    }

    private static func review(_ choice: StatusChoice, as status: ActionStatus, _ state: inout WorkshopState) -> [Reaction] {
        state.overlay = nil
        let areaID = state.framework.areas[choice.area].id
        guard var action = state.assessment?[area: areaID].reviewedActions[safe: choice.index] else { return [] }
        action.status = status
        state.assessment?[area: areaID].reviewedActions[choice.index] = action
        state.assessment?[area: areaID].unreviewedActions.remove(action.id)
        state.message = .init("Reviewed: \(action.what) — \(action.status.phrase).")
        return [.changed]
    }
}
