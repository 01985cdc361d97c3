import CellGrid
import Foundation
import MaturityFramework
import MaturityRules
import MaturityModel
import Testing
import TestSupport
@testable import WorkshopUI

/// Eight members of a board, as a facilitator names them on the start screen.
let boardMembers = ["Ann Baker", "Ben Carter", "Cathy Elliott", "Dev Patel", "Eve Shaw", "Fay Osei", "Gus Lund", "Hal Ngata"]

/// A workshop started with the eight members (anonymous if asked), on the first question (past the
/// area's metrics step, which → skips).
func boardState(anonymous: Bool = false, members: [String] = boardMembers, width: Int = 80, height: Int = 24) -> WorkshopState {
    var state = startState(system: "West Yorkshire ICS", width: width, height: height)
    press(keys(members.joined(separator: ", ")) + [.tab] + (anonymous ? keys(" ") : []) + [.tab, .tab, .enter, .enter, .right], on: &state)
    return state
}

/// The views of the tests' rounds: three yes, two partly, one no, two passes.
let roundKeys: [Key] = keys("yypyp") + [.character(" ")] + keys("n") + [.enter]

/// Issue 13: a round of views on the full screen, its spread, the agreed answer, dissents, anonymous
/// mode, views gathered beforehand and the summary's marks.
@Suite("Round of views on the workshop screen")
struct ViewsRoundScreenTests {
    @Test func vOpensARoundThatAsksEachMemberInTurn() throws {
        var state = boardState()
        #expect(state.step == .question(area: 0, criterion: 0))
        press(keys("v"), on: &state)
        #expect(state.round?.round.askedNow == "Ann Baker")
        try expectGolden(state, "round-turn-80x24")
        press(keys("yyp"), on: &state)
        try expectGolden(state, "round-turn-4-80x24")
        // Backspace goes back a turn; the view is given again.
        press([.backspace], on: &state)
        #expect(state.round?.round.askedNow == "Cathy Elliott")
        press(keys("y"), on: &state)
        #expect(state.round?.round.askedNow == "Dev Patel")
        #expect(state.assessment?[area: "economic-development"].views.isEmpty == true, "nothing is recorded before agreeing")
    }

    @Test func theSpreadIsShownAndTheBoardAgrees() throws {
        var state = boardState()
        press(keys("v") + roundKeys, on: &state)
        #expect(state.round?.round.phase == .agreeing)
        try expectGolden(state, "round-spread-80x24")
        let text = Renderer.render(state).grid.text
        #expect(text.contains("Yes 3 · Partly 2 · No 1 · Not sure 0 · 2 passed · split"))
        #expect(text.contains("Ben Carter"), "who said what is shown")
        let effects = press(keys("p"), on: &state)
        #expect(effects.contains(.createDraft) || effects.contains(.save))
        #expect(state.assessment?.answers["econ-emerging-plan-reviewed"] == .partly, "the agreed answer is the answer the rules use")
        #expect(state.assessment?.views(on: "econ-emerging-plan-reviewed", in: "economic-development")?.spread == Spread(yes: 3, partly: 2, no: 1))
        try expectGolden(state, "round-dissent-80x24")
    }

