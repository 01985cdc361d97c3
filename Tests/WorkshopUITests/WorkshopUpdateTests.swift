import CellGrid
import Foundation
import MaturityFramework
import MaturityRules
import MaturityModel
import Testing
@testable import WorkshopUI

@Suite("Start screen")
struct StartScreenTests {
    @Test func typingTheFormStartsADraft() throws {
        var state = startState()
        #expect(state.start?.focus == .system)
        let effects = press(keys("West Yorkshire ICS") + [.tab, .tab, .tab, .tab] + keys("Cathy, Rob ,") + [.tab, .tab, .tab, .enter], on: &state)
        #expect(effects == [.createDraft])
        let assessment = try #require(state.assessment)
        #expect(assessment.system == "West Yorkshire ICS")
        #expect(assessment.participants == ["Cathy", "Rob"])
        #expect(assessment.date == workshopDate)
        #expect(state.step == .overview(area: 0))
        #expect(state.draftPath == "/store/2026-11-22-west-yorkshire-ics.json")
        #expect(state.start == nil)
    }

    @Test func anEmptySystemOrABadDateIsExplained() {
        var state = startState()
        press([.tab, .tab, .tab, .tab, .tab, .tab, .tab, .enter], on: &state)
        #expect(state.assessment == nil)
        #expect(state.start?.problem == "Type the name of the system first, e.g. West Yorkshire ICS.")
        #expect(state.start?.focus == .system)
        press(keys("X") + [.tab, .tab] + Array(repeating: .backspace, count: 10) + keys("2026-02-30") + [.tab, .tab, .tab, .tab, .tab, .enter], on: &state)
        #expect(state.assessment == nil)
        #expect(state.start?.problem?.hasPrefix("The date must be a real day") == true)
        #expect(state.start?.focus == .date)
    }

    @Test func theFrameworkCanBeChangedWithArrows() {
        var state = startState(system: "S")
        press([.tab, .tab, .right], on: &state)
        #expect(state.start?.focus == .framework)
        #expect(state.framework.id == "anchor-institution-charter")
        press([.left], on: &state)
        #expect(state.framework.id == seedFramework.id)
    }

    @Test func aDraftIsResumedWhereItWasLeft() {
        var draft = Assessment(starting: seedFramework, system: "Humber", date: workshopDate)
        draft.position = WorkshopPosition(step: "question", area: "climate-change", criterion: "climate-established-estates")
        var state = startState(drafts: [WorkshopState.Draft(file: URL(filePath: "/store/d.json"), assessment: draft, framework: seedFramework)])
        let file = URL(filePath: "/store/d.json")
        #expect(press([.down, .down, .down, .down, .down, .down, .down, .down, .enter], on: &state) == [.lockDraft(file)])
        #expect(state.start != nil, "the draft opens once it is locked and read again")
        send(.lockedDraftRead(draft, file: file), to: &state)
        #expect(state.start == nil)
        #expect(state.draftPath == "/store/d.json")
        #expect(state.step == .question(area: 2, criterion: 4))
        #expect(state.message?.text == "Resumed d.json.")
    }

    @Test func helpOpensWithF1AndWithQuestionMarkOutsideTextFields() {
        var state = startState()
        press(keys("?"), on: &state)
        #expect(!state.showsHelp)
        #expect(state.start?.system.text == "?")
        press([.help], on: &state)
        #expect(state.showsHelp)
        press([.tab], on: &state)
        #expect(!state.showsHelp)
        #expect(state.start?.focus == .system)
        press([.tab, .tab, .tab, .tab, .tab, .tab, .tab] + keys("?"), on: &state)
        #expect(state.start?.focus == .start)
        #expect(state.showsHelp)
    }

    @Test func aDraftOpenElsewhereSendsTheUserBackToTheStartScreen() {
        let draft = Assessment(starting: seedFramework, system: "Humber", date: workshopDate)
        var state = startState(drafts: [WorkshopState.Draft(file: URL(filePath: "/store/d.json"), assessment: draft, framework: seedFramework)])
        #expect(press([.down, .down, .down, .down, .down, .down, .down, .down, .enter], on: &state) == [.lockDraft(URL(filePath: "/store/d.json"))])
        send(.lockRefused("d.json is open in another workshop"), to: &state)
        #expect(state.assessment == nil && state.draftPath == nil)
        #expect(state.start?.focus == .draft)
        #expect(state.start?.problem == "d.json is open in another workshop")
    }

