import CellGrid
import Foundation
import MaturityFramework
import MaturityModel
import Testing
@testable import WorkshopUI

/// Issue 12: the draft is written off the redraw path, so the top bar says truthfully whether the store
/// has every change: "saving" from a change until the shell reports the write flushed to disk, then
/// "saved"; "not saved" while the store refuses it. A move alone never says "saving" (it is saved later).
@Suite("Save status in the top bar")
struct SaveStatusTests {
    /// The top line's right end: the save status, as the board reads it ("" if none).
    func status(_ state: WorkshopState) -> String {
        let top = Renderer.render(state).grid.lines[0].trimmingCharacters(in: .whitespaces)
        return ["not saved", "saving", "saved", "complete"].first { top.hasSuffix(" " + $0) } ?? ""
    }

    /// Sends a key with no answer from the shell yet, as the screen runner does before the write ends.
    @discardableResult
    func key(_ key: Key, _ state: inout WorkshopState) -> [WorkshopEffect] {
        send(.key(key), to: &state)
    }

    @Test func anAnswerSaysSavingUntilTheShellSaysSaved() throws {
        var state = startedState()
        press([.enter, .right], on: &state)
        #expect(status(state) == "saved")
        #expect(key(.character("p"), &state) == [.save])
        #expect(status(state) == "saving")
        #expect(state.message?.text.hasPrefix("Question 1 of 10 recorded: Partly.") == true, "the answer is shown at once")
        try expectGolden(state, "question-saving-80x24")
        // A second answer before the first write is reported: still saving.
        key(.character("y"), &state)
        #expect(status(state) == "saving")
        send(.saved, to: &state)
        #expect(status(state) == "saved")
    }

    @Test func savedAndSavingTakeTheSameRoom() {
        var state = startedState()
        press([.enter, .right], on: &state)
        let saved = Renderer.render(state).grid.lines[0]
        key(.character("n"), &state)
        let saving = Renderer.render(state).grid.lines[0]
        #expect(saved.hasSuffix("  saved") && saving.hasSuffix(" saving") && saved.count == saving.count)
        // Everything left of the status is where it was: only the question number changed.
        #expect(saved.dropLast(7).replacingOccurrences(of: "Question 1", with: "Question 2") == saving.dropLast(7))
    }

    @Test func aMoveAloneKeepsSaved() {
        var state = startedState()
        press([.enter, .right] + keys("y"), on: &state)
        #expect(key(.right, &state) == [.savePosition])
        #expect(status(state) == "saved")
        #expect(state.assessment?.position?.step == "question", "the position is in the state, for the next write")
        #expect(key(.left, &state) == [.savePosition])
        // An answer carries the move with it: one save, no separate position save.
        #expect(key(.character("u"), &state) == [.save])
    }

    @Test func aFailingStoreSaysNotSavedUntilAWriteSucceeds() {
        var state = startedState()
        press([.enter, .right], on: &state)
        key(.character("y"), &state)
        send(.storeFailed(reason: "disk full", rescueCopy: nil), to: &state)
        #expect(status(state) == "not saved")
        // A later change is still not saved while the store fails.
        key(.character("y"), &state)
        #expect(status(state) == "not saved")
        send(.saved, to: &state)
        #expect(status(state) == "saved")
    }

    @Test func aDraftCreatedWhileAnAnswerWasBeingWrittenKeepsTheAnswersMessage() {
        var state = startState(system: "West Yorkshire ICS")
        #expect(press(keys("Cathy Elliott") + [.tab, .tab, .tab], on: &state).isEmpty)
        #expect(key(.enter, &state) == [.createDraft])
        key(.enter, &state)
        key(.right, &state)
        key(.character("y"), &state)
        // The shell tells of the creation only with the answer's write, the latest.
        send(.draftCreated(draftFile), to: &state)
        #expect(status(state) == "saved")
        #expect(state.draftFile == draftFile)
        #expect(state.message?.text.hasPrefix("Question 1 of 10 recorded: Yes, in place.") == true)
    }

    @Test func aFailureReportedAfterADraftWasCreatedIsStillNotSaved() {
        var state = startedState()
        press([.enter, .right], on: &state)
        key(.character("y"), &state)
        // The shell tells of the draft created by an earlier write, then of the latest write's failure.
        send(.draftCreated(URL(filePath: "/store/x.json")), to: &state)
        send(.storeFailed(reason: "disk full", rescueCopy: "/tmp/r/x.json"), to: &state)
        #expect(status(state) == "not saved")
        #expect(state.unsaved)
    }

    @Test func aCompleteAssessmentSaysCompleteOnceItsCompletionIsSaved() {
        var state = startedState()
        press(keys("s"), on: &state)
        key(.character("c"), &state)
        #expect(state.assessment?.status == .complete)
        #expect(status(state) == "saving")
        send(.saved, to: &state)
        #expect(status(state) == "complete")
    }

    @Test func theStartScreenHasNoSaveStatus() {
        let top = Renderer.render(startState(system: "West Yorkshire ICS")).grid.lines[0]
        #expect(top.trimmingCharacters(in: .whitespaces) == "maturity · start a workshop")
    }

    @Test func aNoteClosedWhileItsLastChangeIsBeingWrittenIsNotCalledSaved() {
        var state = startedState()
        press([.enter, .right] + keys("e"), on: &state)
        key(.character("x"), &state)
        key(.escape, &state)
        #expect(state.message?.text == "Note closed.")
        #expect(status(state) == "saving")
        // The shell's word that the store has it turns "closed" into "saved".
        send(.saved, to: &state)
        #expect(state.message?.text == "Note saved.")
        press(keys("e") + keys("y") + [.escape], on: &state)
        #expect(state.message?.text == "Note saved.")
    }

    @Test func quittingWhileAChangeIsBeingWrittenQuitsAtOnce() {
        var state = startedState()
        press([.enter, .right], on: &state)
        key(.character("y"), &state)
        // The shell finishes the write before it ends: nothing to warn about.
        #expect(key(.character("q"), &state) == [.quit])
    }
}