    @Test func eachMemberWhoseViewDiffersMayHaveADissentRecorded() throws {
        var state = boardState()
        press(keys("v") + roundKeys + keys("p"), on: &state)
        #expect(state.round?.askedForDissent == "Ann Baker")
        press(keys("We have no plan yet") + [.enter], on: &state)
        #expect(state.round?.askedForDissent == "Ben Carter")
        press([.enter, .enter], on: &state)
        #expect(state.round?.askedForDissent == "Gus Lund")
        press(keys("Too generous?") + [.enter], on: &state)
        #expect(state.overlay == nil, "the round closes after the last member whose view differs")
        let views = try #require(state.assessment?.views(on: "econ-emerging-plan-reviewed", in: "economic-development"))
        #expect(views.dissents == [Dissent(participant: "Ann Baker", note: "We have no plan yet"),
                                   Dissent(participant: "Gus Lund", note: "Too generous?")])
        #expect(state.step == .question(area: 0, criterion: 0), "the question stays, showing the record")
        try expectGolden(state, "round-recorded-80x24")
        press([.enter], on: &state)
        #expect(state.step == .question(area: 0, criterion: 1))
    }

    @Test func escLeavesTheRoundWithoutRecording() {
        var state = boardState()
        let before = state.assessment
        press(keys("v") + roundKeys + [.escape], on: &state)
        #expect(state.overlay == nil && state.assessment == before)
        press(keys("v") + keys("yy") + [.escape], on: &state)
        #expect(state.overlay == nil && state.assessment == before)
        #expect(state.message?.text.contains("nothing was recorded") == true)
    }

    @Test func aQuestionAnsweredDirectlyStillWorks() {
        var state = boardState()
        press(keys("p"), on: &state)
        #expect(state.assessment?.answers["econ-emerging-plan-reviewed"] == .partly)
        #expect(state.step == .question(area: 0, criterion: 1))
        #expect(state.assessment?[area: "economic-development"].views.isEmpty == true)
    }

    @Test func aRoundNeedsParticipants() {
        var state = boardState(members: [])
        press(keys("v"), on: &state)
        #expect(state.overlay == nil)
        #expect(state.message?.text.contains("needs participants") == true)
        #expect(state.message?.text.contains("start screen") == true)
    }

    @Test func theKeyHelpNamesTheRound() throws {
        var state = boardState()
        #expect(KeyHelp.hintLine(state, width: 79).contains("v views"))
        press(keys("?"), on: &state)
        #expect(Renderer.render(state).grid.text.contains("a round of views"))
        press([.escape, .character("v"), .help], on: &state)
        #expect(Renderer.render(state).grid.text.contains("this member passes"))
    }

    @Test func anonymousRoundsAskByNumberAndKeepNoNames() throws {
        var state = boardState(anonymous: true)
        #expect(state.assessment?.anonymousViews == true)
        press(keys("v"), on: &state)
        #expect(state.round?.round.askedNow == "Member 1 of 8")
        try expectGolden(state, "round-anonymous-turn-80x24")
        press(roundKeys, on: &state)
        let text = Renderer.render(state).grid.text
        #expect(text.contains("Yes 3 · Partly 2 · No 1 · Not sure 0"))
        #expect(!boardMembers.contains { text.contains($0) }, "no name on the anonymous spread")
        press(keys("p") + keys("Not convinced") + [.enter, .escape], on: &state)
        let views = try #require(state.assessment?.views(on: "econ-emerging-plan-reviewed", in: "economic-development"))
        #expect(views.named.isEmpty && views.unnamed == Spread(yes: 3, partly: 2, no: 1))
        #expect(views.dissents == [Dissent(participant: nil, note: "Not convinced")])
        try expectGolden(state, "round-anonymous-recorded-80x24")
    }

    @Test func theStartScreenHasTheAnonymousToggle() throws {
        var state = startState(system: "West Yorkshire ICS")
        press(keys("Ann, Ben") + [.tab], on: &state)
        #expect(state.start?.focus == .anonymous)
        press(keys(" "), on: &state)
        #expect(state.start?.anonymous == true)
        try expectGolden(state, "start-anonymous-80x24")
        press(keys(" "), on: &state)
        #expect(state.start?.anonymous == false)
    }

    /// A draft with named views, resumed from the start screen with anonymous mode on: y drops the names.
    @Test func turningAnonymousOnInADraftAsksFirst() throws {
        var draft = Assessment(starting: seedFramework, system: "West Yorkshire ICS", date: workshopDate, participants: ["Ann", "Ben"])
        draft[area: "economic-development"].views["econ-emerging-plan-reviewed"] = CriterionViews(named: ["Ann": .yes, "Ben": .no])
        let file = URL(filePath: "/store/2026-11-22-west-yorkshire-ics.json")
        for (key, anonymous) in [(Key.character("y"), true), (Key.character("n"), false)] {
            var state = startState(system: "West Yorkshire ICS", drafts: [.init(file: file, assessment: draft, framework: seedFramework)])
            press([.tab, .character(" "), .tab, .tab, .tab, .enter], on: &state)
            #expect(press([], on: &state).isEmpty)
            send(.lockedDraftRead(draft, file: file), to: &state)
            #expect(state.overlay == .confirmingAnonymous(namedQuestions: 1))
            #expect(state.message?.text.contains("drops those names") == true)
            let effects = press([key], on: &state)
            #expect(state.assessment?.anonymousViews == anonymous)
            #expect(state.assessment?.views(on: "econ-emerging-plan-reviewed", in: "economic-development")?.named.isEmpty == anonymous)
            #expect(effects.contains(.save) == anonymous)
        }
    }

    @Test func viewsGatheredBeforehandShowBeforeTheBoardAgrees() throws {
        var state = boardState()
        state.assessment?[area: "economic-development"].views["econ-emerging-plan-reviewed"] =
            CriterionViews(named: ["Ann Baker": .yes, "Ben Carter": .no, "Dev Patel": .no, "Eve Shaw": .partly],
                           dissents: [Dissent(participant: "Cathy Elliott", note: "The plan is out of date")])
        let text = Renderer.render(state).grid.text
        #expect(text.contains("Views: Yes 1 · Partly 1 · No 2 · Not sure 0 · split · not yet agreed"))
        #expect(text.contains("The plan is out of date"))
        try expectGolden(state, "question-views-80x24")
    }

    /// With views gathered beforehand, the overview offers the questions widest spread first (o), then
    /// framework order again.
    @Test func questionsCanBeTakenInOrderOfDisagreement() throws {
        var state = startedState()
        let economy = seedFramework.areas[0].criteria.map(\.id), climate = seedFramework.areas[2].criteria.map(\.id)
        state.assessment?[area: "economic-development"].views[economy[4]] = CriterionViews(unnamed: Spread(yes: 2, no: 2))
        state.assessment?[area: "economic-development"].views[economy[1]] = CriterionViews(unnamed: Spread(yes: 3, no: 1))
        state.assessment?[area: "climate-change"].views[climate[2]] = CriterionViews(unnamed: Spread(yes: 1, partly: 1, no: 1, unsure: 1))
        state.message = nil
        #expect(Renderer.render(state).grid.text.contains("Views on 3 questions not yet agreed: o takes them widest spread first"))
        press(keys("o"), on: &state)
        #expect(state.step == .question(area: 2, criterion: 2), "the widest spread first")
        #expect(Renderer.render(state).grid.text.contains("by disagreement 1 of 3"))
        press(keys("y"), on: &state)
        #expect(state.step == .question(area: 0, criterion: 4))
        press(keys("n"), on: &state)
        #expect(state.step == .question(area: 0, criterion: 1))
        press(keys("y"), on: &state)
        #expect(state.agenda == nil && state.step == .question(area: 0, criterion: 0), "then framework order, at the first open question")
        #expect(state.message?.text.contains("back to framework order") == true)
    }

    @Test func theSummaryMarksSplitQuestionsAndShowsConsensus() throws {
        var state = boardState()
        press(keys("v") + roundKeys + keys("p") + [.escape], on: &state)
        // The second question: every member says yes, the board agrees yes.
        press([.enter, .character("v")] + Array(repeating: .character("y"), count: 8) + keys("y"), on: &state)
        press(keys("s"), on: &state)
        let text = Renderer.render(state).grid.text
        #expect(text.contains("Economy consensus 71%"))
        // 2 + 8 matched of 6 + 8 views: 71%.
        #expect(text.contains("71%"))
        #expect(text.contains("split"))
        try expectGolden(state, "summary-views-80x24")
    }

    @Test func everyRoundScreenFitsFrom80x24To200x50() {
        var frames = 0
        for (width, height) in [(80, 24), (100, 30), (133, 40), (200, 50), (60, 18), (44, 12)] {
            var state = boardState(width: width, height: height)
            var screens: [Frame] = []
            press(keys("v"), on: &state)
            screens.append(Renderer.render(state))
            press(roundKeys, on: &state)
            screens.append(Renderer.render(state))
            press(keys("p"), on: &state)
            screens.append(Renderer.render(state))
            press(keys(String(repeating: "x", count: 250)) + [.enter, .escape], on: &state)
            screens.append(Renderer.render(state))
            for frame in screens {
                #expect(frame.grid.width == width && frame.grid.height == height)
                frames += 1
            }
            if width >= 80 {
                #expect(screens[1].grid.text.contains("Yes 3 · Partly 2 · No 1 · Not sure 0 · 2 passed"), "the whole spread at \(width)x\(height)")
                #expect(screens[1].grid.text.contains("The board agrees:"), "the agree prompt at \(width)x\(height)")
                #expect(screens[2].grid.text.contains("Dissent 1 of 4 · Ann Baker said Yes, in place"), "at \(width)x\(height)")
                #expect(screens[3].grid.text.contains("Views: Yes 3 · Partly 2 · No 1 · Not sure 0"), "at \(width)x\(height)")
            }
        }
        CampaignReport.record("Workshop: a round of views (turns, spread, agreeing, dissent, the record) at 44x12 to 200x50",
                              cases: frames, how: "rendered to a cell grid: right size; at 80 columns and more the spread, "
                                  + "the agree prompt and the dissent prompt whole")
    }
}

