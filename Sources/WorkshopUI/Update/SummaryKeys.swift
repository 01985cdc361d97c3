import CellGrid
import MaturityFramework
import MaturityModel

/// Keys of the summary board: the list of areas and questions, the history, exports, completing and reopening.
enum SummaryKeys {
    static func handle(_ key: Key, selection: Int, in state: inout WorkshopState) -> [Reaction] {
        let rows = SummaryScreen.rows(state.framework)
        let page = max(1, Layout.bodyHeight(state) - 8)
        let last = max(0, rows.count - 1)
        var selection = selection
        switch key {
        case .down: selection = min(selection + 1, last)
        case .up: selection = max(selection - 1, 0)
        case .pageDown: selection = min(selection + page, last)
        case .pageUp: selection = max(selection - page, 0)
        case .home: selection = 0
        case .end: selection = last
        case .enter:
            guard let row = rows[safe: max(0, min(selection, last))] else { return [] }
            return [.go(row.criterion.map { .question(area: row.area, criterion: $0) } ?? .overview(area: row.area))]
        case .character("h"), .character("H"):
            state.screen = .history(summarySelection: selection)
            return []
        case .character("x"), .character("X"):
            return state.assessment == nil ? [] : [.effect(.export)]
        case .character("c"), .character("C"):
            return completeOrReopen(&state)
        default:
            return []
        }
        state.screen = .summary(selection: selection)
        return []
    }

    /// Marks the assessment complete (refused, with an offer, while carried answers are unconfirmed),
    /// or opens the form that asks why a complete one is reopened.
    private static func completeOrReopen(_ state: inout WorkshopState) -> [Reaction] {
        guard var assessment = state.assessment else { return [] }
        if assessment.isReadOnly {
            state.overlay = .editor(.reopenReason(TextField("", limit: EditorKeys.reasonLimit)))
            return []
        }
        do {
            try assessment.complete(in: state.framework, at: state.clock(), by: state.facilitator)
        } catch {
            state.overlay = .confirmingCarried
            let count = error.unconfirmed.count
            state.message = .init("Not complete: \(count) answer\(count == 1 ? " is" : "s are") as last time, not confirmed. "
                + "y confirms \(count == 1 ? "it" : "all \(count)") as unchanged (recorded); any other key goes back to "
                + "confirm them one by one. Still as last time: \(CarriedList.describe(error.unconfirmed, in: state.framework)).",
                isProblem: true)
            return []
        }
        state.assessment = assessment
        state.message = .init("Marked complete (recorded); it is now read-only. c reopens it.")
        return [.changed]
    }

    /// Confirms every answer still as last time, as one recorded decision.
    static func confirmCarried(_ state: inout WorkshopState) -> [Reaction] {
        guard var assessment = state.assessment else { return [] }
        let count = assessment.confirmAllCarried(in: state.framework, at: state.clock(), by: state.facilitator)
        state.assessment = assessment
        state.message = .init("Confirmed \(count) unchanged answer\(count == 1 ? "" : "s") (recorded). c completes.")
        return [.changed]
    }
}
