import Foundation
import CellGrid
import MaturityFramework
import MaturityRules
import MaturityModel
import Testing
import TestSupport
@testable import WorkshopUI

/// Screens at 80x24 as a board met them in a second year: what must stay in view stays in view, and
/// whatever is cut or folded says so (golden files, text and styles).
@Suite("Folding at 80x24")
struct FoldingScreenTests {
    static let lastYearsNote = """
        Only the chair had read the plan before the meeting. The council's economic strategy team walked the \
        board through it in March; the ICB's director of strategy agreed to map each of its six priorities \
        against the system strategy, and the partnership board asked for the mapping by the summer. \
        Evidence: minutes of the partnership board, 14 March 2025, item 6; the director's mapping, draft 2, \
        shared with the council on 2 July 2025. Dissent: the two local authority members felt the plan's \
        skills chapter had been read too narrowly, as a workforce matter for the NHS alone.
        """

    /// Last year's complete assessment: the emerging questions of the economy answered, a long note on
    /// the second, and three actions.
    static func lastYear() -> WorkshopState.Draft {
        var earlier = Assessment(starting: seedFramework, system: "West Yorkshire ICS", date: CalendarDate("2025-11-20")!)
        earlier[area: "economic-development"].answers = ["econ-emerging-plan-reviewed": .yes, "econ-emerging-plan-known": .partly,
                                                         "econ-emerging-strategy-refers": .partly]
        earlier[area: "economic-development"].notes = ["econ-emerging-plan-known": lastYearsNote]
        earlier[area: "economic-development"].actions = [
            Action(id: "action-1", what: "Brief the whole board on the area's economic plan", owner: "Chair"),
            Action(id: "action-2", what: "Map the plan's six priorities against the system strategy", owner: "Director of Strategy",
                   due: CalendarDate("2026-07-31")),
            Action(id: "action-3", what: "Agree with the council how the skills chapter is read", owner: "Chief Executive"),
            Action(id: "action-4", what: "Report progress to the partnership board", owner: "Director of Strategy",
                   due: CalendarDate("2026-03-31")),
        ]
        earlier.status = .complete
        return .init(file: URL(fileURLWithPath: "/store/2025-11-20-west-yorkshire-ics.json"), assessment: earlier, framework: seedFramework)
    }

    /// This year's workshop, started from last year's, on the economy's overview.
    static func secondYear(width: Int = 80, height: Int = 24) -> WorkshopState {
        var state = startState(system: "West Yorkshire ICS", width: width, height: height)
        state.storeIndex = StoreIndex(archive: [lastYear()])
        press(keys("Cathy Elliott, Rob Webster") + [.tab, .tab, .tab, .enter] + keys("y"), on: &state)
        return state
    }

    /// On the question with last year's long note, this year's note typed.
    static func questionWithBothNotes() -> WorkshopState {
        var state = secondYear()
        press(keys("s") + [.down, .down, .enter], on: &state)
        press(keys("e") + keys("Chair and two non-executives have now read the plan; the chief executive briefs the rest in January.")
              + [.escape], on: &state)
        return state
    }

