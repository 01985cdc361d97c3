import Foundation
import MaturityFramework
import MaturityRules
import MaturityModel
import Testing
import TestSupport
@testable import MaturityReports
import BuiltInFrameworks

let seedFramework = FrameworkCatalog(userFolder: nil).framework(id: FrameworkCatalog.defaultFrameworkID)!
let hostileNote = "Said \"yes, but\", then\nline two, Ynys Môn – ✓ 日本 <script>alert(1)</script></style><img src=x onerror=alert(2)>"

/// An assessment with the first `emerging` criteria of economy answered yes, and the given extra answers.
func assessment(_ date: String, _ answers: [String: Answer], note: String? = nil, actions: [Action] = []) -> Assessment {
    var result = Assessment(starting: seedFramework, system: "West Yorkshire ICS", date: CalendarDate(date)!, participants: ["Chair"])
    for area in seedFramework.areas {
        for criterion in area.criteria where answers[criterion.id] != nil {
            result[area: area.id].answers[criterion.id] = answers[criterion.id]
        }
    }
    if let note { result[area: "economic-development"].notes["econ-emerging-plan-reviewed"] = note }
    result[area: "economic-development"].actions = actions
    return result
}

let emergingEconomy: [String: Answer] = ["econ-emerging-plan-reviewed": .yes, "econ-emerging-plan-known": .yes,
                                         "econ-emerging-strategy-refers": .yes]
let establishedEconomy = emergingEconomy.merging(["econ-established-strategy-aligned": .yes, "econ-established-contribution": .yes,
                                                  "econ-established-benefit": .yes]) { $1 }

@Suite("Comparison and progression")
struct ComparisonTests {
    let lastYear = assessment("2025-11-20", emergingEconomy.merging(["climate-emerging-green-plan": .yes]) { $1 },
                              actions: [Action(id: "action-1", what: "Align the strategy", owner: "Director")])

    @Test func movementChangedAnswersAndReviewedActions() throws {
        var now = assessment("2026-11-22", establishedEconomy)
        now[area: "economic-development"].reviewedActions = [Action(id: "action-1", what: "Align the strategy", owner: "Director",
                                                                    status: .done)]
        now.lastTime = LastTime(date: lastYear.date, file: "2025.json", answers: lastYear.answers, notes: [:])
        // Compared with another earlier file, the reviews (which belong to 2025.json) say nothing of its actions.
        let other = SummaryReport(now, framework: seedFramework, earlier: .init(assessment: lastYear, file: "2026-06.json"))
        #expect(other.comparison?.areas[0].review(of: lastYear[area: "economic-development"].actions[0])
            == "not reviewed (last time: not started)")
        let report = SummaryReport(now, framework: seedFramework, earlier: .init(assessment: lastYear, file: "2025.json"))
        let comparison = try #require(report.comparison)
        #expect(comparison.earlierDate.description == "2025-11-20")
        let economy = comparison.areas[0]
        #expect(economy.then?.stageID == "emerging" && economy.now?.stageID == "established")
        #expect(economy.movement == .up)
        #expect(economy.changedAnswers.map(\.criterion.id) == ["econ-established-strategy-aligned", "econ-established-contribution",
                                                               "econ-established-benefit"])
        #expect(economy.lastActions.map(\.status) == [.done])
        #expect(economy.review(of: economy.lastActions[0]) == "done")
        #expect(comparison.areas[1].movement == .same)
        #expect(comparison.areas[2].changedAnswers.map { "\($0.then.map(\.rawValue) ?? "-")>\($0.now.map(\.rawValue) ?? "-")" } == ["yes>-"])
    }

    @Test func progressionShowsNewlyMetNewlyLostAndNotAssessed() {
        var middle = assessment("2026-06-01", establishedEconomy)
        middle.areas.removeAll { $0.id == "climate-change" }
        let latest = assessment("2027-11-20", emergingEconomy)
        let progression = Progression(entries: [.init(assessment: latest, file: "c"), .init(assessment: lastYear, file: "a"),
                                                .init(assessment: middle, file: "b")], framework: seedFramework)
        #expect(progression.entries.map(\.file) == ["a", "b", "c"])
        let economy = progression.areas[0]
        #expect(economy.points.map { $0?.stageID } == ["emerging", "established", "emerging"])
        #expect(economy.steps.map(\.movement) == [.up, .down])
        #expect(economy.steps[0].newlyMet.count == 3 && economy.steps[0].newlyLost.isEmpty)
        #expect(economy.steps[1].newlyLost.map(\.id) == ["econ-established-strategy-aligned", "econ-established-contribution",
                                                        "econ-established-benefit"])
        let climate = progression.areas[2]
        #expect(climate.points[1] == nil)
        #expect(climate.steps.map(\.movement) == [.notAssessed, .notAssessed])
        let text = ProgressExport.text(progression)
        #expect(text.contains("not assessed"))
        #expect(text.contains("Economy: ↓ down. Newly met: none. Newly lost: system strategy aligned with the economic plan"))
    }

    @Test func historyAroundFindsTheLatestEarlierAssessmentOfTheSameSystem() {
        let store = [("2024-11-01-west-yorkshire-ics.json", assessment("2024-11-01", [:])),
                     ("2025-11-20-west-yorkshire-ics.json", lastYear),
                     ("2025-12-01-humber.json", { var other = lastYear; other.system = "Humber"; other.systemID = "humber"; return other }())]
            .map { FiledAssessment(url: URL(fileURLWithPath: "/s/\($0.0)"), assessment: $0.1) }
        let now = assessment("2026-11-22", [:])
        let (earlier, series) = SystemHistory.around(now, file: "2026-11-22-west-yorkshire-ics.json", among: store)
        #expect(earlier?.file == "2025-11-20-west-yorkshire-ics.json")
        #expect(series.map(\.file) == ["2024-11-01-west-yorkshire-ics.json", "2025-11-20-west-yorkshire-ics.json",
                                       "2026-11-22-west-yorkshire-ics.json"])
    }
}

