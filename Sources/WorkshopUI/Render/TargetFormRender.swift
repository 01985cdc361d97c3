import CellGrid
import MaturityFramework
import MaturityModel

/// The target form `t` opens over an area's result: the stage (‹ › to choose), the year, what is wrong
/// with it, and the keys, in a box.
enum TargetFormRender {
    /// Draws the form; returns where the cursor stands in the year field.
    static func draw(_ state: WorkshopState, form: TargetForm, into grid: inout Grid) -> (row: Int, column: Int)? {
        guard let area = state.framework.areas[safe: form.area], let stage = state.framework.stages[safe: form.stageIndex] else { return nil }
        let width = min(state.width - 4, 60)
        let inner = width - 4
        guard inner >= 20 else { return nil }
        let labelWidth = 10
        var lines: [(text: String, style: Style)] = []
        if let year = state.assessment?.date.year {
            lines += TextFit.lines("The stage the board means to reach, and by which year (\(year) to "
                                   + "\(year + Target.maximumYearsAhead)).", width: inner).map { ($0, .dim) }
        }
        lines.append(("", .plain))
        let stageRow = lines.count
        lines.append((TextFit.pad("Stage", to: labelWidth, gap: 1) + "‹ \(stage.title) ›", .plain))
        let yearRow = lines.count
        lines.append((TextFit.pad("By year", to: labelWidth, gap: 1), .plain))
        lines.append(("", .plain))
        if let problem = form.problem { lines += TextFit.lines(problem, width: inner).map { ($0, .warning) } }
        lines += TextFit.lines("← → Space: stage · Enter: set · x: no target · Esc: cancel", width: inner).map { ($0, .dim) }
        // On a short screen the blank lines go first, then the explanation at the top.
        let room = state.height - 4
        var removedAbove = 0
        while lines.count > room, let blank = lines.firstIndex(where: { $0.text.isEmpty }) {
            lines.remove(at: blank)
            if blank < stageRow { removedAbove += 1 }
        }
        while lines.count > room, lines.first?.style == .dim, removedAbove < stageRow {
            lines.removeFirst()
            removedAbove += 1
        }
        guard lines.count <= room else { return nil }
        let height = lines.count + 2
        let left = (state.width - width) / 2
        let top = max(1, (state.height - height) / 2)
        OverlayBox.draw(title: " Target for \(area.shortTitle) ", top: top, left: left, width: width, height: height,
                        titleLimit: width - 4, into: &grid)
        for (offset, line) in lines.enumerated() {
            grid.put(line.text, row: top + 1 + offset, column: left + 2, style: line.style, limit: inner)
        }
        let stageLine = top + 1 + stageRow - removedAbove
        grid.restyle(row: stageLine, column: left + 2 + labelWidth, count: min(inner - labelWidth, TextWidth.of("‹ \(stage.title) ›")), style: .selected)
        let yearLine = top + 1 + yearRow - removedAbove
        return InputField.draw(form.year, row: yearLine, column: left + 2 + labelWidth, width: 6, focused: true, into: &grid)
    }
}
