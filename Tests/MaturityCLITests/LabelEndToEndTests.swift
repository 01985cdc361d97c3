import Foundation
import Testing
import TestSupport

/// Labels as the binary shows them: in `frameworks show`, the explanation and `progress`.
@Suite("Criterion labels in the binary's output")
struct LabelEndToEndTests {
    /// What `frameworks show --format json` says of each criterion.
    struct Shown: Decodable {
        struct Area: Decodable {
            struct Criterion: Decodable { var id: String, label: String }
            var criteria: [Criterion]
        }
        var areas: [Area]
    }

    @Test(arguments: ["anchor-institution-charter", "ics-social-economic-development"])
    func everyLabelTheBinaryShowsStandsAlone(_ id: String) throws {
        let sandbox = try Sandbox()
        let result = try sandbox.run(["frameworks", "show", id, "--format", "json"])
        try #require(result.status == 0, "\(result.stderr)")
        let shown = try JSONDecoder().decode(Shown.self, from: Data(result.stdout.utf8))
        let labels = shown.areas.flatMap(\.criteria).map { (id: $0.id, label: $0.label) }
        #expect(labels.count > 10)
        #expect(LabelCheck.problems(labels) == [])
    }

    @Test func theExplanationAndProgressNameWhatEachGapIsAbout() throws {
        let sandbox = try Sandbox()
        let answers = try sandbox.write("{\"employ-emerging-policies-reviewed\": \"yes\", \"employ-emerging-people-plan\": \"partly\"}",
                                        to: "answers.json")
        let path = try made(sandbox, ["--system", "Label ICS", "--date", "2026-11-22", "--answers", answers])
        let shown = try #require(try json(try sandbox.run(["show", path, "--format", "json"]).stdout) as? [String: Any])
        let employment = try #require((shown["areas"] as? [[String: Any]])?.first { $0["id"] as? String == "quality-employment" })
        let explanation = try #require(employment["explanation"] as? String)
        #expect(explanation.contains("still needed: People Plan guided by the area's employment policies (partly)"), "\(explanation)")
        let yes = try sandbox.write("{\"employ-emerging-policies-reviewed\": \"yes\", \"employ-emerging-people-plan\": \"yes\"}",
                                    to: "yes.json")
        _ = try made(sandbox, ["--system", "Label ICS", "--date", "2027-11-22", "--answers", yes])
        let progress = try sandbox.run(["progress", "--system", "Label ICS"])
        #expect(progress.stdout.contains("Newly met: People Plan guided by the area's employment policies"), "\(progress.stdout)")
    }
}
