import Foundation
import MaturityFramework
@testable import MaturityModel
import MaturityRules
import Testing
@testable import MaturityStore

/// The record's events and unreviewed actions in the file, and files written before they existed.
@Suite("Record in the file")
struct RecordFileTests {
    @Test func eventsAndUnreviewedActionsRoundTrip() throws {
        var assessment = sampleAssessment()
        assessment[area: "economic-development"].reviewedActions = [Action(id: "action-9", what: "Old", owner: "Chair")]
        assessment[area: "economic-development"].unreviewedActions = ["action-9"]
        try assessment.complete(in: seedFramework, at: "2026-11-22T10:00:00Z", by: "chair")
        assessment.reopen(at: "2026-11-23T09:30:00+01:00", by: nil, reason: "Late evidence")
        let read = try AssessmentFile.decode(try AssessmentFile.encode(assessment, framework: seedFramework))
        #expect(read == assessment)
        let text = String(decoding: try AssessmentFile.encode(assessment, framework: seedFramework), as: UTF8.self)
        #expect(text.contains("\"kind\" : \"reopened\""))
        #expect(text.contains("\"unreviewedActions\" : [\n        \"action-9\""))
    }

    @Test func filesWithoutTheRecordReadAsBefore() throws {
        var assessment = sampleAssessment()
        assessment[area: "economic-development"].reviewedActions = [Action(id: "action-1", what: "Old", owner: "Chair", status: .done)]
        var object = try #require(try JSONSerialization.jsonObject(with: AssessmentFile.encode(assessment, framework: seedFramework))
            as? [String: Any])
        object["events"] = nil
        let read = try AssessmentFile.decode(try JSONSerialization.data(withJSONObject: object))
        #expect(read.events.isEmpty)
        #expect(read[area: "economic-development"].unreviewedActions.isEmpty, "older files' reviews all count as done")
        #expect(read[area: "economic-development"].reviewedActions.first?.status == .done)
    }

    @Test func anEventOfANewerKindIsKeptNotRefused() throws {
        var object = try #require(try JSONSerialization.jsonObject(with: AssessmentFile.encode(sampleAssessment(), framework: seedFramework))
            as? [String: Any])
        object["events"] = [["kind": "renamed", "at": "2027-01-01T00:00:00Z", "reason": "New name"]]
        let read = try AssessmentFile.decode(try JSONSerialization.data(withJSONObject: object))
        #expect(read.events.first?.kind.rawValue == "renamed")
        #expect(read.events.first?.sentence == "Renamed on 2027-01-01: New name")
        let again = String(decoding: try AssessmentFile.encode(read, framework: seedFramework), as: UTF8.self)
        #expect(again.contains("\"kind\" : \"renamed\""))
    }

    @Test func actionIdsStayUniqueAcrossAreasDeletionsAndLastTimesActions() {
        var assessment = sampleAssessment()
        assessment[area: "economic-development"].actions = [Action(id: "action-1", what: "A", owner: "")]
        assessment[area: "climate-change"].actions = [Action(id: "action-3", what: "C", owner: "")]
        assessment[area: "quality-employment"].reviewedActions = [Action(id: "action-2", what: "Old", owner: "")]
        #expect(assessment.nextActionID() == "action-4")
        // Deleting an action in the middle never hands its id to the next one.
        assessment[area: "economic-development"].actions = []
        #expect(assessment.nextActionID() == "action-4")
        for _ in 0..<20 {
            let id = assessment.nextActionID()
            assessment[area: "climate-change"].actions.append(Action(id: id, what: "x", owner: ""))
            if assessment[area: "climate-change"].actions.count % 3 == 0 { assessment[area: "climate-change"].actions.removeFirst() }
        }
        let ids = assessment.areas.flatMap { $0.actions.map(\.id) + $0.reviewedActions.map(\.id) }
        #expect(Set(ids).count == ids.count)
    }
}
