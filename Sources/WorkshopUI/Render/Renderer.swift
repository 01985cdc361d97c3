import CellGrid
import MaturityFramework
import MaturityRules
import MaturityModel

/// The workshop's render function: `state -> frame`, with no side effects.
public enum Renderer {
    /// The screen for `state` at its size.
    public static func render(_ state: WorkshopState) -> Frame {
        var grid = Grid(width: state.width, height: state.height)
        if state.layer == .tooSmall { return Frame(grid: tooSmall(state, grid)) }
        var cursor: (row: Int, column: Int)?
        grid.fill(row: 0, style: .bar)
        let status = saveStatus(state).map { " \($0) " } ?? ""
        grid.put(" " + header(state, width: state.width - TextWidth.of(status) - 1), row: 0, column: 0, style: .bar)
        grid.put(status, row: 0, column: state.width - TextWidth.of(status), style: .bar)
        let statusText = statusLines(state)
        var body = BodyWriter(grid: grid, top: 1, bottom: state.height - 1 - max(1, statusText.count), scroll: 0,
                              width: Layout.contentWidth(state))
        // An editor takes the body's place; anything else lies over the screen, or is a question on the status line.
        switch (state.editor, state.screen) {
        case let (.note(criterionID, field)?, _): cursor = NoteEditor.draw(state, criterionID: criterionID, field: field, into: &body)
        case let (.action(area, _, form)?, _): cursor = ActionFormRender.draw(state, area: area, form: form, into: &body)
        case let (.reopenReason(field)?, _): cursor = ReopenRender.draw(state, field: field, into: &body)
        case let (.metric(area, metric, form)?, _): cursor = MetricFormRender.draw(state, area: area, metric: metric, form: form, into: &body)
        case let (nil, .question(area, index, _, _)) where state.round != nil:
            if let round = state.round { cursor = RoundRender.draw(state, round, area: area, index: index, into: &body) }
        case (nil, .start): cursor = StartRender.draw(state, into: &body)
        case let (nil, .overview(area, _)): OverviewScreen.draw(state, area: area, into: &body)
        case let (nil, .metrics(area, selection)): MetricsScreen.draw(state, area: area, selection: selection, into: &body)
        case let (nil, .question(area, index, _, _)): QuestionScreen.draw(state, area: area, index: index, into: &body)
        case let (nil, .result(area, _)): ResultScreen.draw(state, area: area, into: &body)
        case (nil, .summary): SummaryScreen.draw(state, into: &body)
        case (nil, .history): HistoryScreen.draw(state, into: &body)
        }
        grid = body.grid
        drawStatus(state, lines: statusText, into: &grid)
        drawHints(state, into: &grid)
        switch state.overlay {
        case .help?:
            HelpOverlay.draw(state, into: &grid)
            cursor = nil
        case let .statusChoice(choice)?:
            StatusMenu.draw(state, choice: choice, into: &grid)
        case let .target(form)?:
            cursor = TargetFormRender.draw(state, form: form, into: &grid)
        default:
            break
        }
        return Frame(grid: grid, cursor: cursor)
    }

    /// The right end of the top bar, nil on the start screen: "saving" from a change until the store has
    /// it (the shell says so once the write is flushed to disk), "not saved" while the store refuses it,
    /// then "saved" (or "complete", for a complete assessment). "saved" is as wide as "saving", so that
    /// the bar does not shift as one follows the other, and both leave an 80-column bar the room it had.
    static func saveStatus(_ state: WorkshopState) -> String? {
        guard let assessment = state.assessment else { return nil }
        if state.unsaved { return state.storeFailing ? "not saved" : "saving" }
        return assessment.status == .complete ? "complete" : " saved"
    }

