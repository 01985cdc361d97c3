import Foundation
import MaturityFramework
import MaturityModel
import MaturityRules
import Testing
@testable import WorkshopUI

/// Plain mode driven by a scripted `readLine`: what it says, and every assessment it saves.
final class PlainScript {
    var lines: [String]
    var output = ""
    var saves: [Assessment] = []
    let path = "/store/2026-11-22-west-yorkshire-ics.json"

    init(_ lines: [String]) {
        self.lines = lines
    }

    /// A plain workshop on `assessment`, reading this script's lines until they run out.
    func workshop(_ assessment: Assessment, resumedFrom path: String? = nil) -> PlainWorkshop {
        var workshop = PlainWorkshop(framework: seedFramework, assessment: assessment, path: path,
                                     readLine: { [self] in lines.isEmpty ? nil : lines.removeFirst() },
                                     write: { [self] in output += $0 },
                                     save: { [self] in
                                         saves.append($0)
                                         return .saved(path: self.path)
                                     })
        workshop.clock = { "2026-11-22T15:00:00Z" }
        workshop.facilitator = "chair"
        return workshop
    }

    /// Runs a new workshop (or `assessment`) to the end of the script; returns the latest assessment saved.
    @discardableResult
    func run(_ assessment: Assessment = PlainScript.newAssessment(), resumedFrom path: String? = nil) -> Assessment? {
        var workshop = workshop(assessment, resumedFrom: path)
        _ = workshop.run()
        return saves.last
    }

    /// How often `text` was said.
    func count(_ text: String) -> Int {
        output.components(separatedBy: text).count - 1
    }

    static func newAssessment() -> Assessment {
        Assessment(starting: seedFramework, system: "West Yorkshire ICS", date: workshopDate)
    }

    /// Every economy question answered yes, and the assessment complete.
    static func completeAssessment() -> Assessment {
        var assessment = newAssessment()
        for criterion in seedFramework.areas[0].criteria { assessment[area: "economic-development"].answers[criterion.id] = .yes }
        assessment.status = .complete
        assessment.position = WorkshopPosition(step: "summary")
        return assessment
    }
}

/// The criterion id of question `index` (from 0) of area `area` (from 0) of the seed framework.
func criterion(_ area: Int, _ index: Int) -> String {
    seedFramework.areas[area].criteria[index].id
}

