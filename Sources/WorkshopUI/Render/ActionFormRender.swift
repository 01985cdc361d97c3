import CellGrid
import MaturityFramework
import MaturityModel

/// The form for one agreed action.
enum ActionFormRender {
    static func draw(_ state: WorkshopState, area: Int, form: ActionForm, into body: inout BodyWriter) -> (row: Int, column: Int)? {
        var cursor: (row: Int, column: Int)?
        body.line()
        body.paragraph("Agreed action for: \(state.framework.areas[area].title)", style: .title)
        body.paragraph("Tab or Enter: next field · ← → change the status · Esc when done. Every change is saved.", style: .dim)
        body.line()
        let labelWidth = 10
        let fieldWidth = max(10, body.width - labelWidth - 2)
        let fields: [(String, TextField?, String)] = [
            ("What", form.what, ""), ("Owner", form.owner, ""), ("Due", form.due, "YYYY-MM-DD, or leave empty"), ("Status", nil, ""),
        ]
        for (number, (label, field, note)) in fields.enumerated() {
            let focused = form.focus == ActionForm.Field(rawValue: number)
            body.line((focused ? "▸ " : "  ") + label, style: focused ? .title : .plain)
            guard let row = body.lastVisibleRow else { continue }
            if let field {
                let width = note.isEmpty ? fieldWidth : 12
                let position = InputField.draw(field, row: row, column: Layout.margin + labelWidth, width: width, focused: focused,
                                               into: &body.grid)
                if focused { cursor = position }
                if !note.isEmpty { body.grid.put(note, row: row, column: Layout.margin + labelWidth + 13, style: .dim) }
            } else {
                let status = "‹ " + form.status.phrase + " ›"
                body.grid.put(status, row: row, column: Layout.margin + labelWidth, style: focused ? .selected : .plain)
            }
            body.line()
        }
        if let problem = form.problem { body.paragraph(problem, style: .warning) }
        return cursor
    }
}
