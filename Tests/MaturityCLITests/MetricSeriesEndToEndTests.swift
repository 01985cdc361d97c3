import Foundation
import Testing
import TestSupport

/// Metric series in `progress`, `export`, `show` and the workshop's `x`, run as a user would (issue 14).
@Suite("Metric series end to end", .serialized)
struct MetricSeriesEndToEndTests {
    /// A hostile source: a formula, markup, a Markdown pipe and a terminal escape.
    static let hostile = "=cmd|' /C calc'!A0 <b>x</b> \u{1B}[31mred"

    /// Two assessments of York with metrics: 2025 and 2026 (established 2022-07-01); returns their paths.
    func twoYears(_ sandbox: Sandbox) throws -> (String, String) {
        let first = try sandbox.write("metric,value,unit,period,source,note\n"
            + "climate-carbon-footprint,\"41,200.10\",tCO2e a year,2024/25,\"ICB, \"\"draft\"\"\",\n"
            + "employ-workforce,12000,people,2024/25,,\n", to: "m2025.csv")
        let second = try sandbox.write("[{\"metric\": \"climate-carbon-footprint\", \"value\": \"40100.30\", \"period\": \"2025/26\", "
            + "\"source\": \"=cmd|' /C calc'!A0 <b>x</b>\"}, {\"metric\": \"econ-nhs-spend\", \"value\": \"-0.3\"}]", to: "m2026.json")
        let a = try sandbox.run(["new", "--system", "York", "--date", "2025-11-20", "--established", "2022-07-01", "--metrics", first])
        let b = try sandbox.run(["new", "--system", "York", "--date", "2026-11-22", "--established", "2022-07-01", "--metrics", second])
        try #require(a.status == 0 && b.status == 0, "\(a.stderr)\(b.stderr)")
        return (a.stdout.trimmingCharacters(in: .newlines), b.stdout.trimmingCharacters(in: .newlines))
    }

    @Test func progressShowsEachSeriesInTextJSONAndMetricsCSV() throws {
        let sandbox = try Sandbox()
        _ = try twoYears(sandbox)
        let text = try sandbox.run(["progress", "--system", "york"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("\nMetrics\n  Total NHS spend within the system (£ million a year; higher is better)\n"
                                     + "    2025-11-20: no reading\n    2026-11-22: -0.3 £ million a year\n"), "\(text.stdout)")
        #expect(text.stdout.contains("    2025-11-20: 41200.10 tCO2e a year (2024/25, ICB, \"draft\")\n"
                                     + "    2026-11-22: 40100.30 tCO2e a year (2025/26, =cmd|' /C calc'!A0 <b>x</b>): -1099.80, better\n"))

