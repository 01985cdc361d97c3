import CellGrid
import Foundation
import MaturityFramework
import MaturityRules
import MaturityModel
import Testing
@testable import WorkshopUI

@Suite("Known systems on the start screen")
struct SystemIdentityScreenTests {
    /// Last year's complete assessment of Ynys Môn & Gwynedd ICS, and a draft of West Yorkshire ICS.
    func archive() -> [WorkshopState.Draft] {
        var ynys = Assessment(starting: seedFramework, system: "Ynys Môn & Gwynedd ICS", date: CalendarDate("2025-11-20")!)
        ynys[area: "economic-development"].answers = ["econ-emerging-plan-reviewed": .yes]
        ynys.status = .complete
        let west = Assessment(starting: seedFramework, system: "West Yorkshire ICS", date: CalendarDate("2025-06-01")!)
        return [.init(file: URL(filePath: "/store/2025-11-20-ynys-mon-gwynedd-ics.json"), assessment: ynys, framework: seedFramework),
                .init(file: URL(filePath: "/store/2025-06-01-west-yorkshire-ics.json"), assessment: west, framework: seedFramework)]
    }

    func startWithArchive(width: Int = 80, height: Int = 24) -> WorkshopState {
        var state = startState(width: width, height: height)
        state.storeIndex = StoreIndex(archive: archive())
        return state
    }

    /// From the system field to Start: known list, place, date, established, participants, anonymous, framework, Start.
    let toStart: [Key] = [.tab, .tab, .tab, .tab, .tab, .tab, .tab, .tab]

    @Test func theKnownSystemsAreListedAndEnterPicksOne() throws {
        var state = startWithArchive()
        let screen = Renderer.render(state).grid.text
        #expect(screen.contains("Known        Ynys Môn & Gwynedd ICS · 2025-11-20"))
        #expect(screen.contains("West Yorkshire ICS · 2025-06-01"))
        press([.tab, .down, .enter], on: &state)
        #expect(state.start?.system.text == "West Yorkshire ICS")
        #expect(state.start?.focus == .place)
        try expectGolden({ var picked = startWithArchive(); press([.tab], on: &picked); return picked }(), "start-known-80x24")
    }

