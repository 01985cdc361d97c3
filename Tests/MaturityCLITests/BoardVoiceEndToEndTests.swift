import Foundation
import Testing
import TestSupport

/// `show`, `list`, `export` and `progress` of files without views, as the board's views arrive: each
/// area's criterion count is `criteriaCount`, `criteria` lists them, `consensus` is null. (Views saved
/// in files come with the views-file change; until then these outputs are checked in process.)
@Suite("Outputs of files without views")
struct BoardVoiceEndToEndTests {
    @Test func showAndListJSONListTheCriteriaAndCountThemAsCriteriaCount() throws {
        let sandbox = try Sandbox()
        let answers = try sandbox.write("{\"econ-emerging-plan-reviewed\": \"yes\", \"econ-emerging-plan-known\": \"no\"}", to: "a.json")
        let path = try made(sandbox, ["--system", "Views ICS", "--date", "2026-11-22", "--answers", answers])
        let shown = try sandbox.run(["show", path, "--format", "json"])
        #expect(shown.status == 0, "\(shown.stderr)")
        let listed = try sandbox.run(["list", "--format", "json"])
        let listedFirst = (try json(listed.stdout) as? [[String: Any]])?.first
        for object in [try json(shown.stdout) as? [String: Any], listedFirst] {
            let areas = try #require(object?["areas"] as? [[String: Any]])
            #expect(areas.count == 3)
            for area in areas {
                let criteria = try #require(area["criteria"] as? [[String: Any]], "criteria is a list")
                #expect(area["criteriaCount"] as? Int == criteria.count)
                #expect(area.keys.contains("consensus") && area["consensus"] is NSNull)
                for criterion in criteria {
                    #expect(Set(criterion.keys) == ["id", "answer", "views", "spread", "dissent"])
                    #expect(criterion["spread"] as? [String: Int] == ["yes": 0, "partly": 0, "no": 0, "unsure": 0])
                }
            }
            let economy = try #require(areas.first { $0["id"] as? String == "economic-development" }?["criteria"] as? [[String: Any]])
            #expect(economy.prefix(3).map { $0["answer"] as? String } == ["yes", "no", nil])
            #expect(economy[2]["answer"] is NSNull)
        }
        let text = try sandbox.run(["show", path])
        #expect(text.stdout.contains("Answered 2 of 10 questions."))
        #expect(!text.stdout.contains("Consensus"))
        CampaignReport.record("show and list --format json of files without views", cases: 2,
                              how: "every area has criteriaCount, criteria [{id, answer, views, spread, dissent}] and consensus null")
    }

    @Test func exportsAndProgressOfFilesWithoutViewsSayNothingOfViews() throws {
        let sandbox = try Sandbox()
        _ = try made(sandbox, ["--system", "Views ICS", "--date", "2025-11-22"])
        let path = try made(sandbox, ["--system", "Views ICS", "--date", "2026-11-22"])
        for format in ["md", "html"] {
            let exported = try sandbox.run(["export", path, "--format", format])
            #expect(exported.status == 0, "\(exported.stderr)")
            #expect(!exported.stdout.contains("Where the board disagreed") && !exported.stdout.contains("Consensus"))
        }
        let csv = try sandbox.run(["export", path, "--format", "csv"])
        #expect(csv.stdout.contains(",attribution,views_yes,views_partly,views_no,views_unsure,views,split,dissent,consensus,target_stage,target_year,target_status\r\n"))
        let progress = try sandbox.run(["progress", "--system", "Views ICS"])
        #expect(progress.status == 0 && !progress.stdout.contains("onsensus"), "\(progress.stdout)")
        let progressCSV = try sandbox.run(["progress", "--system", "Views ICS", "--format", "csv"])
        #expect(progressCSV.stdout.contains(",attribution,consensus,framework_version,newly_asked,no_longer_asked\r\n"))
    }
}
