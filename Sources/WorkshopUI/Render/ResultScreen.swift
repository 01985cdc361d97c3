import CellGrid
import MaturityFramework
import MaturityReports
import MaturityRules
import MaturityModel

/// Where the rules place an area, why, the gap to the next stage, and the board's actions.
enum ResultScreen {
    static func draw(_ state: WorkshopState, area index: Int, into body: inout BodyWriter) {
        let area = state.framework.areas[index]
        let answers = state.assessment?.answers ?? [:]
        let placement = PlacementRules.place(area, in: state.framework, answers: answers)
        let record = state.assessment?[area: area.id] ?? AreaRecord(id: area.id)
        // Scroll so that the selected action stays in view.
        var measure = BodyWriter(grid: Grid(width: 0, height: 0), top: 0, bottom: 0, scroll: 0, width: body.width)
        let selectedEnd = content(state, area: area, placement: placement, record: record, answers: answers, into: &measure)
        let scroll = max(0, (selectedEnd ?? 0) - (body.bottom - body.top))
        var writer = BodyWriter(grid: body.grid, top: body.top, bottom: body.bottom, scroll: scroll, width: body.width)
        content(state, area: area, placement: placement, record: record, answers: answers, into: &writer)
        body.grid = writer.grid
    }

    /// Writes the result and returns the line just after the selected action.
    @discardableResult
    private static func content(_ state: WorkshopState, area: Area, placement: Placement, record: AreaRecord,
                                answers: [String: Answer], into body: inout BodyWriter) -> Int? {
        var selectedEnd: Int?
        body.line()
        body.paragraph(area.title, style: .dim)
        body.line("Placed at: " + placement.titleMarkingProvisional, style: .accent)
        body.paragraph(placement.explanation)
        if let next = placement.nextStage {
            body.line()
            let progress = Int(((placement.progress ?? 0) * 100).rounded())
            body.line("To reach \(next.title) (\(progress)% of the way):", style: .title)
            for criterion in placement.gap {
                let answer = answers[criterion.id].map(\.label) ?? "not answered"
                body.paragraph("\(criterion.label) — \(answer)", indent: 2, firstPrefix: "• ")
            }
        }
        let reviewed = record.reviewedActions
        let readOnly = state.assessment?.isReadOnly == true
        if !reviewed.isEmpty {
            body.line()
            body.line(readOnly ? "Last time's actions" : "Last time's actions (r to review their status)", style: .title)
            for (number, action) in reviewed.enumerated() {
                let selected = number == state.selection
                let text = describe(action, status: RecordWords.review(action, reviewed: !record.unreviewedActions.contains(action.id)))
                body.paragraph(text, style: selected ? .selected : .plain, firstPrefix: selected ? "▸ " : "  ")
                if selected { selectedEnd = body.row }
            }
        }
        body.line()
        body.line(readOnly ? "Agreed actions" : "Agreed actions (a to add, e to edit, d to delete)", style: .title)
        if record.actions.isEmpty { body.line("None yet.", style: .dim, indent: 2) }
        for (number, action) in record.actions.enumerated() {
            let selected = reviewed.count + number == state.selection
            body.paragraph(describe(action), style: selected ? .selected : .plain, firstPrefix: selected ? "▸ " : "  ")
            if selected { selectedEnd = body.row }
        }
        return selectedEnd
    }

    /// "Align the strategy — Director of strategy, due 2027-03-31, in progress".
    static func describe(_ action: Action, status: String? = nil) -> String {
        var details: [String] = []
        if !action.owner.isEmpty { details.append(action.owner) }
        if let due = action.due { details.append("due \(due)") }
        details.append(status ?? action.status.phrase)
        return (action.what.isEmpty ? "(no description)" : action.what) + " — " + details.joined(separator: ", ")
    }
}
