import Foundation
import Testing
import TestSupport

/// Issue 13 in plain mode through the real binary with piped input: a round of views, named and
/// anonymous, read back within the one session (views are saved to disk by another branch).
@Suite("Plain mode views end to end")
struct PlainViewsEndToEndTests {
    /// The start, for participants `members`: the date, the participants, the first framework.
    static func start(_ members: String) -> [String] {
        ["2026-11-20", members, "1"]
    }

    @Test func aRoundOfViewsThenTheAgreedAnswerADissentAndTheSummary() throws {
        let sandbox = try Sandbox()
        // Question 1: a round (Ann yes, Bob partly, Cy passes), agreed yes, Bob dissents; no note.
        // Question 2 answered directly; then to the summary, not completed, and finished.
        var lines = Self.start("Ann, Bob, Cy") + ["v", "y", "p", "", "y", "Not yet minuted", ""]
        lines += ["p", "", "g 1.1", "", "", "s", "", ""]
        let result = try sandbox.run(["workshop", "--plain", "--system", "Views ICS"], input: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(out.contains("v round of views; b back"))
        #expect(out.contains("Ann's view (y/p/n/u, Enter to pass): Bob's view (y/p/n/u, Enter to pass): Cy's view (y/p/n/u, Enter to pass): "
            + "Spread: Yes 1 · Partly 1 · No 0 · Not sure 0 (split).\nWho said what: Ann: Yes, in place; Bob: Partly.\nPassed: Cy.\n"))
        #expect(out.contains("Agreed: Yes, in place.\nDissent of Bob (who said partly), one line (Enter for none): "))
        // Back at question 1 in the same session: the spread and Bob's dissent, before the prompt.
        #expect(out.contains("Views: Yes 1 · Partly 1 · No 0 · Not sure 0 (split).\nWho said what: Ann: Yes, in place; Bob: Partly.\n"
            + "Dissent of Bob: Not yet minuted\nAnswer y"))
        #expect(out.contains("Views: consensus 50% (1 of 2 views matched the agreed answer); split on question 1.\n"))
        let file = try onlyStoreFile(sandbox)
        let answers = try #require((try fileObject(file)["areas"] as? [[String: Any]])?.first?["answers"] as? [String: String])
        #expect(answers.count == 2 && Set(answers.values) == ["yes", "partly"], "the agreed answers are saved")
        CampaignReport.record("Plain mode views through the binary: a round, dissent, shown again, summary", cases: 1,
                              how: "piped: three members (one pass), agreed answer and dissent; the spread and dissent heard "
                                  + "again at the question; consensus 50% and the split question on the summary")
    }

    @Test func anonymousViewsSetAtTheStartNeverPrintAName() throws {
        let sandbox = try Sandbox()
        let lines = Self.start("anonymous: Zara, Yusuf, Xander") + ["v", "n", "n", "y", "n", "", "", "s", "", ""]
        let result = try sandbox.run(["workshop", "--plain", "--system", "Quiet ICS"], input: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(out.contains("Views will be taken without names: no name is shown or kept with a view or a dissent.\n"))
        #expect(out.contains("Member 1 of 3's view (y/p/n/u, Enter to pass): "))
        #expect(out.contains("Spread: Yes 1 · Partly 0 · No 2 · Not sure 0.\nAgreed answer"))
        #expect(out.contains("Dissent of Member 3 of 3, one line (Enter for none): "))
        for name in ["Zara", "Yusuf", "Xander"] { #expect(!out.contains(name), "\(name) printed") }
        #expect(out.contains("Views: consensus 67% (2 of 3 views matched the agreed answer).\n"))
        // "anonymous" alone, then the names on the next line, works the same.
        let twoLines = try sandbox.run(["workshop", "--plain", "--system", "Quiet Two ICS"],
                                       input: (["2026-11-20", "anonymous", "Zara, Yusuf", "1", "v", "y", "y", "y", "", "q"])
                                           .joined(separator: "\n") + "\n")
        #expect(twoLines.status == 0, "\(twoLines.stderr)")
        #expect(twoLines.stdout.contains("Participants, separated by commas (their views are taken without names): "))
        #expect(twoLines.stdout.contains("Member 2 of 2's view"))
        for name in ["Zara", "Yusuf"] { #expect(!twoLines.stdout.contains(name), "\(name) printed") }
        CampaignReport.record("Plain mode views through the binary: anonymous from the start", cases: 2,
                              how: "piped: \"anonymous:\" before the names, or alone on its line; members asked by number, "
                                  + "no name printed, consensus on the summary")
    }
}
