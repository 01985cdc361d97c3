import CellGrid

/// The frame of a box drawn over the screen (the help, the status menu): cleared inside, ruled round,
/// titled on its top edge.
enum OverlayBox {
    static func draw(title: String, top: Int, left: Int, width: Int, height: Int, titleLimit: Int? = nil, into grid: inout Grid) {
        for row in top..<top + height {
            grid.restyle(row: row, column: left, count: width, style: .plain)
            grid.put(String(repeating: " ", count: width), row: row, column: left)
            grid.put("│", row: row, column: left, style: .title)
            grid.put("│", row: row, column: left + width - 1, style: .title)
        }
        grid.put("┌" + String(repeating: "─", count: width - 2) + "┐", row: top, column: left, style: .title)
        grid.put("└" + String(repeating: "─", count: width - 2) + "┘", row: top + height - 1, column: left, style: .title)
        grid.put(title, row: top, column: left + 2, style: .title, limit: titleLimit)
    }
}
