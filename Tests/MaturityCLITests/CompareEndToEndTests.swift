import Foundation
import Testing
import TestSupport

/// `maturity compare` and `maturity rollup`, run as a person would, over a generated store of the 42
/// systems across three years (system-level files; places come with their own file names).
@Suite("compare and rollup end to end", .serialized)
struct CompareEndToEndTests {
    static let systemCount = 42
    static let hostile = "Evil \u{1B}]0;PWNED\u{07}\u{202E} <script>alert(1)</script> =cmd|' /C calc'!A0"

    /// A sandbox whose store holds, for each of 42 systems, a complete assessment in 2024, 2025 and 2026
    /// (copies of files `maturity new` wrote from four answer sheets, so placements are the rules' own),
    /// a 2026 draft of the first system, and one system with a hostile name.
    static func generatedStore() throws -> Sandbox {
        let sandbox = try Sandbox()
        let sheets: [[String: String]] = [
            [:],
            ["econ-emerging-plan-reviewed": "yes", "econ-emerging-plan-known": "yes", "econ-emerging-strategy-refers": "yes"],
            ["econ-emerging-plan-reviewed": "yes", "econ-emerging-plan-known": "yes", "econ-emerging-strategy-refers": "yes",
             "econ-established-strategy-aligned": "yes", "econ-established-contribution": "yes", "econ-established-benefit": "yes",
             "climate-emerging-green-plan": "yes", "climate-emerging-area-policy": "yes", "climate-emerging-strategy-guided": "yes"],
            ["econ-emerging-plan-reviewed": "yes", "econ-emerging-plan-known": "unsure", "climate-emerging-green-plan": "yes"],
        ]
        var templates: [[String: Any]] = []
        for (index, sheet) in sheets.enumerated() {
            let answers = try sandbox.write(String(decoding: try JSONSerialization.data(withJSONObject: sheet), as: UTF8.self),
                                            to: "sheet-\(index).json")
            let made = try sandbox.run(["new", "--system", "Template \(index)", "--date", "2020-01-01", "--answers", answers, "--complete"])
            try #require(made.status == 0, "\(made.stderr)")
            let path = made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            templates.append(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any] ?? [:])
            try FileManager.default.removeItem(atPath: path)
        }
        for system in 0..<systemCount {
            for (offset, year) in [2024, 2025, 2026].enumerated() {
                var object = templates[(system + offset) % templates.count]
                let name = system == 7 ? hostile : "System \(system) ICS"
                object["system"] = name
                object["systemID"] = system == 7 ? "evil" : "system-\(system)-ics"
                object["date"] = "\(year)-10-\(10 + system % 18)"
                if system == 0 && year == 2026 { object["status"] = "draft" }
                let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
                try data.write(to: sandbox.store.appending(path: "\(year)-10-\(10 + system % 18)-system-\(system)-ics.json"))
            }
        }
        return sandbox
    }

    @Test func compareEveryFormatOverFortyTwoSystems() throws {
        let sandbox = try Self.generatedStore()
        let text = try sandbox.run(["compare"])
        try #require(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Distribution (42 systems):"), "\(text.stdout)")
        #expect(!text.stdout.contains("\u{1B}") && !text.stdout.contains("\u{202E}") && text.stdout.contains("\\u{1B}"))
        let in2026 = try sandbox.run(["compare", "--year", "2026"])
        #expect(in2026.stdout.contains("Distribution (41 systems):") && in2026.stdout.contains("Left out: System 0 ICS: no complete"))
        let csv = try sandbox.run(["compare", "--year", "2026", "--format", "csv"])
        let rows = try pythonCSVRows(csv.stdout, sandbox)
        #expect(rows.count == 1 + 41 * 3)
        #expect(rows.first?.count == 12 && rows.dropFirst().allSatisfy { $0.count == 12 })
        #expect(rows.contains { $0[0].hasPrefix("Evil \\u{1B}]0;PWNED") }, "the name is inert, read back whole")
        #expect(rows.dropFirst().allSatisfy { ["up", "down", "same", "new"].contains($0[11]) })
        let json = try sandbox.run(["compare", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["kind"] as? String == "maturity-comparison" && object["schemaVersion"] as? Int == 1)
        #expect((object["systems"] as? [Any])?.count == 42)
        #expect(json.stdout.contains("\\u001b]0;PWNED"))
        let md = try sandbox.run(["compare", "--format", "md"])
        #expect(md.stdout.contains("\\<script\\>") && !md.stdout.contains("\u{1B}"))
        let page = sandbox.root.appending(path: "heat.html")
        let html = try sandbox.run(["compare", "--format", "html", "-o", page.path])
        #expect(html.status == 0 && html.stderr.contains("Wrote"))
        let written = try String(contentsOf: page, encoding: .utf8)
        #expect(!written.contains("<script>") && written.contains("&lt;script&gt;") && written.contains("table class=\"heat\""))
        let mode = try FileManager.default.attributesOfItem(atPath: page.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        CampaignReport.record("compare over a generated store of 42 systems × 3 years, a draft and a hostile name", cases: 6,
                              how: "real binary, every format: text inert, CSV read by Python, JSON parsed, Markdown escaped, HTML with no script, -o mode 600")
    }

    @Test func namedSystemsUnknownNamesAndYearsWithout() throws {
        let sandbox = try Self.generatedStore()
        let two = try sandbox.run(["compare", "--system", "system 1 ics", "--system", "SYSTEM 2 ICS", "--format", "csv"])
        let rows = try pythonCSVRows(two.stdout, sandbox)
        #expect(Set(rows.dropFirst().map { $0[1] }) == ["system-1-ics", "system-2-ics"])
        let unknown = try sandbox.run(["compare", "--system", "System 1 ICS", "--system", "Nowhere \u{1B}[2J"])
        #expect(unknown.status == 1 && unknown.stdout.isEmpty)
        #expect(unknown.stderr == "maturity: no system called 'Nowhere \\u{1B}[2J' in \(sandbox.store.path) (see 'maturity list')\n")
        let empty = try sandbox.run(["compare", "--year", "1999"])
        #expect(empty.status == 1 && empty.stderr.split(separator: "\n").count == 1)
        let badYear = try sandbox.run(["compare", "--year", "20260"])
        #expect(badYear.status != 0 && badYear.stderr.contains("--year"))
        let link = sandbox.root.appending(path: "link.csv")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/dev/null")
        let refused = try sandbox.run(["compare", "--format", "csv", "-o", link.path])
        #expect(refused.status == 1)
        let intoStore = try sandbox.run(["compare", "-o", sandbox.store.appending(path: "x.txt").path])
        #expect(intoStore.status == 1 && !FileManager.default.fileExists(atPath: sandbox.store.appending(path: "x.txt").path))
        CampaignReport.record("compare: unknown system, year without assessments, bad year, -o through a link or into the store", cases: 5,
                              how: "real binary: one line on stderr, exit 1, nothing written")
    }

    @Test func anotherVersionIsMarkedAndAnotherFrameworkLeftOut() throws {
        let sandbox = try Self.generatedStore()
        try editJSONFile(sandbox.store.appending(path: "2026-10-15-system-5-ics.json").path) { object in
            object["framework"] = ["id": "ics-social-economic-development", "version": "0.9.0", "title": "Older"]
            object["areas"] = (object["areas"] as? [[String: Any]] ?? []).filter { $0["id"] as? String != "climate-change" }
        }
        try editJSONFile(sandbox.store.appending(path: "2026-10-16-system-6-ics.json").path) { object in
            object["framework"] = ["id": "another-framework", "version": "2.0.0", "title": "Another"]
        }
        let text = try sandbox.run(["compare", "--year", "2026"])
        try #require(text.status == 0, "\(text.stderr)")
        let row = text.stdout.split(separator: "\n").first { $0.hasPrefix("System 5 ICS ") }
        #expect(row?.hasSuffix("—") == true, "\(text.stdout)")
        #expect(text.stdout.contains("Answered against version 0.9.0 of the framework (compared on 1.0.0)"))
        #expect(text.stdout.contains("Left out: System 6 ICS: its assessment (2026-10-16-system-6-ics.json) was"))
        #expect(text.stdout.contains("1 not compared"))
        let csv = try pythonCSVRows(try sandbox.run(["compare", "--year", "2026", "--format", "csv"]).stdout, sandbox)
        #expect(csv.filter { $0[1] == "system-5-ics" }.map(\.[7]).last == "not-compared")
        #expect(!csv.contains { $0[1] == "system-6-ics" })
        CampaignReport.record("compare: an assessment of another framework version (an area missing) and one of another framework",
                              cases: 2, how: "real binary: the version compared where areas match, — and a note where not; the other framework left out with a note")
    }

    @Test func rollupOfASystemInEveryFormat() throws {
        let sandbox = try Self.generatedStore()
        let text = try sandbox.run(["rollup", "--system", "System 3 ICS"])
        try #require(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Roll-up of System 3 ICS (system-3-ics)") && text.stdout.contains("Whole system  2026-10-13"))
        let earlier = try sandbox.run(["rollup", "--system", "system 3 ics", "--year", "2024", "--format", "csv"])
        let rows = try pythonCSVRows(earlier.stdout, sandbox)
        #expect(rows.count == 1 + 3 && rows.dropFirst().allSatisfy { $0[3] == "2024-10-13" && $0[2].isEmpty })
        let json = try sandbox.run(["rollup", "--system", "System 3 ICS", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["kind"] as? String == "maturity-rollup" && object["year"] as? Int == 2026)
        for format in ["md", "html"] {
            let result = try sandbox.run(["rollup", "--system", Self.hostile, "--format", format])
            #expect(result.status == 0 && !result.stdout.contains("<script>") && !result.stdout.contains("\u{1B}"), "\(result.stderr)")
        }
        let unknown = try sandbox.run(["rollup", "--system", "Nowhere"])
        #expect(unknown.status == 1 && unknown.stderr.hasPrefix("maturity: no system called 'Nowhere'"))
        CampaignReport.record("rollup over the generated store (named, hostile and unknown systems, a year)", cases: 6,
                              how: "real binary: text, CSV read by Python, JSON parsed, Markdown and HTML inert; unknown system exit 1")
    }

    /// The 42 systems, each with five places assessed every year beside the system level (as `--place`
    /// names files): `compare` still compares the system level only, `rollup` sets the places beside it,
    /// and `progress` gives each place's series.
    @Test func placesAcrossTheNationalStore() throws {
        let sandbox = try Self.generatedStore()
        let places = ["Leeds", "Bradford District and Craven", "Calderdale", "Kirklees", "Wakefield"]
        let files = try storeContents(atPath: sandbox.store.path).filter { $0.hasSuffix(".json") }
        var placeFiles = 0
        for name in files {
            let data = try Data(contentsOf: sandbox.store.appending(path: name))
            var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            guard object["status"] as? String == "complete" else { continue }
            for place in places {
                object["place"] = place
                object["schemaVersion"] = 2
                let stem = name.replacingOccurrences(of: ".json", with: "")
                let placeData = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
                try placeData.write(to: sandbox.store.appending(path: "\(stem)--\(place.lowercased().replacingOccurrences(of: " ", with: "-")).json"))
                placeFiles += 1
            }
        }
        #expect(placeFiles == 5 * (42 * 3 - 1))
        let compared = try sandbox.run(["compare", "--format", "csv"])
        try #require(compared.status == 0, "\(compared.stderr)")
        let rows = try pythonCSVRows(compared.stdout, sandbox)
        #expect(rows.count == 1 + 42 * 3, "one row per system per area: places are not systems")
        let rollup = try sandbox.run(["rollup", "--system", "System 3 ICS", "--format", "csv"])
        try #require(rollup.status == 0, "\(rollup.stderr)")
        let rolled = try pythonCSVRows(rollup.stdout, sandbox)
        #expect(rolled.count == 1 + 6 * 3, "the whole system and five places, three areas each")
        #expect(Set(rolled.dropFirst().map { $0[2] }) == Set([""] + places))
        let text = try sandbox.run(["rollup", "--system", "System 3 ICS"])
        #expect(text.stdout.contains("Whole system") && text.stdout.contains("Leeds") && text.stdout.contains("Wakefield"))
        let progress = try sandbox.run(["progress", "--system", "System 3 ICS", "--place", "Leeds", "--format", "json"])
        try #require(progress.status == 0, "\(progress.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(progress.stdout.utf8)) as? [String: Any])
        #expect(object["place"] as? String == "Leeds")
        #expect((object["assessments"] as? [Any])?.count == 3)
        CampaignReport.record("compare, rollup and progress over 42 systems with five places each over three years", cases: 4,
                              how: "real binary over 756 files: compare keeps to system level, rollup sets five places beside it, "
                                  + "progress --place one place's series")
    }

    /// The rows of a CSV document as Python's csv module reads them.
    func pythonCSVRows(_ text: String, _ sandbox: Sandbox) throws -> [[String]] {
        let script = "import csv,io,json,sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.buffer.read().decode('utf-8-sig'), newline='')))))"
        let result = try sandbox.run(["python3", "-c", script], binary: URL(fileURLWithPath: "/usr/bin/env"), input: text)
        try #require(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode([[String]].self, from: Data(result.stdout.utf8))
    }
}
