import Foundation
import Testing
import TestSupport

/// Issue 13: a facilitator runs a round of views in tmux at 80x24, with one key per member.
@Suite("Round of views in tmux", .serialized)
struct ViewsRoundEndToEndTests {
    static let members = ["Ann Baker", "Ben Carter", "Cathy Elliott", "Dev Patel", "Eve Shaw", "Fay Osei", "Gus Lund", "Hal Ngata"]

    @Test func aFacilitatorRunsARoundWithOneKeyPerMemberAgreesAndRecordsADissent() throws {
        let sandbox = try Sandbox()
        let session = try TmuxSession(["workshop", "--system", "West Yorkshire ICS"], sandbox: sandbox)
        try session.waitFor("▸ Participants")
        try session.type(Self.members.joined(separator: ", "))
        try session.press("Tab", "Tab", "Tab", "Enter")
        try session.waitFor("Overview")
        try session.press("Enter", "Right")
        try session.waitFor("Question 1 of 10")
        let help = try session.screen().split(separator: "\n").last.map(String.init) ?? ""
        #expect(help.contains("v views"), "the key line names the round")
        try session.type("v")
        // One key per member: y y p y p, a pass (Space), n, a pass (Enter).
        let views: [String] = ["y", "y", "p", "y", "p", " ", "n", "Enter"]
        for (member, key) in zip(Self.members, views) {
            try session.waitFor("\(member), your view:")
            if key == "Enter" { try session.press("Enter") } else { try session.type(key) }
        }
        let spread = try session.waitForWholeFrame("The board agrees:")
        #expect(spread.contains("Yes 3 · Partly 2 · No 1 · Not sure 0 · 2 passed · split"))
        #expect(spread.contains("Yes, in place   Ann Baker, Ben Carter, Dev Patel"))
        #expect(spread.contains("Passed          Fay Osei, Hal Ngata"))
        try session.type("p")
        try session.waitFor("Dissent 1 of 4 · Ann Baker said Yes, in place")
        try session.type("We have no plan yet")
        try session.press("Enter")
        try session.waitFor("Dissent 2 of 4 · Ben Carter")
        try session.press("Escape")
        let recorded = try session.waitForWholeFrame("Round recorded: Partly agreed, 1 dissent.")
        #expect(recorded.contains("Views: Yes 3 · Partly 2 · No 1 · Not sure 0 · split"))
        #expect(recorded.contains("Dissent · Ann Baker: We have no plan yet"))
        #expect(recorded.contains("▸ (●) p  Partly"), "the agreed answer is the question's answer")
        try session.waitUntil("the round saved") { TmuxSession.showsSaved($0.split(separator: "\n").first.map(String.init) ?? "") }
        try session.type("s")
        let summary = try session.waitForWholeFrame("Summary")
        #expect(summary.contains("1.  Partly         split Have the ICP and ICB"), "the split question is marked")
        #expect(summary.contains("Economy consensus 33%"), "2 of the 6 views matched the agreed answer")
        for line in summary.split(separator: "\n") { #expect(line.count <= 80) }
        try session.type("q")
        #expect(try session.ending().exit == "exit=0")
        CampaignReport.record("Workshop: a round of views with 8 members in tmux at 80x24", cases: 1,
                              how: "tmux: v, one key per member, the spread, agreeing, a dissent, the summary's split mark and consensus")
    }
}
