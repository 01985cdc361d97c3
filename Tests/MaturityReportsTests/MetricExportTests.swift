import Foundation
import MaturityFramework
import MaturityModel
import MaturityRules
import Testing
import TestSupport
@testable import MaturityReports

/// Three years of one system's metrics: exact decimals whose float difference would not be exact, a
/// unit that differs in the last year, a year without a reading, and hostile period, source and note.
enum MetricFixture {
    static let hostile = "=cmd|' /C calc'!A0 <script>alert(1)</script> *x* _y_ [z](http://e) \"q\", #h"

    static func value(_ text: String) -> ExactDecimal {
        (try? ExactDecimal.parse(text)) ?? ExactDecimal(units: 0, scale: 0)!
    }

    static func year(_ date: String, _ readings: [MetricReading], established: Bool = false) -> Assessment {
        var year = assessment(date, establishedEconomy)
        year.metrics = readings
        if established { year.established = CalendarDate("2022-07-01") }
        return year
    }

    static let carbon = "climate-carbon-footprint", workforce = "employ-workforce", spend = "econ-nhs-spend"

    static let years = [
        year("2024-11-20", [MetricReading(metricID: carbon, value: value("41,200.10"), unit: "tCO2e a year", period: "2024/25",
                                          source: "ICB | report", note: hostile),
                            MetricReading(metricID: workforce, value: value("12000"), unit: "people")]),
        year("2025-11-20", [MetricReading(metricID: carbon, value: value("40100.30"), unit: "tCO2e a year", period: hostile, source: hostile)]),
        year("2026-11-22", [MetricReading(metricID: carbon, value: value("40"), unit: "ktCO2e a year", period: "2026/27"),
                            MetricReading(metricID: workforce, value: value("12500.000000001"), unit: "people"),
                            MetricReading(metricID: spend, value: value("-0.3"), unit: "£ million a year", period: "2026/27", source: hostile)],
             established: true),
    ]

    static let files = ["2024.json", "2025.json", "2026.json"]

    static var progression: Progression {
        Progression(entries: zip(years, files).map { Progression.Entry(assessment: $0, file: $1) }, framework: seedFramework)
    }

    static var report: SummaryReport {
        SummaryReport(years[2], framework: seedFramework, earlier: .init(assessment: years[1], file: files[1]), history: progression)
    }
}

@Suite("Metric series in progress and the exports")
struct MetricExportTests {
    @Test func theSeriesHasEachReadingAndOnlyComparableChanges() throws {
        let progression = MetricFixture.progression
        #expect(progression.metrics.map(\.metricID) == [MetricFixture.spend, MetricFixture.workforce, MetricFixture.carbon])
        let carbon = try #require(progression.metrics.last)
        // 40100.30 − 41200.10 in binary floating point is -1099.8000000000029.
        #expect(carbon.changes.map { $0?.difference.description } == ["-1099.80", nil])
        #expect(MetricWords.change(into: 1, of: carbon) == "-1099.80, better")
        #expect(MetricWords.change(into: 2, of: carbon) == "not comparable (units differ)")
        let workforce = progression.metrics[1]
        #expect(workforce.changes.map { $0 == nil } == [true, true], "a year without a reading breaks the change")
        #expect(MetricWords.change(into: 2, of: workforce) == nil)
    }

