import Foundation
import MaturityFramework
import MaturityRules
import MaturityModel
import Testing
import TestSupport
@testable import MaturityReports

/// The fixture of the export goldens: last year's and this year's assessment of one system, with a
/// hostile note, actions and a comparison, and no views (as every assessment before issue 13).
enum GoldenFixture {
    static let lastYear = assessment("2025-11-20", emergingEconomy,
                                     actions: [Action(id: "action-1", what: "Align the strategy", owner: "Director")])

    static var now: Assessment {
        var now = assessment("2026-11-22", establishedEconomy.merging(["climate-emerging-green-plan": .partly,
                                                                       "employ-emerging-people-plan": .unsure]) { $1 },
                             note: hostileNote,
                             actions: [Action(id: "a", what: "=HYPERLINK(\"http://x\")", owner: "+Owner", due: CalendarDate("2027-01-31"))])
        now.participants = ["Chair", "Ann Jones", "Bob Smith"]
        return now
    }

    static func report(_ now: Assessment = now) -> SummaryReport {
        let series = Progression(entries: [.init(assessment: lastYear, file: "a.json"), .init(assessment: now, file: "b.json")],
                                 framework: seedFramework)
        return SummaryReport(now, framework: seedFramework, earlier: .init(assessment: lastYear, file: "a.json"), history: series)
    }

    static func progression(_ now: Assessment = now) -> Progression {
        Progression(entries: [.init(assessment: lastYear, file: "a.json"), .init(assessment: now, file: "b.json")], framework: seedFramework)
    }

    /// Every export of the fixture, by golden file name.
    static func documents(_ now: Assessment = now) throws -> [(name: String, text: String)] {
        let report = report(now)
        let progression = progression(now)
        return [
            ("summary.md", MarkdownExport.render(report)), ("summary.html", HTMLExport.render(report)),
            ("summary.csv", CSVExport.render(report)), ("summary.json", try prettyJSON(JSONExport.render(report))),
            ("progress.txt", ProgressExport.text(progression)), ("progress.md", ProgressExport.markdown(progression)),
            ("progress.html", ProgressExport.html(progression)), ("progress.csv", ProgressExport.csv(progression)),
            ("progress.json", try prettyJSON(ProgressExport.json(progression))),
        ]
    }

    /// `document` as the CLI writes it: pretty, sorted keys, slashes kept.
    static func prettyJSON(_ document: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    /// The golden folder.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Golden")

    /// The golden file `name`, as written before issue 13.
    static func golden(_ name: String) throws -> String {
        try String(contentsOf: folder.appending(path: name), encoding: .utf8)
    }
}

@Suite("Export goldens of an assessment without views")
struct ExportGoldenTests {
    /// With UPDATE_GOLDEN=1 the goldens are written (done once, on the code before issue 13).
    @Test func writeGoldensWhenAsked() throws {
        guard ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" else { return }
        for (name, text) in try GoldenFixture.documents() {
            try Data(text.utf8).write(to: GoldenFixture.folder.appending(path: name))
        }
    }
}