    @Test func thisYearsNoteStaysInViewAndLastYearsFoldsWithAMarker() throws {
        var state = Self.questionWithBothNotes()
        try #require(state.step == .question(area: 0, criterion: 1))
        let screen = Renderer.render(state).grid.text
        #expect(screen.contains("Chair and two non-executives have now read the plan"))
        #expect(screen.contains("more lines of last time: PgDn"))
        try expectGolden(state, "rerun-question-80x24")
        press([.pageDown], on: &state)
        try expectGolden(state, "rerun-question-pgdn-80x24")
        let scrolled = Renderer.render(state).grid.text
        #expect(scrolled.contains("Chair and two non-executives have now read the plan"))
        #expect(scrolled.contains("for the NHS alone."))
        press([.pageUp], on: &state)
        // Back at the start (the status line aside).
        #expect(Array(Renderer.render(state).grid.lines.prefix(21))
                == screen.split(separator: "\n", omittingEmptySubsequences: false).prefix(21).map(String.init))
    }

    @Test func theResultKeepsTheAgreedActionsHeadingInView() throws {
        var state = Self.secondYear()
        press(keys("s") + [.enter] + Array(repeating: .right, count: 12), on: &state)
        try #require(state.step == .result(area: 0))
        #expect(Renderer.render(state).grid.text.contains("Agreed actions"))
        try expectGolden(state, "rerun-result-80x24")
        // Choosing last time's last action scrolls it into view; the agreed actions stay.
        press([.down, .down, .down], on: &state)
        try expectGolden(state, "rerun-result-last-action-80x24")
        let lines = Renderer.render(state).grid.lines
        #expect(lines.contains { $0.contains("▸ Report progress to the partnership board") })
        #expect(lines.contains { $0.contains("Agreed actions") })
    }

    @Test func theOverviewKeepsItsPromptsInViewAndItsMarkerOnARowOfItsOwn() throws {
        var state = startedState()
        try expectGolden(state, "overview-80x24")
        let first = Renderer.render(state).grid.lines
        press([.pageDown], on: &state)
        try expectGolden(state, "overview-scrolled-80x24")
        let scrolled = Renderer.render(state).grid.lines
        #expect(first.contains { $0.hasSuffix("and the integrated care board (ICB)") })
        for screen in [first, scrolled] {
            #expect(screen.contains("  To discuss"))
            #expect(screen.contains { $0.contains("How could the system help attract investment to the area?") })
            // The marker has its row to itself.
            let markers = screen.filter { $0.contains("more:") }
            #expect(markers.count == 1 && markers.allSatisfy { $0.trimmingCharacters(in: .whitespaces).hasPrefix("↑") || $0.trimmingCharacters(in: .whitespaces).hasPrefix("↓") })
        }
        #expect(scrolled.contains { $0.hasPrefix("  Source: NHS Confederation") })
    }

    @Test func theSummaryHelpWrapsInsteadOfStoppingMidWord() throws {
        var state = Self.secondYear()
        press(keys("s?"), on: &state)
        try expectGolden(state, "summary-help-80x24")
        let lines = Renderer.render(state).grid.lines
        let export = try #require(lines.firstIndex { $0.contains("export the summary as md, html, csv, json (never into the") })
        #expect(lines[export + 1].contains("store)"))
        #expect(!lines.contains { $0.contains("│") && $0.contains("…   │") })
    }

    @Test func theExportMessageKeepsItsFileEndingsAtTheSmallestSize() throws {
        var state = Self.secondYear(width: Layout.minimumWidth, height: Layout.minimumHeight)
        press(keys("s"), on: &state)
        let folder = "/home/cathy/Documents/Board papers/2026-11 development session"
        _ = send(.exported(paths: ["md", "html", "csv", "json"].map { "\(folder)/2026-11-22-west-yorkshire-ics-summary.\($0)" },
                           note: "the current folder is the store"), to: &state)
        try expectGolden(state, "export-message-small")
        #expect(Renderer.render(state).grid.text.contains(".csv, .json"))
    }

    @Test func fieldsShowTheStartOfTheirValueWhenNotBeingTyped() throws {
        var state = startState(system: "West Yorkshire Health and Care Partnership ICS")
        press(keys("Cathy Elliott, Rob Webster, Director of Strategy, Chief Executive, Chair of the Council") + [.tab], on: &state)
        try expectGolden(state, "start-long-fields-80x24")
        let lines = Renderer.render(state).grid.lines
        #expect(lines.contains { $0.contains("Participants Cathy Elliott, Rob Webster") && $0.contains("…") })
        #expect(lines.contains { $0.contains("System       West Yorkshire Health") })
    }
}

