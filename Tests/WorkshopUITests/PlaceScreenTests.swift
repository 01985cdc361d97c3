import CellGrid
import Foundation
import MaturityFramework
import MaturityRules
import MaturityModel
import Testing
import TestSupport
@testable import WorkshopUI

/// Issue 15: the start screen's Place row, and a place's assessments as a series of their own.
@Suite("Places on the start screen")
struct PlaceScreenTests {
    /// West Yorkshire ICS: a complete system-level assessment (Economy answered yes), a complete one of
    /// Leeds (Climate answered yes) and a draft of Bradford.
    func archive() -> [WorkshopState.Draft] {
        var system = Assessment(starting: seedFramework, system: "West Yorkshire ICS", date: CalendarDate("2025-11-20")!)
        system[area: "economic-development"].answers = ["econ-emerging-plan-reviewed": .yes]
        system.status = .complete
        system.systemID = "west-yorkshire-ics"
        var leeds = Assessment(starting: seedFramework, system: "West Yorkshire ICS", date: CalendarDate("2025-06-01")!)
        leeds[area: "climate-change"].answers = ["climate-emerging-green-plan": .yes]
        leeds.status = .complete
        leeds.systemID = "west-yorkshire-ics"
        leeds.place = "Leeds"
        return [.init(file: URL(filePath: "/store/2025-11-20-west-yorkshire-ics.json"), assessment: system, framework: seedFramework),
                .init(file: URL(filePath: "/store/2025-06-01-west-yorkshire-ics--leeds.json"), assessment: leeds, framework: seedFramework)]
    }

    func start(system: String? = "West Yorkshire ICS", width: Int = 80, height: Int = 24) -> WorkshopState {
        var state = startState(system: system, width: width, height: height)
        state.storeIndex = StoreIndex(archive: archive())
        return state
    }

    /// From Participants (where the form opens with a system given) back to Place: ↑ ↑ ↑.
    let toPlace: [Key] = [.up, .up, .up]
    /// From Place to Start: date, established, participants, anonymous, framework, Start.
    let placeToStart: [Key] = [.tab, .tab, .tab, .tab, .tab, .tab]

    @Test func thePlaceRowFollowsTheSystem() throws {
        var state = start()
        press(toPlace + keys("leeds"), on: &state)
        #expect(state.start?.focus == .place)
        try expectGolden(state, "start-place-80x24")
    }

    /// The place's own last complete assessment is offered, not the system level's, and the place keeps
    /// the spelling first written.
    @Test func aPlaceCarriesForwardItsOwnAssessment() throws {
        var state = start()
        press(toPlace + keys("LEEDS") + placeToStart + [.enter], on: &state)
        #expect(Renderer.render(state).grid.text.contains("has a complete assessment of 2025-06-01"))
        press(keys("y"), on: &state)
        let assessment = try #require(state.assessment)
        #expect(assessment.place == "Leeds")
        #expect(assessment.lastTime?.date == CalendarDate("2025-06-01"))
        #expect(assessment.answers["climate-emerging-green-plan"] == .yes)
        #expect(assessment.answers["econ-emerging-plan-reviewed"] == nil, "the system level's answers stay with it")
        #expect(Renderer.header(state, width: 80).hasPrefix("West Yorkshire ICS · Leeds · 2026-11-22"))
        // The history is the place's: last year's Leeds and this one.
        press(keys("s") + keys("h"), on: &state)
        let history = Renderer.render(state).grid.text
        #expect(history.contains("West Yorkshire ICS · Leeds: every assessment, oldest first"))
        #expect(history.contains("2025-06-01") && !history.contains("2025-11-20"))
    }

    /// The system level carries forward its own assessment, never a place's; a new place starts empty.
    @Test func theSystemLevelAndANewPlaceKeepToTheirOwnSeries() throws {
        var state = start()
        press([.tab, .tab, .tab, .enter], on: &state)
        #expect(Renderer.render(state).grid.text.contains("has a complete assessment of 2025-11-20"))
        press(keys("y"), on: &state)
        #expect(state.assessment?.place == nil && state.assessment?.lastTime?.date == CalendarDate("2025-11-20"))
        var fresh = start()
        press(toPlace + keys("Wakefield") + placeToStart + [.enter], on: &fresh)
        let assessment = try #require(fresh.assessment, "nothing to carry forward: it starts at once")
        #expect(assessment.place == "Wakefield" && assessment.lastTime == nil)
        #expect(assessment.systemID == "west-yorkshire-ics")
    }

    /// A place is checked as a name: control characters typed are dropped by the field, and one too long
    /// is cut with a note; blank (spaces only) is the whole system.
    @Test func aPlaceIsCheckedAsANameIs() throws {
        var state = start()
        let hostile: [Key] = ["\u{1B}", "\u{9B}", "\u{202E}", "\r\n"].map { .character($0) }
        press(toPlace + keys("Le") + hostile + keys("eds") + placeToStart + [.enter] + keys("n"), on: &state)
        #expect(state.assessment?.place == "Leeds")
        var blank = start()
        press(toPlace + keys("   ") + placeToStart + [.enter] + keys("n"), on: &blank)
        #expect(blank.assessment != nil && blank.assessment?.place == nil)
        var long = start()
        press(toPlace + keys(String(repeating: "p", count: TypedName.maximumLength + 5)), on: &long)
        #expect(long.start?.place.text.count == TypedName.maximumLength)
        #expect(long.start?.problem?.hasPrefix("That field is full (at most 200") == true)
        CampaignReport.record("Places: the start screen's Place row", cases: 6,
                              how: "carry-forward per place, the system level kept apart, a new place, escapes and bidi typed, blank, too long")
    }

    /// The drafts offered are those of the system and place asked for (nil: the system level).
    @Test func theDraftsOfferedAreThePlaces() {
        var bradford = Assessment(starting: seedFramework, system: "West Yorkshire ICS", date: CalendarDate("2026-01-01")!)
        bradford.place = "Bradford"
        let level = Assessment(starting: seedFramework, system: "West Yorkshire ICS", date: CalendarDate("2026-01-02")!)
        let entries = [StoreIndex.Entry(path: "/s/b.json", assessment: bradford, framework: seedFramework),
                       StoreIndex.Entry(path: "/s/w.json", assessment: level, framework: seedFramework)]
        func offered(_ place: String?) -> [String] {
            StoreIndex(entries: entries, frameworks: [seedFramework], offeringDraftsOf: "west yorkshire ics", place: place).drafts.map(\.path)
        }
        #expect(offered(nil) == ["/s/w.json"])
        #expect(offered("BRADFORD") == ["/s/b.json"])
        #expect(offered("Leeds") == [])
        #expect(StoreIndex(entries: entries, frameworks: [seedFramework], offeringDraftsOf: nil).drafts.count == 2)
    }
}
