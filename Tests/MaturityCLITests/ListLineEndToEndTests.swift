import Foundation
import Testing
import TestSupport

/// `list` makes its lines from each file's glance, `list --format json` from the whole decoded
/// assessment: the two must say the same of every file.
@Suite("List lines from glances")
struct ListLineEndToEndTests {
    /// The line `list` printed before glances, made here from a JSON summary of `list --format json`.
    static func expectedLine(_ summary: [String: Any]) -> String? {
        guard let date = summary["date"] as? String, let system = summary["system"] as? String,
              let status = summary["status"] as? String, let framework = summary["framework"] as? [String: Any],
              let id = framework["id"] as? String, let version = framework["version"] as? String,
              let areas = summary["areas"] as? [[String: Any]], let file = summary["file"] as? String else { return nil }
        let stages = areas.map { area in
            "\(area["short"] as? String ?? "?"): \(area["stageTitle"] as? String ?? "?")"
                + (area["provisional"] as? Bool == true ? " (provisional)" : "")
        }
        return "\(date)  \(system)  \(status)  \(id) \(version)  " + stages.joined(separator: " · ")
            + "  [\(URL(fileURLWithPath: file).lastPathComponent)]"
    }

    @Test func everyLineSaysWhatTheWholeAssessmentSays() throws {
        let sandbox = try Sandbox()
        let shown = try sandbox.run(["frameworks", "show", "ics-social-economic-development", "--format", "json"])
        let areas = try #require((try json(shown.stdout) as? [String: Any])?["areas"] as? [[String: Any]])
        let criteria = areas.flatMap { ($0["criteria"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
        try #require(criteria.count > 10)
        // Answers that place areas at every stage, provisionally or not.
        var random = Mutator(seed: 2026, fragments: [])
        let words = ["yes", "yes", "yes", "partly", "no", "unsure"]
        for index in 0..<24 {
            let level = random.next(4)
            var sheet: [String: String] = [:]
            for (position, criterion) in criteria.enumerated() where random.next(6) > 0 {
                sheet[criterion] = position * 4 / criteria.count < level ? "yes" : words[random.next(words.count)]
            }
            let path = try sandbox.write(String(decoding: try JSONSerialization.data(withJSONObject: sheet), as: UTF8.self),
                                         to: "sheet-\(index).json")
            let system = ["Kent and Medway", "Ynys Môn & Gwynedd", "West Yorkshire ICS"][index % 3]
            let made = try sandbox.run(["new", "--system", system, "--date", "202\(index % 6)-0\(index % 9 + 1)-1\(index % 10)",
                                        "--answers", path] + (index % 4 == 0 ? ["--complete"] : []))
            try #require(made.status == 0, "\(made.stderr)")
        }
        // Files the glance reader leaves to the full decoder (a \u escape), and one with a name to make inert.
        let files = try storeContents(atPath: sandbox.store.path).sorted()
        try editJSONFile(sandbox.store.appending(path: files[0]).path) { $0["participants"] = ["A\u{7}B"] }
        try editJSONFile(sandbox.store.appending(path: files[1]).path) { $0["system"] = "Kent\u{1B}[31m and Medway" }
        let lines = try sandbox.run(["list"])
        let summaries = try #require(try json(try sandbox.run(["list", "--format", "json"]).stdout) as? [[String: Any]])
        try #require(lines.status == 0 && summaries.count == 24)
        let expected = summaries.compactMap(Self.expectedLine).map { $0.replacingOccurrences(of: "\u{1B}", with: "\\u{1B}") }
        #expect(lines.stdout.split(separator: "\n").map(String.init) == expected)
        #expect(lines.stdout.contains("Kent\\u{1B}[31m and Medway"))
    }

    /// The scan index goes to the user's private cache folder (owner-only), never into the store;
    /// `MATURITY_CACHE=off` keeps none; a file changed in place is listed as it is now.
    @Test func theIndexLivesInThePrivateCacheNeverInTheStore() throws {
        let sandbox = try Sandbox()
        for (system, date) in [("West Yorkshire ICS", "2025-11-20"), ("Kent and Medway", "2026-01-01")] {
            #expect(try sandbox.run(["new", "--system", system, "--date", date]).status == 0)
        }
        let files = try storeContents(atPath: sandbox.store.path).sorted()
        let first = try sandbox.run(["list"])
        let progress = try sandbox.run(["progress", "--system", "west yorkshire ics"])
        #expect(first.status == 0 && progress.status == 0)
        #expect(try storeContents(atPath: sandbox.store.path).sorted() == files, "nothing is written into the store")
        let cache = sandbox.home.appending(path: ".cache/maturity")
        let kept = try storeContents(atPath: cache.path)
        #expect(kept.count == 1 && kept[0].hasPrefix("scan-") && kept[0].hasSuffix(".index"))
        #expect((try FileManager.default.attributesOfItem(atPath: cache.path)[.posixPermissions] as? Int) == 0o700)
        #expect((try FileManager.default.attributesOfItem(atPath: cache.appending(path: kept[0]).path)[.posixPermissions] as? Int) == 0o600)
        #expect(try sandbox.run(["list"]).stdout == first.stdout)
        // Changed in place, same size: listed as it is now.
        let path = sandbox.store.appending(path: files[1]).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\"status\" : \"draft\"", with: "\"status\" : \"DRAFT\"").utf8).write(to: URL(fileURLWithPath: path))
        let changed = try sandbox.run(["list"])
        #expect(changed.stderr.contains("\(files[1]): status: 'DRAFT' is not draft or complete"))
        // Elsewhere by XDG_CACHE_HOME; none at all with MATURITY_CACHE=off.
        let xdg = sandbox.root.appending(path: "xdg-cache")
        #expect(try sandbox.run(["list"], environment: ["XDG_CACHE_HOME": xdg.path]).stdout == changed.stdout)
        #expect(FileManager.default.fileExists(atPath: xdg.appending(path: "maturity").path))
        try FileManager.default.removeItem(at: cache)
        #expect(try sandbox.run(["list"], environment: ["MATURITY_CACHE": "off"]).stdout == changed.stdout)
        #expect(!FileManager.default.fileExists(atPath: cache.path))
    }
}
