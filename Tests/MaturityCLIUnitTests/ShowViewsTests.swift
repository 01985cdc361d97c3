import Foundation
import MaturityFramework
import MaturityModel
import MaturityReports
import MaturityRules
import Testing
import TestSupport
@testable import MaturityCLI

/// `show` of an assessment with the board's views, in process (views are not yet saved in files on this branch).
@Suite("show with the board's views")
struct ShowViewsTests {
    static let framework = FrameworkCatalog(userFolder: nil).framework(id: FrameworkCatalog.defaultFrameworkID)!
    static let hostile = "Eve\u{1B}]0;pwned\u{7}\nSecond line"

    /// Two views and a dissent on one question, counted views on another.
    static func assessment(anonymous: Bool = false) -> Assessment {
        var assessment = Assessment(starting: framework, system: "West Yorkshire ICS", date: CalendarDate("2026-11-22")!,
                                    participants: ["Chair", hostile])
        assessment[area: "economic-development"].answers["econ-emerging-plan-reviewed"] = .yes
        assessment[area: "economic-development"].views = [
            "econ-emerging-plan-reviewed": CriterionViews(named: ["Chair": .yes, hostile: .no],
                                                          dissents: [Dissent(participant: hostile, note: "Not \u{1B}[2J yet")]),
        ]
        assessment[area: "climate-change"].answers["climate-emerging-green-plan"] = .partly
        assessment[area: "climate-change"].views = ["climate-emerging-green-plan": CriterionViews(unnamed: Spread(partly: 2))]
        if anonymous { assessment.makeAnonymous() }
        return assessment
    }

    func json(_ assessment: Assessment) throws -> [String: Any] {
        let text = try jsonText(AssessmentSummary(assessment, framework: Self.framework, file: URL(fileURLWithPath: "/s/a.json")))
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func eachAreaHasCriteriaCountCriteriaWithViewsAndConsensus() throws {
        let areas = try #require(try json(Self.assessment())["areas"] as? [[String: Any]])
        let economy = try #require(areas.first { $0["id"] as? String == "economic-development" })
        #expect(economy["criteriaCount"] as? Int == 10)
        #expect(economy["consensus"] as? Double == 0.5)
        let criteria = try #require(economy["criteria"] as? [[String: Any]])
        #expect(criteria.count == 10)
        let reviewed = try #require(criteria.first)
        #expect(Set(reviewed.keys) == ["id", "answer", "views", "spread", "dissent"])
        #expect(reviewed["id"] as? String == "econ-emerging-plan-reviewed" && reviewed["answer"] as? String == "yes")
        #expect(reviewed["views"] as? [String: String] == ["Chair": "yes", Self.hostile: "no"])
        #expect(reviewed["spread"] as? [String: Int] == ["yes": 1, "partly": 0, "no": 1, "unsure": 0])
        let dissent = try #require((reviewed["dissent"] as? [[String: Any]])?.first)
        #expect(dissent["participant"] as? String == Self.hostile && dissent["note"] as? String == "Not \u{1B}[2J yet",
                "JSON keeps every value exactly")
        let unanswered = try #require(criteria.last)
        #expect(unanswered["answer"] is NSNull, "an unanswered criterion's answer is null, not left out")
        #expect((unanswered["views"] as? [String: Any])?.isEmpty == true && (unanswered["dissent"] as? [Any])?.isEmpty == true)
        #expect(unanswered["spread"] as? [String: Int] == ["yes": 0, "partly": 0, "no": 0, "unsure": 0])
        let employment = try #require(areas.first { $0["id"] as? String == "quality-employment" })
        #expect(employment["consensus"] is NSNull, "no views: consensus null")
        let climate = try #require(areas.first { $0["id"] as? String == "climate-change" })
        #expect(climate["consensus"] as? Double == 1)
    }

    @Test func anAnonymousWorkshopShowsTheSpreadWithoutNames() throws {
        let areas = try #require(try json(Self.assessment(anonymous: true))["areas"] as? [[String: Any]])
        let reviewed = try #require((areas.first?["criteria"] as? [[String: Any]])?.first)
        #expect((reviewed["views"] as? [String: Any])?.isEmpty == true)
        #expect(reviewed["spread"] as? [String: Int] == ["yes": 1, "partly": 0, "no": 1, "unsure": 0])
        #expect((reviewed["dissent"] as? [[String: Any]])?.first?["participant"] is NSNull)
    }

    @Test func theTextGivesConsensusAndSplitQuestionsInertly() {
        let text = AssessmentSummary(Self.assessment(), framework: Self.framework, file: URL(fileURLWithPath: "/s/a.json"))
            .text(framework: Self.framework)
        #expect(text.contains("  Consensus: 50% of 2 views matched the agreed answers.\n"))
        #expect(text.contains("  Split questions: economic plan reviewed.\n"))
        #expect(text.hasSuffix("  Consensus: 100% of 2 views matched the agreed answers."))
        #expect(!text.contains("\u{1B}") && !text.contains("\u{7}"))
        let plain = AssessmentSummary(Assessment(starting: Self.framework, system: "X", date: CalendarDate("2026-11-22")!, participants: []),
                                      framework: Self.framework, file: URL(fileURLWithPath: "/s/a.json")).text(framework: Self.framework)
        #expect(!plain.contains("Consensus") && !plain.contains("Split"), "without views the text is as before")
    }

    /// Every export format as the CLI writes it (``Reports/render(_:as:)``), with a participant and a
    /// dissent holding escapes, a bell, a bidi override and a C1 control: nothing a terminal would act on.
    @Test(arguments: ["md", "html", "csv", "json"])
    func everyExportWithHostileViewsIsInert(format: String) throws {
        var assessment = Self.assessment()
        let name = "Mallory\u{202E}\u{9B}31m"
        assessment[area: "economic-development"].views["econ-emerging-plan-known"] = CriterionViews(
            named: [name: .no, "Chair": .yes], dissents: [Dissent(participant: name, note: "=1+1 \u{1B}[31mred\u{7}\u{202E}")])
        let format = try #require(ReportFormat(rawValue: format))
        let text = try Reports.render(SummaryReport(assessment, framework: Self.framework), as: format)
        let unsafe = text.unicodeScalars.filter { scalar in
            (scalar.value < 0x20 && scalar != "\n" && scalar != "\r" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
                || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
        }
        #expect(unsafe.isEmpty, "\(format): \(unsafe.map { String($0.value, radix: 16) })")
        if format == .json {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let criteria = (object["areas"] as? [[String: Any]])?.first?["criteria"] as? [[String: Any]] ?? []
            let known = try #require(criteria.first { $0["id"] as? String == "econ-emerging-plan-known" })
            #expect((known["dissent"] as? [[String: Any]])?.first?["note"] as? String == "=1+1 \u{1B}[31mred\u{7}\u{202E}",
                    "JSON keeps the value exactly")
            #expect(known["views"] as? [String: String] == [name: "no", "Chair": "yes"])
        } else {
            #expect(text.contains("Mallory\\u{202E}\\u{9B}31m"), "the name shows its controls as code points")
        }
        CampaignReport.record("Exports (md, html, csv, json) with participant names and dissents holding terminal controls", cases: 1,
                              how: "no control, C1 or bidi character left; JSON keeps the exact value escaped")
    }
}
