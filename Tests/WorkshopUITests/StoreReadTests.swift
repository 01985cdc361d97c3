import CellGrid
import Foundation
import MaturityFramework
import MaturityRules
import MaturityModel
import Testing
import TestSupport
@testable import WorkshopUI

/// The start screen is painted before the store is read; the store's contents arrive as an event.
@Suite("The store read after the first frame")
struct StoreReadTests {
    /// Last year's complete assessment of West Yorkshire ICS (a note, an action), and a draft of Humber.
    func stored() -> (complete: WorkshopState.Draft, draft: WorkshopState.Draft) {
        var earlier = Assessment(starting: seedFramework, system: "West Yorkshire ICS", date: CalendarDate("2025-11-20")!)
        earlier[area: "economic-development"].answers = ["econ-emerging-plan-reviewed": .yes, "econ-emerging-plan-known": .partly]
        earlier[area: "economic-development"].notes = ["econ-emerging-plan-known": "Only the chair had read it"]
        earlier[area: "economic-development"].actions = [Action(id: "action-1", what: "Brief the board", owner: "Chair")]
        earlier.status = .complete
        var draft = Assessment(starting: seedFramework, system: "Humber and North Yorkshire", date: CalendarDate("2026-10-01")!)
        draft[area: "economic-development"].answers["econ-emerging-plan-known"] = .yes
        return (.init(file: URL(filePath: "/store/2025-11-20-west-yorkshire-ics.json"), assessment: earlier, framework: seedFramework),
                .init(file: URL(filePath: "/store/2026-10-01-humber-and-north-yorkshire.json"), assessment: draft, framework: seedFramework))
    }

    /// The store as the shell reads it: every assessment summarised, drafts offered from among them,
    /// and the latest complete one of each system kept in full.
    func index(offeringDraftsOf system: String? = nil) -> StoreIndex {
        let (complete, draft) = stored()
        let entries = [draft, complete].map { StoreIndex.Entry(path: $0.path, assessment: $0.assessment, framework: seedFramework) }
        var index = StoreIndex(entries: entries, frameworks: [seedFramework], offeringDraftsOf: system)
        #expect(index.carryCandidates.map(\.path) == [complete.path])
        index.carry(complete.assessment, from: complete.path)
        return index
    }

    /// The start screen as the shell first paints it: the store not yet read.
    func reading(system: String? = nil) -> WorkshopState {
        var state = startState(system: system)
        state.storeIndex = nil
        return state
    }