    @Test func aNameTooLongForItsFieldIsCutWithAMessage() {
        var state = startState()
        press(keys(String(repeating: "x", count: 250)), on: &state)
        #expect(state.start?.system.text.count == 200)
        #expect(state.start?.problem == "That field is full (at most 200 characters); the rest was not added.")
    }

    @Test func escapeQuits() {
        var state = startState()
        #expect(press([.escape], on: &state) == [.quit])
    }
}

@Suite("Answering")
struct AnsweringTests {
    /// One key per answer: a letter records the answer, saves it, and goes on to the next question;
    /// ← goes back to change it.
    @Test func aLetterRecordsTheAnswerAndGoesOn() throws {
        var state = startedState()
        press([.enter, .right], on: &state)
        #expect(state.step == .question(area: 0, criterion: 0))
        let effects = press(keys("y"), on: &state)
        #expect(effects == [.save])
        #expect(state.assessment?.answers["econ-emerging-plan-reviewed"] == .yes)
        #expect(state.step == .question(area: 0, criterion: 1))
        #expect(state.assessment?.position == WorkshopPosition(step: "question", area: "economic-development",
                                                               criterion: "econ-emerging-plan-known"))
        #expect(state.message?.text == "Question 1 of 10 recorded: Yes, in place. ← goes back to change it.")
        press([.left] + keys("P"), on: &state)
        #expect(state.assessment?.answers["econ-emerging-plan-reviewed"] == .partly)
        #expect(state.step == .question(area: 0, criterion: 1))
        // The last question's answer leads to the area's result.
        press(keys("nnnnnnnnn"), on: &state)
        #expect(state.step == .result(area: 0))
        #expect(seedFramework.areas[0].criteria.allSatisfy { state.assessment?.answers[$0.id] != nil })
    }

    @Test func arrowsChooseAndEnterRecordsThenMovesOn() {
        var state = startedState()
        press([.enter, .right, .down, .down, .enter], on: &state)
        #expect(state.assessment?.answers["econ-emerging-plan-reviewed"] == .partly)
        #expect(state.step == .question(area: 0, criterion: 1))
        press([.enter], on: &state)
        #expect(state.assessment?.answers["econ-emerging-plan-known"] == nil)
        #expect(state.step == .question(area: 0, criterion: 2))
        press([.up, .enter], on: &state)
        #expect(state.assessment?.answers["econ-emerging-strategy-refers"] == .unsure)
    }

    @Test func backspaceClearsAnAnswer() {
        var state = startedState()
        press([.enter, .right] + keys("n") + [.left, .backspace], on: &state)
        #expect(state.assessment?.answers["econ-emerging-plan-reviewed"] == nil)
        #expect(state.step == .question(area: 0, criterion: 0))
    }

    @Test func notesAreEditedWithUnicodeAndSavedAsTyped() throws {
        var state = startedState()
        press([.enter, .right] + keys("e"), on: &state)
        guard case .note? = state.editor else {
            Issue.record("e must open the note editor")
            return
        }
        let effects = press(keys("Ynys Môn – ✓ 日本") + [.enter] + keys("line two") + [.left, .left, .backspace], on: &state)
        #expect(effects.filter { $0 == .save }.count == 25)
        #expect(state.assessmentToSave?[area: "economic-development"].notes["econ-emerging-plan-reviewed"] == "Ynys Môn – ✓ 日本\nline wo")
        press([.escape], on: &state)
        #expect(state.editor == nil)
        #expect(state.assessment?[area: "economic-development"].notes["econ-emerging-plan-reviewed"] == "Ynys Môn – ✓ 日本\nline wo")
        // Keys like q are text in the editor, and do not quit.
        #expect(!press(keys("e") + keys("q"), on: &state).contains(.quit))
        press([.escape], on: &state)
        #expect(state.assessment?[area: "economic-development"].notes["econ-emerging-plan-reviewed"]?.hasSuffix("line woq") == true)
    }

    @Test func combiningMarksJoinTheLetterBeforeAndLongPastesAreKept() {
        var field = TextField("", singleLine: false, limit: 100_000)
        for key in [Key.character("e"), .character("\u{301}"), .character("x")] { _ = field.handle(key, width: 40) }
        #expect(field.text == "e\u{301}x")
        #expect(field.characters.count == 2)
        for _ in 0..<50_000 { _ = field.handle(.character("a"), width: 40) }
        #expect(field.characters.count == 50_002)
        #expect(!field.wasCut)
    }

    /// The start form's system and participants fields take no control character, C1 code or
    /// bidirectional override, typed or pasted: the names saved are the letters around them.
    @Test func theStartFormRefusesControlsAndBidiOverridesInNames() throws {
        var state = startState()
        let hostile: [Key] = ["\u{1B}", "\u{9B}", "\u{7F}", "\u{202E}", "\u{2066}", "\u{85}", "\r\n"].map { .character($0) }
        press(keys("York") + hostile + keys(" ICS") + [.tab, .tab, .tab, .tab] + keys("Cathy") + hostile + keys(", Rob") + hostile
              + [.tab, .tab, .tab, .enter], on: &state)
        let assessment = try #require(state.assessment)
        #expect(assessment.system == "York ICS")
        #expect(assessment.participants == ["Cathy", "Rob"])
    }

    @Test func controlCharactersAreNotStoredInNotes() {
        var state = startedState()
        press([.enter, .right] + keys("e") + [.character("\u{7}"), .character("a"), .character("\u{1B}"), .escape], on: &state)
        #expect(state.assessment?[area: "economic-development"].notes["econ-emerging-plan-reviewed"] == "a")
    }
}