    @Test func aVariantOfAKnownNameKeepsTheKnownNameAndTheScreenSaysSo() throws {
        var state = startWithArchive()
        press(keys("ynys mon and gwynedd ics"), on: &state)
        #expect(Renderer.render(state).grid.text.contains(
            "“ynys mon and gwynedd ics” is the known system Ynys Môn & Gwynedd ICS, last"))
        press(toStart + [.enter], on: &state)
        let offer = Renderer.render(state).grid.text
        #expect(offer.contains("“ynys mon and gwynedd ics” is the known system Ynys Môn & Gwynedd ICS, whose"))
        #expect(offer.contains("name is kept. It has a complete assessment of 2025-11-20. Start from it?"))
        press(keys("y"), on: &state)
        let assessment = try #require(state.assessment)
        #expect(assessment.system == "Ynys Môn & Gwynedd ICS")
        #expect(assessment.systemID == "ynys-mon-and-gwynedd-ics")
        #expect(assessment.systemRename == nil)
        #expect(assessment.answers["econ-emerging-plan-reviewed"] == .yes, "carried forward")
        #expect(Renderer.header(state, width: 80).hasPrefix("Ynys Môn & Gwynedd ICS · 2026-11-22"))
    }

    @Test func aNewSystemStartsEmptyUnderItsOwnName() {
        var state = startWithArchive()
        press(keys("Highl") + toStart + [.enter], on: &state)
        #expect(state.assessment?.system == "Highl")
        #expect(state.assessment?.systemID == "highl")
        #expect(state.assessment?.lastTime == nil)
    }

    @Test func rOnAKnownSystemRenamesItDeliberatelyAndTheRenameIsRecorded() throws {
        var state = startWithArchive()
        press([.tab] + keys("r"), on: &state)
        #expect(state.start?.focus == .system)
        #expect(state.start?.renaming == "ynys-mon-and-gwynedd-ics")
        press([.control("u")] + keys("North Wales ICS"), on: &state)
        #expect(Renderer.render(state).grid.text.contains("Renaming Ynys Môn & Gwynedd ICS: the name above becomes its new name"))
        press(toStart + [.enter], on: &state)
        let offer = Renderer.render(state).grid.text
        #expect(offer.contains("Ynys Môn & Gwynedd ICS is renamed North Wales ICS, and the rename is\n"))
        #expect(offer.contains("recorded. It has a complete assessment of 2025-11-20. Start from it?"))
        press(keys("y"), on: &state)
        let assessment = try #require(state.assessment)
        #expect(assessment.system == "North Wales ICS")
        #expect(assessment.systemID == "ynys-mon-and-gwynedd-ics")
        #expect(assessment.systemRename == SystemRename(from: "Ynys Môn & Gwynedd ICS", to: "North Wales ICS", date: workshopDate))
        // The history keeps last year's assessment under the new name, and says when the name changed.
        press(keys("s") + keys("h"), on: &state)
        let history = Renderer.render(state).grid.text
        #expect(history.contains("North Wales ICS: every assessment, oldest first"))
        #expect(history.contains("Renamed from Ynys Môn & Gwynedd ICS to North Wales ICS on 2026-11-22."))
        #expect(history.contains("2025-11-20"))
    }

    @Test func theCommandLineOpensTheStartScreenRenaming() {
        var state = startWithArchive()
        state.startRenaming("ynys-mon-and-gwynedd-ics", to: "North Wales ICS")
        #expect(Renderer.render(state).grid.text.contains("Renaming Ynys Môn & Gwynedd ICS: the name above becomes its new name"))
        press([.tab, .tab, .tab, .enter] + keys("n"), on: &state)
        #expect(state.assessment?.system == "North Wales ICS")
        #expect(state.assessment?.systemRename?.from == "Ynys Môn & Gwynedd ICS")
        #expect(state.assessment?.lastTime == nil, "n starts empty")
    }

    @Test func aRenameToAnotherKnownSystemsNameIsRefusedAndEscCancelsIt() {
        var state = startWithArchive()
        press([.tab] + keys("r") + [.control("u")] + keys("west yorkshire ics") + toStart + [.enter], on: &state)
        #expect(state.assessment == nil)
        #expect(state.start?.problem?.hasPrefix("West Yorkshire ICS is another known system") == true)
        #expect(press([.escape], on: &state).isEmpty, "the first Esc cancels the rename, not the workshop")
        #expect(state.start?.renaming == nil)
    }

    @Test func theListScrollsOnASmallScreen() {
        var state = startState(width: 50, height: 14)
        state.storeIndex = StoreIndex(archive: (1...6).map { number in
            .init(file: URL(filePath: "/store/2025-0\(number)-01-system-\(number).json"),
                  assessment: Assessment(starting: seedFramework, system: "System \(number)", date: CalendarDate("2025-0\(number)-01")!),
                  framework: seedFramework)
        })
        press([.tab, .down, .down, .down], on: &state)
        let screen = Renderer.render(state).grid.text
        #expect(screen.contains("System 3 · 2025-03-01"))
        #expect(state.start?.knownIndex == 3)
        #expect(Renderer.render(state).grid.lines.allSatisfy { TextWidth.of($0) <= 50 })
    }
}

@Suite("Credit on the overview")
struct OverviewCreditTests {
    /// The overview credits the descriptors to the source and the questions and rule to this tool, and
    /// gives the stage ages as a typical system's age.
    @Test func theOverviewSaysWhatComesFromTheSource() {
        var state = startedState(width: 100, height: 60)
        let screen = Renderer.render(state).grid.text
        #expect(screen.contains("Emerging · typical for a system under two years old"))
        let flat = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(flat.contains("Source: NHS Confederation, December 2022. The stage descriptors come from the source"))
        #expect(flat.contains("The questions and the placement rule are this tool's own breakdown of the descriptors, not the NHS"))
        press(Array(repeating: .right, count: 13), on: &state)
        #expect(state.step == .overview(area: 1), "past area 1's metrics step and its 10 questions")
        #expect(Renderer.render(state).grid.text.contains("this tool's own breakdown"), "on every area's overview")
    }
}