/// Paging through what is folded shows every line of it: nothing is skipped, nothing is out of reach.
@Suite("Paging through folded text")
struct FoldedPagingTests {
    @Test(arguments: [(80, 24), (50, 14), (60, 18), (44, 12)])
    func pagingDownTheOverviewShowsEveryLineOfTheLadder(_ width: Int, _ height: Int) {
        var cases = 0
        for area in seedFramework.areas.indices {
            var state = startedState(width: width, height: height)
            state.show(.overview(area: area))
            var seen = Set(Renderer.render(state).grid.lines.map { $0.trimmingCharacters(in: .whitespaces) })
            for _ in 0..<20 {
                press([.pageDown], on: &state)
                seen.formUnion(Renderer.render(state).grid.lines.map { $0.trimmingCharacters(in: .whitespaces) })
            }
            let textWidth = Layout.contentWidth(state) - 2
            for stage in seedFramework.stages {
                for line in TextFit.lines(seedFramework.areas[area].descriptor(atStage: stage.id) ?? "", width: textWidth) {
                    #expect(seen.contains(line), "\(width)x\(height), area \(area): \(line)")
                    cases += 1
                }
            }
            #expect(seen.contains { $0.hasPrefix("Source:") }, "\(width)x\(height), area \(area)")
        }
        CampaignReport.record("Workshop: paging through folded text (overview ladders, last year's note) at 44x12 to 80x30",
                              cases: cases, how: "every line is on screen at some page: nothing skipped or out of reach")
    }

    @Test(arguments: [(80, 24), (60, 18), (80, 30)])
    func pagingDownLastYearsNoteShowsEveryLineOfIt(_ width: Int, _ height: Int) {
        var state = FoldingScreenTests.secondYear(width: width, height: height)
        press(keys("s") + [.down, .down, .enter], on: &state)
        var seen = Set(Renderer.render(state).grid.lines.map { $0.trimmingCharacters(in: .whitespaces) })
        for _ in 0..<30 {
            press([.pageDown], on: &state)
            seen.formUnion(Renderer.render(state).grid.lines.map { $0.trimmingCharacters(in: .whitespaces) })
        }
        let expected = TextFit.lines("Last time (2025-11-20): Partly — note: " + FoldingScreenTests.lastYearsNote,
                                     width: Layout.contentWidth(state))
        for line in expected { #expect(seen.contains(line), "\(width)x\(height): \(line)") }
        CampaignReport.record("Workshop: paging through folded text (overview ladders, last year's note) at 44x12 to 80x30",
                              cases: expected.count, how: "every line is on screen at some page: nothing skipped or out of reach")
    }
}

extension FoldedPagingTests {
    @Test func everyScreenOfASecondYearRendersAtEverySize() {
        var state = FoldingScreenTests.questionWithBothNotes()
        var frames = 0
        for width in [1, 10, 44, 60, 80, 200] {
            for height in [1, 11, 12, 17, 24, 50] {
                _ = send(.resize(width: width, height: height), to: &state)
                for step in Step.all(in: seedFramework) {
                    for (scroll, selection) in [(0, 0), (100, 9)] {
                        state.screen = switch step {
                        case let .overview(area): .overview(area: area, scroll: scroll)
                        case let .metrics(area): .metrics(area: area, selection: selection)
                        case let .question(area, index): .question(area: area, criterion: index, highlight: nil, lastTimeScroll: scroll)
                        case let .result(area): .result(area: area, selection: selection)
                        case .summary: .summary(selection: selection)
                        }
                        let frame = Renderer.render(state)
                        #expect(frame.grid.width == width && frame.grid.height == height)
                        #expect(frame.grid.lines.allSatisfy { TextWidth.of($0) <= width })
                        frames += 1
                    }
                }
            }
        }
        CampaignReport.record("Terminal: every workshop screen of a second year (folded notes, last time's actions) from 1x1 to 200x50",
                              cases: frames, how: "rendered scrolled and selected at the start and beyond the end: right size, no line wider than the terminal")
    }
}
