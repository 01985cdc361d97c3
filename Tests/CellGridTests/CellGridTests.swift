import Testing
@testable import CellGrid

@Suite("Text width")
struct TextWidthTests {
    @Test(arguments: [("a", 1), ("é", 1), ("日", 2), ("✓", 1), ("🙂", 2), ("e\u{301}", 1), ("\u{200B}", 0), ("–", 1)])
    func graphemeWidths(_ text: String, _ width: Int) {
        #expect(TextWidth.of(Character(text)) == width)
    }

    @Test func stringWidthAddsUp() {
        #expect(TextWidth.of("Ynys Môn 日本") == 13)
    }
}

@Suite("Grid")
struct GridTests {
    @Test func wideCharactersTakeTwoCellsAndACutShowsAnEllipsis() {
        var grid = Grid(width: 5, height: 1)
        #expect(grid.put("日本語", row: 0, column: 0) == 5)
        #expect(grid[0, 1].isContinuation)
        #expect(grid[0, 4].text == "…")
        #expect(grid.text == "日本…")
        var narrow = Grid(width: 4, height: 1)
        #expect(narrow.put("日本語", row: 0, column: 0) == 3)
        #expect(narrow.text == "日…")
    }

    @Test func writingOverHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = Grid(width: 6, height: 1)
        grid.put("日本語", row: 0, column: 0)
        grid.put("│", row: 0, column: 1)
        #expect(grid.text == " │本語")
        grid.put("x", row: 0, column: 2)
        #expect(grid.text == " │x 語")
        grid.put("日", row: 0, column: 3)
        #expect(grid.text == " │x日")
        #expect((0..<6).filter { grid[0, $0].isContinuation } == [4])
    }

    @Test func controlCharactersShowAsQuestionMarksAndOutsideWritesAreIgnored() {
        var grid = Grid(width: 6, height: 2)
        grid.put("a\u{7}b", row: 0, column: 0)
        grid.put("x", row: 5, column: 0)
        grid.put("x", row: 0, column: -1)
        #expect(grid.lines == ["a?b", ""])
    }

    @Test func limitStopsWritingWithAnEllipsis() {
        var grid = Grid(width: 10, height: 1)
        #expect(grid.put("abcdef", row: 0, column: 2, limit: 3) == 3)
        #expect(grid.text == "  ab…")
        #expect(grid.put("abc", row: 0, column: 6, limit: 3) == 3)
        #expect(grid.text == "  ab… abc")
    }

    @Test func aCutLineEndsAtAWordWithAnEllipsis() {
        var grid = Grid(width: 30, height: 1)
        grid.put("Have the ICP and ICB reviewed the area's plan?", row: 0, column: 0)
        #expect(grid.text == "Have the ICP and ICB reviewed…")
    }
}

@Suite("Text layout")
struct TextLayoutTests {
    @Test func wrapsAtSpacesAndKeepsLineBreaks() {
        #expect(TextFit.lines("the quick brown fox", width: 10) == ["the quick", "brown fox"])
        #expect(TextFit.lines("one\n\ntwo", width: 10) == ["one", "", "two"])
        #expect(TextFit.lines("abcdefghijkl", width: 5) == ["abcde", "fghij", "kl"])
        #expect(TextFit.lines("日本語のテキスト", width: 5) == ["日本", "語の", "テキ", "スト"])
    }

    @Test func cursorPositionsFollowTheWrap() {
        let layout = TextLayout("hello world", width: 8)
        #expect(layout.lines == ["hello ", "world"])
        #expect(layout.cursor(at: 0) == (0, 0) ? true : false)
        #expect(layout.cursor(at: 6).line == 1 && layout.cursor(at: 6).column == 0)
        #expect(layout.cursor(at: 11).line == 1 && layout.cursor(at: 11).column == 5)
        #expect(layout.index(line: 1, column: 2) == 8)
        #expect(layout.index(line: 0, column: 99) == 5)
        #expect(layout.index(line: 5, column: 0) == 11)
    }

    @Test func cursorAfterAFullLineOrALineBreakMovesDown() {
        #expect(TextLayout("abcd", width: 4).cursor(at: 4) == (1, 0) ? true : false)
        #expect(TextLayout("ab\n", width: 4).cursor(at: 3) == (1, 0) ? true : false)
        #expect(TextLayout("", width: 4).cursor(at: 0) == (0, 0) ? true : false)
    }

    @Test func everyCharacterHasAPositionWithinTheWidth() {
        let pieces = ["a", "bb ", " ", "日本", "\n", "word ", "x"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement()! }.joined()
            let width = Int.random(in: 2...12, using: &generator)
            let layout = TextLayout(text, width: width)
            #expect(layout.positions.count == layout.characters.count)
            for (index, position) in layout.positions.enumerated() where layout.characters[index] != " " && layout.characters[index] != "\n" {
                #expect(position.column + TextWidth.of(layout.characters[index]) <= width, "\(text) @\(width)")
            }
            #expect(layout.lineRanges.map(\.count).reduce(0, +) == layout.characters.count)
        }
    }
}
