import MaturityFramework
import MaturityModel
import MaturityRules
import Testing
import TestSupport

/// Members' views, the spread, the agreed answer and dissent, as values.
@Suite("The board's views")
struct BoardViewsTests {
    let area = seedFramework.areas[0]
    var criterion: String { area.criteria[0].id }

    @Test func theSpreadCountsViewsAndTellsASplitBoard() {
        let spread = Spread([.yes, .yes, .yes, .partly, .partly, .no])
        #expect((spread.yes, spread.partly, spread.no, spread.unsure, spread.total) == (3, 2, 1, 0, 6))
        #expect(spread.commonest == 3 && spread.distinctAnswers == 3)
        #expect(abs(spread.disagreement - 0.5) < 1e-9)
        #expect(spread.isSplit)
        // Two in three agreeing is not split; a single view, or none, never is.
        #expect(!Spread([.yes, .yes, .no]).isSplit)
        #expect(Spread([.yes, .yes, .no, .no]).isSplit)
        #expect(!Spread([.no]).isSplit && !Spread().isSplit && Spread().disagreement == 0)
        #expect(Spread(yes: 1) + Spread(yes: 2, unsure: 1) == Spread(yes: 3, unsure: 1))
    }

    @Test func consensusIsTheShareOfViewsMatchingTheAgreedAnswer() {
        var record = AreaRecord(id: area.id)
        #expect(record.consensus == nil)
        let (first, second, third) = (area.criteria[0].id, area.criteria[1].id, area.criteria[2].id)
        record.views[first] = CriterionViews(named: ["Ann": .yes, "Bo": .yes, "Cy": .no])
        record.views[second] = CriterionViews(unnamed: Spread(yes: 1, partly: 3))
        // Views on a criterion with no agreed answer yet are not counted.
        record.views[third] = CriterionViews(named: ["Ann": .no])
        record.answers = [first: .yes, second: .partly]
        #expect(record.consensusCount == ConsensusCount(matched: 5, counted: 7))
        #expect(record.consensus.map { abs($0 - 5.0 / 7.0) < 1e-9 } == true)
    }

    @Test func aRoundTakesOneViewPerMemberThenTheAgreedAnswerThenDissent() {
        var round = ViewsRound(area: area.id, criterion: criterion, participants: ["Ann", "Bo", "Cy", "Di"], anonymous: false)
        #expect(round.askedNow == "Ann")
        round.give(.yes)
        round.give(nil)  // Bo passes
        round.give(.no)
        round.back()
        #expect(round.askedNow == "Cy")
        round.give(.partly)
        round.give(.yes)
        #expect(round.phase == .agreeing && round.askedNow == nil)
        #expect(round.views.named == ["Ann": .yes, "Cy": .partly, "Di": .yes])
        #expect(round.dissenters.isEmpty)
        round.agree(.yes)
        #expect(round.dissenters == ["Cy"])

        var assessment = Assessment(starting: seedFramework, system: "Test ICS", date: CalendarDate(year: 2026, month: 11, day: 24)!,
                                    participants: round.participants)
        assessment.record(round)
        assessment.addDissent("We have\nno evidence yet", by: "Cy", on: criterion, in: area.id)
        assessment.addDissent("   ", by: "Cy", on: criterion, in: area.id)
        #expect(assessment.answers[criterion] == .yes)
        #expect(assessment.views(on: criterion, in: area.id)?.dissents == [Dissent(participant: "Cy", note: "We have no evidence yet")])
        #expect(assessment.views(on: criterion, in: area.id)?.spread == Spread(yes: 2, partly: 1))
    }

