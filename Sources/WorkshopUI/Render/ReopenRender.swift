import CellGrid
import MaturityModel

/// The form that asks why a complete assessment is reopened.
enum ReopenRender {
    static func draw(_ state: WorkshopState, field: TextField, into body: inout BodyWriter) -> (row: Int, column: Int)? {
        body.line()
        body.paragraph("Reopen this complete assessment", style: .title)
        body.paragraph("A complete assessment is the board's record; reopening it is recorded in the file with the date, "
            + "who reopened it and why, and every export says so.", style: .dim)
        body.line()
        body.line("Why is it reopened?")
        body.line()
        guard let row = body.lastVisibleRow else { return nil }
        let cursor = InputField.draw(field, row: row, column: Layout.margin, width: max(10, body.width - 2), into: &body.grid)
        body.line()
        body.paragraph("Enter reopens it as a draft · Esc keeps it complete", style: .dim)
        return cursor
    }
}
