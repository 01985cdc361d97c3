import Foundation
import MaturityFramework
import MaturityModel
import Testing
import TestSupport
@testable import MaturityReports

@Suite("compare and rollup: every format")
struct CompareExportTests {
    typealias F = CompareFixture

    /// With UPDATE_GOLDEN=1 the compare and roll-up goldens are written (then read and checked by hand).
    @Test func goldensMatch() throws {
        for (name, text) in try F.documents() {
            let url = GoldenFixture.folder.appending(path: name)
            if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" { try Data(text.utf8).write(to: url) }
            // Compared as bytes: reading a file as a String drops a CSV's byte-order mark.
            #expect(try Data(contentsOf: url) == Data(text.utf8), "\(name)")
        }
    }

    @Test func textFitsEightyColumnsAndHostileNamesAreInert() {
        for text in [CompareExport.text(F.matrix), RollupExport.text(F.rollup)] {
            let table = text.split(separator: "\n").filter { $0.contains("  20") || $0.hasPrefix("System  ") || $0.hasPrefix("Place  ") }
            #expect(!table.isEmpty)
            for line in table { #expect(line.count <= 80, "\(line)") }
            for line in text.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
            #expect(!text.contains("\u{1B}") && !text.contains("\u{202E}"))
            #expect(text.contains("\\u{1B}[31m"))
        }
    }

    @Test func csvReadsBackWithPythonOneRowPerSystemPerArea() throws {
        let rows = try pythonCSV(CompareCSV.render(F.matrix))
        #expect(rows.first == CompareCSV.header)
        #expect(rows.count == 1 + 5 * 3)
        let evil = rows.filter { $0[1] == "evil" }
        #expect(evil.count == 3 && evil[0][0] == F.hostileName, "the name read back exactly (the CLI makes controls inert)")
        let formula = rows.filter { $0[1] == "formula" }
        #expect(formula.first?[0] == "'" + F.formulaName, "a formula start is guarded")
        let older = rows.filter { $0[1] == "older" }
        #expect(older.map(\.[7]) == ["established", "emerging", "not-compared"] && older.map(\.[11]) == ["up", "same", ""])
        let text = CompareCSV.render(F.matrix)
        #expect(text.hasPrefix("\u{FEFF}") && text.hasSuffix("\r\n"))
        let rollupRows = try pythonCSV(CompareCSV.render(F.rollup))
        #expect(rollupRows.first == CompareCSV.rollupHeader && rollupRows.count == 1 + 5 * 3)
        #expect(rollupRows[4][2] == "Bradford District and Craven" && rollupRows[4][8] == "not-assessed")
        CampaignReport.record("compare and rollup CSV with escapes, bidi, quotes, line breaks and a formula in names", cases: 2,
                              how: "read back by Python's csv module: one row per system (place) per area, values exact, formula guarded")
    }

    @Test func jsonHasItsKindAndSchemaVersionAndEveryKey() throws {
        let json = try GoldenFixture.prettyJSON(ComparisonJSON(F.matrix))
        let decoded = try JSONDecoder().decode(ComparisonJSON.self, from: Data(json.utf8))
        #expect(decoded.kind == "maturity-comparison" && decoded.schemaVersion == 1 && decoded.year == 2026)
        #expect(decoded.systems.count == 5 && decoded.leftOut.count == 2)
        #expect(json.contains("\"previous\" : null") && json.contains("\"stage\" : null"))
        #expect(decoded.areas[0].distribution.reduce(0) { $0 + $1.count } + decoded.areas[0].notCompared == 5)
        let rollup = try JSONDecoder().decode(RollupJSON.self, from: Data(try GoldenFixture.prettyJSON(RollupJSON(F.rollup)).utf8))
        #expect(rollup.kind == "maturity-rollup" && rollup.schemaVersion == 1 && rollup.columns.first?.place == nil)
    }

    @Test func markdownRendersWithPandocWithNoMarkupFromNames() throws {
        for markdown in [CompareExport.markdown(F.matrix), RollupExport.markdown(F.rollup)] {
            let html = try run(try RequiredTool.path("pandoc"), ["-f", "gfm", "-t", "html"], input: markdown)
            #expect(html.contains("<table>") && !html.contains("<script>"))
        }
    }

    /// The heat map loads in headless Chromium with no script run, and prints to PDF with every system and stage.
    @Test func heatMapLoadsInChromiumAndPrints() throws {
        let chromium = try RequiredTool.path("chromium"), pdftotext = try RequiredTool.path("pdftotext")
        let folder = FileManager.default.temporaryDirectory.appending(path: "compare-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, html) in [("compare", CompareHTML.render(F.matrix)), ("rollup", RollupExport.html(F.rollup))] {
            #expect(try pythonHTMLProblems(html).isEmpty)
            #expect(!html.contains("<script") && !html.contains("http://") && !html.contains("https://") || html.contains("&quot;http://x&quot;"))
            let page = folder.appending(path: "\(name).html"), pdf = folder.appending(path: "\(name).pdf")
            try Data(html.utf8).write(to: page)
            let dom = try run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=2000", "--dump-dom",
                                         page.absoluteString], input: "")
            #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !dom.contains("<script>alert"))
            _ = try run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)",
                                   page.absoluteString], input: "")
            let text = try run(pdftotext, ["-layout", pdf.path, "-"], input: "")
            let squeezed = text.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
            #expect(squeezed.contains("West Yorkshire ICS") || squeezed.contains("Roll-up"), "\(text)")
            #expect(squeezed.contains("Established") && squeezed.contains("Emerging"), "\(text)")
        }
        CampaignReport.record("compare and rollup HTML with <script> and quotes in names", cases: 2,
                              how: "loaded in headless Chromium (no script ran, names shown as text) and printed to PDF, read back by pdftotext")
    }
}
