import CellGrid
import Foundation
import MaturityFramework
import MaturityRules
import MaturityModel
import Testing
import TestSupport
@testable import WorkshopUI

/// Screens compared cell for cell (as text) with files in Golden/, at 80x24, a small and a large size.
@Suite("Golden screens")
struct GoldenScreenTests {
    static let sizes: [(String, Int, Int)] = [("80x24", 80, 24), ("small", 50, 14), ("large", 120, 40)]

    /// A workshop with answers, a note and an action, as a board might have it after an hour.
    func busyState(width: Int, height: Int) -> WorkshopState {
        var state = startedState(width: width, height: height)
        // One key per answer: y y p answer questions 1 to 3, and ← comes back to the third for its note.
        press([.enter, .right] + keys("yyp") + [.left] + keys("e")
              + keys("Referred to in the 2023 strategy, page 12 – ✓ agreed by Ynys Môn partners; 日本 delegation noted.")
              + [.escape], on: &state)
        press(Array(repeating: .right, count: 8) + keys("a") + keys("Refresh the strategy's economy chapter") + [.tab]
              + keys("Director of Strategy") + [.tab] + keys("2027-03-31") + [.escape], on: &state)
        return state
    }

    @Test(arguments: sizes)
    func startScreen(_ name: String, _ width: Int, _ height: Int) throws {
        var draft = Assessment(starting: seedFramework, system: "Humber and North Yorkshire", date: CalendarDate("2026-10-01")!)
        draft[area: "economic-development"].answers["econ-emerging-plan-known"] = .yes
        var state = startState(system: "West Yorkshire ICS", width: width, height: height,
                               drafts: [.init(file: URL(filePath: "/store/2026-10-01-humber-and-north-yorkshire.json"), assessment: draft,
                                              framework: seedFramework)])
        press(keys("Cathy Elliott"), on: &state)
        try expectGolden(state, "start-\(name)")
    }

    @Test(arguments: sizes)
    func overview(_ name: String, _ width: Int, _ height: Int) throws {
        try expectGolden(startedState(width: width, height: height), "overview-\(name)")
    }

    @Test(arguments: sizes)
    func question(_ name: String, _ width: Int, _ height: Int) throws {
        var state = busyState(width: width, height: height)
        press(keys("s") + [.down, .down, .down, .enter, .down], on: &state)
        try expectGolden(state, "question-\(name)")
    }

    @Test(arguments: sizes)
    func result(_ name: String, _ width: Int, _ height: Int) throws {
        try expectGolden(busyState(width: width, height: height), "result-\(name)")
    }

    @Test(arguments: sizes)
    func summary(_ name: String, _ width: Int, _ height: Int) throws {
        var state = busyState(width: width, height: height)
        press(keys("s"), on: &state)
        try expectGolden(state, "summary-\(name)")
    }

    @Test func noteEditorAndActionFormAndHelp() throws {
        var state = busyState(width: 80, height: 24)
        press(keys("e"), on: &state)
        try expectGolden(state, "action-form-80x24")
        press([.escape, .left, .left, .left, .left, .left, .left, .left, .left] + keys("e"), on: &state)
        try expectGolden(state, "note-editor-80x24")
        press([.escape] + keys("?"), on: &state)
        try expectGolden(state, "help-80x24")
    }

    @Test func aStoreThatFailsShowsAsAWarning() throws {
        var state = busyState(width: 80, height: 24)
        press([.left, .left] + keys("n"), on: &state, storeFails: true, rescueCopy: "/tmp/maturity-rescue-1000/2026-11-22-west-yorkshire-ics.json")
        try expectGolden(state, "store-failed-80x24")
        #expect(styles(of: Renderer.render(state)).contains("WWWW"))
    }

    @Test func tooSmallAsksForMoreRoom() throws {
        var state = busyState(width: 80, height: 24)
        send(.resize(width: 30, height: 8), to: &state)
        try expectGolden(state, "too-small")
        send(.resize(width: 80, height: 24), to: &state)
        try expectGolden(state, "result-80x24")
    }

