import CellGrid

/// Draws a one-line text field: underlined, scrolled so the cursor stays visible.
enum InputField {
    /// Draws `field` at row and column in `width` cells and returns where its cursor is.
    static func draw(_ field: TextField, row: Int, column: Int, width: Int, into grid: inout Grid) -> (row: Int, column: Int) {
        let characters = field.characters
        var start = 0
        while start < field.cursor, TextWidth.of(String(characters[start..<field.cursor])) > width - 1 { start += 1 }
        grid.restyle(row: row, column: column, count: width, style: .input)
        var used = 0
        var cursorColumn = column
        for index in start..<characters.count {
            if index == field.cursor { cursorColumn = column + used }
            let columns = TextWidth.of(characters[index])
            if used + columns > width { break }
            grid.put(String(characters[index]), row: row, column: column + used, style: .input)
            used += columns
        }
        if field.cursor >= characters.count { cursorColumn = column + used }
        return (row, min(cursorColumn, column + width - 1))
    }
}
