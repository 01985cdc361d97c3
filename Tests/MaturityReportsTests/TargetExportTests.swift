import Foundation
import MaturityFramework
import MaturityModel
import MaturityReports
import MaturityRules
import Testing

/// Targets in the summary exports (issue 14): each area's target and how it stands.
@Suite("Targets in exports")
struct TargetExportTests {
    @Test func eachFormatSaysTheTargetAndItsStatus() throws {
        var now = assessment("2026-11-22", ["econ-emerging-plan-reviewed": .yes, "econ-emerging-plan-known": .yes,
                                            "econ-emerging-strategy-refers": .yes])
        now[area: "economic-development"].target = Target(stageID: "emerging", year: 2027)
        now[area: "climate-change"].target = Target(stageID: "established", year: 2026)
        let report = SummaryReport(now, framework: seedFramework)
        #expect(report.areas.map(\.targetStatus) == [.reached, nil, .behind])
        let markdown = MarkdownExport.render(report)
        #expect(markdown.contains("\nTarget: Emerging by 2027, reached.\n"))
        #expect(markdown.contains("\nTarget: Established by 2026, behind.\n"))
        #expect(HTMLExport.render(report).contains("<p class=\"target\">Target: Established by 2026, behind.</p>"))
        let object = try #require(try untyped(JSONExport.render(report)) as? [String: Any])
        let areas = try #require(object["areas"] as? [[String: Any]])
        #expect(areas.map { $0["targetStatus"] as? String } == ["reached", nil, "behind"])
        #expect((areas[0]["target"] as? [String: Any])?["stage"] as? String == "emerging")
        let csv = CSVExport.render(report).split(separator: "\r\n").map(String.init)
        #expect(csv.first?.hasSuffix(",consensus,target_stage,target_year,target_status") == true)
        #expect(csv.filter { $0.hasSuffix(",emerging,2027,reached") }.count == 10)
        #expect(csv.filter { $0.hasSuffix(",established,2026,behind") }.count == 9)
        // Without a target, the paper says nothing of targets.
        #expect(!MarkdownExport.render(SummaryReport(assessment("2026-11-22", [:]), framework: seedFramework)).contains("Target:"))
    }
}
