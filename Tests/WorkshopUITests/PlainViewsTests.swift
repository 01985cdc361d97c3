import Foundation
import MaturityFramework
import MaturityModel
import MaturityRules
import Testing
import TestSupport
@testable import WorkshopUI

/// Issue 13 in plain mode: a round of views line by line, the spread, the agreed answer and dissent;
/// views gathered beforehand, shown and taken widest spread first; anonymous views; the summary.
@Suite("Plain mode: the board's views")
struct PlainViewsTests {
    static let members = ["Ann", "Bob", "Cy"]

    /// A new assessment whose participants are Ann, Bob and Cy (anonymous when asked).
    static func board(anonymous: Bool = false) -> Assessment {
        var assessment = Assessment(starting: seedFramework, system: "West Yorkshire ICS", date: workshopDate, participants: members)
        if anonymous { assessment.makeAnonymous() }
        return assessment
    }

    @Test func aRoundAsksEachMemberThenTheSpreadThenTheAgreedAnswerThenDissent() throws {
        // Ann yes, Bob partly, Cy no; agreed yes; Bob dissents, Cy does not; no note; then stop.
        let script = PlainScript(["v", "y", "p", "n", "y", "We have not seen the plan", "", "", "q"])
        let saved = try #require(script.run(Self.board()))
        let question = criterion(0, 0)
        #expect(script.output.contains("v round of views; "), "the question's prompt names the command")
        #expect(script.output.contains("Ann's view (y/p/n/u, Enter to pass): Bob's view (y/p/n/u, Enter to pass): "
            + "Cy's view (y/p/n/u, Enter to pass): Spread: Yes 1 · Partly 1 · No 1 · Not sure 0 (split).\n"
            + "Who said what: Ann: Yes, in place; Bob: Partly; Cy: No.\n"))
        #expect(script.output.contains("Agreed: Yes, in place.\nDissent of Bob (who said partly), one line (Enter for none): "
            + "Dissent of Cy (who said no), one line (Enter for none): Note or evidence"))
        #expect(!script.output.contains("Dissent of Ann"), "Ann's view is the agreed answer")
        #expect(saved.answers[question] == .yes)
        let views = try #require(saved.views(on: question, in: "economic-development"))
        #expect(views.named == ["Ann": .yes, "Bob": .partly, "Cy": .no])
        #expect(views.dissents == [Dissent(participant: "Bob", note: "We have not seen the plan")])
        #expect(script.output.contains("Question 2 of 10"), "the workshop goes on to the next question")
        CampaignReport.record("Plain mode: a round of views (views, spread, agreed answer, dissent)", cases: 1,
                              how: "scripted lines: each member's prompt by name, the spread line, agreed answer and one dissent kept")
    }

    @Test func aMemberMayPassAndOnlyDifferingViewsAreAskedForDissent() throws {
        let script = PlainScript(["v", "", "no", "", "n", "", "q"])
        let saved = try #require(script.run(Self.board()))
        #expect(script.output.contains("Spread: Yes 0 · Partly 0 · No 1 · Not sure 0.\nWho said what: Bob: No.\nPassed: Ann, Cy.\n"))
        #expect(!script.output.contains("Dissent of"), "a pass is no view, so nobody differs")
        let views = try #require(saved.views(on: criterion(0, 0), in: "economic-development"))
        #expect(views.named == ["Bob": .no])
        #expect(saved.answers[criterion(0, 0)] == .no)
    }

    @Test func badInputIsAskedAgainAndBGoesBackOneMember() throws {
        // "maybe" at Bob's view, "b" back to Ann (corrected to partly), "zz" at the agreement, "b" there
        // back to Cy (changed to partly), then agreed partly: nobody differs.
        let script = PlainScript(["v", "y", "maybe", "b", "p", "p", "y", "zz", "b", "p", "p", "", "q"])
        let saved = try #require(script.run(Self.board()))
        #expect(script.output.contains("Please type y, p, n or u for Bob's view, press Enter to pass, or b for the member before.\n"))
        #expect(script.output.contains("Please type y, p, n or u for the board's agreed answer, Enter to agree it later, or b to go back.\n"))
        #expect(script.count("Ann's view (y/p/n/u") == 2 && script.count("Cy's view (y/p/n/u") == 2)
        let views = try #require(saved.views(on: criterion(0, 0), in: "economic-development"))
        #expect(views.named == ["Ann": .partly, "Bob": .partly, "Cy": .partly])
        #expect(saved.answers[criterion(0, 0)] == .partly)
        #expect(!script.output.contains("Dissent of"))
        // "b" at the first member has nowhere to go, and says so.
        let first = PlainScript(["v", "b", "y", "y", "y", "y", "", "q"])
        first.run(Self.board())
        #expect(first.output.contains("This is the first member; there is no one before.\n"))
        CampaignReport.record("Plain mode: a round's bad input, passes and going back", cases: 3,
                              how: "scripted: an unknown view and agreement re-asked with one line, b back one member, passes")
    }

    @Test func theEndOfInputLeavesTheRoundUnrecordedAndLosesNothingSaved() throws {
        // Question 1 answered directly; a round on question 2 ends before the agreement.
        let script = PlainScript(["y", "", "v", "y", "n"])
        let saved = try #require(script.run(Self.board()))
        #expect(saved.answers[criterion(0, 0)] == .yes)
        #expect(saved.answers[criterion(0, 1)] == nil)
        #expect(saved.views(on: criterion(0, 1), in: "economic-development") == nil)
        #expect(script.output.contains("Input ended before the board agreed; this round of views was not recorded.\n"))
        #expect(script.output.contains("Input ended. Everything is saved in /store/"))
    }

    @Test func enterAtTheAgreementKeepsTheViewsAndTheAnswerIsAgreedLater() throws {
        let script = PlainScript(["v", "y", "y", "n", "", "y", "", "", "q"])
        let saved = try #require(script.run(Self.board()))
        #expect(script.output.contains("The views are kept; the answer is not agreed yet.\n"))
        // Then answered directly at the question: Cy differs and is asked.
        #expect(script.output.contains("Dissent of Cy (who said no), one line (Enter for none): "))
        #expect(saved.answers[criterion(0, 0)] == .yes)
        #expect(saved.views(on: criterion(0, 0), in: "economic-development")?.named.count == 3)
    }

    @Test func aQuestionAnsweredDirectlyStillWorksAndNoParticipantsMeansNoRound() throws {
        let script = PlainScript(["v", "p", "", "q"])
        let saved = try #require(script.run())
        #expect(script.output.contains("none was named at the start. Answer the question directly with y, p, n or u.\n"))
        #expect(!script.output.contains("v round of views"), "not offered without participants")
        #expect(saved.answers[criterion(0, 0)] == .partly)
        #expect(saved.areas.allSatisfy { $0.views.isEmpty })
    }

    @Test func anAnonymousRoundNeverPrintsOrKeepsANameAndItsDissentHasNoAuthor() throws {
        let script = PlainScript(["v", "y", "n", "n", "y", "Too early to say", "", "", "q"])
        let saved = try #require(script.run(Self.board(anonymous: true)))
        #expect(script.output.contains("Member 1 of 3's view (y/p/n/u, Enter to pass): Member 2 of 3's view"))
        #expect(script.output.contains("Spread: Yes 1 · Partly 0 · No 2 · Not sure 0.\nAgreed answer"))
        #expect(script.output.contains("Dissent of Member 2 of 3, one line (Enter for none): "))
        for name in Self.members { #expect(!script.output.contains(name), "\(name) printed") }
        let views = try #require(saved.views(on: criterion(0, 0), in: "economic-development"))
        #expect(views.named.isEmpty && views.unnamed == Spread(yes: 1, no: 2))
        #expect(views.dissents == [Dissent(participant: nil, note: "Too early to say")])
        // Shown again at the question: the spread and the dissent, with no name.
        var reread = saved
        reread.position = WorkshopPosition(step: "question", area: "economic-development", criterion: criterion(0, 0))
        let again = PlainScript(["q"])
        again.run(reread)
        #expect(again.output.contains("Views: Yes 1 · Partly 0 · No 2 · Not sure 0.\nDissent: Too early to say\n"))
        for name in Self.members { #expect(!again.output.contains(name), "\(name) printed") }
        CampaignReport.record("Plain mode: an anonymous round", cases: 2,
                              how: "scripted: members asked by number, no name printed, views counted only, dissent without author")
    }

    @Test func aTooLongDissentIsAskedAgain() throws {
        let long = String(repeating: "x", count: Dissent.noteLimit + 1)
        let script = PlainScript(["v", "n", "y", "y", "y", long, "Shorter", "", "q"])
        let saved = try #require(script.run(Self.board()))
        #expect(script.output.contains("The dissent is 201 characters; at most 200 are kept; nothing was kept. Type it again, shorter, or press Enter.\n"))
        #expect(saved.views(on: criterion(0, 0), in: "economic-development")?.dissents.map(\.note) == ["Shorter"])
    }

    /// Views gathered beforehand on three questions of economy: question 3 split three ways, question 5
    /// two to one, question 2 unanimous.
    static func gathered() -> Assessment {
        var assessment = board()
        assessment[area: "economic-development"].views = [
            criterion(0, 1): CriterionViews(named: ["Ann": .yes, "Bob": .yes, "Cy": .yes]),
            criterion(0, 2): CriterionViews(named: ["Ann": .yes, "Bob": .no, "Cy": .partly],
                                            dissents: [Dissent(participant: "Cy", note: "Only on paper")]),
            criterion(0, 4): CriterionViews(named: ["Ann": .no, "Bob": .no, "Cy": .yes]),
        ]
        return assessment
    }

    @Test func viewsGatheredBeforehandAreShownBeforeTheBoardAgrees() throws {
        // The order is declined; questions 1 and 2 answered, then 3 directly, Ann and Bob asked for dissent.
        let script = PlainScript(["n", "", "", "y", "", "p", "", "Not started", "", "q"])
        let saved = try #require(script.run(Self.gathered()))
        #expect(script.output.contains("Views were gathered beforehand on 3 questions not yet agreed, 1 of them split.\n"))
        #expect(script.output.contains("(Enter for no, the usual order): \n== Area 1 of 3"))
        #expect(script.output.contains("Question 3 of 10 (Emerging): ")
            && script.output.contains("Views: Yes 1 · Partly 1 · No 1 · Not sure 0 (split).\n"
                + "Who said what: Ann: Yes, in place; Bob: No; Cy: Partly.\n"
                + "Dissent of Cy: Only on paper\nAnswer y"))
        #expect(script.output.contains("Dissent of Ann (who said yes, in place), one line (Enter for none): "
            + "Dissent of Bob (who said no), one line (Enter for none): Note"))
        #expect(saved.answers[criterion(0, 2)] == .partly)
        #expect(saved.views(on: criterion(0, 2), in: "economic-development")?.dissents
            == [Dissent(participant: "Cy", note: "Only on paper"), Dissent(participant: "Bob", note: "Not started")])
    }

    @Test func questionsWithViewsAreTakenWidestSpreadFirstThenTheSummary() throws {
        // Question 3 partly (Ann and Bob differ: no dissent), question 5 no (Cy differs), question 2 yes.
        let script = PlainScript(["y", "p", "", "", "", "n", "", "", "y", "", "", ""])
        let saved = try #require(script.run(Self.gathered()))
        let order = script.output.components(separatedBy: "\n").filter { $0.hasPrefix("Question ") }.map { $0.prefix(15) }
        #expect(order == ["Question 3 of 1", "Question 5 of 1", "Question 2 of 1"], "\(order)")
        #expect(script.output.contains("That was the last question with views gathered beforehand.\n\n== Summary"))
        #expect(saved.answers[criterion(0, 2)] == .partly && saved.answers[criterion(0, 4)] == .no && saved.answers[criterion(0, 1)] == .yes)
        // Once agreed, nothing is offered again.
        let again = PlainScript(["q"])
        again.run(saved)
        #expect(!again.output.contains("gathered beforehand"))
        CampaignReport.record("Plain mode: views gathered beforehand, taken widest spread first", cases: 2,
                              how: "scripted: three questions with views asked split first, then two to one, then unanimous; then the summary")
    }

    @Test func bInTheSpreadOrderGoesToTheQuestionBefore() throws {
        let script = PlainScript(["y", "p", "", "", "", "b", "", "", "q"])
        script.run(Self.gathered())
        let order = script.output.components(separatedBy: "\n").filter { $0.hasPrefix("Question ") }.map { $0.prefix(15) }
        #expect(order == ["Question 3 of 1", "Question 5 of 1", "Question 3 of 1", "Question 5 of 1"], "\(order)")
    }

    @Test func theSummaryMarksSplitQuestionsAndGivesEachAreasConsensus() throws {
        var assessment = Self.gathered()
        assessment[area: "economic-development"].answers = [criterion(0, 1): .yes, criterion(0, 2): .yes, criterion(0, 4): .no]
        let script = PlainScript(["s", "", "l", ""])
        script.run(assessment)
        // 3 + 1 + 2 of 9 views matched.
        #expect(script.output.contains("Views: consensus 67% (6 of 9 views matched the agreed answer); split on question 3.\n"))
        #expect(script.output.contains("A question is split: no answer was given by at least two in three of the views.\n"))
        #expect(script.output.contains("  1.3 Yes, in place, split: "))
        let otherAreas = script.output.components(separatedBy: "\n").filter { ($0.hasPrefix("Area 2,") || $0.hasPrefix("Area 3,")) && $0.contains("of the way") }
        #expect(otherAreas.count == 2 && otherAreas.allSatisfy { !$0.contains("Views:") }, "no views, no figure")
        // Without views, nothing about them.
        let plain = PlainScript(["s", ""])
        plain.run()
        #expect(!plain.output.contains("consensus") && !plain.output.contains("split"))
        CampaignReport.record("Plain mode: the summary's split questions and consensus", cases: 2,
                              how: "scripted: consensus 67% (6 of 9) and the split question named; nothing said without views")
    }

    @Test func viewsFromAFileAreSaidInertly() {
        // A name and a dissent holding an escape and a line break, as a hostile file could carry them.
        var assessment = Self.board()
        assessment[area: "economic-development"].views[criterion(0, 0)] = CriterionViews(
            named: ["Eve\u{1B}[2J": .no], dissents: [Dissent(participant: "Eve\nFORGED", note: "x\u{1B}]0;title\u{07}\nFORGED")])
        let script = PlainScript(["q"])
        script.run(assessment)
        #expect(!script.output.contains("\u{1B}") && !script.output.contains("\u{07}"))
        #expect(!script.output.split(separator: "\n").contains { $0.hasPrefix("FORGED") })
        #expect(script.output.contains("Who said what: Eve\\u{1B}[2J: No.\n"))
        CampaignReport.record("Escape injection: plain mode's views and dissents from a file", cases: 1,
                              how: "a name and a dissent with ESC, BEL and a line break said inertly, no forged line")
    }

    @Test func helpListsTheRound() {
        let script = PlainScript(["?", "q"])
        script.run(Self.board())
        #expect(script.output.contains("  v            a round of views: each participant in turn types y, p, n or u"))
    }
}
