import CellGrid
import MaturityFramework
import MaturityRules
import MaturityModel

/// Screen geometry shared by update and render: a header row, the body, a status row and a key-hint row.
enum Layout {
    /// Below this size the workshop asks for a larger terminal.
    static let minimumWidth = 44
    static let minimumHeight = 12
    /// Left and right margin of the body.
    static let margin = 2

    static func bodyHeight(_ state: WorkshopState) -> Int { max(0, state.height - 3) }
    static func contentWidth(_ state: WorkshopState) -> Int { max(1, state.width - 2 * margin) }
    static func isTooSmall(_ state: WorkshopState) -> Bool {
        state.width < minimumWidth || state.height < minimumHeight
    }
}

/// Writes the body of a screen line by line, wrapping text and skipping rows scrolled out of view.
struct BodyWriter {
    var grid: Grid
    let top: Int
    let bottom: Int
    let scroll: Int
    let width: Int
    /// Lines written so far, visible or not.
    private(set) var row = 0
    /// The grid row of the last line written, if it was visible.
    private(set) var lastVisibleRow: Int?

    init(grid: Grid, top: Int, bottom: Int, scroll: Int, width: Int) {
        self.grid = grid
        self.top = top
        self.bottom = bottom
        self.scroll = scroll
        self.width = width
    }

    /// The grid row the next line goes to, or nil when it is out of view.
    var nextGridRow: Int? {
        let target = top + row - scroll
        return target >= top && target < bottom ? target : nil
    }

    /// Rows that remain visible below the next line.
    var remainingRows: Int { max(0, bottom - (top + row - scroll)) }

    mutating func line(_ text: String = "", style: Style = .plain, indent: Int = 0, fillRow: Bool = false) {
        if let target = nextGridRow {
            if fillRow { grid.restyle(row: target, column: Layout.margin + indent, count: width - indent, style: style) }
            grid.put(text, row: target, column: Layout.margin + indent, style: style, limit: width - indent)
            lastVisibleRow = target
        } else {
            lastVisibleRow = nil
        }
        row += 1
    }

    mutating func paragraph(_ text: String, style: Style = .plain, indent: Int = 0, firstPrefix: String = "") {
        for content in TextFit.paragraph(text, width: max(1, width - indent), first: firstPrefix) {
            line(content, style: style, indent: indent)
        }
    }
}

/// Lines of a body laid out before they are written, for screens that fold or pin parts of themselves.
struct BodyLines {
    /// One line: its text, style and indent.
    struct Line: Equatable {
        var text: String
        var style: Style
        var indent: Int
    }

    /// Columns available.
    let width: Int
    /// The lines so far.
    private(set) var lines: [Line] = []

    init(width: Int) {
        self.width = width
    }

    /// Number of lines so far.
    var count: Int { lines.count }

    mutating func line(_ text: String = "", style: Style = .plain, indent: Int = 0) {
        lines.append(Line(text: text, style: style, indent: indent))
    }

    mutating func paragraph(_ text: String, style: Style = .plain, indent: Int = 0, firstPrefix: String = "") {
        for content in TextFit.paragraph(text, width: max(1, width - indent), first: firstPrefix) {
            line(content, style: style, indent: indent)
        }
    }
}

extension BodyWriter {
    /// Writes laid-out lines.
    mutating func write(_ lines: some Sequence<BodyLines.Line>) {
        for item in lines { line(item.text, style: item.style, indent: item.indent) }
    }
}