@Suite("Exports")
struct ExportTests {
    func report(history: Bool = true) -> SummaryReport {
        let lastYear = assessment("2025-11-20", emergingEconomy)
        let now = assessment("2026-11-22", establishedEconomy, note: hostileNote,
                             actions: [Action(id: "a", what: "=HYPERLINK(\"http://x\")", owner: "+Owner", due: CalendarDate("2027-01-31"))])
        let series = history ? Progression(entries: [.init(assessment: lastYear, file: "a"), .init(assessment: now, file: "b")],
                                           framework: seedFramework) : nil
        return SummaryReport(now, framework: seedFramework, earlier: .init(assessment: lastYear, file: "a.json"), history: series)
    }

    @Test func csvRoundTripsThroughARealCSVParser() throws {
        let csv = CSVExport.render(report())
        #expect(csv.hasPrefix("\u{FEFF}system,date,"))
        #expect(csv.contains("\r\n"))
        let rows = try pythonCSV(csv)
        #expect(rows.count == 31)
        #expect(rows[0] == CSVExport.header)
        let first = rows[1]
        #expect(first[CSVExport.header.firstIndex(of: "note")!] == hostileNote)
        #expect(first[CSVExport.header.firstIndex(of: "system")!] == "West Yorkshire ICS")
        #expect(first[CSVExport.header.firstIndex(of: "placement")!] == "established")
        #expect(rows.allSatisfy { $0.count == CSVExport.header.count })
    }