    @Test func progressTextListsEachMetricWithExactValuesAndChanges() {
        let text = ProgressExport.text(MetricFixture.progression)
        #expect(text.contains("\nMetrics\n  Total NHS spend within the system (£ million a year; higher is better)\n"
                              + "    2024-11-20: no reading\n    2025-11-20: no reading\n"
                              + "    2026-11-22: -0.3 £ million a year (2026/27, \(MetricFixture.hostile))\n"))
        #expect(text.contains("    2025-11-20: 40100.30 tCO2e a year (\(MetricFixture.hostile), \(MetricFixture.hostile)): -1099.80, better\n"))
        #expect(text.contains("    2026-11-22: 40 ktCO2e a year (2026/27): not comparable (units differ)\n"))
        #expect(text.contains("    2026-11-22: 12500.000000001 people\n"))
    }

    @Test func progressJSONHasTheDocumentedShape() throws {
        let object = try #require(try untyped(ProgressExport.json(MetricFixture.progression)) as? [String: Any])
        let metrics = try #require(object["metrics"] as? [[String: Any]])
        #expect(metrics.count == 3)
        let carbon = try #require(metrics.last)
        #expect(Set(carbon.keys) == ["id", "area", "title", "unit", "higherIsBetter", "points", "changes"])
        #expect(carbon["id"] as? String == MetricFixture.carbon && carbon["area"] as? String == "climate-change")
        #expect(carbon["unit"] as? String == "tCO2e a year" && carbon["higherIsBetter"] as? Bool == false)
        let points = try #require(carbon["points"] as? [[String: Any]])
        #expect(points.map { Set($0.keys) }.allSatisfy { $0 == ["date", "file", "value", "unit", "period", "source", "note"] })
        #expect(points.map { $0["value"] as? String } == ["41200.10", "40100.30", "40"], "values are exact strings")
        #expect(points.map { $0["file"] as? String } == MetricFixture.files)
        #expect(points[1]["period"] as? String == MetricFixture.hostile && points[2]["unit"] as? String == "ktCO2e a year")
        let changes = try #require(carbon["changes"] as? [Any])
        #expect(changes.count == 2 && changes[1] is NSNull)
        let first = try #require(changes[0] as? [String: String])
        #expect(first == ["from": "2024-11-20", "to": "2025-11-20", "difference": "-1099.80", "direction": "better"])
        let workforce = try #require(metrics[1]["points"] as? [[String: Any]])
        #expect(workforce[1]["value"] is NSNull && workforce[1]["unit"] is NSNull)
        // The text of the JSON keeps the places: never a number a reader could round.
        let text = String(decoding: try JSONEncoder().encode(ProgressExport.json(MetricFixture.progression)), as: UTF8.self)
        #expect(text.contains("\"12500.000000001\"") && !text.contains("1099.8000"))
    }

    @Test func summaryJSONHasTheReadingsWithTheirSeriesAndTheTypicalStage() throws {
        let object = try #require(try untyped(JSONExport.render(MetricFixture.report)) as? [String: Any])
        let metrics = try #require(object["metrics"] as? [[String: Any]])
        #expect(metrics.map { $0["id"] as? String } == [MetricFixture.spend, MetricFixture.workforce, MetricFixture.carbon])
        let spend = metrics[0]
        #expect(Set(spend.keys) == ["id", "area", "title", "value", "unit", "period", "source", "note", "series"])
        #expect(spend["value"] as? String == "-0.3" && spend["source"] as? String == MetricFixture.hostile && spend["note"] is NSNull)
        let series = try #require(metrics[2]["series"] as? [String: Any])
        #expect((series["points"] as? [[String: Any]])?.map { $0["value"] as? String } == ["41200.10", "40100.30", "40"])
        #expect((series["changes"] as? [Any])?.last is NSNull)
        let areas = try #require(object["areas"] as? [[String: Any]])
        #expect(areas.map { $0["typicalStage"] as? String } == ["established", "established", "established"])
    }

    @Test func markdownHasATablePerMetricAndTheTypicalStageAndRendersInPandoc() throws {
        let markdown = MarkdownExport.render(MetricFixture.report)
        #expect(markdown.contains("Typical for a system of 4 years: established; placed at established (the typical stage)."))
        #expect(markdown.contains("### Metrics\n\n**Carbon footprint of all NHS organisations in the system (tCO2e a year; lower is better)**\n\n"
                                  + "| Date | Value | Unit | Period | Source | Note | Change |\n|---|---|---|---|---|---|---|\n"
                                  + "| 2024-11-20 | 41200.10 | tCO2e a year | 2024/25 | ICB \\| report | "))
        #expect(markdown.contains("| 2026-11-22 | 40 | ktCO2e a year | 2026/27 |  |  | not comparable (units differ) |"))
        let html = try run(try RequiredTool.path("pandoc"), ["-f", "gfm", "-t", "html"], input: markdown)
        #expect(!html.contains("<script>") && !html.contains("<em>x</em>") && !html.contains("<a href"), "no markup from a period, source or note")
        #expect(html.contains("<td>-1099.80, better</td>"))
        #expect(html.contains("<td>ICB | report</td>"), "the pipe stays in its cell")
        CampaignReport.record("Metrics in the Markdown board paper (exact values, unit change, missing year, hostile period/source/note)",
                              cases: 1, how: "rendered by pandoc: one table per metric, cells whole, no markup from the board's text")
    }

    @Test func htmlDrawsAnInertChartPerMetricWithATextAlternative() throws {
        let html = HTMLExport.render(MetricFixture.report)
        #expect(try pythonHTMLProblems(html).isEmpty)
        #expect(html.contains("<p class=\"typical\">Typical for a system of 4 years: established; placed at established (the typical stage).</p>"))
        let charts = html.matches(of: /<svg [^>]*class="metric-chart"[\s\S]*?<\/svg>/).map { String($0.0) }
        #expect(charts.count == 3, "one chart per metric with a reading")
        for chart in charts {
            #expect(!chart.contains("<script") && !chart.contains("href") && !chart.contains("<foreignObject"))
            #expect(chart.contains("<title>") && chart.contains("aria-label=\""))
            // Valid XML on its own: an SVG file could be cut out and opened.
            let script = "import sys, xml.etree.ElementTree as E; r=E.fromstring(sys.stdin.read()); print(r.tag)"
            #expect(try run("/usr/bin/env", ["python3", "-c", script], input: chart).contains("svg"))
        }
        // The carbon chart plots the two readings in tCO2e (the ktCO2e one is listed, not drawn) and labels them exactly.
        let carbon = try #require(charts.last)
        #expect(carbon.components(separatedBy: "<circle ").count - 1 == 2)
        #expect(carbon.contains(">41200.10</text>") && carbon.contains(">40100.30</text>"))
        #expect(carbon.contains("2024-11-20 41200.10 tCO2e a year; 2025-11-20 40100.30 tCO2e a year; 2026-11-22 40 ktCO2e a year"))
        #expect(html.contains("<td>\(Escape.html(MetricFixture.hostile))</td>"))
        #expect(!html.contains("<script>alert"))
        CampaignReport.record("Inline SVG chart per metric in the HTML board paper", cases: charts.count,
                              how: "each chart parsed as XML by Python, no script or link, exact labels, a title and aria-label in words")
    }

    @Test func theChartPrintsToPDFWithItsValues() throws {
        let chromium = try RequiredTool.path("chromium"), pdftotext = try RequiredTool.path("pdftotext")
        let folder = FileManager.default.temporaryDirectory.appending(path: "metric-paper-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appending(path: "paper.html"), pdf = folder.appending(path: "paper.pdf")
        try Data(HTMLExport.render(MetricFixture.report).utf8).write(to: page)
        _ = try run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)",
                               page.absoluteString], input: "")
        let text = try run(pdftotext, ["-layout", pdf.path, "-"], input: "")
        let squeezed = text.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
        #expect(squeezed.contains("41200.10") && squeezed.contains("40100.30") && squeezed.contains("-1099.80,"), "\(text)")
        #expect(text.contains("12500.000000001"))
    }

    @Test func progressMarkdownAndHTMLShowTheSeriesWithTheBoardsTextInert() throws {
        let progression = MetricFixture.progression
        let markdown = ProgressExport.markdown(progression)
        #expect(markdown.contains("\n## Metrics\n\n**Total NHS spend within the system (£ million a year; higher is better)**\n"))
        let rendered = try run(try RequiredTool.path("pandoc"), ["-f", "gfm", "-t", "html"], input: markdown)
        #expect(!rendered.contains("<script>") && !rendered.contains("<a href") && rendered.contains("<td>-1099.80, better</td>"))
        let html = ProgressExport.html(progression)
        #expect(try pythonHTMLProblems(html).isEmpty)
        #expect(html.components(separatedBy: "class=\"metric-chart\"").count - 1 == 3 && !html.contains("<script>alert"))
        #expect(html.contains("figure.metric{"), "the metrics style comes with the metrics")
        #expect(!ProgressExport.html(GoldenFixture.progression()).contains("figure.metric{"))
    }

    @Test func metricsCSVHasARowPerMetricPerAssessmentReadByPython() throws {
        for text in [MetricsCSV.render(MetricFixture.report), MetricsCSV.render(MetricFixture.progression)] {
            #expect(text.hasPrefix("\u{FEFF}") && text.hasSuffix("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
            let rows = try pythonCSV(text)
            #expect(rows[0] == ["system", "date", "file", "area_id", "metric_id", "metric", "value", "unit", "period", "source", "note",
                                "change", "direction"])
            #expect(rows.count == 1 + 3 * 3)
            let carbon = rows.filter { $0[4] == MetricFixture.carbon }
            #expect(carbon.map { $0[6] } == ["41200.10", "40100.30", "40"])
            #expect(carbon.map { $0[11] } == ["", "-1099.80", ""])
            #expect(carbon.map { $0[12] } == ["", "better", ""])
            #expect(carbon.map { $0[2] } == MetricFixture.files)
            #expect(carbon[0][10] == "'" + MetricFixture.hostile, "a note a spreadsheet would run is neutralised")
            #expect(carbon[1][8] == "'" + MetricFixture.hostile && carbon[0][9] == "ICB | report")
            let spend = rows.filter { $0[4] == MetricFixture.spend }
            #expect(spend.map { $0[6] } == ["", "", "-0.3"], "a negative value stays a number, missing readings are empty")
            #expect(rows.filter { $0[4] == MetricFixture.workforce }.map { $0[6] } == ["12000", "", "12500.000000001"])
        }
        CampaignReport.record("metrics-csv of a summary and of a progression", cases: 2,
                              how: "read back by Python's csv module: one row per metric per assessment, exact values, guarded text")
    }

    @Test func withoutReadingsNothingIsAddedAndTheMetricsCSVIsOnlyItsHeader() throws {
        let report = GoldenFixture.report()
        #expect(report.metrics.isEmpty && report.areas.allSatisfy { $0.metrics.isEmpty && $0.typicalLine == nil })
        #expect(!MarkdownExport.render(report).contains("Metrics") && !HTMLExport.render(report).contains("metric-chart"))
        #expect(!ProgressExport.text(GoldenFixture.progression()).contains("Metrics"))
        #expect(try pythonCSV(MetricsCSV.render(report)).count == 1)
    }
}
