import Foundation
import MaturityFramework
import MaturityRules
import MaturityModel
import Testing
import TestSupport
@testable import MaturityReports

@Suite("Board paper: chart labels, print rules and fonts")
struct BoardPaperLayoutTests {
    /// The area labels of a chart: (text, x, baseline), read from the SVG.
    func areaLabels(_ svg: String) throws -> [(text: String, x: Double, y: Double)] {
        let pattern = try NSRegularExpression(pattern: #"<text[^>]*\bx="([0-9.]+)" y="([0-9.]+)" fill="[^"]+"[^>]*>([^<]+)</text>"#)
        return pattern.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).compactMap { match in
            guard let x = Range(match.range(at: 1), in: svg), let y = Range(match.range(at: 2), in: svg),
                  let text = Range(match.range(at: 3), in: svg) else { return nil }
            return (String(svg[text]), Double(svg[x]) ?? 0, Double(svg[y]) ?? 0)
        }
    }

    @Test func labelsOfAreasEndingOnTheSameStageAreStackedApart() throws {
        // Employment and climate are not yet emerging in both years; economy moves up.
        let progression = Progression(entries: [.init(assessment: assessment("2025-11-20", [:]), file: "a"),
                                                .init(assessment: assessment("2026-11-22", emergingEconomy), file: "b")],
                                      framework: seedFramework)
        let labels = try areaLabels(HistoryChart.svg(progression))
        #expect(labels.map(\.text) == ["Economy", "Employment", "Climate"])
        for (index, label) in labels.enumerated() {
            for other in labels[(index + 1)...] where label.x == other.x {
                #expect(abs(label.y - other.y) >= HistoryChart.labelHeight, "\(label.text) and \(other.text) overlap")
            }
        }
    }

    @Test func theLayoutNeverOverlapsAndNeverMovesALabelUp() {
        var random = Mutator(seed: 11, fragments: [""])
        var cases = 0
        for _ in 0..<2_000 {
            let labels = (0..<(1 + random.next(6))).map { _ in
                HistoryChart.Label(x: Double(150 + 110 * random.next(4)), y: Double(20 + 40 * random.next(4) + random.next(7) - 3),
                                   width: Double(20 + random.next(160)))
            }
            let baselines = HistoryChart.layOut(labels)
            for index in labels.indices {
                #expect(baselines[index] >= labels[index].y + HistoryChart.baselineOffset)
                for other in labels.indices where other > index {
                    #expect(!HistoryChart.overlap(labels[index], baselines[index], labels[other], baselines[other]))
                }
            }
            cases += 1
        }
        CampaignReport.record("Chart label layouts (1 to 6 labels, random stages and widths)", cases: cases,
                              how: "no two label boxes overlap; no label above its point")
    }

