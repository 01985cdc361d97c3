import CellGrid
import Testing
@testable import CursesTerminal

/// Cells as ncurses is given them when the C library counts a character differently from the grid.
@Suite("Cell glyphs")
struct CellGlyphTests {
    /// A C library that agrees with the grid, except for the code points given.
    func library(_ exceptions: [Unicode.Scalar: Int] = [:]) -> (Unicode.Scalar) -> Int {
        { exceptions[$0] ?? TextWidth.width(of: $0) }
    }

    @Test func whenTheLibraryAgreesTheCellIsPaintedAsItIs() {
        for (text, columns) in [("a", 1), ("日", 2), ("e\u{301}", 1), ("🙂", 2), ("한", 2)] {
            let glyph = CellGlyph(text, columns: columns, width: library())
            #expect(glyph == CellGlyph(text, columns: columns, width: nil), "\(text)")
            #expect(glyph.scalars == Array(text.unicodeScalars) && !glyph.blanksNext, "\(text)")
        }
    }

    @Test func aCharacterTheLibraryCountsNarrowerLeavesNoStaleContinuation() {
        // A C library that counts 🙂 as one column: the cell after it is painted blank.
        let glyph = CellGlyph("🙂", columns: 2, width: library(["🙂": 1]))
        #expect(glyph.scalars == ["🙂"] && glyph.blanksNext)
    }

    @Test func aCharacterTheLibraryCountsWiderOrCannotPrintIsReplaced() {
        // Wider there than on the grid: it would push the next cell along.
        #expect(CellGlyph("✓", columns: 1, width: library(["✓": 2])) == CellGlyph("\u{FFFD}", columns: 1, width: nil))
        // Newer than the C library's tables (wcwidth -1), on one column or two.
        #expect(CellGlyph("🫨", columns: 2, width: library(["🫨": -1])).scalars == [CellGlyph.replacement])
        #expect(CellGlyph("🫨", columns: 2, width: library(["🫨": -1])).blanksNext)
        #expect(CellGlyph("x\u{301}", columns: 1, width: library(["x": 0])).scalars == [CellGlyph.replacement])
    }

    @Test func aNarrowCharacterAskedToLookLikeAnEmojiIsShownAsText() {
        let thermometer = CellGlyph("\u{1F321}\u{FE0F}", columns: 1, width: library())
        #expect(thermometer.scalars == ["\u{1F321}"] && !thermometer.blanksNext)
        // A wide emoji keeps its selector.
        #expect(CellGlyph("😀\u{FE0F}", columns: 2, width: library()).scalars == ["😀", "\u{FE0F}"])
    }

    @Test func atMostFourCodePointsGoIntoACell() {
        let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦"
        #expect(CellGlyph(family, columns: 2, width: library()).scalars.count == CellGlyph.maximumScalars)
        #expect(CellGlyph(family, columns: 2, width: nil).scalars.count == CellGlyph.maximumScalars)
    }

    @Test func theFastPathTakesExactlyOnePrintableASCIICharacterAndPaintsWhatTheGlyphWould() {
        for byte in UInt8(0x20)..<0x7F {
            let text = String(UnicodeScalar(byte))
            #expect(CellGlyph.printableASCII(text) == byte)
            let glyph = CellGlyph(text, columns: 1, width: library())
            #expect(glyph.scalars == [Unicode.Scalar(byte)] && !glyph.blanksNext, "\(text)")
        }
        for text in ["", "ab", "\t", "\u{7F}", "é", "e\u{301}", "日", "\u{1B}"] {
            #expect(CellGlyph.printableASCII(text) == nil, "\(text.debugDescription)")
        }
    }
}
