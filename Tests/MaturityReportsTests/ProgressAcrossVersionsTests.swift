import Foundation
import MaturityFramework
import MaturityRules
import MaturityModel
import Testing
import TestSupport
@testable import MaturityReports

/// Issue 16: a yearly rerun on a later version of a framework keeps each year as its board saw it.
@Suite("Progress across framework versions")
struct ProgressAcrossVersionsTests {
    static func framework(version: String, doing criterion: String) throws -> Framework {
        let text = ProcurementFramework.text(version: version, doing: criterion, doingQuestion: "Is local spend \(criterion)?")
        return try FrameworkLoader.parse(Data(text.utf8), fileName: "f.yaml").get()
    }

    static func answered(_ framework: Framework, date: String, _ answers: [String: Answer]) -> Assessment {
        var assessment = Assessment(starting: framework, system: "Test ICS", date: CalendarDate(date)!, participants: [])
        assessment[area: "spend"].answers = answers
        return assessment
    }

    @Test func eachYearIsPlacedByItsOwnVersionAndTheStepNamesWhatChanged() throws {
        let first = try Self.framework(version: "1.0.0", doing: "spend-steered")
        let second = try Self.framework(version: "1.1.0", doing: "spend-reported")
        let lastYear = Self.answered(first, date: "2025-11-20", ["spend-known": .yes, "spend-steered": .yes])
        let thisYear = Self.answered(second, date: "2026-11-20", ["spend-known": .yes, "spend-reported": .yes])
        let entries: [Progression.Entry] = [.init(assessment: lastYear, file: "a.json"), .init(assessment: thisYear, file: "b.json")]
        let progression = Progression(entries: entries, framework: second,
                                      answeredAgainst: { $0.file == "a.json" ? first : second })
        let spend = progression.areas[0]
        // Last year's board saw Doing; placed on 1.1.0 it would be Starting (provisional), as the question it lacks is unanswered.
        #expect(spend.points.map { $0?.stageID } == ["doing", "doing"])
        #expect(spend.points.map { $0?.isProvisional } == [false, false])
        #expect(spend.steps[0].movement == .same)
        // "spend reported" was not asked last year: it is newly asked, not newly met.
        #expect(spend.steps[0].newlyMet.isEmpty && spend.steps[0].newlyLost.isEmpty)
        #expect(spend.steps[0].versionChange?.added.map(\.id) == ["spend-reported"])
        #expect(spend.steps[0].versionChange?.removed.map(\.id) == ["spend-steered"])
        let text = ProgressExport.text(progression)
        #expect(text.contains("Spend: = same. Newly met: none. Newly lost: none. Framework version 1.0.0 → 1.1.0: "
                              + "newly asked: spend reported; no longer asked: spend steered."), "\(text)")
        let json = ProgressionJSON(progression)
        #expect(json.assessments.map(\.frameworkVersion) == ["1.0.0", "1.1.0"])
        #expect(json.areas[0].steps[0].newlyAsked == ["spend-reported"] && json.areas[0].steps[0].noLongerAsked == ["spend-steered"])
        let csv = ProgressExport.csv(progression)
        #expect(csv.contains(",1.1.0,spend-reported,spend-steered\r\n"), "\(csv)")
    }

    @Test func oneVersionThroughoutSaysNothingOfVersions() throws {
        let only = try Self.framework(version: "1.0.0", doing: "spend-steered")
        let entries: [Progression.Entry] = [
            .init(assessment: Self.answered(only, date: "2025-11-20", ["spend-known": .yes]), file: "a.json"),
            .init(assessment: Self.answered(only, date: "2026-11-20", ["spend-known": .yes, "spend-steered": .yes]), file: "b.json"),
        ]
        let progression = Progression(entries: entries, framework: only, answeredAgainst: { _ in only })
        #expect(progression.areas[0].steps[0].newlyMet.map(\.id) == ["spend-steered"])
        #expect(progression.areas[0].steps[0].versionChange == nil)
        #expect(!ProgressExport.text(progression).contains("Framework version"))
    }

    @Test func theBoardPaperComparesWithLastYearAsItsBoardSawIt() throws {
        let first = try Self.framework(version: "1.0.0", doing: "spend-steered")
        let second = try Self.framework(version: "1.1.0", doing: "spend-reported")
        let lastYear = Self.answered(first, date: "2025-11-20", ["spend-known": .yes, "spend-steered": .yes])
        let thisYear = Self.answered(second, date: "2026-11-20", ["spend-known": .no, "spend-reported": .yes])
        let report = SummaryReport(thisYear, framework: second, earlier: .init(assessment: lastYear, file: "a.json"), earlierFramework: first)
        let change = try #require(report.comparison?.areas.first)
        #expect(change.then?.stageID == "doing")
        // Only the question both versions ask is compared; the new one is named as newly asked.
        #expect(change.changedAnswers.map(\.criterion.id) == ["spend-known"])
        let markdown = MarkdownExport.render(report)
        #expect(markdown.contains("Placed at Doing then, Not yet starting now: ↓ down. Framework version 1.0.0 → 1.1.0: "
                                  + "newly asked: spend reported; no longer asked: spend steered."), "\(markdown)")
        // Without last year's version it is placed on this year's, as before.
        let unversioned = SummaryReport(thisYear, framework: second, earlier: .init(assessment: lastYear, file: "a.json"))
        #expect(unversioned.comparison?.areas.first?.then?.isProvisional == true)
    }
}