/// Issue 13, attacked: many members with long names, wide characters and escapes, a complete assessment,
/// and a dissent longer than its limit.
@Suite("Round of views, attacked")
struct ViewsRoundAttackTests {
    @Test func manyLongNamesFoldAndThePromptsStayInView() {
        let members = (1...60).map { "Member-with-a-very-long-name-\($0) 日本 \u{1B}[31m" }
        var frames = 0
        for (width, height) in [(80, 24), (44, 12), (120, 40)] {
            // As a file could name them (the start screen's field holds at most 1000 characters, without escapes).
            var state = boardState(width: width, height: height)
            state.assessment?.participants = members
            press(keys("v") + Array(repeating: .character("y"), count: 30) + Array(repeating: .character("n"), count: 30), on: &state)
            let agreeing = Renderer.render(state)
            #expect(agreeing.grid.text.contains("The board agrees:"), "at \(width)x\(height):\n\(agreeing.grid.text)")
            #expect(!agreeing.grid.text.contains("\u{1B}"), "no escape reaches the screen")
            press(keys("y"), on: &state)
            let dissent = Renderer.render(state)
            #expect(dissent.grid.text.contains("Dissent 1 of 30"), "at \(width)x\(height)")
            #expect(dissent.cursor != nil, "the dissent's field has the cursor at \(width)x\(height)")
            frames += 2
        }
        CampaignReport.record("Workshop: a round of 60 members with long names, wide characters and escapes at 44x12 to 120x40",
                              cases: frames, how: "rendered: the agree prompt and the dissent field stay in view; no escape drawn")
    }

    @Test func aDissentIsOneLineCutAtItsLimit() throws {
        var state = boardState()
        press(keys("v") + roundKeys + keys("p") + keys(String(repeating: "x", count: 250)), on: &state)
        #expect(state.message?.text.contains("at most 200 characters") == true)
        press([.enter, .escape], on: &state)
        let views = try #require(state.assessment?.views(on: "econ-emerging-plan-reviewed", in: "economic-development"))
        #expect(views.dissents.map(\.note.count) == [200])
    }

    @Test func aCompleteAssessmentRefusesARound() throws {
        var state = boardState()
        var assessment = try #require(state.assessment)
        assessment.status = .complete
        state.assessment = assessment
        press(keys("v"), on: &state)
        #expect(state.overlay == nil)
        #expect(state.message?.text.contains("read-only") == true)
    }

    @Test func helpAndQuittingWorkDuringARound() {
        var state = boardState()
        press(keys("v?"), on: &state)
        #expect(state.showsHelp)
        press([.escape], on: &state)
        #expect(state.round?.round.askedNow == "Ann Baker", "closing help keeps the round")
        #expect(press([.control("c")], on: &state) == [.quit])
    }
}
