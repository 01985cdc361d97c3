import CellGrid
import Foundation
import MaturityFramework
import MaturityRules
import MaturityModel
import Testing
import TestSupport
@testable import WorkshopUI

/// Issue 14 in the full-screen workshop: the established date on the start screen, the typical stage
/// beside each placement, and a target per area with its status.
@Suite("Targets and the system's age in the workshop")
struct TargetScreenTests {
    /// Last year's complete assessment of West Yorkshire ICS: established 2022-07-01, economy placed at
    /// emerging with a target of Established by 2028.
    func lastYear() -> WorkshopState.Draft {
        var earlier = Assessment(starting: seedFramework, system: "West Yorkshire ICS", date: CalendarDate("2025-11-20")!)
        earlier.established = CalendarDate("2022-07-01")
        let economy = seedFramework.areas[0]
        for criterion in economy.criteria.prefix(3) { earlier[area: economy.id].answers[criterion.id] = .yes }
        earlier[area: economy.id].target = Target(stageID: "established", year: 2028)
        earlier.status = .complete
        return .init(file: URL(filePath: "/store/2025-11-20-west-yorkshire-ics.json"), assessment: earlier, framework: seedFramework)
    }

    /// The start screen for West Yorkshire ICS with last year's assessment in the store.
    func knownStart(width: Int = 80, height: Int = 24) -> WorkshopState {
        var state = startState(system: "West Yorkshire ICS", width: width, height: height)
        state.storeIndex = StoreIndex(archive: [lastYear()])
        return state
    }

    /// A first-year workshop started with an established date typed, economy's emerging questions answered yes.
    func startedWithEstablished(width: Int = 80, height: Int = 24) -> WorkshopState {
        var state = startState(system: "West Yorkshire ICS", width: width, height: height)
        press([.up] + keys("2022-07-01") + [.tab] + keys("Cathy Elliott") + [.tab, .tab, .tab, .enter], on: &state)
        // Enter on the overview opens the metrics step; → passes it.
        press([.enter, .right] + keys("yyy"), on: &state)
        return state
    }

    /// The target form open over the screen, if it is.
    func targetForm(_ state: WorkshopState) -> TargetForm? {
        if case let .target(form)? = state.overlay { return form }
        return nil
    }

    /// From the fourth question of the first area (where ``startedWithEstablished`` leaves the board) to its result.
    let toResult = [Key](repeating: .right, count: 7)

    // MARK: Established date on the start screen

    @Test(arguments: GoldenScreenTests.sizes)
    func theStartScreenCarriesTheEstablishedDate(_ name: String, _ width: Int, _ height: Int) throws {
        let state = knownStart(width: width, height: height)
        #expect(StartScreen.establishedText(state, form: try #require(state.start)) == "2022-07-01")
        try expectGolden(state, "start-established-\(name)")
    }

    @Test func aCarriedDateIsEditableAndStartingRecordsIt() throws {
        var state = knownStart()
        press([.up] + [.backspace, .backspace] + keys("15"), on: &state)
        #expect(state.start?.focus == .established)
        #expect(state.start?.established.text == "2022-07-15")
        press([.tab, .tab, .tab, .tab, .enter] + keys("y"), on: &state)
        #expect(state.assessment?.established == CalendarDate("2022-07-15"))
    }

    @Test func aCarriedDateClearedMeansUnknown() throws {
        var state = knownStart()
        press([.up, .control("u"), .tab, .tab, .tab, .tab, .enter] + keys("y"), on: &state)
        #expect(state.assessment != nil)
        #expect(state.assessment?.established == nil, "the cleared field is what is saved, though last year's had a date")
    }

    @Test func theCarriedDateIsStartedWithAndCarriedForward() throws {
        var state = knownStart()
        press([.tab, .tab, .tab, .enter] + keys("y"), on: &state)
        let assessment = try #require(state.assessment)
        #expect(assessment.established == CalendarDate("2022-07-01"))
        #expect(assessment[area: "economic-development"].target == Target(stageID: "established", year: 2028))
    }

