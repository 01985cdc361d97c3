import Foundation
import MaturityFramework
import MaturityRules
import MaturityModel
import Testing
import TestSupport
@testable import MaturityReports

/// `value` encoded as the exports encode it, and decoded back.
func roundTrip<T: Codable>(_ value: T) throws -> T {
    try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value))
}

/// `value` encoded, then read as untyped JSON, to see which keys are there.
func untyped(_ value: some Encodable) throws -> Any {
    try JSONSerialization.jsonObject(with: JSONEncoder().encode(value))
}

@Suite("JSON exports as Codable values")
struct JSONExportTests {
    /// An assessment with unanswered criteria, an action without a due date and no comparison.
    func sparseReport() -> SummaryReport {
        var now = assessment("2026-11-22", ["econ-emerging-plan-reviewed": .yes],
                             actions: [Action(id: "a", what: "Write it", owner: "Chair")])
        now.events = [RecordEvent(.completed, at: "2026-11-22T10:00:00Z")]
        return SummaryReport(now, framework: seedFramework)
    }

    @Test func unansweredAndAbsentValuesAreWrittenAsNullNotLeftOut() throws {
        let object = try #require(try untyped(JSONExport.render(sparseReport())) as? [String: Any])
        #expect(object["comparison"] is NSNull)
        #expect(object["systemRename"] is NSNull)
        let area = try #require((object["areas"] as? [[String: Any]])?.first)
        let criteria = try #require(area["criteria"] as? [[String: Any]])
        let unanswered = try #require(criteria.first { $0["id"] as? String == "econ-emerging-plan-known" })
        for key in ["answer", "note", "carried"] { #expect(unanswered[key] is NSNull, "\(key) is null") }
        #expect((area["actions"] as? [[String: Any]])?.first?["due"] is NSNull)
        #expect((area["actions"] as? [[String: Any]])?.first?.keys.contains("reviewed") == false, "this year's actions have no review")
        let event = try #require((object["events"] as? [[String: Any]])?.first)
        for key in ["by", "reason", "criteria"] { #expect(event[key] is NSNull, "\(key) is null") }
        let expanding = try #require((object["areas"] as? [[String: Any]])?.first)
        #expect(expanding["nextStage"] as? String == "emerging")
    }

    @Test func theTopStageHasNullNextStageAndProgress() throws {
        let top = seedFramework.areas[0].criteria.reduce(into: [String: Answer]()) { $0[$1.id] = .yes }
        let object = try #require(try untyped(JSONExport.render(SummaryReport(assessment("2026-11-22", top), framework: seedFramework)))
            as? [String: Any])
        let economy = try #require((object["areas"] as? [[String: Any]])?.first)
        #expect(economy["stage"] as? String == "expanding")
        #expect(economy["nextStage"] is NSNull)
        #expect(economy["progress"] is NSNull)
    }

    @Test func everyDocumentedKeyIsThere() throws {
        let object = try #require(try untyped(JSONExport.render(sparseReport())) as? [String: Any])
        #expect(Set(object.keys) == ["kind", "schemaVersion", "system", "date", "status", "participants", "framework", "rule",
                                     "areas", "systemID", "attribution", "systemRename", "comparison", "events", "anonymousViews", "metrics"])
        #expect((object["metrics"] as? [Any])?.isEmpty == true)
        #expect(Set((object["framework"] as? [String: Any])?.keys ?? [:].keys) == ["id", "version", "title", "source"])
        let area = try #require((object["areas"] as? [[String: Any]])?.first)
        #expect(Set(area.keys) == ["id", "title", "stage", "stageTitle", "provisional", "nextStage", "progress", "gap",
                                   "explanation", "criteria", "consensus", "target", "targetStatus", "typicalStage", "actions",
                                   "reviewedActions"])
        #expect(area["target"] is NSNull && area["targetStatus"] is NSNull && area["typicalStage"] is NSNull)
        #expect(Set((area["criteria"] as? [[String: Any]])?.first?.keys ?? [:].keys)
            == ["id", "stage", "question", "answer", "note", "asLastTime", "carried", "views", "spread", "split", "dissent"])
        #expect(Set((area["actions"] as? [[String: Any]])?.first?.keys ?? [:].keys) == ["id", "what", "owner", "due", "status"])
        #expect(Set((object["events"] as? [[String: Any]])?.first?.keys ?? [:].keys) == ["kind", "at", "by", "reason", "criteria", "text"])
    }

    @Test func aProgressionMarksAnAreaNotAssessedWithNull() throws {
        var middle = assessment("2026-06-01", emergingEconomy)
        middle.areas.removeAll { $0.id == "climate-change" }
        let progression = Progression(entries: [.init(assessment: assessment("2025-11-20", [:]), file: "a"),
                                                .init(assessment: middle, file: "b")], framework: seedFramework)
        let object = try #require(try untyped(ProgressExport.json(progression)) as? [String: Any])
        #expect(object["kind"] as? String == "maturity-progression")
        #expect(object["systemID"] is NSNull)
        #expect((object["framework"] as? [String: Any])?.keys.contains("source") == false)
        let climate = try #require((object["areas"] as? [[String: Any]])?.last)
        #expect(climate["stages"] as? [String] == ["not-yet-emerging", "not-assessed"])
        let provisional = try #require(climate["provisional"] as? [Any])
        #expect(provisional.count == 2 && provisional[0] as? Bool == true && provisional[1] is NSNull)
        let decoded = try roundTrip(ProgressExport.json(progression))
        #expect(decoded.areas.last?.provisional == [true, nil])
    }
}
