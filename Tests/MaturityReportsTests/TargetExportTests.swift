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
        now[area: "climate-change"].actions = [
            Action(id: "a1", what: "Publish the green plan", owner: "Director of Estates", due: CalendarDate("2027-03-31"), status: .inProgress),
            Action(id: "a2", what: "Old idea", owner: "", due: nil, status: .dropped),
            Action(id: "a3", what: "Count fleet <vans>", owner: "", due: nil, status: .notStarted),
        ]
        let report = SummaryReport(now, framework: seedFramework)
        #expect(report.areas.map(\.targetStatus) == [.reached, nil, .behind])
        let markdown = MarkdownExport.render(report)
        // The line names the actions tied to the target: the area's agreed actions, dropped ones left out.
        #expect(markdown.contains("\nTarget: Emerging by 2027, reached. No actions agreed toward it yet.\n"))
        #expect(markdown.contains("\nTarget: Established by 2026, behind. Actions toward it: Publish the green plan "
                                  + "(Director of Estates, due 2027-03-31, in progress); Count fleet \\<vans\\> (not started).\n"))
        #expect(HTMLExport.render(report).contains("<p class=\"target\">Target: Established by 2026, behind. Actions toward it: "
                                                   + "Publish the green plan (Director of Estates, due 2027-03-31, in progress); "
                                                   + "Count fleet &lt;vans&gt; (not started).</p>"))
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
