import CellGrid
import Foundation
import MaturityFramework
import MaturityReports
import MaturityRules
import MaturityModel
import Testing
@testable import WorkshopUI

/// Issue 10: a complete record is never changed silently, and a carried-forward one is never
/// completed without the board confirming it.
@Suite("Record integrity")
struct RecordIntegrityTests {
    /// A complete assessment with every economy question answered yes, opened on its first question.
    func completeOnFirstQuestion() -> WorkshopState {
        var assessment = Assessment(starting: seedFramework, system: "West Yorkshire ICS", date: workshopDate)
        for criterion in seedFramework.areas[0].criteria { assessment[area: "economic-development"].answers[criterion.id] = .yes }
        assessment.status = .complete
        assessment.position = WorkshopPosition(step: "question", area: "economic-development",
                                               criterion: seedFramework.areas[0].criteria[0].id)
        var state = WorkshopState(resuming: assessment, file: URL(filePath: "/store/2026-11-22-west-yorkshire-ics.json"), framework: seedFramework)
        state.clock = { "2026-11-22T15:00:00Z" }
        state.facilitator = "chair"
        return state
    }

    @Test func aCompleteAssessmentOpensReadOnly() {
        var state = completeOnFirstQuestion()
        let before = state.assessment
        #expect(state.step == .question(area: 0, criterion: 0))
        let effects = press(keys("nepu") + [.backspace, .down, .enter, .right, .left] + keys("s]"), on: &state)
        #expect(state.assessment == before, "no key changed the record")
        #expect(effects.isEmpty, "nothing was written, not even the position")
        #expect(state.editor == nil)
        state.show(.result(area: 0))
        press(keys("aerd"), on: &state)
        #expect(state.assessment == before)
        #expect(state.editor == nil)
        #expect(state.message?.text.hasPrefix("This assessment is complete and read-only.") == true)
        #expect(KeyHelp.hintLine(state, width: 200).contains("Enter next area"))
        #expect(!KeyHelp.hintLine(state, width: 200).contains("add action"))
    }

    @Test func reopeningIsRecordedWithWhoWhenAndWhy() {
        var state = completeOnFirstQuestion()
        press(keys("s"), on: &state)
        #expect(KeyHelp.hintLine(state, width: 200).contains("c reopen"))
        let effects = press(keys("cBoard asked to revisit climate\n"), on: &state)
        #expect(effects == [.save])
        #expect(state.assessment?.status == .draft)
        #expect(state.assessment?.events.last?.sentence == "Reopened on 2026-11-22 by chair: Board asked to revisit climate")
        press(keys("]\n") + [.right] + keys("n"), on: &state)
        #expect(state.assessment?.answers[seedFramework.areas[0].criteria[0].id] == .no)
    }

    /// Last year's complete assessment answered everything in economy; this year's is carried forward.
    func carriedForward() -> WorkshopState {
        var earlier = Assessment(starting: seedFramework, system: "West Yorkshire ICS", date: CalendarDate("2025-11-20")!)
        for criterion in seedFramework.areas[0].criteria { earlier[area: "economic-development"].answers[criterion.id] = .partly }
        earlier[area: "economic-development"].actions = [Action(id: "action-1", what: "Brief the board", owner: "Chair")]
        earlier.status = .complete
        var state = startState(system: "West Yorkshire ICS")
        state.clock = { "2026-11-22T15:00:00Z" }
        state.facilitator = "chair"
        state.storeIndex = StoreIndex(archive: [.init(file: URL(filePath: "/store/2025-11-20-west-yorkshire-ics.json"), assessment: earlier,
                                                      framework: seedFramework)])
        press([.tab, .tab, .tab, .enter] + keys("y"), on: &state)
        return state
    }

    @Test func completingRefusesUnconfirmedCarriedAnswersAndListsThem() throws {
        var state = carriedForward()
        press(keys("s"), on: &state)
        #expect(Renderer.render(state).grid.text.contains("0 confirmed this year · 10 as last time, not yet confirmed · 20 open"))
        press(keys("c"), on: &state)
        #expect(state.assessment?.status == .draft)
        let message = try #require(state.message?.text)
        #expect(message.hasPrefix("Not complete: 10 answers are as last time, not confirmed. y confirms all 10 as unchanged"))
        #expect(message.hasSuffix("Still as last time: Economy 1, 2, 3, 4, 5, 6, 7, 8, 9, 10."))
        // Any key but y goes back without confirming anything.
        press(keys("n"), on: &state)
        #expect(state.assessment?.unconfirmedCriteria(in: seedFramework).count == 10)
        #expect(state.assessment?.status == .draft)
    }