    @Test func theChartGrowsToHoldStackedLabelsAboveTheDates() throws {
        let progression = Progression(entries: [.init(assessment: assessment("2025-11-20", [:]), file: "a"),
                                                .init(assessment: assessment("2026-11-22", [:]), file: "b")],
                                      framework: seedFramework)
        let svg = HistoryChart.svg(progression)
        let labels = try areaLabels(svg)
        let dates = try NSRegularExpression(pattern: #"y="([0-9.]+)" text-anchor="middle">2026-11-22<"#)
        let match = try #require(dates.firstMatch(in: svg, range: NSRange(svg.startIndex..., in: svg)))
        let dateY = try #require(Range(match.range(at: 1), in: svg).flatMap { Double(svg[$0]) })
        #expect(labels.allSatisfy { $0.y + HistoryChart.labelHeight <= dateY }, "every label clears the dates")
    }

    @Test func headingsStayWithWhatFollowsAndDatesDoNotWrap() {
        let style = HTMLExport.style
        #expect(style.contains("h1,h2,h3,h4{break-after:avoid;page-break-after:avoid;break-inside:avoid}"))
        #expect(style.contains(".date{white-space:nowrap}"))
        let now = assessment("2026-11-22", [:], actions: [Action(id: "a", what: "Plan", owner: "Chair", due: CalendarDate("2027-03-31"))])
        let html = HTMLExport.render(SummaryReport(now, framework: seedFramework))
        #expect(html.contains("<td class=\"date\">2027-03-31</td>"))
    }

    @Test func theFontStackFallsBackToNotoForWelshAndCJKAndEndsGeneric() {
        let stack = HTMLExport.fontStack.split(separator: ",").map(String.init)
        #expect(stack.first == "\"Helvetica Neue\"")
        #expect(stack.last == "sans-serif")
        for family in ["\"Noto Sans\"", "\"DejaVu Sans\"", "\"Noto Sans CJK JP\"", "\"Noto Sans CJK SC\"", "system-ui"] {
            #expect(stack.contains(family), "\(family) is in the stack")
        }
        #expect(HTMLExport.style.contains("body{font-family:\(HTMLExport.fontStack);"))
        #expect(HTMLExport.style.contains("svg text{font-family:\(HTMLExport.fontStack);"))
    }
}

@Suite("One vocabulary in every export")
struct VocabularyTests {
    @Test func everyExportWritesTheSameLegendAndAnswerWords() {
        let now = assessment("2026-11-22", emergingEconomy.merging(["econ-established-strategy-aligned": .partly]) { $1 })
        let report = SummaryReport(now, framework: seedFramework)
        let markdown = MarkdownExport.render(report)
        let html = HTMLExport.render(report)
        #expect(markdown.contains(BoardMark.legend(separator: ", ") + ". " + BoardMark.provisionalMeaning))
        #expect(html.contains(Escape.html(BoardMark.legend(separator: " · ")) + ". " + Escape.html(BoardMark.provisionalMeaning)))
        #expect(markdown.contains("| Yes, in place |") && html.contains(">Yes, in place<"))
        #expect(markdown.contains("system strategy aligned with") && markdown.contains(": Partly"))
    }

    @Test func marksFollowThePlacement() {
        let placement = PlacementRules.place(seedFramework.areas[0], in: seedFramework, answers: emergingEconomy)
        #expect((0..<3).map { BoardMark(level: $0, in: placement).symbol } == ["●", "0%", "0%"])
        let gap = PlacementRules.place(seedFramework.areas[0], in: seedFramework, answers: [
            "econ-expanding-shared-aims": .yes, "econ-expanding-mutual-benefit": .yes, "econ-expanding-joint-tracking": .yes,
            "econ-expanding-joint-evaluation": .yes,
        ])
        #expect((0..<3).map { BoardMark(level: $0, in: gap) } == [.progress(0), .progress(0), .metAboveGap])
        #expect(BoardMark.metAboveGap.symbolAndWord == "○ met" && BoardMark.progress(50).symbolAndWord == "50%")
    }

    @Test func answerLettersAndLabelsComeFromOnePlace() {
        #expect(Answer.letters == "y p n u")
        #expect(Answer.allCases.allSatisfy { Answer(letter: $0.letter) == $0 && Answer(letter: Character($0.letter.uppercased())) == $0 })
        #expect(Answer(letter: "x") == nil)
        #expect(Answer.letterChoices == "y (yes, in place), p (partly), n (no), u (not sure)")
        #expect(Answer.label(of: nil) == "Not answered")
        #expect(Answer.letterList == "y, p, n or u" && Answer.fileWordList == "yes, partly, no or unsure")
    }
}

@Suite("Tools the tests need")
struct RequiredToolTests {
    @Test func aMissingToolIsAFailureThatSaysWhatToRun() {
        #expect(throws: RequiredTool.self) { try RequiredTool.path("no-such-tool-\(UUID().uuidString)") }
        #expect(RequiredTool(name: "pandoc").description.contains("scripts/setup --test"))
    }
}
