import CellGrid
import MaturityFramework
import MaturityModel

/// The form for one metric's reading: value (with the framework's unit fixed beside it), period,
/// source and note; a refused value is explained under the fields, with what was typed still there.
enum MetricFormRender {
    static func draw(_ state: WorkshopState, area: Int, metric index: Int, form: MetricForm,
                     into body: inout BodyWriter) -> (row: Int, column: Int)? {
        guard let metric = state.framework.areas[safe: area]?.metrics[safe: index] else { return nil }
        var cursor: (row: Int, column: Int)?
        body.line()
        body.paragraph("Metric: \(metric.title)", style: .title)
        body.paragraph("\(state.framework.areas[area].title) · \(metric.directionText)", style: .dim)
        body.paragraph("Tab or Enter: next field · Enter on Note or Esc: save · a value is a number such as 1,234.5", style: .dim)
        body.line()
        let labelWidth = 10
        for field in MetricForm.Field.allCases {
            let focused = form.focus == field
            body.line((focused ? "▸ " : "  ") + field.label, style: focused ? .title : .plain)
            guard let row = body.lastVisibleRow else { continue }
            let column = Layout.margin + labelWidth
            let room = max(10, body.width - labelWidth)
            var width = room
            if field == .value {
                // The unit is the framework's, shown fixed beside the value and never typed.
                let unit = TextFit.truncate(metric.unit, to: max(1, room / 2))
                width = max(10, min(24, room - TextWidth.of(unit) - 1))
                body.grid.put(unit, row: row, column: column + width + 1, style: .accent, limit: room - width - 1)
            }
            let position = InputField.draw(form[field], row: row, column: column, width: width, focused: focused, into: &body.grid)
            if focused { cursor = position }
            body.line()
        }
        if let problem = form.problem { body.paragraph(problem, style: .warning) }
        return cursor
    }
}