@Suite("Plain mode: the summary and moving about")
struct PlainNavigationTests {
    @Test func theSummaryLetsTheBoardGoBackToTheQuestionItCameFrom() throws {
        let script = PlainScript(["y", "", "s", "", "b", "p", "", "q"])
        let saved = try #require(script.run())
        #expect(script.output.contains("== Summary: West Yorkshire ICS, 2026-11-22 =="))
        #expect(script.output.contains("b back to Economy, question 2"))
        #expect(script.count("Question 2 of 10 (Emerging)") == 2, "asked, left for the summary, and asked again")
        #expect(saved.answers[criterion(0, 1)] == .partly)
        #expect(script.output.hasSuffix("Stopped. Everything is saved in /store/2026-11-22-west-yorkshire-ics.json.\n"
            + "Resume with: maturity workshop --resume /store/2026-11-22-west-yorkshire-ics.json\n"))
    }

    @Test func walkedToTheSummaryBGoesBackToTheLastActionsNotToAnEarlierVisit() {
        let script = PlainScript(["s", "", "g 3.9", "", "", "", ""])
        script.run()
        #expect(script.count("b back to Economy, question 1") == 1)
        #expect(script.count("b back to Climate's actions") == 1)
    }

    @Test func theSummaryGoesToAnyQuestionOrAreaByNumber() throws {
        let script = PlainScript(["s", "", "g 2.3", "y", "", "s", "", "g3", "n", "", "s", "", "g", "1.10", "u", "", "q"])
        let saved = try #require(script.run())
        #expect(saved.answers[criterion(1, 2)] == .yes)
        #expect(saved.answers[criterion(2, 0)] == .no)
        #expect(saved.answers[criterion(0, 9)] == .unsure)
        #expect(script.output.contains("== Area 3 of 3: Tackling climate change ==\nEmerging"), "an area starts with its stages")
        #expect(script.output.contains("== Area 2 of 3: Ensuring quality local employment ==\n\nQuestion 3 of 11 (Emerging)"),
                "a question of another area is headed by its area")
        #expect(script.output.contains("Go to: an area number (1 to 3), or area.question such as 2.4 (Enter stays here): "))
    }

    @Test func enterOrQFinishesOnTheSummaryAndTheEndOfInputThereIsAFinishToo() throws {
        for ending in [[""], ["q"], []] {
            let script = PlainScript(["s", ""] + ending)
            let saved = try #require(script.run())
            #expect(script.output.hasSuffix("Saved to /store/2026-11-22-west-yorkshire-ics.json.\n"), "\(ending)")
            #expect(saved.position == WorkshopPosition(step: "summary"), "a resumed draft opens on the summary")
        }
    }

    @Test func aDraftResumedOnTheSummaryOpensThereWithoutAskingToComplete() throws {
        var assessment = PlainScript.newAssessment()
        assessment.position = WorkshopPosition(step: "summary")
        // "y" is no command on the summary: an old script's first answer cannot complete the assessment.
        let script = PlainScript(["y", "b", "", ""])
        let saved = try #require(script.run(assessment, resumedFrom: "/store/2026-11-22-west-yorkshire-ics.json"))
        let beforeWalking = try #require(script.output.components(separatedBy: "Please type c, x, h, l, b or g, or press Enter to finish").first)
        #expect(beforeWalking.contains("Summary: c marks it complete") && !beforeWalking.contains("Mark the assessment complete?"))
        #expect(beforeWalking.contains("b back to Climate's actions"))
        #expect(script.count("Add an agreed action: type what is to be done (Enter goes on to the summary;") == 1)
        #expect(script.count("Mark the assessment complete? y or n (Enter for no): ") == 1, "asked once the board walked to it")
        #expect(saved.status == .draft)
    }

    @Test func aDraftResumedAtAQuestionOrItsActionsOpensThereAfterTheAreasStages() throws {
        for (position, heard) in [(WorkshopPosition(step: "question", area: "quality-employment", criterion: criterion(1, 4)),
                                   "Question 5 of 11 (Established)"),
                                  (WorkshopPosition(step: "result", area: "quality-employment"), "Add an agreed action")] {
            var assessment = PlainScript.newAssessment()
            assessment.position = position
            let script = PlainScript(["q"])
            script.run(assessment, resumedFrom: "/store/2026-11-22-west-yorkshire-ics.json")
            #expect(script.output.hasPrefix("\n== Area 2 of 3: Ensuring quality local employment ==\nEmerging"))
            #expect(script.output.contains(heard))
            #expect(!script.output.contains("Question 1 of 11"), "not the area's first question again")
        }
    }

    @Test func backAndGoSayWhyTheyCannotMove() throws {
        let script = PlainScript(["b", "g 9", "g 2.12", "g x", "g", "", "y", "", "q"])
        let saved = try #require(script.run())
        #expect(script.output.contains("This is the first question; there is nothing before it."))
        #expect(script.output.contains("There is no area 9: the areas are 1 to 3."))
        #expect(script.output.contains("Area 2 has questions 1 to 11; there is no question 12."))
        #expect(script.count("Please type y, p, n or u") == 1, "g x is not a command")
        #expect(saved.answers[criterion(0, 0)] == .yes, "every refusal asked the same question again")
    }

    @Test func backFromAnAreasFirstQuestionReachesTheActionsOfTheAreaBefore() throws {
        let script = PlainScript(["g 2", "b", "Brief partners", "", "", "", "q"])
        let saved = try #require(script.run())
        #expect(saved[area: "economic-development"].actions.map(\.what) == ["Brief partners"])
        #expect(script.output.contains("Add an agreed action: type what is to be done (Enter goes on to area 2;"))
    }

    @Test func theSummarySaysEachAreasStagesAndTheTally() {
        var assessment = PlainScript.newAssessment()
        for index in 0..<3 { assessment[area: "economic-development"].answers[criterion(0, index)] = .yes }
        assessment[area: "economic-development"].answers[criterion(0, 3)] = .partly
        let script = PlainScript(["s", ""])
        script.run(assessment)
        #expect(script.output.contains("Area 1, Supporting economic development and recovery: Emerging (provisional). "
            + "Emerging met; Established 17% of the way; Expanding 0% of the way. Not answered: questions 5 to 10."))
        #expect(script.output.contains("Area 3, Tackling climate change: Not yet emerging (provisional). Emerging 0% of the way; "
            + "Established 0% of the way; Expanding 0% of the way. Not answered: all 9 questions."))
        #expect(script.output.contains("4 of 30 questions answered."))
    }

    @Test func questionsAreListedWithTheNumbersGoTakes() {
        let script = PlainScript(["p", "", "s", "", "l", ""])
        script.run()
        #expect(script.output.contains("  1.1 Partly: Have the ICP and ICB reviewed"))
        #expect(script.output.contains("  2.11 not answered: "))
    }

    @Test func helpListsEveryCommandOfThePrompt() {
        let script = PlainScript(["?", "g 1.10", "", "", "?", "s", "", "?", ""])
        script.run()
        #expect(script.output.contains("At a question:\n  y p n u"))
        #expect(script.output.contains("  e N          edit action N: its description, owner, due date and status"))
        #expect(script.output.contains("  x            export the summary as Markdown, HTML, CSV and JSON"))
    }

    @Test func aClearedAnswerIsGone() throws {
        var assessment = PlainScript.newAssessment()
        assessment[area: "economic-development"].answers[criterion(0, 0)] = .no
        let script = PlainScript(["-", "", "q"])
        let saved = try #require(script.run(assessment))
        #expect(script.output.contains("Enter keeps no; - clears it;"))
        #expect(script.output.contains("Answer cleared."))
        #expect(saved.answers[criterion(0, 0)] == nil)
    }
}

