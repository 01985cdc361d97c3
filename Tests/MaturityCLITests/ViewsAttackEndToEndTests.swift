import Foundation
import Testing
import TestSupport

/// The real binary attacked through issue 13's features (views-attack).
@Suite("Views attacked, end to end")
struct ViewsAttackEndToEndTests {
    /// `--participant Ann --participant Ann` names one participant: views are kept by name, so a second
    /// Ann would be asked in a round and her view would replace the first one's.
    @Test func aParticipantGivenTwiceIsNamedOnce() throws {
        let sandbox = try Sandbox()
        let made = try sandbox.run(["new", "--system", "Twice ICS", "--date", "2026-11-22", "--participant", "Ann",
                                    "--participant", "Bob", "--participant", " Ann"])
        #expect(made.status == 0, "\(made.stderr)")
        let path = made.stdout.trimmingCharacters(in: .newlines)
        let file = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        #expect(file["participants"] as? [String] == ["Ann", "Bob"])
        CampaignReport.record("Participants named twice (new --participant)", cases: 1, how: "the saved file names each once")
    }

    /// A JSON sheet giving a member twice, with two different views, is refused with one line, and no
    /// file is written.
    @Test func aJSONSheetGivingAMemberTwiceIsRefused() throws {
        let sandbox = try Sandbox()
        let sheet = try sandbox.write(#"{"views": {"Ann": {"econ-emerging-plan-known": "yes"}, "Ann": {"econ-emerging-plan-known": "no"}}}"#,
                                      to: "twice.json")
        let made = try sandbox.run(["new", "--system", "Twice ICS", "--answers", sheet])
        #expect(made.status == 1)
        #expect(made.stderr.contains("'Ann' is given more than once"), "\(made.stderr)")
        #expect(made.stdout.isEmpty)
        CampaignReport.record("Answer sheets: JSON keys given twice, through maturity new", cases: 1,
                              how: "exit 1, one line naming the key, no file written")
    }
}
