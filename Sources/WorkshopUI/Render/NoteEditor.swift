import CellGrid
import MaturityFramework

/// The note of a criterion, being edited.
enum NoteEditor {
    static func textWidth(_ state: WorkshopState) -> Int { max(1, Layout.contentWidth(state) - 2) }

    static func draw(_ state: WorkshopState, criterionID: String, field: TextField, into body: inout BodyWriter) -> (row: Int, column: Int)? {
        let criterion = state.framework.allCriteria.first { $0.id == criterionID }
        body.line()
        body.line("Note on: " + (criterion?.label ?? criterionID), style: .title)
        if state.assessment?.isReadOnly == true {
            body.paragraph("Read only: the assessment is complete. ↑↓ PgUp PgDn move through the note; Esc closes it.", style: .dim)
        } else if field.wasCut {
            body.paragraph("The note is at its limit of \(EditorKeys.noteLimit) characters; the rest was not added.", style: .warning)
        } else {
            body.paragraph("Type the note or evidence. Enter starts a new line; Esc when done. Every change is saved.", style: .dim)
        }
        body.line()
        let width = textWidth(state)
        let layout = TextLayout(characters: field.characters, width: width)
        let cursor = layout.cursor(at: field.cursor)
        let top = body.top + body.row
        let visible = max(1, body.bottom - top)
        let first = max(0, cursor.line - visible + 1)
        let column = Layout.margin + 2
        for (index, character) in field.characters.enumerated() where character != "\n" {
            let position = layout.positions[index]
            let row = top + position.line - first
            guard row >= top, row < body.bottom, position.column < width else { continue }
            body.grid.put(String(character), row: row, column: column + position.column)
        }
        for row in stride(from: top, to: body.bottom, by: 1) { body.grid.put("│", row: row, column: Layout.margin, style: .dim) }
        let cursorRow = top + cursor.line - first
        return (min(cursorRow, body.bottom - 1), column + min(cursor.column, width - 1))
    }
}
