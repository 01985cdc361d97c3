import Testing
import TestSupport
@testable import CellGrid

@Suite("Text fitted to columns")
struct TextFitTests {
    @Test func textThatFitsIsLeftAlone() {
        #expect(TextFit.truncate("Partly", to: 6) == "Partly")
        #expect(TextFit.truncate("日本", to: 4) == "日本")
        #expect(TextFit.truncate("", to: 0) == "")
    }

    @Test func aCutKeepsWholeWordsWhenOneEndsNearAndAlwaysShowsAnEllipsis() {
        #expect(TextFit.truncate("Do board members know what the plan says?", to: 20) == "Do board members…")
        // No space near the cut: the word is cut, still with "…".
        #expect(TextFit.truncate("Supercalifragilistic", to: 8) == "Superca…")
        #expect(TextFit.truncate("Participants: a, b", to: 15) == "Participants…")
        #expect(TextFit.truncate("abcdef", to: 4, atWordBoundary: false) == "abc…")
        #expect(TextFit.truncate("日本語のテキスト", to: 7) == "日本語…")
        #expect(TextFit.truncate("abc", to: 1) == "…")
        #expect(TextFit.truncate("abc", to: 0) == "")
    }

    @Test func keepingTheEndCutsTheStart() {
        #expect(TextFit.truncate("Exported to /a/b/c: stem as .md, .html, .csv, .json", to: 32, keeping: .end)
                == "…stem as .md, .html, .csv, .json")
        #expect(TextFit.truncate("Exported to /a/b/c: stem as .md, .html, .csv, .json", to: 30, keeping: .end)
                == "…as .md, .html, .csv, .json")
        #expect(TextFit.truncate("日本語のテキスト", to: 7, keeping: .end) == "…キスト")
        #expect(TextFit.truncate("/home/alice/board-papers", to: 10, keeping: .end) == "…rd-papers")
    }

    @Test func padMakesExactlyTheWidthWithTheGapKept() {
        #expect(TextFit.pad("Area", to: 8) == "Area    ")
        #expect(TextFit.pad("日本", to: 6) == "日本  ")
        #expect(TextFit.pad("Established", to: 8, gap: 1) == "Establ… ")
        #expect(TextFit.pad("Economy", to: 8, gap: 1) == "Economy ")
        #expect(TextFit.pad("x", to: 0) == "")
    }

    @Test func paragraphsWrapWithHangingPrefixes() {
        #expect(TextFit.paragraph("the quick brown fox jumps", width: 12, first: "• ")
                == ["• the quick", "  brown fox", "  jumps"])
        #expect(TextFit.paragraph("one two three four", width: 12, first: "- ", rest: "    ")
                == ["- one two", "    three", "    four"])
        #expect(TextFit.paragraph("", width: 10, first: "  ") == [""])
        #expect(TextFit.paragraph("x", width: 0) == [])
    }

    @Test func printedTextKeepsLongWordsWhole() {
        let url = "https://www.nhsconfed.org/publications/maturity-framework"
        #expect(TextFit.paragraph("Source: \(url) 2022", width: 20, splittingLongWords: false) == ["Source:", url, "2022"])
        #expect(TextFit.paragraph("Source: \(url)", width: 20).allSatisfy { TextWidth.of($0) <= 20 })
    }

    @Test func linesAreWrappedByDisplayWidth() {
        #expect(TextFit.lines("한국어 텍스트 줄", width: 8) == ["한국어", "텍스트", "줄"])
        #expect(TextFit.lines("anything", width: 0) == [])
    }

    @Test func everyFitStaysWithinItsWidth() {
        let pieces = ["a", "bb", " ", "日本", "é", "e\u{301}", "🙂", "—", "Ynys Môn", ",", "\n"]
        var generator = SystemRandomNumberGenerator()
        var cases = 0
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...20, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let width = Int.random(in: 0...16, using: &generator)
            let start = TextFit.truncate(text, to: width)
            let end = TextFit.truncate(text, to: width, keeping: .end)
            for cut in [start, end] {
                #expect(TextWidth.of(cut) <= width, "\(text) @\(width)")
                #expect(cut == text || cut.contains("…") || width == 0, "\(text) @\(width)")
            }
            if TextWidth.of(text) <= width { #expect(start == text && end == text) }
            #expect(TextWidth.of(TextFit.pad(text, to: width)) == width || TextWidth.of(text) > width && width == 1)
            for line in TextFit.paragraph(text, width: max(4, width), first: "• ") {
                #expect(TextWidth.of(line) <= max(4, width), "\(text) @\(width)")
            }
            cases += 1
        }
        #expect(cases == 3_000)
        CampaignReport.record("Text: random mixes of wide, combining, emoji and line breaks fitted to 0-16 columns", cases: cases,
                              how: "truncated (either end), padded and wrapped: never wider than the columns, every cut shows …")
    }
}
