/// Word wrapping by display width: where each character of a text goes, for the text editor's cursor
/// and for ``TextFit/lines(_:width:)``, so that a note wraps the same way on every screen.
public struct TextLayout: Sendable {
    /// The characters laid out.
    public let characters: [Character]
    /// The columns available.
    public let width: Int
    /// Per character: the line and column where it starts.
    public private(set) var positions: [(line: Int, column: Int)] = []
    /// Per line: the range of character indices it holds (a line break or a space ending the line included).
    public private(set) var lineRanges: [Range<Int>] = []

    /// Whether a word longer than a line is split (on screen) or left whole, overflowing (in printed text).
    public let splitsLongWords: Bool

    /// Lays out `text` in lines of at most `width` columns, breaking after spaces where possible,
    /// at explicit line breaks always, and inside a word only when the word is longer than a line
    /// (unless `splitsLongWords` is false: then such a word has a line of its own, wider than `width`).
    public init(_ text: String, width: Int, splitsLongWords: Bool = true) {
        self.init(characters: Array(text), width: width, splitsLongWords: splitsLongWords)
    }

    /// Lays out characters; see ``init(_:width:splitsLongWords:)``.
    public init(characters: [Character], width: Int, splitsLongWords: Bool = true) {
        self.characters = characters
        self.width = max(1, width)
        self.splitsLongWords = splitsLongWords
        layOut()
    }

    private mutating func layOut() {
        var positions: [(line: Int, column: Int)] = []
        positions.reserveCapacity(characters.count)
        var ranges: [Range<Int>] = []
        var column = 0
        var lineStart = 0
        var lastSpace: Int?
        /// Ends the current line before `next`, which starts the new one.
        func newLine(at next: Int) {
            ranges.append(lineStart..<next)
            column = 0
            lineStart = next
            lastSpace = nil
        }
        for (index, character) in characters.enumerated() {
            if character == "\n" {
                positions.append((ranges.count, column))
                newLine(at: index + 1)
                continue
            }
            let columns = TextWidth.of(character)
            if character == " " {
                positions.append((ranges.count, column))
                column += 1
                lastSpace = index
                if column >= width { newLine(at: index + 1) }
                continue
            }
            if column + columns > width, column > 0, lastSpace != nil || splitsLongWords {
                let breakAt = lastSpace.map { $0 + 1 } ?? index
                newLine(at: breakAt)
                for moved in breakAt..<index {
                    positions[moved] = (ranges.count, column)
                    column += TextWidth.of(characters[moved])
                }
                // The word carried over is as wide as a line: split it here.
                if splitsLongWords, column + columns > width, column > 0 { newLine(at: index) }
            }
            positions.append((ranges.count, column))
            column += columns
        }
        ranges.append(lineStart..<characters.count)
        self.positions = positions
        lineRanges = ranges
    }

    /// Number of lines (at least one).
    public var lineCount: Int { lineRanges.count }

    /// The text of each line, without its line break.
    public var lines: [String] {
        lineRanges.map { range in
            let slice = characters[range]
            return String(slice.last == "\n" ? slice.dropLast() : slice)
        }
    }

    /// Where a cursor before character `index` shows (index may equal the count: the end).
    public func cursor(at index: Int) -> (line: Int, column: Int) {
        if index < characters.count, index >= 0 { return positions[index] }
        guard let last = characters.indices.last else { return (0, 0) }
        let position = positions[last]
        if characters[last] == "\n" { return (position.line + 1, 0) }
        let column = position.column + TextWidth.of(characters[last])
        return column >= width ? (position.line + 1, 0) : (position.line, column)
    }

    /// The character index nearest to a line and column (for moving the cursor up and down).
    public func index(line: Int, column: Int) -> Int {
        guard line >= 0 else { return 0 }
        guard line < lineRanges.count else { return characters.count }
        let range = lineRanges[line]
        for index in range where characters[index] == "\n" || positions[index].column >= column {
            return index
        }
        if range.upperBound == characters.count { return characters.count }
        return max(range.lowerBound, range.upperBound - 1)
    }
}