    @Test func theStartScreenIsPaintedBeforeTheStoreIsReadAndFilledInAfter() throws {
        var state = reading()
        press(keys("West Yorkshire ICS") + [.tab, .tab, .tab, .tab] + keys("Cathy Elliott"), on: &state)
        try expectGolden(state, "start-reading-80x24")
        let before = Renderer.render(state).grid.text
        #expect(before.contains("Reading the store for drafts to resume and known systems…"))
        #expect(!before.contains("Known"))
        #expect(send(.storeRead(index()), to: &state).isEmpty)
        try expectGolden(state, "start-read-80x24")
        let after = Renderer.render(state).grid.text
        #expect(!after.contains("Reading the store"))
        #expect(after.contains("Known        Humber and North Yorkshire · 2026-10-01"))
        #expect(after.contains("West Yorkshire ICS · 2025-11-20"))
        #expect(after.contains("Or resume a draft:\n    2026-10-01  Humber and North Yorkshire  (1 of 30 answered)"))
        #expect(state.start?.system.text == "West Yorkshire ICS" && state.start?.participants.text == "Cathy Elliott",
                "what was typed meanwhile stays")
        #expect(state.start?.focus == .participants)
    }

    @Test func startWaitsForTheStoreAndTheKeysTypedMeanwhileFollow() throws {
        var state = reading(system: "West Yorkshire ICS")
        // Participants, framework, Start: Enter waits, and y (start from last year) waits its turn.
        #expect(press([.tab, .tab, .tab, .enter] + keys("y"), on: &state).isEmpty)
        #expect(state.assessment == nil)
        #expect(state.start?.waitingForStore == [.character("y")])
        #expect(Renderer.render(state).grid.text.contains("Starting as soon as the store is read"))
        let effects = send(.storeRead(index(offeringDraftsOf: "West Yorkshire ICS")), to: &state)
        #expect(effects == [.createDraft])
        let assessment = try #require(state.assessment)
        #expect(assessment.lastTime?.date == CalendarDate("2025-11-20"), "carried forward from last year, not started empty")
        #expect(assessment.lastTime?.notes["econ-emerging-plan-known"] == "Only the chair had read it")
        #expect(assessment.answers == ["econ-emerging-plan-reviewed": .yes, "econ-emerging-plan-known": .partly])
        #expect(assessment[area: "economic-development"].reviewedActions.map(\.what) == ["Brief the board"])
        #expect(assessment.systemID == "west-yorkshire-ics")
    }

    @Test func aStartWithoutKeysAfterItShowsTheOfferOnceTheStoreIsRead() {
        var state = reading(system: "west yorkshire ics")
        press([.tab, .tab, .tab, .enter], on: &state)
        #expect(state.start?.waitingForStore == [])
        #expect(send(.storeRead(index()), to: &state).isEmpty)
        #expect(state.start?.carryOffer == 1)
        let screen = Renderer.render(state).grid.text
        #expect(screen.contains("“west yorkshire ics” is the known system West Yorkshire ICS, whose"))
        #expect(screen.contains("Start from it?"))
    }

    @Test func escapeStopsWaitingAndAFormWithoutANameDoesNotWait() {
        var state = reading()
        press([.tab, .tab, .tab, .tab, .tab, .tab, .tab, .enter], on: &state)
        #expect(state.start?.waitingForStore == nil, "the form says what is missing at once")
        #expect(state.start?.problem == "Type the name of the system first, e.g. West Yorkshire ICS.")
        press(keys("York") + [.tab, .tab, .tab, .tab, .tab, .tab, .tab, .enter] + keys("abc"), on: &state)
        #expect(state.start?.waitingForStore == keys("abc"))
        #expect(press([.escape], on: &state).isEmpty, "Esc stops waiting, and does not quit")
        #expect(state.start?.waitingForStore == nil)
        send(.storeRead(index()), to: &state)
        #expect(state.assessment == nil && state.start?.focus == .start)
        #expect(press([.escape], on: &state) == [.quit])
    }

    @Test func keysWaitingForTheStoreAreBounded() {
        var state = reading(system: "York")
        press([.tab, .tab, .tab, .enter] + Array(repeating: .character("x"), count: StartForm.waitingKeyLimit + 10), on: &state)
        #expect(state.start?.waitingForStore?.count == StartForm.waitingKeyLimit)
        #expect(press([.control("c")], on: &state) == [.quit], "Ctrl-C quits while waiting")
    }

    @Test func onlyTheDraftsOfTheSystemNamedAtLaunchAreOffered() {
        #expect(index().drafts.map(\.system) == ["Humber and North Yorkshire"])
        #expect(index(offeringDraftsOf: "West Yorkshire ICS").drafts.isEmpty)
        #expect(index(offeringDraftsOf: "Nowhere ICS").drafts.isEmpty)
    }

    @Test func theHistoryIsTheSameFromTheIndexAsFromWholeAssessments() throws {
        let (complete, draft) = stored()
        var whole = startState(system: "West Yorkshire ICS")
        whole.storeIndex = StoreIndex(archive: [complete, draft])
        var summarised = startState(system: "West Yorkshire ICS")
        summarised.storeIndex = index()
        for index in [0, 1] {
            var state = index == 0 ? whole : summarised
            press([.tab, .tab, .tab, .enter] + keys("y") + [.enter] + keys("yyyp") + keys("sh"), on: &state)
            #expect(state.showsHistory)
            let screen = Renderer.render(state).grid.text
            #expect(screen.contains("2025-11-20"), "\(screen)")
            #expect(screen.contains("Since 2025-11-20:"))
            if index == 0 { whole = state } else { summarised = state }
        }
        #expect(Renderer.render(whole).grid.text == Renderer.render(summarised).grid.text)
        let packed = try #require(summarised.storeIndex?.entries.last).historyAssessment(in: seedFramework)
        #expect(packed.answers == complete.assessment.answers)
        #expect(packed.areas.map(\.id) == complete.assessment.areas.map(\.id))
    }

    @Test func theHistoryOfAResumedDraftSaysTheStoreIsBeingRead() {
        let (complete, _) = stored()
        var resumed = complete.assessment
        resumed.status = .draft
        resumed.date = workshopDate
        var state = WorkshopState(resuming: resumed, file: draftFile, framework: seedFramework)
        state.storeIndex = nil
        press(keys("sh"), on: &state)
        #expect(Renderer.render(state).grid.text.contains("Reading the store for the system's earlier assessments…"))
        send(.storeRead(index()), to: &state)
        #expect(Renderer.render(state).grid.text.contains("Since 2025-11-20:"))
    }

    @Test func aDraftWhoseNoteChangedSinceTheListWasMadeSaysSo() throws {
        let (_, listed) = stored()
        var state = startState()
        state.storeIndex = StoreIndex(archive: [], drafts: [listed])
        #expect(press([.tab, .tab, .tab, .tab, .tab, .tab, .tab, .tab, .enter], on: &state) == [.lockDraft(listed.file)])
        var changed = listed.assessment
        changed[area: "economic-development"].notes["econ-emerging-plan-known"] = "Added in another workshop"
        send(.lockedDraftRead(changed, file: listed.file), to: &state)
        #expect(state.message?.text == "This draft was changed elsewhere since the list was made: it opens as it is now.")
        #expect(state.assessment == changed)
        var same = startState()
        same.storeIndex = StoreIndex(archive: [], drafts: [listed])
        press([.tab, .tab, .tab, .tab, .tab, .tab, .enter], on: &same)
        send(.lockedDraftRead(listed.assessment, file: listed.file), to: &same)
        #expect(same.message?.text == "Resumed 2026-10-01-humber-and-north-yorkshire.json.")
    }

    @Test func onlyTheLatestCompleteAssessmentOfASystemIsKeptWhole() {
        let (complete, draft) = stored()
        var older = complete.assessment
        older.date = CalendarDate("2024-11-20")!
        var renamed = complete.assessment
        renamed.system = "Someone else"
        let entries = [draft, complete].map { StoreIndex.Entry(path: $0.path, assessment: $0.assessment, framework: seedFramework) }
            + [StoreIndex.Entry(path: "/store/2024-11-20-west-yorkshire-ics.json", assessment: older, framework: seedFramework)]
        var index = StoreIndex(entries: entries, frameworks: [seedFramework], offeringDraftsOf: nil)
        #expect(index.carryCandidates.map(\.path) == [complete.path])
        // What is read in full must still be what was listed there.
        index.carry(renamed, from: complete.path)
        index.carry(draft.assessment, from: draft.path)
        #expect(index.carryable.isEmpty)
        #expect(index.latestComplete(ofSystem: "west-yorkshire-ics", place: nil, frameworkID: seedFramework.id) == nil,
                "nothing to carry forward until it is read")
        index.carry(complete.assessment, from: complete.path)
        #expect(index.carryable.keys.sorted() == [complete.path])
        #expect(index.latestComplete(ofSystem: "west-yorkshire-ics", place: nil, frameworkID: seedFramework.id) == 1)
        CampaignReport.record("The store read after the first frame: start screen, keys meanwhile, carried forward, history",
                              cases: 9, how: "update and render: golden screens before and after .storeRead; Start waits and "
                                  + "the keys typed meanwhile follow; history and carry-forward from the index as from whole files")
    }
}