@Suite("Moving around")
struct NavigationTests {
    @Test func arrowsWalkEveryStepAndThePositionIsSaved() {
        var state = startedState()
        let steps = Step.all(in: seedFramework)
        for expected in steps.dropFirst() {
            press([.right], on: &state)
            #expect(state.step == expected)
        }
        #expect(state.step == .summary)
        #expect(state.assessment?.position == WorkshopPosition(step: "summary"))
        press([.right], on: &state)
        #expect(state.step == .summary)
        press([.left], on: &state)
        #expect(state.step == .result(area: 2))
        #expect(state.assessment?.position == WorkshopPosition(step: "result", area: "climate-change"))
    }

    @Test func bracketsMoveBetweenAreasAndSOpensTheSummary() {
        var state = startedState()
        press(keys("]]"), on: &state)
        #expect(state.step == .overview(area: 2))
        press(keys("]"), on: &state)
        #expect(state.step == .overview(area: 2))
        press(keys("["), on: &state)
        #expect(state.step == .overview(area: 1))
        press(keys("s"), on: &state)
        #expect(state.step == .summary)
    }

    @Test func theSummaryJumpsToAnyAreaOrQuestion() {
        var state = startedState()
        press(keys("s") + [.down, .down, .enter], on: &state)
        #expect(state.step == .question(area: 0, criterion: 1))
        press(keys("s") + Array(repeating: .down, count: 11) + [.enter], on: &state)
        #expect(state.step == .overview(area: 1))
    }

