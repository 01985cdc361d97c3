import CellGrid

/// Draws a one-line text field: underlined; the start of its value when it is not being typed in,
/// scrolled so the cursor stays visible when it is; "…" wherever the value goes on out of sight.
enum InputField {
    /// Draws `field` at row and column in `width` cells and returns where its cursor is.
    static func draw(_ field: TextField, row: Int, column: Int, width: Int, focused: Bool = true,
                     into grid: inout Grid) -> (row: Int, column: Int) {
        let characters = field.characters
        let cursor = min(max(0, field.cursor), characters.count)
        grid.restyle(row: row, column: column, count: width, style: .input)
        guard focused else {
            grid.put(TextFit.truncate(String(characters), to: width), row: row, column: column, style: .input, limit: width)
            return (row, column)
        }
        let start = firstShown(characters, cursor: cursor, width: width)
        var used = 0
        if start > 0 {
            grid.put(TextFit.ellipsis, row: row, column: column, style: .input)
            used = 1
        }
        let shown = TextFit.truncate(String(characters[start...]), to: width - used, atWordBoundary: false)
        grid.put(shown, row: row, column: column + used, style: .input, limit: width - used)
        let cursorColumn = column + used + TextWidth.of(String(characters[start..<cursor]))
        return (row, min(cursorColumn, column + width - 1))
    }

    /// The first character shown so that the cursor, and the character under it, fit with room for
    /// a "…" on either side where the value goes on.
    static func firstShown(_ characters: [Character], cursor: Int, width: Int) -> Int {
        var start = 0
        while start < cursor {
            let left = start > 0 ? 1 : 0
            let upToCursor = TextWidth.of(String(characters[start..<cursor]))
            let underCursor = cursor < characters.count ? max(1, TextWidth.of(characters[cursor])) : 1
            let overflows = left + TextWidth.of(String(characters[start...])) > width
            if left + upToCursor + underCursor + (overflows && cursor < characters.count ? 1 : 0) <= width { break }
            start += 1
        }
        return start
    }
}
