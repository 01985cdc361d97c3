import Foundation
import MaturityFramework
import MaturityModel
import MaturityRules
import TestSupport
import Testing
@testable import WorkshopUI

/// Issue 14 in plain mode: the established date (the `established` command), metrics (`m`), targets (`t`), and
/// the typical stage and target beside each placement; scripted lines in, what is said and saved out.
@Suite("Plain mode: established date, metrics, targets and the typical stage")
struct PlainBaselineTests {
    static let established = CalendarDate("2022-07-01")!
    static let economy = "economic-development"

    /// Asks the established question with `lines`; returns the answer (nil: input ended) and what was said.
    func askEstablished(_ lines: [String], current: CalendarDate? = nil) -> (answer: CalendarDate??, output: String) {
        var lines = lines
        var output = ""
        let answer = PlainEstablished(current: current, assessmentDate: workshopDate)
            .ask(read: { lines.isEmpty ? nil : lines.removeFirst() }, write: { output += $0 })
        return (answer, output)
    }

    /// Says `text` holds nothing a terminal would act on: no escape, NUL or other control but newlines.
    func expectInert(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let raw = text.unicodeScalars.filter { $0.properties.generalCategory == .control && $0 != "\n" }
        #expect(raw.isEmpty, "raw control characters reached the output: \(raw.map { $0.value })", sourceLocation: sourceLocation)
    }

    // MARK: - The established date