    @Test func anAnonymousRoundKeepsCountsAndDissentWithoutNames() {
        var round = ViewsRound(area: area.id, criterion: criterion, participants: ["Ann", "Bo", "Cy"], anonymous: true)
        #expect(round.askedNow == "Member 1 of 3")
        for view in [Answer.no, .no, .yes] { round.give(view) }
        round.agree(.no)
        #expect(round.dissenters == ["Member 3 of 3"])
        var assessment = Assessment(starting: seedFramework, system: "Test ICS", date: CalendarDate(year: 2026, month: 11, day: 24)!,
                                    participants: round.participants)
        assessment.makeAnonymous()
        assessment.record(round)
        assessment.addDissent("Too early to say", by: "Cy", on: criterion, in: area.id)
        let views = assessment.views(on: criterion, in: area.id)
        #expect(views?.named.isEmpty == true && views?.unnamed == Spread(yes: 1, no: 2))
        #expect(views?.dissents == [Dissent(participant: nil, note: "Too early to say")])
    }

    @Test func turningAnonymousOnDropsTheNamesAlreadyRecorded() {
        var assessment = Assessment(starting: seedFramework, system: "Test ICS", date: CalendarDate(year: 2026, month: 11, day: 24)!)
        assessment[area: area.id].views[criterion] = CriterionViews(named: ["Ann": .yes, "Bo": .no], dissents: [Dissent(participant: "Bo", note: "No")])
        assessment.makeAnonymous()
        #expect(assessment.anonymousViews)
        #expect(assessment.views(on: criterion, in: area.id) == CriterionViews(unnamed: Spread(yes: 1, no: 1), dissents: [Dissent(participant: nil, note: "No")]))
    }

    @Test func questionsAreOrderedWidestSpreadFirst() {
        var assessment = Assessment(starting: seedFramework, system: "Test ICS", date: CalendarDate(year: 2026, month: 11, day: 24)!)
        let ids = area.criteria.map(\.id)
        assessment[area: area.id].views[ids[0]] = CriterionViews(unnamed: Spread(yes: 4))
        assessment[area: area.id].views[ids[1]] = CriterionViews(unnamed: Spread(yes: 2, no: 2))
        assessment[area: area.id].views[ids[2]] = CriterionViews(unnamed: Spread(yes: 2, partly: 1, no: 1))
        assessment[area: area.id].views[ids[3]] = CriterionViews(unnamed: Spread(yes: 3, no: 1))
        #expect(assessment.criteriaByDisagreement(in: seedFramework).map(\.criterion) == [ids[2], ids[1], ids[3], ids[0]])
    }
}

/// Attacks on rounds (views-attack): a name given twice must not lose a view.
@Suite("Rounds under attack")
struct RoundAttackTests {
    /// A sheet's comments are filed in the criterion's note as "Name: comment"; turning anonymous on
    /// (on resuming a draft) must drop those names too, or the note says who said what. A note line that
    /// names someone who gave no view on that question is the board's own, and stays.
    @Test func turningAnonymousOnDropsTheNamesOfCommentsInNotes() {
        let area = seedFramework.areas[0], criterion = seedFramework.areas[0].criteria[0].id
        var assessment = Assessment(starting: seedFramework, system: "Test ICS", date: CalendarDate(year: 2026, month: 11, day: 24)!)
        assessment[area: area.id].views[criterion] = CriterionViews(named: ["Zelda Secret": .yes, "Yuri": .no, "Smith: J": .no])
        assessment[area: area.id].notes[criterion] = "Agreed at the board\nZelda Secret: I think so\nYuri: Disagree strongly\nCarol: sends the plan\nSmith: J: No"
        assessment.makeAnonymous()
        #expect(assessment[area: area.id].notes[criterion] == "Agreed at the board\nI think so\nDisagree strongly\nCarol: sends the plan\nNo")
        CampaignReport.record("Anonymous mode turned on: sheet comments in notes", cases: 5,
                              how: "note lines of members with views lose their names; the board's own lines stay")
    }

    @Test func aParticipantNamedTwiceGivesOneViewAndLosesNone() {
        var round = ViewsRound(area: "economic-development", criterion: "econ-emerging-plan-known",
                               participants: ["Ann", "Bob", "Ann"], anonymous: false)
        #expect(round.participants == ["Ann", "Bob"])
        round.give(.yes)
        round.give(.no)
        #expect(round.phase == .agreeing)
        #expect(round.views.spread.total == 2)
        CampaignReport.record("Rounds: a participant named twice", cases: 1, how: "asked once; every view given is counted")
    }
}
