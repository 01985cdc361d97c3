import Foundation
import Testing
import TestSupport

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

func json(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8))
}

@Suite("maturity frameworks")
struct FrameworksCommandTests {
    @Test func listsTheBuiltInFrameworksAndTheUserFolder() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.run(["frameworks"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("ics-social-economic-development 1.0.0 · 3 areas · built-in\n  ICS social and economic development maturity framework\n"))
        // One block per framework: nothing padded past 80 columns for the built-in ones.
        #expect(result.stdout.split(separator: "\n").filter { !$0.hasPrefix("Your frameworks folder: ") }.allSatisfy { $0.count <= 80 },
                "\(result.stdout)")
        #expect(result.stdout.contains("anchor-institution-charter"))
        #expect(result.stdout.contains("Your frameworks folder: \(sandbox.home.path)/.config/maturity/frameworks"))
    }

    @Test func userFrameworksAppearAndBrokenOnesWarn() throws {
        let sandbox = try Sandbox()
        let good = try String(contentsOf: repositoryRoot.appending(path: "Frameworks/anchor-institution-charter.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "id: anchor-institution-charter", with: "id: local-charter")
        _ = try sandbox.write(good, to: "frameworks/local.yaml")
        _ = try sandbox.write("id: [", to: "frameworks/broken.yaml")
        let result = try sandbox.run(["frameworks", "list"], environment: ["MATURITY_FRAMEWORKS": sandbox.root.appending(path: "frameworks").path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("local-charter"))
        #expect(result.stderr.contains("warning: \(sandbox.root.path)/frameworks/broken.yaml:"))
    }

    @Test func showPrintsTheDocumentedJSON() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.run(["frameworks", "show", "ics-social-economic-development", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try json(result.stdout) as? [String: Any])
        #expect(object["id"] as? String == "ics-social-economic-development")
        #expect(object["version"] as? String == "1.0.0")
        #expect(object["title"] as? String != nil)
        let stages = try #require(object["stages"] as? [[String: Any]])
        #expect(stages.map { $0["id"] as? String } == ["emerging", "established", "expanding"])
        #expect(stages.map { $0["title"] as? String } == ["Emerging", "Established", "Expanding"])
        let areas = try #require(object["areas"] as? [[String: Any]])
        #expect(areas.count == 3)
        let criteria = try #require(areas[2]["criteria"] as? [[String: Any]])
        #expect(criteria.first?["id"] as? String == "climate-emerging-green-plan")
        #expect(criteria.first?["stage"] as? String == "emerging")
        #expect(criteria.first?["text"] as? String == "Does the system have a green plan linked to NHS plans?")
    }

    @Test func theEstablishedDateIsKeptAndShownWithTheSystemsAge() throws {
        let sandbox = try Sandbox()
        let created = try sandbox.run(["new", "--system", "Age ICS", "--date", "2026-11-24", "--established", "2022-07-01"])
        #expect(created.status == 0, "\(created.stderr)")
        let file = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let shown = try #require(try json(try sandbox.run(["show", file, "--format", "json"]).stdout) as? [String: Any])
        #expect(shown["established"] as? String == "2022-07-01")
        #expect(shown["systemAgeYears"] as? Double == 4.4)
        let areas = try #require(shown["areas"] as? [[String: Any]])
        #expect(areas.map { $0["typicalStage"] as? String } == ["established", "established", "established"])
        let text = try sandbox.run(["show", file]).stdout.split(separator: "\n").joined(separator: " ")
        #expect(text.contains("Established: 2022-07-01, 4.4 years before this assessment. Typical for a system of 4 years: "
            + "established (the framework's ages are a guide, not a deadline)."))
        // Without it, both are null, not left out.
        let other = try sandbox.run(["new", "--system", "Other ICS", "--date", "2026-11-24"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let plain = try #require(try json(try sandbox.run(["show", other, "--format", "json"]).stdout) as? [String: Any])
        #expect(plain["established"] is NSNull && plain["systemAgeYears"] is NSNull)
        #expect((plain["areas"] as? [[String: Any]])?.allSatisfy { $0["typicalStage"] is NSNull } == true)
    }

    @Test func aTargetsStatusFollowsThePaceOfTheSystemsEarlierAssessments() throws {
        let sandbox = try Sandbox()
        func created(_ arguments: [String]) throws -> String {
            let result = try sandbox.run(["new", "--system", "Pace ICS"] + arguments)
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        func status(_ file: String) throws -> [String?] {
            let shown = try #require(try json(try sandbox.run(["show", file, "--format", "json"]).stdout) as? [String: Any])
            return try #require(shown["areas"] as? [[String: Any]]).map { $0["targetStatus"] as? String }
        }
        // 2023: not yet emerging. 2025: Emerging in the economy (its three emerging criteria yes): half a
        // stage a year, so Expanding (two more stages) by 2029 is on track and by 2028 behind.
        _ = try created(["--date", "2023-07-01", "--complete"])
        let sheet = sandbox.root.appending(path: "emerging.csv")
        try "criterion,answer\necon-emerging-plan-reviewed,yes\necon-emerging-plan-known,yes\necon-emerging-strategy-refers,yes\n"
            .write(to: sheet, atomically: true, encoding: .utf8)
        let onTrack = try created(["--date", "2025-07-01", "--answers", sheet.path, "--target", "economic-development=expanding:2029"])
        #expect(try status(onTrack) == ["on-track", nil, nil])
        let file = try #require(try json(try sandbox.run(["show", onTrack, "--format", "json"]).stdout) as? [String: Any])
        let economy = try #require((file["areas"] as? [[String: Any]])?.first)
        let target = try #require(economy["target"] as? [String: Any])
        #expect(target["stage"] as? String == "expanding" && target["by"] as? Int == 2029)
        #expect(try sandbox.run(["show", onTrack]).stdout.contains("  Target: Expanding by 2029, on track."))
        let behind = try created(["--date", "2025-07-02", "--answers", sheet.path, "--target", "economic-development=expanding:2028"])
        #expect(try status(behind) == ["behind", nil, nil])
        let reached = try created(["--date", "2025-07-03", "--answers", sheet.path, "--target", "Economy=Emerging:2026"])
        #expect(try status(reached) == ["reached", nil, nil])
    }

    @Test func showTakesAPathAndPrintsText() throws {
        let sandbox = try Sandbox()
        let path = repositoryRoot.appending(path: "Frameworks/anchor-institution-charter.yaml").path
        let result = try sandbox.run(["frameworks", "show", path])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Anchor institution charter self-assessment\nid anchor-institution-charter, version 1.0.0"))
        #expect(result.stdout.split(separator: "\n").joined(separator: " ")
            .contains("Embedded is met when at least 75% of its criteria are in place, a partly"))
    }

    @Test func validateReportsEveryProblemAsFileLineMessage() throws {
        let sandbox = try Sandbox()
        let good = repositoryRoot.appending(path: "Frameworks/ics-social-economic-development.yaml").path
        let bad = try sandbox.write("id: Bad Id\nversion: 1\ntitle: T\nsource: {}\nstages: []\nareas: []\n", to: "bad.yaml")
        let ok = try sandbox.run(["frameworks", "validate", good])
        #expect(ok.status == 0)
        #expect(ok.stdout == "\(good): ok (ics-social-economic-development 1.0.0: 3 stages, 3 areas, 30 criteria, 15 metrics)\n")
        let failed = try sandbox.run(["frameworks", "validate", good, bad])
        #expect(failed.status == 1)
        let lines = failed.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("\(bad):1: id: 'Bad Id' is not a valid id (lowercase letters, digits and single hyphens, at most 64 characters)"))
        #expect(lines.contains("\(bad):4: source.title: missing"))
        #expect(lines.allSatisfy { $0.hasPrefix("\(bad):") })
    }

    @Test(arguments: [
        ("empty.yaml", Data()),
        ("binary.yaml", Data((0..<2048).map { UInt8($0 % 256) })),
        ("nested.yaml", Data((String(repeating: "[", count: 200_000)).utf8)),
        ("huge.yaml", Data(repeating: 0x61, count: 2 << 20)),
        ("types.json", Data("{\"id\": 5, \"version\": [], \"title\": {}, \"source\": 1, \"stages\": \"x\", \"areas\": null}".utf8)),
    ])
    func validateNeverCrashes(_ name: String, _ data: Data) throws {
        let sandbox = try Sandbox()
        let path = sandbox.root.appending(path: name)
        try data.write(to: path)
        let result = try sandbox.run(["frameworks", "validate", path.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(path.path):"))
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test func validateOfAMissingFileFails() throws {
        let result = try Sandbox().run(["frameworks", "validate", "/no/such.yaml"])
        #expect(result.status == 1)
        #expect(result.stderr == "/no/such.yaml: no such file\n")
    }
}

@Suite("maturity new, list and show")
struct AssessmentCommandTests {
    @Test func newWritesADatedFileAndPrintsItsPath() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.run(["new", "--system", "West Yorkshire ICS", "--date", "2026-11-22",
                                      "--participant", "Cathy", "--participant", "Rob"])
        #expect(result.status == 0)
        let path = "\(sandbox.store.path)/2026-11-22-west-yorkshire-ics.json"
        #expect(result.stdout == path + "\n")
        let object = try #require(try json(try String(contentsOfFile: path, encoding: .utf8)) as? [String: Any])
        #expect(object["participants"] as? [String] == ["Cathy", "Rob"])
        #expect(object["status"] as? String == "draft")
        let again = try sandbox.run(["new", "--system", "West Yorkshire ICS", "--date", "2026-11-22"])
        #expect(again.stdout == "\(sandbox.store.path)/2026-11-22-west-yorkshire-ics-2.json\n")
    }

    @Test func answersFromCSVAndJSONArePlaced() throws {
        let sandbox = try Sandbox()
        let csv = try sandbox.write("""
            criterion,answer,note
            climate-emerging-green-plan,yes,"Green plan 2022, refreshed"
            climate-emerging-area-policy,yes,
            climate-emerging-strategy-guided,yes,
            climate-established-green-plans,yes,
            climate-established-estates,yes,
            climate-established-workforce,yes,
            climate-expanding-shared-aims,yes,
            climate-expanding-shared-plans,yes,
            climate-expanding-joint-tracking,yes,
            """, to: "survey.csv")
        let made = try sandbox.run(["new", "--system", "Ynys Môn", "--date", "2026-01-05", "--answers", csv, "--complete"])
        #expect(made.status == 0, "\(made.stderr)")
        let shown = try sandbox.run(["show", "2026-01-05-ynys-mon.json", "--format", "json"])
        #expect(shown.status == 0)
        let object = try #require(try json(shown.stdout) as? [String: Any])
        #expect(object["system"] as? String == "Ynys Môn")
        #expect(object["date"] as? String == "2026-01-05")
        #expect((object["framework"] as? [String: Any])?["id"] as? String == "ics-social-economic-development")
        #expect(object["status"] as? String == "complete")
        let areas = try #require(object["areas"] as? [[String: Any]])
        let climate = try #require(areas.first { $0["id"] as? String == "climate-change" })
        #expect(climate["stage"] as? String == "expanding")
        #expect(climate["provisional"] as? Bool == false)
        #expect(climate.keys.contains("nextStage") && climate["nextStage"] is NSNull)
        #expect(climate["progress"] is NSNull)
        #expect(climate["gap"] as? [String] == [])
        #expect(climate["explanation"] as? String == "Placed at Expanding, because every stage is met.")
        let economy = try #require(areas.first { $0["id"] as? String == "economic-development" })
        #expect(economy["stage"] as? String == "not-yet-emerging")
        #expect(economy["nextStage"] as? String == "emerging")
        #expect(economy["progress"] as? Double == 0)
        #expect((economy["gap"] as? [String])?.count == 3)

        let jsonSheet = try sandbox.write("{\"econ-emerging-plan-reviewed\": \"partly\"}", to: "answers.json")
        let second = try sandbox.run(["new", "--system", "Ynys Môn", "--date", "2026-01-06", "--answers", jsonSheet])
        #expect(second.status == 0)
        let text = try sandbox.run(["show", "2026-01-06-ynys-mon"])
        #expect(text.stdout.contains("Supporting economic development and recovery: Not yet emerging (provisional)"))
        #expect(text.stdout.contains("economic plan reviewed (partly)"))
    }

    @Test func aFrameworkFileOutsideTheCatalogIsUsedWithANote() throws {
        let sandbox = try Sandbox()
        let text = try String(contentsOf: repositoryRoot.appending(path: "Frameworks/anchor-institution-charter.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "id: anchor-institution-charter", with: "id: local-charter")
        let path = try sandbox.write(text, to: "local.yaml")
        let result = try sandbox.run(["new", "--system", "S", "--date", "2026-01-01", "--framework", path])
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("note: the store keeps a copy of framework 'local-charter' 1.0.0, so this assessment reads anywhere"))
        // The store keeps its copy (issue 16), so list reads it without the framework installed.
        let listed = try sandbox.run(["list"])
        #expect(listed.status == 0 && listed.stderr.isEmpty, "\(listed.stderr)")
        #expect(listed.stdout.contains("2026-01-01  S  draft  local-charter"), "\(listed.stdout)")
    }

    @Test func badAnswersWriteNothing() throws {
        let sandbox = try Sandbox()
        let sheet = try sandbox.write("{\"no-such-criterion\": \"yes\", \"econ-emerging-plan-known\": \"perhaps\"}", to: "bad.json")
        let result = try sandbox.run(["new", "--system", "X", "--answers", sheet])
        #expect(result.status == 1)
        #expect(result.stderr.contains("unknown criterion 'no-such-criterion'"))
        #expect(result.stderr.contains("'perhaps' for 'econ-emerging-plan-known' is not an answer"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.store.path))
    }

    @Test func listShowsNewestFirstFiltersBySystemAndReportsBadFiles() throws {
        let sandbox = try Sandbox()
        for (system, date) in [("West Yorkshire ICS", "2025-11-20"), ("Humber and North Yorkshire", "2026-02-01"),
                               ("West Yorkshire ICS", "2026-11-22")] {
            #expect(try sandbox.run(["new", "--system", system, "--date", date]).status == 0)
        }
        _ = try sandbox.write("{ not json", to: "store/2026-12-01-broken.json")
        let all = try sandbox.run(["list"])
        #expect(all.status == 0)
        let lines = all.stdout.split(separator: "\n")
        try #require(lines.count == 3)
        #expect(lines[0].hasPrefix("2026-11-22  West Yorkshire ICS  draft  ics-social-economic-development 1.0.0  "
            + "Economy: Not yet emerging (provisional) · Employment: Not yet emerging (provisional)"))
        #expect(lines[0].hasSuffix("[2026-11-22-west-yorkshire-ics.json]"))
        #expect(lines[1].hasPrefix("2026-02-01  Humber"))
        #expect(all.stderr.contains("\(sandbox.store.path)/2026-12-01-broken.json: is not valid JSON"))
        let filtered = try sandbox.run(["list", "--system", "west yorkshire ics"])
        #expect(filtered.stdout.split(separator: "\n").count == 3)
        #expect(filtered.stdout.hasPrefix("West Yorkshire ICS (west-yorkshire-ics): 2 assessments\n"))
        let data = try sandbox.run(["list", "--format", "json"])
        #expect((try json(data.stdout) as? [[String: Any]])?.count == 3)
        // Without arguments the workshop starts; with no terminal and no input it stops before saving anything.
        let workshop = try sandbox.run([])
        #expect(workshop.status == 1)
        #expect(workshop.stdout.hasPrefix("Known systems (type a number to pick one, or a name):\n"))
        #expect(workshop.stdout.hasSuffix("System name or number: "))
        // The store's unreadable file is named first, as the workshop's start reads the store.
        #expect(workshop.stderr.hasPrefix("maturity: \(sandbox.store.path)/2026-12-01-broken.json: is not valid JSON"))
        #expect(workshop.stderr.hasSuffix("\nmaturity: input ended before the workshop started; nothing was saved\n"))
    }

    @Test func anEmptyStoreSaysHowToStart() throws {
        let result = try Sandbox().run(["list"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("No assessments in "))
        #expect(result.stdout.contains("maturity new --system"))
    }

    @Test func storeFolderComesFromFlagThenEnvironmentThenXDG() throws {
        let sandbox = try Sandbox()
        let flag = sandbox.root.appending(path: "flag-store").path
        let xdg = sandbox.root.appending(path: "xdg").path
        let viaFlag = try sandbox.run(["new", "--system", "A", "--date", "2026-01-01", "--store", flag])
        #expect(viaFlag.stdout == "\(flag)/2026-01-01-a.json\n")
        let viaXDG = try sandbox.run(["new", "--system", "B", "--date", "2026-01-01"],
                                     environment: ["MATURITY_STORE": "", "XDG_DATA_HOME": xdg])
        #expect(viaXDG.stdout == "\(xdg)/maturity/assessments/2026-01-01-b.json\n")
        let viaHome = try sandbox.run(["new", "--system", "C", "--date", "2026-01-01"], environment: ["MATURITY_STORE": ""])
        #expect(viaHome.stdout == "\(sandbox.home.path)/.local/share/maturity/assessments/2026-01-01-c.json\n")
        #expect(try sandbox.run(["list", "--store", flag]).stdout.contains("2026-01-01  A  draft"))
        #expect(try sandbox.run(["show", "2026-01-01-a", "--store", flag]).status == 0)
    }

    /// A framework revised between yearly reruns must not lock out earlier assessments: an older or
    /// newer version is shown with a note, not refused.
    @Test(arguments: ["0.9.0", "2.0.0"])
    func anAssessmentOfAnotherFrameworkVersionShowsWithANote(_ version: String) throws {
        let sandbox = try Sandbox()
        let path = try sandbox.run(["new", "--system", "S", "--date", "2026-01-01"]).stdout.trimmingCharacters(in: .newlines)
        try editJSONFile(path) { object in
            var framework = try #require(object["framework"] as? [String: Any])
            framework["version"] = version
            // As a file written before issue 16: no hash, and no copy of that version in the store.
            framework.removeValue(forKey: "sha256")
            object["framework"] = framework
            var areas = try #require(object["areas"] as? [[String: Any]])
            areas[0]["answers"] = ["retired-criterion": "yes"]
            object["areas"] = areas
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let result = try sandbox.run(["show", path])
        #expect(result.status == 0)
        #expect(result.stderr == "note: \(path) was answered against version \(version) of ics-social-economic-development; "
            + "shown with version 1.0.0 (answers to criteria it lacks are kept but not placed)\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text, "reading never changes the file")
        CampaignReport.record("Assessment answered against an older or newer framework version", cases: 1,
                              how: "shown with a one-line note naming both versions; answers the installed version lacks are kept")
    }

    @Test func showRejectsAnAssessmentWithCriteriaItsFrameworkLacks() throws {
        let sandbox = try Sandbox()
        let made = try sandbox.run(["new", "--system", "S", "--date", "2026-01-01"])
        let path = made.stdout.trimmingCharacters(in: .newlines)
        try editJSONFile(path) { object in
            var areas = try #require(object["areas"] as? [[String: Any]])
            areas[0]["answers"] = ["invented": "yes"]
            object["areas"] = areas
        }
        let result = try sandbox.run(["show", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("criterion 'invented' is not in area"))
    }
}

@Suite("Command line errors and help")
struct CommandLineErrorTests {
    @Test(arguments: [
        (["new"], "maturity: Missing expected argument '--system <name>' (see 'maturity new --help')"),
        (["new", "--system", "X", "--date", "2026-02-30"], "maturity: --date '2026-02-30' is not a real day written YYYY-MM-DD, e.g. 2026-11-22"),
        (["new", "--system", "  "], "maturity: --system must not be empty"),
        (["new", "--system", "a\tb"],
         "maturity: --system must not contain control characters such as tabs, line breaks or escapes, nor bidirectional overrides"),
        (["new", "--system", "York \u{202E}SCI"],
         "maturity: --system must not contain control characters such as tabs, line breaks or escapes, nor bidirectional overrides"),
        (["new", "--system", "X", "--participant", "Chair\u{2066}"],
         "maturity: --participant must not contain control characters such as tabs, line breaks or escapes, nor bidirectional overrides"),
        (["new", "--system", "X", "--framework", "nope"],
         "maturity: nope: no framework with this id and no such file (known frameworks: anchor-institution-charter, ics-social-economic-development)"),
        (["new", "--system", "X", "--answers", "/no/such.csv"], "maturity: /no/such.csv: no such file"),
        (["new", "--system", "X", "--established", "2022-02-30"],
         "maturity: --established '2022-02-30' is not a real day written YYYY-MM-DD, e.g. 2022-07-01"),
        (["new", "--system", "X", "--date", "2026-11-24", "--established", "2027-01-01"],
         "maturity: --established 2027-01-01 is after the assessment's date 2026-11-24"),
        (["new", "--system", "X", "--target", "climat=established:2027"],
         "maturity: --target 'climat=established:2027': no area 'climat' in the framework; areas: economic-development, quality-employment, climate-change"),
        (["new", "--system", "X", "--date", "2026-11-24", "--target", "climate-change=established:2020"],
         "maturity: --target 'climate-change=established:2020': 2020 is outside 2026 to 2046, the assessment's year to 20 years after it"),
        (["show", "missing"], "maturity: missing: no such file, and no assessment of that name in STORE"),
        (["frobnicate"], "maturity: Unexpected argument 'frobnicate' (see 'maturity --help')"),
        (["list", "--format", "xml"], "maturity: The value 'xml' is invalid for '--format <format>'. Please provide one of 'text' and 'json'. (see 'maturity list --help')"),
        (["frameworks", "show"], "maturity: Missing expected argument '<id-or-path>' (see 'maturity frameworks show --help')"),
    ])
    func errorsAreOneClearLineAndExitOne(_ arguments: [String], _ expected: String) throws {
        let sandbox = try Sandbox()
        let result = try sandbox.run(arguments)
        #expect(result.status == 1)
        #expect(result.stderr == expected.replacingOccurrences(of: "STORE", with: sandbox.store.path) + "\n")
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: [["--help"], ["new", "--help"], ["list", "--help"], ["show", "--help"], ["frameworks", "--help"],
                      ["frameworks", "show", "--help"], ["frameworks", "validate", "--help"], ["--version"]])
    func helpIsThereForEveryCommand(_ arguments: [String]) throws {
        let result = try Sandbox().run(arguments)
        #expect(result.status == 0)
        #expect(!result.stdout.isEmpty)
        if arguments.first == "new" { #expect(result.stdout.contains("Example: maturity new --system")) }
    }

    @Test func builtInFrameworksWorkFromAnyFolderAndACopiedBinary() throws {
        let sandbox = try Sandbox()
        let copy = sandbox.root.appending(path: "elsewhere/maturity")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Copied with close-on-exec, so no process started meanwhile keeps it open for writing; and
        // run again if another test's fork still held it (ETXTBSY, which the shell reports as 126).
        let bytes = try Data(contentsOf: maturityBinary)
        let descriptor = open(copy.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        try #require(descriptor >= 0)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        var result = try sandbox.run(["frameworks"], binary: copy, in: URL(fileURLWithPath: "/"))
        var attempt = 0
        while result.status == 126, attempt < 20 {
            attempt += 1
            Thread.sleep(forTimeInterval: 0.1)
            result = try sandbox.run(["frameworks"], binary: copy, in: URL(fileURLWithPath: "/"))
        }
        try checkFrameworksOutput(result)
    }

    func checkFrameworksOutput(_ result: CommandResult) throws {
        #expect(result.status == 0)
        #expect(result.stdout.contains("ics-social-economic-development"))
        #expect(result.stdout.contains("anchor-institution-charter"))
    }
}

/// Metric values recorded with `maturity new --metrics` (issue 14).
@Suite("Metric values from the command line")
struct MetricValuesCommandTests {
    @Test func metricValuesAreRecordedAndShownWithThePlacesTyped() throws {
        let sandbox = try Sandbox()
        let sheet = sandbox.root.appending(path: "metrics.csv")
        try "metric,value,period,source\necon-nhs-spend,\"1,234.50\",2025/26,ICB accounts\n".write(to: sheet, atomically: true, encoding: .utf8)
        let created = try sandbox.run(["new", "--system", "Metric ICS", "--metrics", sheet.path])
        #expect(created.status == 0, "\(created.stderr)")
        let file = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(try sandbox.run(["show", file, "--format", "json"]).stdout.utf8)) as? [String: Any])
        let metrics = try #require(shown["metrics"] as? [[String: Any]])
        #expect(metrics.count == 1)
        #expect(metrics.first?["value"] as? String == "1234.50" && metrics.first?["unit"] as? String == "£ million a year")
        #expect(metrics.first?["area"] as? String == "economic-development" && metrics.first?["period"] as? String == "2025/26")
        try "metric,value\necon-nhs-spend,12%\n".write(to: sheet, atomically: true, encoding: .utf8)
        let refused = try sandbox.run(["new", "--system", "Other ICS", "--metrics", sheet.path])
        #expect(refused.status == 1)
        #expect(refused.stderr == "maturity: \(sheet.path):2: econ-nhs-spend: '12%' has '%' in it; type the number alone, the unit is recorded separately\n")
    }
}