    /// "West Yorkshire ICS · 2026-11-22 · Economy (area 1 of 3) · Question 2 of 10".
    static func header(_ state: WorkshopState, width: Int) -> String {
        guard let assessment = state.assessment, state.start == nil else { return "maturity · start a workshop" }
        var parts = [assessment.date.description]
        if let area = state.step.area {
            let count = state.framework.areas.count
            parts.append("\(state.framework.areas[area].shortTitle) (\(area + 1) of \(count))")
        }
        switch state.screen {
        case .start: break
        case .overview: parts.append("Overview")
        case .metrics: parts.append("Metrics")
        case let .question(area, index, _, _): parts.append("Question \(index + 1) of \(state.framework.areas[area].criteria.count)")
        case .result: parts.append("Result and actions")
        case .summary: parts.append("Summary")
        case .history: parts.append("History")
        }
        // The system's name gives way first when the line is too long.
        let rest = " · " + parts.joined(separator: " · ")
        let room = width - TextWidth.of(rest)
        var system = assessment.scopeName
        if TextWidth.of(system) > room, let place = assessment.place {
            // A place keeps its share of the room: each name gives way by half.
            let half = max(2, (room - 3) / 2)
            let placeRoom = max(2, room - 3 - min(half, TextWidth.of(assessment.system)))
            system = TextFit.truncate(assessment.system, to: max(2, room - 3 - min(placeRoom, TextWidth.of(place))))
                + " · " + TextFit.truncate(place, to: placeRoom)
        } else if TextWidth.of(system) > room {
            system = TextFit.truncate(system, to: max(2, room))
        }
        return TextFit.truncate(system + rest, to: max(0, width))
    }

    /// The status message as lines above the key hints: a problem (or a message that wraps) wraps onto
    /// up to a third of the screen (so that a path or a reason is never cut off), anything else takes one line.
    /// A message longer than that keeps its start and its end (the files' endings, what to press): the
    /// last line shows "…" and the end of the text.
    static func statusLines(_ state: WorkshopState) -> [String] {
        guard let message = state.message else { return [] }
        let width = max(1, state.width - 2)
        guard message.isProblem || message.wraps else { return [TextFit.truncate(message.text, to: width)] }
        let lines = TextFit.lines(message.text, width: width)
        let room = max(1, (state.height - 2) / 3)
        guard lines.count > room else { return lines }
        let rest = lines[(room - 1)...].joined(separator: " ")
        return Array(lines.prefix(room - 1)) + [TextFit.truncate(rest, to: width, keeping: .end)]
    }

    private static func drawStatus(_ state: WorkshopState, lines: [String], into grid: inout Grid) {
        let row = state.height - 2
        if let message = state.message {
            let top = row - lines.count + 1
            for (offset, line) in lines.enumerated() {
                grid.put(" " + line, row: top + offset, column: 0, style: message.isProblem ? .warning : .plain)
            }
            return
        }
        guard let assessment = state.assessment, state.start == nil else { return }
        if case .overview = state.screen, DisagreementOrder.offered(state) {
            let count = DisagreementOrder.pending(state).count
            grid.put(" " + TextFit.truncate("Views on \(count) question\(count == 1 ? "" : "s") not yet agreed: "
                                            + "o takes them widest spread first", to: state.width - 2), row: row, column: 0, style: .accent)
        } else if let area = state.step.area {
            let placement = PlacementRules.place(state.framework.areas[area], in: state.framework, answers: assessment.answers)
            grid.put(" \(state.framework.areas[area].shortTitle) now: \(placement.titleMarkingProvisional)", row: row, column: 0, style: .accent)
        } else {
            grid.put(" " + CarriedList.tally(assessment, in: state.framework), row: row, column: 0, style: .accent)
        }
    }

    private static func drawHints(_ state: WorkshopState, into grid: inout Grid) {
        let row = state.height - 1
        grid.fill(row: row, style: .bar)
        grid.put(" " + KeyHelp.hintLine(state, width: state.width - 1), row: row, column: 0, style: .bar)
    }

    /// Asks for a larger terminal, and says that keys wait until then: the screen behind it is hidden, so
    /// that nothing is typed into it unseen.
    private static func tooSmall(_ state: WorkshopState, _ grid: Grid) -> Grid {
        var grid = grid
        var lines = ["Please enlarge the terminal", "to at least \(Layout.minimumWidth)×\(Layout.minimumHeight) (now \(state.width)×\(state.height)).",
                     "Until then keys are ignored,", "but q or Ctrl-C quits", "and ? shows the keys."]
        if case .confirmingQuit? = state.overlay {
            lines[2...] = ["The latest changes are not saved:", "q again quits anyway."]
        }
        let top = max(0, (state.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let column = max(0, (state.width - TextWidth.of(line)) / 2)
            grid.put(line, row: top + offset, column: column, style: offset == 0 ? .title : .plain)
        }
        if state.showsHelp { HelpOverlay.draw(state, into: &grid) }
        return grid
    }
}