    @Test func aBadEstablishedDateIsRefusedAndKept() throws {
        var state = startState(system: "West Yorkshire ICS")
        press([.up] + keys("2022-02-30") + [.tab, .tab, .tab, .tab, .enter], on: &state)
        #expect(state.assessment == nil)
        #expect(state.start?.focus == .established && state.start?.established.text == "2022-02-30")
        #expect(state.start?.problem?.contains("real day written YYYY-MM-DD") == true)
        press([.control("u")] + keys("2027-01-01") + [.tab, .tab, .tab, .tab, .enter], on: &state)
        #expect(state.assessment == nil)
        #expect(state.start?.problem?.contains("after the assessment's date (2026-11-22)") == true)
        #expect(state.start?.established.text == "2027-01-01")
        try expectGolden(state, "start-established-refused-80x24")
        press([.control("u")] + keys("2026-11-22") + [.tab, .tab, .tab, .tab, .enter], on: &state)
        #expect(state.assessment?.established == CalendarDate("2026-11-22"), "the assessment's own day is allowed")
    }

    @Test func hostileTextInTheEstablishedFieldIsKeptOutOrCut() throws {
        var state = startState(system: "West Yorkshire ICS")
        let hostile = "\u{1B}[2J\u{7}\u{202E}2022-07-01" + String(repeating: "9", count: 5000)
        press([.up] + hostile.map { Key.character($0) }, on: &state)
        #expect(state.start?.established.text.count == 10)
        #expect(state.start?.established.text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x202E } == true)
        press([.tab, .tab, .tab, .tab, .enter], on: &state)
        #expect(state.assessment == nil && state.start?.problem?.contains("YYYY-MM-DD") == true)
        let frame = Renderer.render(state)
        #expect(frame.grid.lines.allSatisfy { TextWidth.of($0) <= 80 })
        #expect(state.start?.established.text == "[2J2022-07")
        CampaignReport.record("Workshop: hostile text typed into the start screen's established date", cases: 5_014,
                              how: "escape, bell and bidi override never stored; the field keeps 10 characters; start refused with one line")
    }

    // MARK: Result screen: typical stage and target

    @Test(arguments: GoldenScreenTests.sizes)
    func theResultShowsTheTypicalStageAndTheTarget(_ name: String, _ width: Int, _ height: Int) throws {
        var state = startedWithEstablished(width: width, height: height)
        press(toResult + keys("t") + keys("2028") + [.enter], on: &state)
        #expect(state.step == .result(area: 0))
        let text = Renderer.render(state).grid.text
        if width >= 80 {
            #expect(text.contains("Typical for a system of 4 years: established; placed at emerging (an earlier"))
            #expect(text.contains("Target: Established by 2028, on track."))
        }
        try expectGolden(state, "result-target-\(name)")
    }

    @Test func noTypicalStageWithoutAnEstablishedDate() {
        var state = startedState()
        press(Array(repeating: .right, count: 12), on: &state)
        #expect(state.step == .result(area: 0))
        #expect(!Renderer.render(state).grid.text.contains("Typical for a system"))
        #expect(!Renderer.render(state).grid.text.contains("Target:"))
    }

    // MARK: The target form

