import Foundation
import MaturityFramework
import MaturityModel
import MaturityRules
import Testing
import TestSupport
@testable import WorkshopUI

/// Issue 16: a yearly rerun on a later version of the framework, in the full-screen workshop.
@Suite("The workshop across framework versions")
struct FrameworkVersionsScreenTests {
    static func framework(version: String, doing criterion: String) throws -> Framework {
        let text = ProcurementFramework.text(version: version, doing: criterion, doingQuestion: "Is local spend \(criterion)?")
        return try FrameworkLoader.parse(Data(text.utf8), fileName: "f.yaml").get()
    }

    @Test func lastYearOnItsOwnVersionIsOfferedNamedAndPlacedAsItsBoardSawIt() throws {
        let first = try Self.framework(version: "1.0.0", doing: "spend-steered")
        let second = try Self.framework(version: "1.1.0", doing: "spend-reported")
        var lastYear = Assessment(starting: first, system: "Test ICS", date: CalendarDate("2025-11-20")!)
        lastYear[area: "spend"].answers = ["spend-known": .yes, "spend-steered": .yes]
        lastYear.status = .complete
        var state = WorkshopState(frameworks: [second, first], drafts: [], system: "Test ICS", date: CalendarDate("2026-11-20")!,
                                  frameworkID: second.id)
        state.storeIndex = StoreIndex(archive: [.init(file: URL(filePath: "/store/2025-11-20-test-ics.json"), assessment: lastYear,
                                                      framework: first)])
        press([.tab, .tab, .tab, .enter], on: &state)
        let offer = Renderer.render(state).grid.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(offer.contains("It was answered on version 1.0.0 of the framework; this workshop uses 1.1.0: answers are carried "
                               + "question by question, and a question new in 1.1.0 starts unanswered."), "\(offer)")
        press(keys("y"), on: &state)
        #expect(state.framework.version == "1.1.0")
        #expect(state.assessment?.answers["spend-known"] == .yes, "carried by criterion id")
        // The history places 2025 on 1.0.0 (Doing, as its board saw it), not on 1.1.0 (Starting, provisional).
        let history = try #require(HistoryScreen.progression(state))
        #expect(history.areas[0].points.first??.stageID == "doing")
        #expect(history.areas[0].points.first??.isProvisional == false)
        #expect(history.areas[0].steps.first?.versionChange?.added.map(\.id) == ["spend-reported"])
        // The question 1.1.0 added says it was not asked last time, rather than "not answered".
        press([.enter, .enter], on: &state)
        #expect(state.step == .question(area: 0, criterion: 1))
        #expect(Renderer.render(state).grid.text.contains("Last time (2025-11-20): not asked (new in version 1.1.0)"))
        // Last year's answers are read back by the version they were packed with: none lands on a question it never had.
        #expect(history.entries[0].assessment.answers == ["spend-known": .yes, "spend-steered": .yes])
    }

    @Test func aQuestionRewordedInTheNewVersionSaysHowItWasAskedLastTime() throws {
        let first = try Self.framework(version: "1.0.0", doing: "spend-steered")
        let second = try FrameworkLoader.parse(Data(ProcurementFramework.text(version: "1.1.0", known: "Is spend with local firms known?").utf8),
                                               fileName: "f.yaml").get()
        var lastYear = Assessment(starting: first, system: "Test ICS", date: CalendarDate("2025-11-20")!)
        lastYear[area: "spend"].answers = ["spend-known": .yes]
        lastYear.status = .complete
        var state = WorkshopState(frameworks: [second, first], drafts: [], system: "Test ICS", date: CalendarDate("2026-11-20")!,
                                  frameworkID: second.id)
        state.storeIndex = StoreIndex(archive: [.init(file: URL(filePath: "/store/2025-11-20-test-ics.json"), assessment: lastYear,
                                                      framework: first)])
        press([.tab, .tab, .tab, .enter] + keys("y") + [.enter], on: &state)
        let screen = Renderer.render(state).grid.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(screen.contains("Is spend with local firms known?"))
        #expect(screen.contains("Last time (2025-11-20): Yes, in place — then worded: Is local spend known?"), "\(screen)")
    }
}