    @Test func confirmingAllCarriedAnswersIsOneRecordedStep() throws {
        var state = carriedForward()
        // One answer is changed, one confirmed by Enter; the rest are confirmed in one step.
        state.show(.question(area: 0, criterion: 0))
        press(keys("y") + [.enter] + keys("s"), on: &state)
        press(keys("cy"), on: &state)
        let assessment = try #require(state.assessment)
        #expect(assessment.unconfirmedCriteria(in: seedFramework).isEmpty)
        let event = try #require(assessment.events.last)
        #expect(event.kind == .confirmedCarried && event.criteria?.count == 8 && event.by == "chair")
        #expect(state.message?.text == "Confirmed 8 unchanged answers (recorded). c completes.")
        press(keys("c"), on: &state)
        #expect(state.assessment?.status == .complete)
        let criteria = seedFramework.areas[0].criteria.map(\.id)
        let completed = try #require(state.assessment)
        #expect(completed.carried(criteria[0]) == .changed)
        #expect(completed.carried(criteria[1]) == .confirmedUnchanged)
        #expect(completed.carried(criteria[2]) == .confirmedUnchanged)
        #expect(completed.carried(seedFramework.areas[1].criteria[0].id) == nil)
    }

    @Test func newActionsNeverTakeTheIdOfLastTimesActions() throws {
        var state = carriedForward()
        state.show(.result(area: 0))
        press(keys("a") + keys("Write the plan") + [.escape], on: &state)
        let record = try #require(state.assessment?[area: "economic-development"])
        #expect(record.reviewedActions.map(\.id) == ["action-1"])
        #expect(record.actions.map(\.id) == ["action-2"])
        #expect(record.unreviewedActions == ["action-1"])
    }

    @Test func closingANoteWhileTheStoreFailsSaysWhereItWent() {
        var state = startedState()
        press([.enter, .right] + keys("y") + keys("e") + keys("Minuted"), on: &state, storeFails: true,
              rescueCopy: "/tmp/maturity-rescue-0/2026-11-22-west-yorkshire-ics.json")
        press([.escape], on: &state, storeFails: true, rescueCopy: "/tmp/maturity-rescue-0/2026-11-22-west-yorkshire-ics.json")
        let message = state.message?.text ?? ""
        #expect(!message.contains("Note saved."))
        #expect(message.contains("/tmp/maturity-rescue-0/2026-11-22-west-yorkshire-ics.json"))
        // Once the store works again, closing says so.
        press(keys("e") + keys(" too"), on: &state)
        press([.escape], on: &state)
        #expect(state.message?.text == "Note saved.")
    }

    @Test func aDraftResumedFromTheListIsReadAgainUnderItsLock() throws {
        var listed = Assessment(starting: seedFramework, system: "York", date: workshopDate)
        listed.position = WorkshopPosition(step: "question", area: "economic-development",
                                           criterion: seedFramework.areas[0].criteria[0].id)
        var state = startState(drafts: [.init(file: URL(filePath: "/store/2026-11-22-york.json"), assessment: listed, framework: seedFramework)])
        let file = URL(filePath: "/store/2026-11-22-york.json")
        #expect(press(keys("York") + [.tab, .tab, .tab, .tab, .tab, .tab, .tab, .tab, .enter], on: &state).contains(.lockDraft(file)))
        // Meanwhile another workshop completed it.
        var completed = listed
        try completed.complete(in: seedFramework, at: "2026-11-22T11:00:00Z", by: "other")
        send(.lockedDraftRead(completed, file: file), to: &state)
        #expect(state.assessment?.isReadOnly == true)
        #expect(state.message?.text.contains("completed elsewhere") == true)
        #expect(press(keys("n"), on: &state).isEmpty)
        #expect(state.assessment == completed)
    }

    @Test func completionMessagesFitAndTheOfferComesFirst() throws {
        var state = carriedForward()
        press(keys("sc"), on: &state)
        let lines = Renderer.statusLines(state)
        #expect(lines.prefix(2).joined(separator: " ").contains("y confirms all 10 as unchanged"), "\(lines)")
        #expect(lines.allSatisfy { $0.count <= 78 })
        press(keys("y"), on: &state)
        #expect(try #require(state.message?.text).count <= 78)
        press(keys("c"), on: &state)
        #expect(try #require(state.message?.text).count <= 78)
        #expect(CarriedList.describe(seedFramework.allCriteria.map(\.id), in: seedFramework, areaLimit: 2)
            .hasSuffix("; and 1 more area"))
    }

    @Test func theNoteLimitIsTheModelsEverywhere() {
        #expect(EditorKeys.noteLimit == Assessment.noteLimit)
        #expect(Assessment.noteLimit == 20_000)
    }
}
