import CellGrid
import Foundation
import MaturityFramework
import MaturityRules
import MaturityModel
import Testing
import TestSupport
@testable import WorkshopUI

/// Issue 14: step 1 of the framework's four steps in the workshop: each area's baseline metrics, after
/// its overview and before its questions, recorded in a form, skippable with one key.
@Suite("Metrics step")
struct MetricsStepTests {
    /// The seed framework without metrics in its first area.
    static var firstAreaWithoutMetrics: Framework {
        var framework = seedFramework
        framework.areas[0].metrics = []
        return framework
    }

    /// Last year's complete assessment with two of economy's metrics recorded.
    static func lastYear() -> WorkshopState.Draft {
        var earlier = Assessment(starting: seedFramework, system: "West Yorkshire ICS", date: CalendarDate("2025-11-20")!)
        earlier[area: "economic-development"].answers = ["econ-emerging-plan-reviewed": .yes]
        earlier.metrics = [
            MetricReading(metricID: "econ-nhs-spend", value: try! ExactDecimal.parse("412.5"), unit: "£ million a year",
                          period: "2024/25", source: "ICB annual accounts"),
            MetricReading(metricID: "econ-vcse-local-spend", value: try! ExactDecimal.parse("12.40"), unit: "£ million a year"),
        ]
        earlier.status = .complete
        return .init(file: URL(filePath: "/store/2025-11-20-west-yorkshire-ics.json"), assessment: earlier, framework: seedFramework)
    }

    /// A second year carried forward from ``lastYear()``, on economy's metrics.
    static func secondYearOnMetrics(width: Int = 80, height: Int = 24) -> WorkshopState {
        var state = startState(system: "West Yorkshire ICS", width: width, height: height)
        state.storeIndex = StoreIndex(archive: [lastYear()])
        press([.tab, .tab, .tab, .enter] + keys("y") + [.enter], on: &state)
        return state
    }

    /// A first year on economy's metrics.
    static func onMetrics(width: Int = 80, height: Int = 24) -> WorkshopState {
        var state = startedState(width: width, height: height)
        press([.enter], on: &state)
        return state
    }

    // MARK: Step order and positions

    @Test func theMetricsStepSitsAfterTheOverviewOnlyWhereTheFrameworkHasMetrics() {
        let steps = Step.all(in: seedFramework)
        for (index, area) in seedFramework.areas.enumerated() {
            let overview = steps.firstIndex(of: .overview(area: index))
            #expect(!area.metrics.isEmpty)
            #expect(overview.map { steps[$0 + 1] } == .metrics(area: index))
            #expect(overview.map { steps[$0 + 2] } == .question(area: index, criterion: 0))
        }
        let without = Step.all(in: Self.firstAreaWithoutMetrics)
        #expect(Array(without.prefix(2)) == [.overview(area: 0), .question(area: 0, criterion: 0)])
        #expect(!without.contains(.metrics(area: 0)) && without.contains(.metrics(area: 1)))
        #expect(without.count == steps.count - 1)
    }

    @Test func enterFromTheOverviewShowsTheMetricsAndOneKeySkipsThem() {
        var state = startedState()
        #expect(press([.enter], on: &state) == [.savePosition])
        #expect(state.step == .metrics(area: 0))
        #expect(state.assessment?.position == WorkshopPosition(step: "metrics", area: "economic-development"))
        press([.right], on: &state)
        #expect(state.step == .question(area: 0, criterion: 0))
        press([.left], on: &state)
        #expect(state.step == .metrics(area: 0))
        press([.left], on: &state)
        #expect(state.step == .overview(area: 0))
        // From the last area's result, → reaches the next area's overview, then its metrics.
        press(keys("]") + [.right], on: &state)
        #expect(state.step == .metrics(area: 1))
    }

    @Test func anAreaWithoutMetricsGoesStraightToItsQuestions() {
        var state = WorkshopState(resuming: Assessment(starting: Self.firstAreaWithoutMetrics, system: "West Yorkshire ICS",
                                                       date: CalendarDate("2026-11-22")!),
                                  file: URL(filePath: "/s.json"), framework: Self.firstAreaWithoutMetrics)
        #expect(state.step == .overview(area: 0))
        press([.enter], on: &state)
        #expect(state.step == .question(area: 0, criterion: 0))
    }