    /// Issue 11: keys typed while the terminal is too small used to act on the hidden screen (an action
    /// form opened, text went into a note). Now only quitting and help work, and the screen says so.
    @Test func keysWaitWhileTheTerminalIsTooSmall() throws {
        var state = busyState(width: 80, height: 24)
        let before = state.assessment
        send(.resize(width: 40, height: 10), to: &state)
        #expect(press(keys("ae") + [.enter, .down, .backspace, .escape, .left] + keys("s]xcd Minuted"), on: &state).isEmpty)
        #expect(state.assessment == before)
        #expect(state.overlay == nil && state.step == .result(area: 0) && state.selection == 0)
        press(keys("?"), on: &state)
        try expectGolden(state, "too-small-help")
        press(keys("?"), on: &state)
        #expect(state.overlay == nil)
        // In the note editor, the same: nothing is typed into the hidden note.
        send(.resize(width: 80, height: 24), to: &state)
        press([.left] + keys("e"), on: &state)
        send(.resize(width: 40, height: 10), to: &state)
        press(keys("more text") + [.enter, .escape], on: &state)
        send(.resize(width: 80, height: 24), to: &state)
        guard case let .note(_, field)? = state.editor else {
            Issue.record("the note editor stays open behind the request for room")
            return
        }
        #expect(field.text.isEmpty)
        // q still quits.
        send(.resize(width: 40, height: 10), to: &state)
        #expect(press(keys("q"), on: &state) == [.quit])
    }

    /// Issue 11: the status of last time's action is chosen from a menu of the four statuses.
    @Test func theReviewMenuListsTheFourStatuses() throws {
        var earlier = Assessment(starting: seedFramework, system: "West Yorkshire ICS", date: CalendarDate("2025-11-20")!)
        earlier[area: "economic-development"].actions = [Action(id: "action-1", what: "Brief partners on the plan", owner: "Chair",
                                                                status: .inProgress)]
        earlier.status = .complete
        var state = startState(system: "West Yorkshire ICS")
        state.storeIndex = StoreIndex(archive: [.init(file: URL(filePath: "/store/2025-11-20-west-yorkshire-ics.json"),
                                                      assessment: earlier, framework: seedFramework)])
        press([.tab, .tab, .tab, .enter] + keys("y"), on: &state)
        press(Array(repeating: .right, count: 12) + keys("r") + [.down], on: &state)
        try expectGolden(state, "status-menu-80x24")
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
        CampaignReport.record("Terminal: the review menu of last time's action at sizes from 1x1 to 200x50", cases: frames,
                              how: "rendered to a cell grid over the result: right size, no line wider than the terminal")
    }

    /// Issue 11: the key hints say what the keys do: Enter on the last area's result goes to the summary,
    /// e and d are offered only with an action to edit or delete, and c reopens once the assessment is complete.
    @Test func theKeyHintsSayWhatTheKeysDo() throws {
        var state = startedState()
        press(keys("s") + [.left], on: &state)
        #expect(state.step == .result(area: 2))
        try expectGolden(state, "result-last-80x24")
        #expect(KeyHelp.hintLine(state, width: 200).contains("Enter summary"))
        #expect(!KeyHelp.hintLine(state, width: 200).contains("next area"))
        #expect(!KeyHelp.hintLine(state, width: 200).contains("edit/delete"))
        press(keys("a") + keys("Publish the green plan") + [.escape], on: &state)
        #expect(KeyHelp.hintLine(state, width: 200).contains("e d edit/delete"))
        press(keys("s"), on: &state)
        #expect(KeyHelp.hintLine(state, width: 200).contains("c complete"))
        press(keys("c"), on: &state)
        #expect(state.assessment?.status == .complete)
        #expect(KeyHelp.hintLine(state, width: 200).contains("c reopen"))
        #expect(!KeyHelp.hintLine(state, width: 200).contains("complete"))
        press([.left], on: &state)
        #expect(KeyHelp.hintLine(state, width: 200).contains("Enter summary"))
        #expect(!KeyHelp.hintLine(state, width: 200).contains("edit/delete"), "nothing can be edited in a complete assessment")
    }

    @Test func everyScreenRendersAtEverySizeWithoutOverflow() {
        var state = busyState(width: 80, height: 24)
        var frames = 0
        for width in [1, 2, 10, 43, 44, 45, 60, 80, 133, 200] {
            for height in [1, 3, 11, 12, 13, 24, 50] {
                send(.resize(width: width, height: height), to: &state)
                for step in Step.all(in: seedFramework) {
                    state.show(step)
                    let frame = Renderer.render(state)
                    #expect(frame.grid.width == width && frame.grid.height == height)
                    #expect(frame.grid.lines.allSatisfy { TextWidth.of($0) <= width })
                    frames += 1
                }
            }
        }
        CampaignReport.record("Terminal: every workshop screen at sizes from 1x1 to 200x50", cases: frames,
                              how: "rendered to a cell grid: right size, no line wider than the terminal")
    }

    @Test func theHeaderAlwaysSaysWhereTheBoardIs() {
        var state = busyState(width: 80, height: 24)
        press(keys("s") + [.down, .down, .enter], on: &state)
        #expect(Renderer.render(state).grid.lines[0].hasPrefix(" West Yorkshire ICS · 2026-11-22 · Economy (1 of 3) · Question 2 of 10"))
        #expect(Renderer.render(state).grid.lines[0].hasSuffix("saved"))
    }
}