    @Test(arguments: ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
    func formulaLikeCellsAreNeutralised(_ text: String) {
        #expect(Escape.csv(text).hasPrefix("'") || Escape.csv(text).hasPrefix("\"'"))
        CampaignReport.record("CSV cells beginning with =, +, -, @, tab or CR", cases: 1, how: "neutralised with a leading apostrophe")
    }

    @Test func htmlEscapesUserTextAndHasTheBoardAndTheChart() throws {
        let html = HTMLExport.render(report())
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;/style&gt;&lt;img src=x onerror=alert(2)&gt;"))
        #expect(html.contains("<table class=\"board\">"))
        #expect(html.contains("<svg"))
        #expect(html.contains("break-before:page"))
        #expect(!html.contains("http://") || html.contains("http://www.w3.org/2000/svg"))
        #expect(try pythonHTMLProblems(html) == [])
        #expect(!HTMLExport.render(report(history: false)).contains("<svg"))
    }

    @Test func markdownHasTablesAndEscapesPipes() {
        let markdown = MarkdownExport.render(report())
        #expect(markdown.contains("| Area | Emerging | Established | Expanding | Placed at | Last time |"))
        #expect(markdown.contains("Emerging (provisional) (↑ up)") || markdown.contains("(↑ up)"))
        #expect(markdown.contains("\\<script\\>"))
        #expect(markdown.contains("<br>line two"))
        #expect(!markdown.contains("\nline two"))
    }

    /// Runs always: without pandoc it fails (scripts/test installs it), so CI cannot pass it untested.
    @Test func markdownRendersWithPandoc() throws {
        let html = try run(try RequiredTool.path("pandoc"), ["-f", "gfm", "-t", "html"], input: MarkdownExport.render(report()))
        #expect(html.contains("<table>"))
        #expect(!html.contains("<script>"))
    }

    /// Runs always: without Chromium it fails (scripts/test installs it), so CI cannot pass it untested.
    @Test func hostileNotesRunNoScriptInABrowser() throws {
        let chromium = try RequiredTool.path("chromium")
        let hostile = "<script>document.title='PWNED'</script><img src=x onerror=\"document.title='PWNED'\"></style>"
        let now = assessment("2026-11-22", establishedEconomy, note: hostile)
        let html = HTMLExport.render(SummaryReport(now, framework: seedFramework))
        let page = FileManager.default.temporaryDirectory.appending(path: "hostile-\(UUID().uuidString).html")
        try Data(html.utf8).write(to: page)
        defer { try? FileManager.default.removeItem(at: page) }
        let dom = try run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=2000",
                                                "--dump-dom", page.absoluteString], input: "")
        #expect(dom.contains("<title>Maturity self-assessment: West Yorkshire ICS, 2026-11-22</title>"), "the page loaded, title unchanged")
        #expect(!dom.contains("<title>PWNED"))
        #expect(dom.contains("&lt;script&gt;document.title='PWNED'&lt;/script&gt;"), "the note shows as text")
        CampaignReport.record("HTML export of notes with <script>, onerror and </style>", cases: 1,
                              how: "loaded in headless Chromium: no script ran, the note shows as text")
    }

    @Test func jsonCarriesTheSummaryWithASchemaVersion() throws {
        let summary = try roundTrip(JSONExport.render(report()))
        #expect(summary.schemaVersion == 1)
        #expect(summary.kind == "maturity-summary")
        #expect(summary.areas[0].stage == "established")
        #expect(summary.areas[0].criteria.count == 10)
        #expect(summary.areas[0].criteria[0].note == hostileNote)
        let comparison = try #require(summary.comparison)
        #expect(comparison.areas.first?.movement == "up")
    }
}

/// Parses CSV text with Python's csv module and returns the rows.
func pythonCSV(_ text: String) throws -> [[String]] {
    let script = "import csv,io,json,sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.buffer.read().decode('utf-8-sig'), newline='')))))"
    let output = try run("/usr/bin/env", ["python3", "-c", script], input: text)
    return try JSONDecoder().decode([[String]].self, from: Data(output.utf8))
}

/// Parses HTML with Python's html.parser and lists unclosed or mismatched elements.
func pythonHTMLProblems(_ html: String) throws -> [String] {
    let script = """
        import json, sys
        from html.parser import HTMLParser
        VOID = {'meta','br','img','hr','input','link','line','circle'}
        class Check(HTMLParser):
            def __init__(self):
                super().__init__(); self.stack=[]; self.problems=[]
            def handle_starttag(self, tag, attrs):
                if tag not in VOID: self.stack.append(tag)
            def handle_startendtag(self, tag, attrs): pass
            def handle_endtag(self, tag):
                if tag in VOID: return
                if not self.stack or self.stack[-1] != tag: self.problems.append('unexpected </%s> after %s' % (tag, self.stack[-3:]))
                else: self.stack.pop()
        c = Check(); c.feed(sys.stdin.read()); c.close()
        print(json.dumps(c.problems + ['unclosed ' + t for t in c.stack]))
        """
    let output = try run("/usr/bin/env", ["python3", "-c", script], input: html)
    return try JSONDecoder().decode([String].self, from: Data(output.utf8))
}

func run(_ executable: String, _ arguments: [String], input: String) throws -> String {
    let folder = FileManager.default.temporaryDirectory
    let inputURL = folder.appending(path: "in-\(UUID().uuidString)")
    let outputURL = folder.appending(path: "out-\(UUID().uuidString)")
    defer {
        try? FileManager.default.removeItem(at: inputURL)
        try? FileManager.default.removeItem(at: outputURL)
    }
    try Data(input.utf8).write(to: inputURL)
    let path = "/usr/bin:/bin:/usr/local/bin:" + (ProcessInfo.processInfo.environment["PATH"] ?? "")
    _ = try Spawn.run(executable, arguments, environment: ["PATH": path, "LANG": "C.UTF-8"],
                      folder: folder.path, input: inputURL.path, output: outputURL.path, error: "/dev/null")
    return try String(contentsOf: outputURL, encoding: .utf8)
}