    @Test func savedPositionsOldAndNewOpenWhereTheyShould() {
        let draft = Assessment(starting: seedFramework, system: "West Yorkshire ICS", date: CalendarDate("2026-11-22")!)
        func opened(_ position: WorkshopPosition?, _ framework: Framework = seedFramework) -> Step {
            var assessment = draft
            assessment.position = position
            return WorkshopState(resuming: assessment, file: URL(filePath: "/s.json"), framework: framework).step
        }
        #expect(opened(WorkshopPosition(step: "metrics", area: "quality-employment")) == .metrics(area: 1))
        #expect(Step.metrics(area: 1).position(in: seedFramework) == WorkshopPosition(step: "metrics", area: "quality-employment"))
        // A framework that has since lost the area's metrics opens at the area's overview.
        #expect(opened(WorkshopPosition(step: "metrics", area: "economic-development"), Self.firstAreaWithoutMetrics) == .overview(area: 0))
        // Positions written before the step, and ones no version knows, still open.
        #expect(opened(WorkshopPosition(step: "overview", area: "economic-development")) == .overview(area: 0))
        #expect(opened(WorkshopPosition(step: "question", area: "economic-development", criterion: "econ-emerging-plan-known"))
                == .question(area: 0, criterion: 1))
        #expect(opened(WorkshopPosition(step: "metrics", area: "no-such-area")) == .overview(area: 0))
        #expect(opened(WorkshopPosition(step: "chart", area: "economic-development")) == .overview(area: 0))
        #expect(opened(nil) == .overview(area: 0), "no position: the first unanswered question's area, at its overview")
    }

    @Test func theAgendaByDisagreementStillTakesOnlyQuestions() {
        var state = boardState()
        press([.left, .left], on: &state)
        #expect(state.step == .overview(area: 0))
        var views = CriterionViews()
        views.named = ["Ann Baker": .yes, "Ben Carter": .no]
        state.assessment?[area: seedFramework.areas[1].id].views[seedFramework.areas[1].criteria[0].id] = views
        press(keys("o"), on: &state)
        #expect(state.agenda != nil)
        #expect(state.step == .question(area: 1, criterion: 0))
        // Past the agenda's last question: the first question without an answer, not a metrics step.
        press([.right], on: &state)
        #expect(state.step == .question(area: 0, criterion: 0))
    }

    // MARK: Recording, refusing, removing

    @Test func aValueIsRecordedWithTheFrameworksUnitAndSavedLikeAnyChange() throws {
        var state = Self.onMetrics()
        press([.down, .down], on: &state)
        #expect(press([.enter], on: &state).isEmpty)
        guard case .editor(.metric(0, 2, _))? = state.overlay else {
            Issue.record("Enter opens the form of the selected metric")
            return
        }
        press(keys("1,234.50") + [.tab] + keys("2025/26") + [.tab] + keys("ICB finance report") + [.tab], on: &state)
        #expect(press(keys("Includes the two community trusts"), on: &state).isEmpty, "nothing is written while typing")
        // Sent alone, the key says "recorded" until the store has the reading, then "saved".
        let effects = send(.key(.enter), to: &state)
        #expect(effects == [.save])
        #expect(state.overlay == nil)
        #expect(state.message?.text == "Metric recorded.")
        #expect(Renderer.saveStatus(state) == "saving")
        _ = send(.saved, to: &state)
        #expect(state.message?.text == "Metric saved.")
        let reading = try #require(state.assessment?.metrics.first)
        #expect(state.assessment?.metrics.count == 1)
        #expect(reading.metricID == "econ-vcse-local-spend" && reading.value.description == "1234.50")
        #expect(reading.unit == "£ million a year" && reading.period == "2025/26" && reading.source == "ICB finance report")
        #expect(reading.note == "Includes the two community trusts")
        // Edited again: the one reading is replaced, never doubled.
        press([.enter] + [.control("u")] + keys("1300") + [.escape], on: &state)
        #expect(state.assessment?.metrics.map(\.value.description) == ["1300"])
        #expect(state.assessment?.metrics.first?.period == "2025/26")
        // A second metric keeps the framework's order.
        press([.up, .up, .enter] + keys("400") + [.escape], on: &state)
        #expect(state.assessment?.metrics.map(\.metricID) == ["econ-nhs-spend", "econ-vcse-local-spend"])
        #expect(state.assessment?.position == WorkshopPosition(step: "metrics", area: "economic-development"))
    }

    @Test func aBadValueIsRefusedInsideTheFormAndNothingTypedIsLost() throws {
        var state = Self.onMetrics()
        press([.enter] + keys("12%") + [.tab] + keys("2025/26"), on: &state)
        #expect(press([.escape], on: &state).isEmpty)
        guard case let .editor(.metric(_, _, form))? = state.overlay else {
            Issue.record("the form stays open")
            return
        }
        #expect(form.focus == .value && form.value.text == "12%" && form.period.text == "2025/26")
        #expect(form.problem?.contains("'12%' has '%' in it; type the number alone, the unit is recorded separately") == true)
        #expect(form.problem?.hasSuffix("Esc again closes without saving.") == true)
        #expect(state.assessment?.metrics.isEmpty == true)
        // Mended, it saves.
        press([.backspace], on: &state)
        #expect(press([.escape], on: &state) == [.save])
        #expect(state.assessment?.metrics.first?.value.description == "12")
        // Refused then Esc again: the form closes and the reading stays as it was.
        press([.enter, .control("u")] + keys("12,5") + [.escape], on: &state)
        guard case let .editor(.metric(_, _, refused))? = state.overlay else {
            Issue.record("a decimal comma is refused")
            return
        }
        #expect(refused.problem?.contains("uses a comma for decimals") == true)
        #expect(press([.escape], on: &state).isEmpty)
        #expect(state.overlay == nil && state.message?.text == "Not saved; the metric's reading is as it was.")
        #expect(state.assessment?.metrics.first?.value.description == "12")
        // An empty form on a metric with nothing recorded closes with nothing recorded.
        press([.down, .enter, .escape], on: &state)
        #expect(state.overlay == nil && state.message?.text == "Nothing recorded for this metric.")
        #expect(state.assessment?.metrics.count == 1)
    }

    @Test func dTwiceRemovesAReadingAndAnyOtherKeyKeepsIt() {
        var state = Self.onMetrics()
        press(keys("d"), on: &state)
        #expect(state.message?.text == "Nothing is recorded for this metric; Enter records a value.")
        press([.enter] + keys("400") + [.escape], on: &state)
        #expect(KeyHelp.hintLine(state, width: 200).contains("d remove"))
        press(keys("d") + [.down], on: &state)
        #expect(state.assessment?.metrics.count == 1, "any other key keeps it")
        #expect(state.selection == 1, "and does what it does")
        press([.up] + keys("d"), on: &state)
        #expect(KeyHelp.hintLine(state, width: 200).contains("d remove"))
        #expect(press(keys("d"), on: &state) == [.save])
        #expect(state.assessment?.metrics.isEmpty == true)
        #expect(state.message?.text == "Metric reading removed.")
        #expect(!KeyHelp.hintLine(state, width: 200).contains("d remove"))
    }

    @Test func aCompleteAssessmentRefusesChangesToMetrics() {
        var assessment = Assessment(starting: seedFramework, system: "West Yorkshire ICS", date: CalendarDate("2026-11-22")!)
        assessment.metrics = [MetricReading(metricID: "econ-nhs-spend", value: try! ExactDecimal.parse("400"), unit: "£ million a year")]
        assessment.status = .complete
        assessment.position = WorkshopPosition(step: "metrics", area: "economic-development")
        var state = WorkshopState(resuming: assessment, file: URL(filePath: "/s.json"), framework: seedFramework)
        #expect(state.step == .metrics(area: 0))
        for key in [Key.enter, .character("e"), .character("d")] {
            #expect(press([key], on: &state).isEmpty)
            #expect(state.overlay == nil)
            #expect(state.message?.text.contains("complete and read-only") == true)
        }
        #expect(state.assessment?.metrics.count == 1)
        #expect(press([.right], on: &state).isEmpty, "a move of a read-only assessment is not saved")
        #expect(state.step == .question(area: 0, criterion: 0))
    }

    @Test func hostileTextInTheFormIsRefusedOrInert() throws {
        var state = Self.onMetrics()
        let hostile: [Key] = [.character("\u{1B}"), .character("["), .character("2"), .character("J"), .character("\u{202E}"),
                              .character("\u{7}"), .character("\u{0}"), .character("\u{9B}"), .character("\u{2066}")]
        press([.enter] + keys("5") + [.tab] + hostile + keys("2025") + [.tab] + keys(String(repeating: "ICS report ", count: 40)),
              on: &state)
        guard case let .editor(.metric(_, _, form))? = state.overlay else {
            Issue.record("the form is open")
            return
        }
        #expect(form.period.text == "[2J2025", "escape, bidi and control characters are never stored")
        #expect(form.source.text.count == 200)
        #expect(form.problem == "Source is at its limit of 200 characters; the rest was not added.")
        let frame = Renderer.render(state)
        #expect(!frame.grid.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0 == "\u{202E}" || $0 == "\u{9B}" })
        press([.escape], on: &state)
        let reading = try #require(state.assessment?.metrics.first)
        #expect(reading.period == "[2J2025" && reading.source?.count == 200)
        // Hostile values are refused with the text shown inert.
        press([.enter, .control("u")] + keys("1e6") + [.escape], on: &state)
        guard case let .editor(.metric(_, _, refused))? = state.overlay else {
            Issue.record("an exponent is refused")
            return
        }
        #expect(refused.problem?.contains("has an exponent") == true)
        var cases = 0
        for value in ["NaN", "∞", "--5", "1.2.3", "12.", "١٢", "1 000", String(repeating: "9", count: 40), "0x1F", "+-3"] {
            var attempt = Self.onMetrics()
            press([.enter] + keys(value) + [.escape], on: &attempt)
            guard case let .editor(.metric(_, _, form))? = attempt.overlay else {
                Issue.record("'\(value)' was accepted")
                continue
            }
            #expect(form.problem?.hasPrefix("Value: ") == true && form.value.text == String(value.prefix(MetricForm.valueLimit)))
            #expect(attempt.assessment?.metrics.isEmpty == true)
            cases += 1
        }
        CampaignReport.record("Workshop: hostile and malformed metric values and texts typed in the metrics form at 80x24",
                              cases: cases + hostile.count + 1,
                              how: "refused in the form with the typed text kept, or stored without escapes, bidi or control characters")
    }

    @Test func helpListsTheMetricKeys() {
        var state = Self.onMetrics()
        press(keys("?"), on: &state)
        let help = Renderer.render(state).grid.text
        #expect(help.contains("record or edit the selected metric's value"))
        #expect(help.contains("go on to the area's questions"))
        press([.escape, .enter, .help], on: &state)
        let formHelp = Renderer.render(state).grid.text
        #expect(formHelp.contains("save the reading and close"))
    }

    // MARK: Screens

    @Test func goldenScreens() throws {
        var state = Self.onMetrics()
        try expectGolden(state, "metrics-empty-80x24")
        press([.enter] + keys("1,234.5") + [.tab] + keys("2025/26") + [.tab] + keys("ICB annual accounts") + [.tab]
              + keys("Spend with suppliers whose registered office is in West Yorkshire; the two community trusts' figures are estimates.")
              + [.enter, .down, .down, .enter] + keys("12%"), on: &state)
        try expectGolden(state, "metric-form-typed-80x24")
        press([.escape], on: &state)
        try expectGolden(state, "metric-form-refused-80x24")
        press([.escape, .up, .up], on: &state)
        _ = send(.saved, to: &state)
        try expectGolden(state, "metrics-filled-80x24")
        var large = state
        _ = send(.resize(width: 120, height: 40), to: &large)
        try expectGolden(large, "metrics-filled-large")
        var small = state
        _ = send(.resize(width: 50, height: 14), to: &small)
        try expectGolden(small, "metrics-filled-small")
    }

    @Test func lastTimesValueAndTheChangeAreShown() throws {
        var state = Self.secondYearOnMetrics()
        #expect(state.step == .metrics(area: 0))
        var screen = Renderer.render(state).grid.text
        #expect(screen.contains("Last time (2025-11-20): 412.5 £ million a year"))
        press([.enter] + keys("398.25") + [.tab] + keys("2025/26") + [.escape], on: &state)
        _ = send(.saved, to: &state)
        screen = Renderer.render(state).grid.text
        #expect(screen.contains("Last time (2025-11-20): 412.5 £ million a year · now 14.25 lower (worse;"))
        try expectGolden(state, "metrics-last-time-80x24")
        press([.down, .down, .enter] + keys("12.40") + [.escape], on: &state)
        #expect(Renderer.render(state).grid.text.contains("Last time (2025-11-20): 12.40 £ million a year · now unchanged"))
        // With no reading last time, nothing is said of last time.
        press([.down], on: &state)
        #expect(!Renderer.render(state).grid.text.contains("Last time"))
        // Not carried forward: nothing of last time either.
        #expect(!Renderer.render(Self.onMetrics()).grid.text.contains("Last time"))
    }

    @Test func everyMetricsScreenFitsFromTheSmallestToLargeTerminals() {
        var state = Self.secondYearOnMetrics()
        press([.enter] + keys("398.25") + [.tab] + keys(String(repeating: "2025/26 ", count: 30)) + [.tab]
              + keys(String(repeating: "A long source name ", count: 12)) + [.tab] + keys(String(repeating: "note ", count: 400))
              + [.escape], on: &state)
        var frames = 0
        for width in [44, 50, 60, 80, 100, 200] {
            for height in [12, 14, 17, 24, 40] {
                _ = send(.resize(width: width, height: height), to: &state)
                for selection in 0..<6 {
                    state.screen = .metrics(area: 0, selection: selection)
                    let lines = Renderer.render(state).grid.lines
                    #expect(lines.allSatisfy { TextWidth.of($0) <= width })
                    let selected = seedFramework.areas[0].metrics[min(selection, 4)].title
                    #expect(lines.contains { $0.hasPrefix("  ▸ ") && selected.hasPrefix($0.dropFirst(4).prefix(8)) },
                            "\(width)x\(height): the selected metric is in view")
                    frames += 1
                }
            }
        }
        CampaignReport.record("Workshop: the metrics step with long periods, sources and notes from 44x12 to 200x40",
                              cases: frames, how: "every line fits the terminal and the selected metric stays in view")
    }
}