@Suite("Plain mode: notes of several lines")
struct PlainNoteTests {
    @Test func aPlusTakesLinesUntilAFullStop() throws {
        let script = PlainScript(["y", "+", "Minuted in March.", "", "  Agreed by the council:", "- the plan", ".", "q"])
        let saved = try #require(script.run())
        #expect(saved[area: "economic-development"].notes[criterion(0, 0)]
                == "Minuted in March.\n\n  Agreed by the council:\n- the plan")
        #expect(script.output.contains("Note or evidence (Enter for none; + for several lines): "))
        #expect(script.output.contains("a line holding only a full stop (.) ends it."))
    }

    @Test func enterStillMeansNoNoteAndOneLineStillIsTheNote() throws {
        let script = PlainScript(["y", "", "y", "One line", "q"])
        let saved = try #require(script.run())
        #expect(saved[area: "economic-development"].notes[criterion(0, 0)] == nil)
        #expect(saved[area: "economic-development"].notes[criterion(0, 1)] == "One line")
    }

    @Test func aNoteOfSeveralLinesIsReadBackLineByLineAndKeptWithEnter() throws {
        var assessment = PlainScript.newAssessment()
        assessment[area: "economic-development"].notes[criterion(0, 0)] = "First\nSecond \u{1B}[2J"
        let script = PlainScript(["y", "", "q"])
        let saved = try #require(script.run(assessment))
        #expect(script.output.contains("The note now, 2 lines:\n  Line 1: First\n  Line 2: Second \\u{1B}[2J\n"))
        #expect(script.output.contains("Note (Enter keeps it; - removes it; + for several lines; or type a new one): "))
        #expect(saved[area: "economic-development"].notes[criterion(0, 0)] == "First\nSecond \u{1B}[2J")
    }

    @Test func linesTypedBeforeTheInputEndsAreKept() throws {
        let script = PlainScript(["y", "+", "One", "Two"])
        let saved = try #require(script.run())
        #expect(saved[area: "economic-development"].notes[criterion(0, 0)] == "One\nTwo")
        #expect(script.output.contains("Input ended. Everything is saved"))
    }

    @Test func nothingTypedLeavesTheNoteAndATooLongNoteIsAskedAgain() throws {
        let long = String(repeating: "a", count: 10_001)
        let script = PlainScript(["y", "+", ".", "y", "+", long, long, ".", "Short", "q"])
        let saved = try #require(script.run())
        #expect(script.output.contains("Nothing was typed; the note is unchanged."))
        #expect(script.output.contains("The note is 20003 characters; at most 20000 are kept; nothing was kept."))
        #expect(saved[area: "economic-development"].notes[criterion(0, 0)] == nil)
        #expect(saved[area: "economic-development"].notes[criterion(0, 1)] == "Short")
    }

    @Test func aFloodOfLinesIsCountedNotKept() throws {
        let flood = Array(repeating: String(repeating: "b", count: 1_000), count: 30)
        let script = PlainScript(["y", "+"] + flood + [".", "", "q"])
        let saved = try #require(script.run())
        #expect(script.output.contains("The note is 30029 characters; at most 20000 are kept; nothing was kept."))
        #expect(saved[area: "economic-development"].notes[criterion(0, 0)] == nil)
    }

    @Test func aLineWithAControlCharacterIsAskedAgain() throws {
        let script = PlainScript(["y", "+", "bad \u{1B}]0;x\u{7}", "good", ".", "q"])
        let saved = try #require(script.run())
        #expect(script.output.contains("That reply holds a control character"))
        #expect(saved[area: "economic-development"].notes[criterion(0, 0)] == "good")
    }
}

@Suite("Plain mode: actions with a status")
struct PlainActionTests {
    /// Lines that leave question 10 of economy unanswered and reach its actions.
    let toActions = ["g 1.10", "", ""]

