/// What a cell looks like, by role; the terminal module maps roles to attributes and colours.
public enum Style: Sendable, Hashable, CaseIterable {
    /// Body text.
    case plain
    /// Headings: bold.
    case title
    /// Secondary text, such as hints.
    case dim
    /// The header and key-hint bars.
    case bar
    /// The current selection: reverse video, visible without colour.
    case selected
    /// Something to notice, such as a placement.
    case accent
    /// A met stage or a saved state.
    case good
    /// A problem the user should act on.
    case warning
    /// Text the user is typing.
    case input
}

/// One terminal cell: a grapheme and its style. The cell after a wide grapheme is a continuation.
public struct Cell: Sendable, Hashable {
    /// The grapheme shown, or "" in the continuation cell of a wide grapheme.
    public var text: String
    /// How it looks.
    public var style: Style

    /// Creates a cell.
    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// An empty cell.
    public static let blank = Cell(" ")

    /// True for the second cell of a wide grapheme.
    public var isContinuation: Bool { text.isEmpty }
}

/// A screen's worth of cells, rows top to bottom.
public struct Grid: Sendable, Equatable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Cells in row-major order.
    public private(set) var cells: [Cell]

    /// A blank grid; sizes below zero count as zero.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The cell at a position; positions outside the grid read as blank.
    public subscript(row: Int, column: Int) -> Cell {
        guard (0..<height).contains(row), (0..<width).contains(column) else { return .blank }
        return cells[row * width + column]
    }

    /// Writes `text` from `column` on `row`, at most `limit` columns (default: to the right edge), and
    /// returns the columns used. Control characters show as "?" and lone combining marks are dropped;
    /// text that does not fit is cut with "…" (``TextFit/truncate(_:to:keeping:atWordBoundary:)``).
    @discardableResult
    public mutating func put(_ text: some StringProtocol, row: Int, column: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        guard (0..<height).contains(row), column >= 0, column < width else { return 0 }
        let end = min(width, column + max(0, limit ?? width))
        var shown = ""
        for character in text {
            if character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                shown.append("?")
            } else if TextWidth.of(character) > 0 {
                shown.append(character)
            }
        }
        if TextWidth.of(shown) > end - column { shown = TextFit.truncate(shown, to: end - column) }
        var position = column
        for character in shown {
            let columns = TextWidth.of(character)
            guard position + columns <= end else { break }
            set(Cell(String(character), style: style), row: row, column: position)
            if columns == 2 { set(Cell("", style: style), row: row, column: position + 1) }
            position += columns
        }
        return position - column
    }

    /// Sets one cell, blanking the other half of any wide grapheme it breaks, so that no cell is left
    /// claiming a neighbour it no longer has.
    private mutating func set(_ cell: Cell, row: Int, column: Int) {
        let index = row * width + column
        if cells[index].isContinuation, !cell.isContinuation, column > 0 {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        }
        if column + 1 < width, cells[index + 1].isContinuation {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }

    /// Sets the style of a whole row, blanking it.
    public mutating func fill(row: Int, style: Style) {
        guard (0..<height).contains(row) else { return }
        for column in 0..<width { cells[row * width + column] = Cell(" ", style: style) }
    }

    /// Changes the style of cells from `column` for `count` columns, keeping their text.
    public mutating func restyle(row: Int, column: Int, count: Int, style: Style) {
        guard (0..<height).contains(row) else { return }
        for index in stride(from: max(0, column), to: min(width, column + count), by: 1) { cells[row * width + index].style = style }
    }

    /// The grid as plain text, one line per row, trailing spaces removed (for golden files and tests).
    public var text: String {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width where !self[row, column].isContinuation { line += self[row, column].text }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// The rows as text (for tests that look for a line).
    public var lines: [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
}

/// A rendered screen: the grid, and where the text cursor is when the user is typing.
public struct Frame: Sendable, Equatable {
    /// What to show.
    public var grid: Grid
    /// Row and column of the text cursor, nil to hide it.
    public var cursor: (row: Int, column: Int)?

    /// Creates a frame.
    public init(grid: Grid, cursor: (row: Int, column: Int)? = nil) {
        self.grid = grid
        self.cursor = cursor
    }

    public static func == (lhs: Frame, rhs: Frame) -> Bool {
        lhs.grid == rhs.grid && lhs.cursor?.row == rhs.cursor?.row && lhs.cursor?.column == rhs.cursor?.column
    }
}