        let json = try sandbox.run(["progress", "--system", "york", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let metrics = try #require(object["metrics"] as? [[String: Any]])
        #expect(metrics.map { $0["id"] as? String } == ["econ-nhs-spend", "employ-workforce", "climate-carbon-footprint"])
        let carbon = try #require(metrics.last)
        #expect((carbon["points"] as? [[String: Any]])?.map { $0["file"] as? String } == ["2025-11-20-york.json", "2026-11-22-york.json"])
        #expect((carbon["changes"] as? [[String: String]])?.first?["difference"] == "-1099.80")

        let csv = try sandbox.run(["progress", "--system", "york", "--format", "metrics-csv"])
        #expect(csv.status == 0)
        let rows = try pythonRows(csv.stdout)
        #expect(rows.count == 1 + 3 * 2)
        #expect(rows.last == ["York", "2026-11-22", "2026-11-22-york.json", "climate-change", "climate-carbon-footprint",
                              "Carbon footprint of all NHS organisations in the system", "40100.30", "tCO2e a year", "2025/26",
                              "'=cmd|' /C calc'!A0 <b>x</b>", "", "-1099.80", "better"])
        CampaignReport.record("progress with metrics: text, json and metrics-csv from a real store", cases: 3,
                              how: "run as a user would: exact values and changes, files named, CSV read back by Python")
    }

    @Test func exportCarriesTheSeriesUpToThisAssessmentAndShowTheTypicalStage() throws {
        let sandbox = try Sandbox()
        let (first, second) = try twoYears(sandbox)
        let earlier = try sandbox.run(["export", first, "--format", "metrics-csv"])
        #expect(earlier.status == 0, "\(earlier.stderr)")
        #expect(try pythonRows(earlier.stdout).map { $0[1] }.dropFirst().allSatisfy { $0 == "2025-11-20" },
                "the first year's export does not see the later year")
        let later = try sandbox.run(["export", second, "--format", "metrics-csv"])
        #expect(try pythonRows(later.stdout).count == 1 + 3 * 2)
        let markdown = try sandbox.run(["export", second, "--format", "md"])
        #expect(markdown.stdout.contains("| 2026-11-22 | 40100.30 | tCO2e a year | 2025/26 | =cmd\\|' /C calc'!A0 \\<b\\>x\\</b\\> |  | -1099.80, better |"))
        #expect(markdown.stdout.contains("Typical for a system of 4 years: established; not yet placed at emerging (an earlier stage than typical)."))
        let html = try sandbox.run(["export", second, "--format", "html"])
        #expect(html.stdout.components(separatedBy: "class=\"metric-chart\"").count - 1 == 3)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(try sandbox.run(["export", second, "--format", "json"]).stdout.utf8))
            as? [String: Any])
        #expect((summary["metrics"] as? [[String: Any]])?.map { $0["value"] as? String } == ["-0.3", "40100.30"])

        let show = try sandbox.run(["show", second])
        #expect(show.stdout.contains("Tackling climate change: Not yet emerging (provisional)\n  Typical for a system of 4 years: established; not yet placed at emerging (an\n"
                                     + "  earlier stage than typical).\n"), "\(show.stdout)")
        // Without an established date, no typical stage is said.
        let plain = try sandbox.run(["new", "--system", "Hull", "--date", "2026-11-22"])
        #expect(try !sandbox.run(["show", plain.stdout.trimmingCharacters(in: .newlines)]).stdout.contains("Typical for a system"))
    }

    /// A source with an escape, written straight into the file (the import refuses control characters):
    /// the file is refused with one line naming it and the field, and the other year is still shown.
    @Test func aFileWhoseMetricSourceHoldsAnEscapeIsRefusedInEveryFormat() throws {
        let sandbox = try Sandbox()
        _ = try twoYears(sandbox)
        let path = sandbox.store.appending(path: "2026-11-22-york.json").path
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "<b>x</b>", with: "<b>x</b>\\u001b[31m")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        for format in ["text", "md", "html", "json", "metrics-csv"] {
            let result = try sandbox.run(["progress", "--system", "york", "--format", format])
            #expect(!result.stdout.contains("\u{1B}") && !result.stderr.contains("\u{1B}"), "\(format) writes no escape to the terminal")
            #expect(result.status == 0 && result.stdout.contains("41200.10") && !result.stdout.contains("40100.30"), "\(format): \(result.stderr)")
            #expect(result.stderr == "maturity: \(path): metrics[0].source: must not contain control characters such as tabs or escapes\n")
        }
        CampaignReport.record("progress over a file whose metric source holds an escape", cases: 5,
                              how: "every format: the file refused in one stderr line naming it and the field, the other year shown, no escape output")
    }

    @Test func theWorkshopsExportWritesTheMetricsCSVOnlyWithReadings() throws {
        let sandbox = try Sandbox()
        let (_, second) = try twoYears(sandbox)
        let work = sandbox.root.appending(path: "work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let session = try TmuxSession(["workshop", "--resume", second], sandbox: sandbox,
                                      launcher: ["sh", "-c", "cd \"$0\" && exec \"$@\"", work.path])
        try session.waitFor("York · 2026-11-22")
        try session.type("s")
        try session.waitFor("· Summary")
        // A link where the metrics' CSV would go: x asks, n writes new files beside, x x refuses the link.
        let target = try sandbox.write("the link's target\n", to: "target.txt")
        let link = work.appending(path: "2026-11-22-york-metrics.csv").path
        #expect(symlink(target, link) == 0)
        try session.type("x")
        try session.waitIgnoringSpaces("2026-11-22-york-metrics.csv exists in \(work.path) already. Press x again to replace it")
        try session.type("n")
        try session.waitIgnoringSpaces("Exported to \(work.path): 2026-11-22-york-summary-2 as .md, .html, .csv, .json, 2026-11-22-york-metrics-2.csv")
        try session.type("x")
        try session.waitIgnoringSpaces("Press x again to replace it")
        try session.type("x")
        try session.waitIgnoringSpaces("Not exported: \(link) is a symbolic link")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "the link's target\n")
        unlink(link)
        try session.type("x")
        try session.waitIgnoringSpaces("Exported to \(work.path): 2026-11-22-york-summary as .md, .html, .csv, .json, 2026-11-22-york-metrics.csv")
        try session.type("q")
        #expect(try session.ending().exit == "exit=0")
        for name in ["2026-11-22-york-metrics.csv", "2026-11-22-york-metrics-2.csv"] {
            let rows = try pythonRows(try String(contentsOf: work.appending(path: name), encoding: .utf8))
            #expect(rows.count == 1 + 3 * 2)
            #expect(ExportedFile.permissions(work.appending(path: name).path) == 0o600)
        }

        // An assessment without readings exports the four files as before.
        let plain = try sandbox.exportTestAssessment("Hull")
        let other = try TmuxSession(["workshop", "--resume", plain], sandbox: sandbox,
                                    launcher: ["sh", "-c", "cd \"$0\" && exec \"$@\"", work.path])
        try other.waitFor("Hull · 2026-01-01")
        try other.type("s")
        try other.waitFor("· Summary")
        try other.type("x")
        try other.waitIgnoringSpaces("Exported to \(work.path): 2026-01-01-hull-summary as .md, .html, .csv, .json")
        try other.type("q")
        #expect(try other.ending().exit == "exit=0")
        #expect(!FileManager.default.fileExists(atPath: work.appending(path: "2026-01-01-hull-metrics.csv").path))
        ExportCampaign.modes(2)
        ExportCampaign.overwrites(1)
    }

    /// The rows of a CSV document as Python's csv module reads them.
    func pythonRows(_ text: String) throws -> [[String]] {
        let script = "import csv,io,json,sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.buffer.read().decode('utf-8-sig'), newline='')))))"
        let sandbox = try Sandbox()
        let input = try sandbox.write(text, to: "in.csv")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: input))
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode([[String]].self, from: data)
    }
}