    @Test func anActionIsAddedThenItsStatusIsSetByEditing() throws {
        let script = PlainScript(toActions + ["Align the strategy", "Chair", "2027-03-31", "e 1", "", "", "", "i", "", "q"])
        let saved = try #require(script.run())
        let action = try #require(saved[area: "economic-development"].actions.first)
        #expect(action.what == "Align the strategy" && action.owner == "Chair" && action.due == CalendarDate("2027-03-31"))
        #expect(action.status == .inProgress)
        #expect(script.output.contains("Action 1 added, not started: Align the strategy — Chair, due 2027-03-31, not started. "
            + "e 1 changes it, its status too."))
        #expect(script.output.contains("Status: n not started, i in progress, d done, x dropped (Enter keeps not started): "))
        #expect(script.output.contains("  1. Align the strategy — Chair, due 2027-03-31, in progress"))
    }

    @Test func editingChangesOrRemovesEachField() throws {
        let script = PlainScript(toActions + ["Align", "Chair", "2027-03-31", "e", "Align the strategy", "-", "-", "d", "", "q"])
        let saved = try #require(script.run())
        let action = try #require(saved[area: "economic-development"].actions.first)
        #expect(action.what == "Align the strategy" && action.owner.isEmpty && action.due == nil && action.status == .done)
        #expect(script.output.contains("Owner (Enter keeps \"Chair\"; - removes it): "))
        #expect(script.output.contains("Due date, YYYY-MM-DD (Enter keeps 2027-03-31; - removes it): "))
    }

    @Test func deletingAsksFirst() throws {
        let script = PlainScript(toActions + ["First", "", "", "Second", "", "", "d 1", "n", "d 1", "y", "d 5", "", "q"])
        let saved = try #require(script.run())
        #expect(saved[area: "economic-development"].actions.map(\.what) == ["Second"])
        #expect(script.output.contains("Delete action 1, \"First\"? y or n (Enter for no): Kept."))
        #expect(script.output.contains("Action 1 deleted."))
        #expect(script.output.contains("There is only action 1."))
    }

    @Test func aDescriptionThatIsACommandIsAddedWithA() throws {
        let script = PlainScript(toActions + ["x", "a", "x", "", "", "", "q"])
        let saved = try #require(script.run())
        #expect(script.output.contains("That command works on the summary (s), not here."))
        #expect(saved[area: "economic-development"].actions.map(\.what) == ["x"])
    }

    @Test func theEditAndDeleteHintsAppearOnlyWithActions() {
        let script = PlainScript(toActions + ["e 1", "One", "", "", "", "q"])
        script.run()
        #expect(script.output.contains("There are no agreed actions to edit yet"))
        #expect(script.output.contains("Add an agreed action: type what is to be done (Enter goes on to area 2; "))
        #expect(script.output.contains("e 1 edits action 1 (its status too), d 1 deletes it (Enter goes on to area 2; "))
    }

    @Test func anOverlongDescriptionOrOwnerIsAskedAgain() throws {
        let script = PlainScript(toActions + [String(repeating: "w", count: 501), "Short", String(repeating: "o", count: 201), "Chair", "", "", "q"])
        let saved = try #require(script.run())
        #expect(script.output.contains("The description is 501 characters; at most 500 are kept"))
        #expect(script.output.contains("The owner is 201 characters; at most 200 are kept"))
        #expect(saved[area: "economic-development"].actions.map(\.owner) == ["Chair"])
    }
}

@Suite("Plain mode: complete, read-only and reopened")
struct PlainRecordTests {
    @Test func aCompleteAssessmentCanBeWalkedAndNothingIsWritten() {
        let script = PlainScript(["n", "g 1.1", "n", "", "", "g 1.10", "", "Add this", "e 1", "s", ""])
        script.run(PlainScript.completeAssessment(), resumedFrom: "/store/2026-11-22-west-yorkshire-ics.json")
        #expect(script.saves.isEmpty, "a read-only assessment is never written, not even where the board was")
        #expect(script.output.contains("Answer: Yes, in place."))
        #expect(script.count("This assessment is complete and read-only. To change it, type s for the summary, then c") == 3)
        #expect(script.output.contains("Summary of a complete, read-only assessment: c reopens it, x exports it"))
        #expect(script.output.hasSuffix("Finished; nothing was changed.\n"))
    }

    @Test func cOnTheSummaryReopensWithAReasonAndEnterCancels() throws {
        let script = PlainScript(["n", "c", "", "c", "Late evidence", "g 1.1", "n", "", "q"])
        let saved = try #require(script.run(PlainScript.completeAssessment(), resumedFrom: "/store/x.json"))
        #expect(script.count("Not reopened; nothing was changed.") == 2)
        #expect(saved.status == .draft)
        #expect(saved.events.last?.sentence == "Reopened on 2026-11-22 by chair: Late evidence")
        #expect(saved.answers[criterion(0, 0)] == .no)
    }

    @Test func cOnTheSummaryCompletesAndTheBoardCanStillGoOn() throws {
        let script = PlainScript(["s", "", "c", "h", ""])
        let saved = try #require(script.run())
        #expect(saved.status == .complete)
        #expect(script.output.contains("Marked complete (recorded). It is now read-only until reopened."))
        #expect(script.output.contains("Summary of a complete, read-only assessment: c reopens it"))
    }
}