    @Test func theSummaryMarksTheAssessmentCompleteAndReopensItOnlyWithAReason() {
        var state = startedState()
        state.facilitator = "chair"
        state.clock = { "2026-11-22T15:00:00Z" }
        press(keys("sc"), on: &state)
        #expect(state.assessment?.status == .complete)
        #expect(state.assessment?.events == [RecordEvent(.completed, at: "2026-11-22T15:00:00Z", by: "chair")])
        press(keys("c"), on: &state)
        #expect(state.assessment?.status == .complete)
        #expect(Renderer.render(state).grid.text.contains("Why is it reopened?"))
        press([.enter], on: &state)
        #expect(state.assessment?.status == .complete, "an empty reason reopens nothing")
        press([.escape], on: &state)
        #expect(state.assessment?.status == .complete)
        press(keys("cLate evidence from the council\n"), on: &state)
        #expect(state.assessment?.status == .draft)
        #expect(state.assessment?.reopenings == [
            RecordEvent(.reopened, at: "2026-11-22T15:00:00Z", by: "chair", reason: "Late evidence from the council"),
        ])
    }

    @Test func helpOpensAndAnyKeyOnlyClosesIt() {
        var state = startedState()
        press([.enter, .right] + keys("?"), on: &state)
        #expect(state.showsHelp)
        press(keys("y"), on: &state)
        #expect(!state.showsHelp)
        #expect(state.assessment?.answers["econ-emerging-plan-reviewed"] == nil)
    }

    @Test func quitAndSuspendAreEffects() {
        var state = startedState()
        #expect(press([.control("z")], on: &state) == [.suspend])
        #expect(press(keys("q"), on: &state) == [.quit])
        var other = startedState()
        // Enter on the overview only moves: the position is saved later (the shell saves it before quitting).
        #expect(press([.enter, .control("c")], on: &other) == [.savePosition, .quit])
    }

    @Test func quittingWithUnsavedChangesAsksTwice() {
        var state = startedState()
        press([.enter, .right] + keys("y"), on: &state, storeFails: true)
        #expect(state.unsaved)
        #expect(state.message?.text.hasPrefix("Not saved: disk full.") == true)
        #expect(press(keys("q"), on: &state) == [])
        #expect(state.message?.text.contains("Press q again to quit anyway") == true)
        #expect(press(keys("q"), on: &state) == [.quit])
    }

    @Test func aRescuedChangeSaysWhereItIsAndTheNextGoodSaveSaysSo() {
        var state = startedState()
        press([.enter, .right] + keys("y"), on: &state, storeFails: true, rescueCopy: "/tmp/maturity-rescue-0/x.json")
        #expect(state.unsaved && state.rescueCopy == "/tmp/maturity-rescue-0/x.json")
        #expect(state.message?.text.hasPrefix("Not saved in the store: disk full. A copy is safe in /tmp/maturity-rescue-0/x.json") == true)
        #expect(press(keys("q"), on: &state) == [])
        #expect(state.message?.text.contains("everything is safe in /tmp/maturity-rescue-0/x.json") == true)
        press(keys("y"), on: &state)
        #expect(!state.unsaved && state.rescueCopy == nil)
        #expect(state.message?.text == "Saved in the store again.")
    }

    @Test func resumingOpensAtTheSavedPosition() {
        var assessment = Assessment(starting: seedFramework, system: "S", date: workshopDate)
        assessment.position = WorkshopPosition(step: "result", area: "quality-employment")
        let state = WorkshopState(resuming: assessment, file: URL(filePath: "/s.json"), framework: seedFramework)
        #expect(state.step == .result(area: 1))
        assessment.position = WorkshopPosition(step: "question", area: "gone", criterion: "x")
        assessment[area: "economic-development"].answers["econ-emerging-plan-reviewed"] = .yes
        #expect(WorkshopState(resuming: assessment, file: URL(filePath: "/s.json"), framework: seedFramework).step == .question(area: 0, criterion: 1))
    }
}

@Suite("Actions")
struct ActionTests {
    func atResult() -> WorkshopState {
        var state = startedState()
        press(Array(repeating: .right, count: 12), on: &state)
        #expect(state.step == .result(area: 0))
        return state
    }

    @Test func anActionIsAddedEditedAndDeleted() throws {
        var state = atResult()
        press(keys("a") + keys("Align the strategy") + [.tab] + keys("Director of strategy") + [.tab] + keys("2027-03-31")
              + [.tab, .right, .enter], on: &state)
        #expect(state.editor == nil)
        let action = try #require(state.assessment?[area: "economic-development"].actions.first)
        #expect(action.what == "Align the strategy")
        #expect(action.owner == "Director of strategy")
        #expect(action.due == CalendarDate("2027-03-31"))
        #expect(action.status == .inProgress)
        press(keys("e") + [.end] + keys(" now") + [.escape], on: &state)
        #expect(state.assessment?[area: "economic-development"].actions.first?.what == "Align the strategy now")
        press(keys("d"), on: &state)
        #expect(state.assessment?[area: "economic-development"].actions.count == 1)
        press(keys("d"), on: &state)
        #expect(state.assessment?[area: "economic-development"].actions.isEmpty == true)
    }

    @Test func aBadDueDateKeepsTheFormOpenAndAnEmptyActionIsDiscarded() {
        var state = atResult()
        press(keys("a") + keys("Plan") + [.tab, .tab] + keys("31/03/2027") + [.escape], on: &state)
        guard case let .action(_, _, form)? = state.editor else {
            Issue.record("the form must stay open")
            return
        }
        #expect(form.problem?.hasPrefix("The due date must be a real day") == true)
        #expect(form.focus == .due)
        press(Array(repeating: .backspace, count: 10) + [.escape], on: &state)
        #expect(state.editor == nil)
        #expect(state.assessment?[area: "economic-development"].actions.map(\.what) == ["Plan"])
        press(keys("a") + [.escape], on: &state)
        #expect(state.assessment?[area: "economic-development"].actions.count == 1)
    }
}