    @Test func theTargetFormRefusesAYearOutOfRangeAndKeepsIt() throws {
        var state = startedWithEstablished()
        press(toResult + keys("t"), on: &state)
        guard case let .target(form)? = state.overlay else {
            Issue.record("t opens the target form")
            return
        }
        #expect(form.stageIndex == 1, "the stage above the placement (emerging) is offered first: established")
        press(keys("2025") + [.enter], on: &state)
        guard case let .target(refused)? = state.overlay else {
            Issue.record("a refused year keeps the form open")
            return
        }
        #expect(refused.year.text == "2025")
        #expect(refused.problem == "2025 is before this assessment's year: the year must be 2026 or later.")
        #expect(state.assessment?[area: "economic-development"].target == nil)
        try expectGolden(state, "target-form-refused-80x24")
        press(Array(repeating: .backspace, count: 4) + keys("2047") + [.enter], on: &state)
        #expect(targetForm(state)?.problem
            == "2047 is more than 20 years ahead: the year must be 2046 at the latest.")
        press([.backspace, .backspace, .backspace, .backspace] + keys("20a"), on: &state)
        #expect(targetForm(state)?.year.text == "20")
        press([.enter], on: &state)
        #expect(targetForm(state)?.problem == "The year must have 4 digits, e.g. 2028.")
        press(keys("46") + [.enter], on: &state)
        #expect(state.overlay == nil)
        #expect(state.assessment?[area: "economic-development"].target == Target(stageID: "established", year: 2046))
        #expect(state.message?.text == "Economy: target set, Established by 2046.")
    }

    @Test func settingAndClearingATargetSaves() throws {
        var state = startedWithEstablished()
        press(toResult, on: &state)
        let set = press(keys("t") + [.right] + keys("2030") + [.enter], on: &state)
        #expect(set.contains(.save))
        #expect(state.assessment?[area: "economic-development"].target == Target(stageID: "expanding", year: 2030))
        #expect(state.assessmentToSave?[area: "economic-development"].target == Target(stageID: "expanding", year: 2030))
        // Esc leaves it as it was; x removes it.
        press(keys("t") + [.left] + keys("x"), on: &state)
        #expect(state.assessment?[area: "economic-development"].target == nil)
        #expect(state.message?.text == "Economy: target removed.")
        press(keys("t") + [.right] + keys("2031") + [.escape], on: &state)
        #expect(state.assessment?[area: "economic-development"].target == nil)
    }

    @Test func aCompleteAssessmentRefusesATarget() {
        var state = startedWithEstablished()
        press(keys("s") + keys("cy"), on: &state)
        #expect(state.assessment?.status == .complete)
        press([.left] + keys("t"), on: &state)
        #expect(state.overlay == nil)
        #expect(state.message?.text.contains("complete and read-only") == true)
    }

    @Test func aRerunShowsLastYearsTargetWithItsStatus() throws {
        var state = knownStart()
        press([.tab, .tab, .tab, .enter] + keys("y"), on: &state)
        state.show(.result(area: 0))
        let text = Renderer.render(state).grid.text
        // Still at emerging a year after last year's assessment: no pace, so behind (without the history, on track).
        #expect(text.contains("Target: Established by 2028, behind."))
        #expect(text.contains("Typical for a system of 4 years: established; placed at emerging"))
        // The form opens at the carried target.
        press(keys("t"), on: &state)
        guard case let .target(form)? = state.overlay else {
            Issue.record("t opens the target form")
            return
        }
        #expect(form.stageIndex == 1 && form.year.text == "2028")
    }

    @Test func theHelpAndHintsListTheTargetKeys() {
        var state = startedWithEstablished()
        press(toResult, on: &state)
        #expect(KeyHelp.hintLine(state, width: 200).contains("t target"))
        press(keys("t"), on: &state)
        #expect(KeyHelp.hintLine(state, width: 200).contains("x Delete no target"))
        press(keys("?"), on: &state)
        let text = Renderer.render(state).grid.text
        #expect(text.contains("remove the area's target"))
        press(keys("a"), on: &state)
        #expect(targetForm(state) != nil, "help closes back to the form")
    }

    // MARK: Summary board

    @Test(arguments: GoldenScreenTests.sizes)
    func theSummaryShowsTheAgeAndEachTargetsStatus(_ name: String, _ width: Int, _ height: Int) throws {
        var state = startedWithEstablished(width: width, height: height)
        // Economy: established by 2028 (on track); employment: emerging by 2026 (behind); climate: none.
        press(toResult + keys("t") + keys("2028") + [.enter], on: &state)
        press(keys("]") + [Key](repeating: .right, count: seedFramework.areas[1].criteria.count + 2) + keys("t") + keys("2026") + [.enter], on: &state)
        #expect(state.assessment?[area: "quality-employment"].target == Target(stageID: "emerging", year: 2026))
        press(keys("s"), on: &state)
        if width >= 80 {
            let text = Renderer.render(state).grid.text
            #expect(text.contains("Target: Established by 2028, on track."))
            #expect(text.contains("Target: Emerging by 2026, behind."))
            #expect(text.contains("Established 2022-07-01: a system of 4 years; typical stage: established"))
        }
        try expectGolden(state, "summary-targets-\(name)")
    }

    @Test func theTargetFormRendersAtEverySize() {
        var state = startedWithEstablished()
        press(toResult + keys("t") + keys("1") + [.enter], on: &state)
        var frames = 0
        for width in [1, 20, 43, 44, 60, 80, 200] {
            for height in [1, 5, 11, 12, 14, 24, 50] {
                send(.resize(width: width, height: height), to: &state)
                let frame = Renderer.render(state)
                #expect(frame.grid.width == width && frame.grid.height == height)
                #expect(frame.grid.lines.allSatisfy { TextWidth.of($0) <= width })
                frames += 1
            }
        }
        CampaignReport.record("Terminal: the target form, with a refused year, at sizes from 1x1 to 200x50", cases: frames,
                              how: "rendered to a cell grid over the result: right size, no line wider than the terminal")
    }
}