    @Test func theEstablishedDateIsCheckedAndAskedAgainUntilItIsARealDayNotAfterTheAssessment() throws {
        let asked = askEstablished(["2026-02-30", "1 July 2022", "2026-11-23", "2022-07-01"])
        #expect(asked.answer == .some(Self.established))
        #expect(asked.output.contains("'2026-02-30' is not a date written YYYY-MM-DD, e.g. 2022-07-01; press Enter to leave it unknown."))
        #expect(asked.output.contains("'1 July 2022' is not a date written YYYY-MM-DD"))
        #expect(asked.output.contains("2026-11-23 is after the assessment's date, 2026-11-22; a system is established before it is assessed."))
        #expect(asked.output.components(separatedBy: "Established, YYYY-MM-DD,").count == 5, "asked again after each refusal")
        #expect(asked.output.hasPrefix("Established, YYYY-MM-DD, when the system was established, for the typical stage by age "
            + "(ICSs: 2022-07-01; Enter leaves it unknown): "))
        // The assessment's own date is allowed.
        #expect(askEstablished(["2026-11-22"]).answer == .some(workshopDate))
        CampaignReport.record("Plain mode: established date refused (not a day, not YYYY-MM-DD, after the assessment)", cases: 3,
                              how: "scripted lines into PlainEstablished: each refused in one line and asked again, then taken")
    }

    @Test func enterLeavesItUnknownOrKeepsTheCarriedDateAndMinusForgetsIt() {
        #expect(askEstablished([""]).answer == .some(nil))
        let carried = askEstablished([""], current: Self.established)
        #expect(carried.answer == .some(Self.established))
        #expect(carried.output.contains("(ICSs: 2022-07-01; Enter keeps 2022-07-01; - leaves it unknown): "))
        #expect(askEstablished(["-"], current: Self.established).answer == .some(nil))
        #expect(askEstablished(["2023-04-01"], current: Self.established).answer == .some(CalendarDate("2023-04-01")))
        #expect(askEstablished([]).answer == nil, "the end of input is not an answer")
    }

    @Test func hostileRepliesToTheEstablishedDateAreRefusedInertly() {
        let huge = String(repeating: "9", count: 1_000_000)
        let invalid = String(decoding: [0xFF, 0xFE, 0x32, 0x30] as [UInt8], as: UTF8.self)
        let asked = askEstablished(["\u{1B}[2J2022-07-01", "2022\u{0}-07-01", huge, invalid, "\u{202E}2022-07-01", ""])
        #expect(asked.answer == .some(nil))
        expectInert(asked.output)
        #expect(asked.output.count < 4_000, "a huge reply is quoted short, not echoed whole")
        #expect(asked.output.components(separatedBy: "holds a control character").count == 4)
        CampaignReport.record("Plain mode: hostile replies to the established date", cases: 5,
                              how: "escape, NUL, a 1,000,000-character line, invalid UTF-8, a bidi override: each refused, "
                                  + "nothing raw in the output, the huge line quoted in at most 60 characters")
    }

    /// The date is set with a command at any prompt, never asked at the start: a script written before
    /// issue 14 keeps every line where it was.
    @Test func theEstablishedCommandSetsRefusesAndClearsTheDateAtAnyPrompt() throws {
        let script = PlainScript(["established 2026-12-01", "established 1 July", "established 2022-07-01", "y", "",
                                  "established -", "established", "2022-07-01", "s", "q"])
        let saved = try #require(script.run())
        #expect(script.output.hasPrefix("Established: unknown. To see each placement beside the stage typical for the system's age, "
                                        + "type established YYYY-MM-DD at any prompt (ICSs: 2022-07-01)."))
        #expect(script.output.contains("2026-12-01 is after the assessment's date, 2026-11-22; a system is established before it is assessed."))
        #expect(script.output.contains("'1 July' is not a date written YYYY-MM-DD"))
        #expect(script.output.contains("Established: 2022-07-01. Typical for a system of 4 years: established."))
        #expect(script.output.contains("Established: unknown."))
        #expect(saved.established == Self.established, "set again by the bare command, which asks")
        #expect(saved.answers[criterion(0, 0)] == .yes, "the question is asked again after each command")
        #expect(script.saves.contains { $0.established == nil } && script.saves.contains { $0.established == Self.established })
        // A script of earlier versions: the first line is still the first question's answer.
        let old = PlainScript(["y", "", "q"])
        #expect(try #require(old.run()).answers[criterion(0, 0)] == .yes)
        CampaignReport.record("Plain mode: the established command (after the assessment, not a date, cleared, asked)", cases: 4,
                              how: "scripted lines at a question: refused in one line, set, cleared, asked; earlier scripts unshifted")
    }

    // MARK: - Metrics

    @Test func mRecordsAMetricRefusingBadNumbersAndKeepsTheFrameworksUnit() throws {
        let script = PlainScript(["m", "12%", "40 £ million", "12,5", "1e6", "12.", "", ".", "q"])
        script.run()
        let more = PlainScript(["m", "1,234.50", "2025/26", "ICB annual report", "Checked with finance", "", ".", "y", "", "q"])
        let saved = try #require(more.run())
        #expect(script.output.contains("Metrics: 5 metrics to record for this area, 0 recorded; m at a question or at the actions records them."))
        #expect(script.output.contains("Metric 1 of 5: Total NHS spend within the system, in £ million a year (higher is better)."))
        #expect(script.output.contains("Not recorded: '12%' has '%' in it; type the number alone, the unit is recorded separately."))
        #expect(script.output.contains("Not recorded: '40 £ million' has '£ million' in it; type the number alone"))
        #expect(script.output.contains("Not recorded: '12,5' uses a comma for decimals"))
        #expect(script.output.contains("Not recorded: '1e6' has an exponent"))
        #expect(script.output.contains("Not recorded: '12.' ends in a point"))
        #expect(script.saves.allSatisfy { $0.metrics.isEmpty }, "nothing refused is recorded")
        let reading = try #require(saved.metrics.first)
        #expect(saved.metrics.count == 1)
        #expect(reading == MetricReading(metricID: "econ-nhs-spend", value: try ExactDecimal.parse("1234.50"), unit: "£ million a year",
                                         period: "2025/26", source: "ICB annual report", note: "Checked with finance"))
        #expect(reading.value.description == "1234.50", "the places typed are kept")
        #expect(more.output.contains("Recorded: 1234.50 £ million a year, 2025/26, from ICB annual report; note: Checked with finance."))
        #expect(more.output.contains("1 of 5 metrics of Economy recorded."))
        #expect(saved.answers[criterion(0, 0)] == .yes, "after the metrics, the question is asked again and answered")
        CampaignReport.record("Plain mode: metric values refused (unit inside, decimal comma, exponent, trailing point)", cases: 5,
                              how: "scripted lines: each refused with DecimalInput's line and asked again; nothing saved until a number")
    }

    @Test func metricTextsAreCheckedAsTheFileChecksThem() throws {
        let long = String(repeating: "p", count: 201)
        let longNote = String(repeating: "n", count: Assessment.noteLimit + 1)
        let script = PlainScript(["m", "7", long, "2025/26", "\u{1B}]0;owned\u{7}", "Annual report", longNote, "Short note", ".", "q"])
        let saved = try #require(script.run())
        #expect(script.output.contains("Not kept: the period is 201 characters; at most 200; type it again, or press Enter."))
        #expect(script.output.contains("Not kept: the note is 20001 characters; at most 20000; type it again, or press Enter."))
        #expect(script.output.contains("That reply holds a control character"))
        expectInert(script.output)
        #expect(script.output.count < 60_000, "overlong texts are not echoed back")
        #expect(saved.metrics == [MetricReading(metricID: "econ-nhs-spend", value: try ExactDecimal.parse("7"), unit: "£ million a year",
                                                period: "2025/26", source: "Annual report", note: "Short note")])
        CampaignReport.record("Plain mode: metric texts refused (period over 200, note over 20,000, an escape in the source)", cases: 3,
                              how: "scripted lines: MetricFile's limits, said in one line and asked again; nothing raw in the output")
    }

    @Test func enterSkipsOrKeepsAndMinusRemoves() throws {
        var assessment = PlainScript.newAssessment()
        assessment.metrics = [MetricReading(metricID: "econ-nhs-spend", value: try ExactDecimal.parse("10"), unit: "£ million a year",
                                            period: "2024/25", source: "Ledger")]
        // First metric: value and period kept, source removed, note added; the other four skipped with Enter.
        let script = PlainScript(["m", "", "", "-", "New note", "", "", "", "", "q"])
        let saved = try #require(script.run(assessment))
        #expect(script.output.contains("Value, a number in £ million a year (Enter keeps 10; - removes it; . stops): "))
        #expect(script.output.contains("Period, e.g. 2025/26 (Enter keeps \"2024/25\"; - removes it): "))
        #expect(saved.metrics == [MetricReading(metricID: "econ-nhs-spend", value: try ExactDecimal.parse("10"), unit: "£ million a year",
                                                period: "2024/25", source: nil, note: "New note")])
        #expect(script.output.contains("1 of 5 metrics of Economy recorded."))
        // "-" at the value removes the reading.
        let removing = PlainScript(["m", "-", ".", "q"])
        let removed = try #require(removing.run(saved))
        #expect(removed.metrics.isEmpty)
        #expect(removing.output.contains("Removed."))
    }

    @Test func lastTimesValueIsSaidWhenCarriedForward() throws {
        var earlier = PlainScript.newAssessment()
        earlier.date = CalendarDate("2025-11-20")!
        earlier.established = Self.established
        earlier.metrics = [MetricReading(metricID: "econ-nhs-spend", value: try ExactDecimal.parse("950.5"), unit: "£ million a year",
                                         period: "2024/25")]
        earlier[area: Self.economy].target = Target(stageID: "established", year: 2028)
        earlier.status = .complete
        let carried = Assessment(carryingForward: earlier, file: "2025-11-20-west-yorkshire-ics.json", framework: seedFramework,
                                 date: workshopDate, participants: [])
        #expect(carried.established == Self.established && carried.metrics.isEmpty)
        let script = PlainScript(["m", "1000", "", "", "", ".", "g 1.10", "", "", "", "q"])
        var workshop = script.workshop(carried)
        workshop.earlier = [Progression.Entry(assessment: earlier, file: "/store/2025-11-20-west-yorkshire-ics.json")]
        _ = workshop.run()
        let saved = try #require(script.saves.last)
        #expect(script.output.contains("Last time (2025-11-20): 950.5 £ million a year, 2024/25."))
        #expect(saved.metrics.map(\.value.description) == ["1000"])
        // The target came forward with the rerun and is said after the placement, with the typical stage.
        #expect(saved[area: Self.economy].target == Target(stageID: "established", year: 2028))
        // Still not yet emerging a year on: no pace, so two stages by 2028 is behind (the history is used).
        #expect(script.output.contains("Target: Established by 2028, behind. t changes it."))
        #expect(script.output.contains("Typical for a system of 4 years: established; not yet placed at emerging (an earlier stage than typical)."))
    }

    @Test func aCompleteAssessmentListsItsMetricsAndWritesNothing() throws {
        var assessment = PlainScript.completeAssessment()
        assessment.metrics = [MetricReading(metricID: "econ-research-funding", value: try ExactDecimal.parse("2.5"), unit: "£ million a year")]
        // Not reopened: read-only, from the summary to area 1, where m lists the values.
        let script = PlainScript(["n", "g 1", "m", "q"])
        script.run(assessment, resumedFrom: script.path)
        #expect(script.output.contains("Recorded: 2.5 £ million a year."))
        #expect(script.output.contains("Metrics: 5 metrics, 1 recorded; m lists them."))
        #expect(!script.output.contains("Value, a number") && !script.output.contains("Enter skips"))
        #expect(script.saves.isEmpty)
    }

    @Test func hostileLinesAtTheMetricPromptsNeverCrashNorReachTheTerminalRaw() throws {
        let huge = String(repeating: "1", count: 1_000_000)
        let invalid = String(decoding: [0x31, 0xC3, 0x28, 0xFF] as [UInt8], as: UTF8.self)
        let script = PlainScript(["m", "\u{0}", "\u{1B}[31m5", huge, invalid, "-\u{2212}1", "∞", "NaN", "\u{202E}5", "5",
                                  "\u{9B}2J", "", "", "", ".", "q"])
        let saved = try #require(script.run())
        expectInert(script.output)
        #expect(script.output.count < 20_000, "the huge line is quoted short")
        #expect(saved.metrics.map(\.value.description) == ["5"])
        #expect(script.output.contains("has more than 18 digits"))
        CampaignReport.record("Plain mode: hostile lines at the metric prompts", cases: 10,
                              how: "NUL, ESC and C1 CSI, a 1,000,000-digit line, invalid UTF-8, two signs, infinity, NaN, a bidi "
                                  + "override: each refused in one line; no raw control character in the output; no crash")
    }

    // MARK: - Targets

    @Test func tSetsATargetRefusingBadStagesAndYears() throws {
        let script = PlainScript(["g 1.10", "", "", "t", "9", "Nonsense", "", "t", "established", "26", "2019", "2047", "two", "2028", "q"])
        let saved = try #require(script.run())
        #expect(script.output.contains("No target: t sets one."))
        #expect(script.output.contains("Target stage: 1 Emerging, 2 Established, 3 Expanding, by number or name (Enter for none): "))
        #expect(script.output.contains("There is no stage '9': type 1 to 3 or a stage's name."))
        #expect(script.output.contains("There is no stage 'Nonsense': type 1 to 3 or a stage's name."))
        #expect(script.output.contains("No target set."))
        #expect(script.output.contains("By which year, 2026 to 2046 (Enter cancels): "))
        #expect(script.output.contains("'26' is not a year; type four digits, e.g. 2028."))
        #expect(script.output.contains("2019 is outside 2026 to 2046: from the assessment's year to 20 years after it."))
        #expect(script.output.contains("2047 is outside 2026 to 2046"))
        #expect(script.output.contains("'two' is not a year"))
        #expect(script.output.contains("Target: Established by 2028, on track."))
        #expect(saved[area: Self.economy].target == Target(stageID: "established", year: 2028))
        CampaignReport.record("Plain mode: target stage and year refused (unknown stage, not four digits, before the year, "
                              + "past 20 years)", cases: 6, how: "scripted lines at t: each refused in one line and asked again")
    }

    @Test func enterKeepsATargetAStageNumberChangesItAndMinusRemovesIt() throws {
        var assessment = PlainScript.newAssessment()
        assessment[area: Self.economy].target = Target(stageID: "established", year: 2028)
        assessment.position = WorkshopPosition(step: "result", area: Self.economy)
        let keeping = PlainScript(["t", "", "t", "3", "", "q"])
        let kept = try #require(keeping.run(assessment, resumedFrom: keeping.path))
        #expect(keeping.output.contains("(Enter keeps Established by 2028; - removes it): "))
        #expect(keeping.output.contains("By which year, 2026 to 2046 (Enter keeps 2028): "))
        #expect(kept[area: Self.economy].target == Target(stageID: "expanding", year: 2028))
        #expect(keeping.output.contains("Target: Expanding by 2028, behind."), "three stages in two years is behind")
        let removing = PlainScript(["t", "-", "q"])
        let removed = try #require(removing.run(kept, resumedFrom: removing.path))
        #expect(removed[area: Self.economy].target == nil)
        #expect(removing.output.contains("Target removed."))
    }

    @Test func theSummaryGivesEachAreasTargetAndTypicalStage() throws {
        var assessment = PlainScript.newAssessment()
        assessment.established = Self.established
        assessment[area: "climate-change"].target = Target(stageID: "emerging", year: 2027)
        let script = PlainScript(["s", ""])
        script.run(assessment)
        let summary = try #require(script.output.components(separatedBy: "== Summary:").last)
        #expect(summary.components(separatedBy: "Typical for a system of 4 years: established; not yet placed at emerging "
            + "(an earlier stage than typical).").count == 4, "one line beside each area's placement")
        #expect(summary.contains("Area 3, Tackling climate change: Not yet emerging (provisional)."))
        #expect(summary.contains("Target: Emerging by 2027, on track."))
        #expect(summary.components(separatedBy: "Target:").count == 2, "only the area with a target says one")
    }

    @Test func withoutAnEstablishedDateNoTypicalStageIsSaid() {
        let script = PlainScript(["g 1.10", "", "", "", "s", ""])
        script.run()
        #expect(!script.output.contains("Typical for"))
        #expect(!script.output.contains("typical for a system of"))
    }

    @Test func helpListsMAndT() {
        let script = PlainScript(["?", "g 1.10", "", "", "?", "q"])
        script.run()
        #expect(script.output.contains("m            record the area's metrics"))
        #expect(script.output.contains("t            set or change the area's target"))
    }
}
