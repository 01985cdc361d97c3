import CellGrid
import MaturityFramework
import MaturityReports
import MaturityRules
import MaturityModel

/// Where an area is placed, why, the gap to the next stage, and the board's actions.
///
/// When it all fits it is shown in that order. When it does not (a second year at 80x24), the placement
/// stays at the top and this time's "Agreed actions" at the bottom; the gap and last time's actions
/// between them scroll with the selection, and a row of its own above "Agreed actions" says what is
/// out of sight.
enum ResultScreen {
    static func draw(_ state: WorkshopState, area index: Int, into body: inout BodyWriter) {
        let area = state.framework.areas[index]
        let answers = state.assessment?.answers ?? [:]
        let placement = PlacementRules.place(area, in: state.framework, answers: answers)
        let record = state.assessment?[area: area.id] ?? AreaRecord(id: area.id)
        let readOnly = state.assessment?.isReadOnly == true
        let reviewed = record.reviewedActions

        var head = BodyLines(width: body.width)
        head.line()
        head.paragraph(area.title, style: .dim)
        head.line("Placed at: " + placement.titleMarkingProvisional, style: .accent)
        // The typical stage and the target right under the placement, so that a small screen keeps them.
        if let typical = state.typicalBesidePlacement(area: index) { head.paragraph(typical, style: .dim) }
        if let target = state.targetSentence(area: index, earlier: state.earlierAssessments) { head.paragraph(target, style: .title) }
        head.paragraph(placement.explanation)

        var middle = BodyLines(width: body.width)
        if let next = placement.nextStage {
            middle.line()
            let progress = Int(((placement.progress ?? 0) * 100).rounded())
            middle.line("To reach \(next.title) (\(progress)% of the way):", style: .title)
            for criterion in placement.gap {
                let answer = answers[criterion.id].map(\.label) ?? "not answered"
                middle.paragraph("\(criterion.label) — \(answer)", indent: 2, firstPrefix: "• ")
            }
        }
        var selectedInMiddle: Range<Int>?
        if !reviewed.isEmpty {
            middle.line()
            middle.line(readOnly ? "Last time's actions" : "Last time's actions (r to review their status)", style: .title)
            for (number, action) in reviewed.enumerated() {
                let selected = number == state.selection
                let start = middle.count
                let text = describe(action, status: RecordWords.review(action, reviewed: !record.unreviewedActions.contains(action.id)))
                middle.paragraph(text, style: selected ? .selected : .plain, firstPrefix: selected ? "▸ " : "  ")
                if selected { selectedInMiddle = start..<middle.count }
            }
        }

        var agreed = BodyLines(width: body.width)
        agreed.line(readOnly ? "Agreed actions" : "Agreed actions (a to add, e to edit, d to delete)", style: .title)
        var selectedInAgreed: Range<Int>?
        if record.actions.isEmpty { agreed.line("None yet.", style: .dim, indent: 2) }
        for (number, action) in record.actions.enumerated() {
            let selected = reviewed.count + number == state.selection
            let start = agreed.count
            agreed.paragraph(describe(action), style: selected ? .selected : .plain, firstPrefix: selected ? "▸ " : "  ")
            if selected { selectedInAgreed = start..<agreed.count }
        }

        let rows = body.bottom - body.top
        if head.count + middle.count + 1 + agreed.count <= rows {
            body.write(head.lines + middle.lines)
            body.line()
            body.write(agreed.lines)
            return
        }
        // The agreed actions take what they need as long as the part above keeps half of what the placement
        // leaves; never less than their heading and the chosen action (the placement gives way on a small screen).
        let available = max(0, rows - 1)
        let selected = selectedInAgreed.map { ($0.lowerBound - 1)..<($0.upperBound - 1) }
        let needed = min(agreed.count, 1 + (selected?.count ?? 1))
        let belowHead = max(0, available - head.count)
        let agreedRows = min(available, min(agreed.count, max(needed, belowHead - min(middle.count, belowHead / 2))))
        let headRows = min(head.count, available - agreedRows)
        let middleRows = max(0, available - agreedRows - headRows)
        body.write(head.lines.prefix(headRows))
        let middleFirst = window(count: middle.count, rows: middleRows, showing: selectedInMiddle)
        let middleShown = middle.lines.dropFirst(middleFirst).prefix(middleRows)
        body.write(middleShown)
        for _ in middleShown.count..<max(middleShown.count, middleRows) { body.line() }
        body.line()
        let above = middleFirst > 0 || headRows < head.count
        if let row = body.lastVisibleRow, let marker = marker(above: above, below: middleFirst + middleShown.count < middle.count) {
            body.grid.put(marker, row: row, column: Layout.margin + max(0, body.width - TextWidth.of(marker)), style: .dim)
        }
        // The heading, then the actions around the selection, with a last row that counts the rest when
        // there is room for it.
        body.write(agreed.lines.prefix(1))
        let actions = Array(agreed.lines.dropFirst())
        let actionRows = max(0, agreedRows - 1)
        guard actions.count > actionRows else {
            body.write(actions)
            return
        }
        let counted = actionRows - 1 >= (selected?.count ?? 1)
        let windowRows = counted ? actionRows - 1 : actionRows
        let first = window(count: actions.count, rows: windowRows, showing: selected)
        let shown = actions.dropFirst(first).prefix(windowRows)
        body.write(shown)
        guard counted else { return }
        let hiddenAbove = first
        let hiddenBelow = actions.count - first - shown.count
        body.line("\(hiddenAbove > 0 ? "↑ \(hiddenAbove) " : "")\(hiddenBelow > 0 ? "↓ \(hiddenBelow) " : "")more lines of actions: ↑ ↓ choose",
                  style: .dim, indent: 2)
    }

    /// The first line to show of `count` lines in `rows` rows so that the `showing` range is in view
    /// (from the top when nothing is selected there).
    private static func window(count: Int, rows: Int, showing range: Range<Int>?) -> Int {
        guard count > rows, let range else { return 0 }
        return max(0, min(range.upperBound - rows, range.lowerBound, count - rows))
    }

    /// The row between the scrolling part and the agreed actions: what is out of sight.
    private static func marker(above: Bool, below: Bool) -> String? {
        switch (above, below) {
        case (true, true): "↑↓ more: ↑ ↓ choose an action"
        case (false, true): "↓ more: ↓ to choose an action"
        case (true, false): "↑ more above"
        case (false, false): nil
        }
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
