import CellGrid
import Foundation
import MaturityFramework
import MaturityRules
import MaturityModel
import Testing
@testable import WorkshopUI

@Suite("Yearly rerun")
struct RerunTests {
    /// Last year's complete assessment: economy's emerging questions answered, one note, one action.
    func lastYear() -> WorkshopState.Draft {
        var earlier = Assessment(starting: seedFramework, system: "West Yorkshire ICS", date: CalendarDate("2025-11-20")!)
        earlier[area: "economic-development"].answers = ["econ-emerging-plan-reviewed": .yes, "econ-emerging-plan-known": .partly]
        earlier[area: "economic-development"].notes = ["econ-emerging-plan-known": "Only the chair had read it"]
        earlier[area: "economic-development"].actions = [Action(id: "action-1", what: "Brief the board", owner: "Chair")]
        earlier.status = .complete
        return .init(file: URL(filePath: "/store/2025-11-20-west-yorkshire-ics.json"), assessment: earlier, framework: seedFramework)
    }

    func offered() -> WorkshopState {
        var state = startState(system: "West Yorkshire ICS")
        state.storeIndex = StoreIndex(archive: [lastYear()])
        press([.tab, .tab, .tab, .enter], on: &state)
        #expect(state.start?.carryOffer == 0)
        return state
    }

    @Test func startingOffersToCarryForwardAndYesDoes() throws {
        var state = offered()
        #expect(Renderer.render(state).grid.text.contains("West Yorkshire ICS has a complete assessment of 2025-11-20. Start from it?"))
        #expect(press(keys("y"), on: &state) == [.createDraft])
        let assessment = try #require(state.assessment)
        #expect(assessment.date == workshopDate)
        #expect(assessment.answers == ["econ-emerging-plan-reviewed": .yes, "econ-emerging-plan-known": .partly])
        #expect(assessment[area: "economic-development"].asLastTime == ["econ-emerging-plan-reviewed", "econ-emerging-plan-known"])
        #expect(assessment[area: "economic-development"].reviewedActions.map(\.what) == ["Brief the board"])
        #expect(assessment.lastTime?.notes["econ-emerging-plan-known"] == "Only the chair had read it")
    }

    @Test func noStartsEmptyAndEscapeGoesBack() {
        var state = offered()
        press([.escape], on: &state)
        #expect(state.start?.carryOffer == nil && state.assessment == nil)
        press([.enter] + keys("n"), on: &state)
        #expect(state.assessment?.answers.isEmpty == true)
        #expect(state.assessment?.lastTime == nil)
    }

    @Test func questionsShowLastTimeAndEnterOrALetterConfirms() throws {
        var state = offered()
        press(keys("y") + [.enter, .right], on: &state)
        let screen = Renderer.render(state).grid.text
        #expect(screen.contains("(●) y  Yes, in place   as last time: Enter confirms, a letter changes it"))
        #expect(KeyHelp.hintLine(state, width: 200).contains("Enter confirm "))
        #expect(screen.contains("Last time (2025-11-20): Yes, in place"))
        press([.enter], on: &state)
        #expect(state.assessment?[area: "economic-development"].asLastTime == ["econ-emerging-plan-known"])
        #expect(Renderer.render(state).grid.text.contains("Last time (2025-11-20): Partly — note: Only the chair had read it"))
        press(keys("y"), on: &state)
        #expect(state.assessment?[area: "economic-development"].asLastTime.isEmpty == true)
        #expect(state.assessment?.answers["econ-emerging-plan-known"] == .yes)
        #expect(state.step == .question(area: 0, criterion: 2), "the letter also went on")
        #expect(KeyHelp.hintLine(state, width: 200).contains("Enter next "))
    }

    @Test func lastTimesActionsAreReviewedOnTheResult() {
        var state = offered()
        press(keys("y") + Array(repeating: .right, count: 12), on: &state)
        #expect(state.step == .result(area: 0))
        #expect(Renderer.render(state).grid.text.contains("Last time's actions (r to review their status)"))
        #expect(Renderer.render(state).grid.text.contains("not reviewed (last time: not started)"))
        #expect(state.assessment?[area: "economic-development"].unreviewedActions.count == 1)
        #expect(KeyHelp.hintLine(state, width: 200).contains("r review"))
        // r opens a menu of the four statuses, at last time's; nothing is recorded until one is chosen.
        #expect(press(keys("r"), on: &state).isEmpty)
        #expect(state.overlay == .statusChoice(StatusChoice(area: 0, index: 0, highlight: .notStarted)))
        #expect(Renderer.render(state).grid.text.contains("▸ 1  not started"))
        press([.escape], on: &state)
        #expect(state.assessment?[area: "economic-development"].unreviewedActions.count == 1, "Esc leaves it not reviewed")
        #expect(Renderer.render(state).grid.text.contains("not reviewed (last time: not started)"))
        // Enter takes the status under the bar: last time's, confirmed.
        #expect(press(keys("r") + [.enter], on: &state) == [.save])
        #expect(state.assessment?[area: "economic-development"].reviewedActions.first?.status == .notStarted)
        #expect(state.assessment?[area: "economic-development"].unreviewedActions.isEmpty == true)
        #expect(!Renderer.render(state).grid.text.contains("not reviewed"))
        // The arrows move the bar; a number chooses at once.
        press(keys("r") + [.down, .down, .enter], on: &state)
        #expect(state.assessment?[area: "economic-development"].reviewedActions.first?.status == .done)
        press(keys("r4"), on: &state)
        #expect(state.assessment?[area: "economic-development"].reviewedActions.first?.status == .dropped)
        #expect(state.message?.text == "Reviewed: Brief the board — dropped.")
        #expect(state.overlay == nil)
        // e and d leave last time's actions alone.
        press(keys("dd"), on: &state)
        #expect(state.assessment?[area: "economic-development"].reviewedActions.count == 1)
    }

    @Test func theSummaryOpensTheHistoryAndAsksForAnExport() {
        var state = offered()
        press(keys("y") + keys("s"), on: &state)
        press(keys("h"), on: &state)
        #expect(state.showsHistory)
        let screen = Renderer.render(state).grid.text
        #expect(screen.contains("West Yorkshire ICS: every assessment, oldest first"))
        #expect(screen.contains("2025-11-20"))
        press([.escape], on: &state)
        #expect(!state.showsHistory)
        #expect(press(keys("x"), on: &state) == [.export])
        send(.exported(paths: ["/tmp/out/a-summary.md", "/tmp/out/a-summary.html"]), to: &state)
        #expect(state.message?.text == "Exported to /tmp/out: a-summary as .md, .html")
    }
}
