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
        let files = try FileManager.default.contentsOfDirectory(atPath: sandbox.store.path).sorted()
        try editJSONFile(sandbox.store.appending(path: files[0]).path) { $0["participants"] = ["A\u{7}B"] }
        try editJSONFile(sandbox.store.appending(path: files[1]).path) { $0["system"] = "Kent\u{1B}[31m and Medway" }
        let lines = try sandbox.run(["list"])
        let summaries = try #require(try json(try sandbox.run(["list", "--format", "json"]).stdout) as? [[String: Any]])
        try #require(lines.status == 0 && summaries.count == 24)
        let expected = summaries.compactMap(Self.expectedLine).map { $0.replacingOccurrences(of: "\u{1B}", with: "\\u{1B}") }
        #expect(lines.stdout.split(separator: "\n").map(String.init) == expected)
        #expect(lines.stdout.contains("Kent\\u{1B}[31m and Medway"))
    }
}
