import Foundation
import Testing
import TestSupport

/// Issue 14 in plain mode through the real binary with piped input: the established date, a metric and
/// a target recorded, then read back with `maturity show --format json`.
@Suite("Plain mode: established date, metrics and targets end to end")
struct PlainBaselineEndToEndTests {
    @Test func anEstablishedDateAMetricAndATargetAreRecordedAndShown() throws {
        let sandbox = try Sandbox()
        // The date, no participants, the framework, then the established command (one refused: after the assessment).
        var lines = ["2026-11-20", "", "1", "established 2027-01-01", "established 2022-07-01"]
        // Area 1's first metric, with a value refused for its unit; the rest left with "." .
        lines += ["m", "41 £m", "1,234.50", "2025/26", "ICB annual report", "", "."]
        // To question 10, its answer and note left, then the target at the actions; on to the summary and finish.
        lines += ["g 1.10", "", "", "t", "established", "2028", "s", "", ""]
        let result = try sandbox.run(["workshop", "--plain", "--system", "Baseline ICS"], input: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(out.contains("2027-01-01 is after the assessment's date, 2026-11-20; a system is established before it is assessed."))
        #expect(out.contains("Not recorded: '41 £m' has '£m' in it; type the number alone, the unit is recorded separately."))
        #expect(out.contains("Recorded: 1234.50 £ million a year, 2025/26, from ICB annual report."))
        #expect(out.contains("Typical for a system of 4 years: established; not yet placed at emerging (an earlier stage than typical)."))
        #expect(out.contains("Target: Established by 2028, on track."))
        let file = try onlyStoreFile(sandbox)
        #expect(out.hasSuffix("Saved to \(file).\n"))

        let shown = try sandbox.run(["show", file, "--format", "json"])
        #expect(shown.status == 0, "\(shown.stderr)")
        let object = try #require(try json(shown.stdout) as? [String: Any])
        #expect(object["established"] as? String == "2022-07-01")
        #expect(object["systemAgeYears"] as? Double == 4.4)
        let metrics = try #require(object["metrics"] as? [[String: Any]])
        #expect(metrics.count == 1)
        #expect(metrics.first?["id"] as? String == "econ-nhs-spend")
        #expect(metrics.first?["area"] as? String == "economic-development")
        #expect(metrics.first?["value"] as? String == "1234.50")
        #expect(metrics.first?["unit"] as? String == "£ million a year")
        #expect(metrics.first?["period"] as? String == "2025/26")
        #expect(metrics.first?["source"] as? String == "ICB annual report")
        let economy = try #require((object["areas"] as? [[String: Any]])?.first)
        let target = try #require(economy["target"] as? [String: Any])
        #expect(target["stage"] as? String == "established" && target["by"] as? Int == 2028)
        #expect(economy["targetStatus"] as? String == "on-track")
        #expect(economy["typicalStage"] as? String == "established")
        CampaignReport.record("Plain mode through the binary: established date, a metric and a target, read back by show json",
                              cases: 1, how: "piped: a date after the assessment and a value with its unit refused, then "
                                  + "taken; show --format json gives established, systemAgeYears, the metric, target, status, typical stage")
    }

    @Test func establishedOnTheCommandLineFillsPlainModeAndIsRefusedAfterTheDate() throws {
        let sandbox = try Sandbox()
        let refused = try sandbox.run(["workshop", "--plain", "--system", "Flag ICS", "--established", "2027-01-01"],
                                      input: "2026-11-20\n\n1\nq\n")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--established 2027-01-01 is after the assessment's date, 2026-11-20; nothing was saved"))
        #expect(((try? storeContents(atPath: sandbox.store.path)) ?? []).filter { $0.hasSuffix(".json") }.isEmpty)
        let result = try sandbox.run(["workshop", "--plain", "--system", "Flag ICS", "--established", "2022-07-01"],
                                     input: "2026-11-20\n\n1\nq\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Established: 2022-07-01 (typical for a system of 4 years: established)"))
        #expect(try fileObject(try onlyStoreFile(sandbox))["established"] as? String == "2022-07-01")
    }

    @Test func theSecondYearKeepsTheCarriedDateAndTargetAndSaysLastYearsValue() throws {
        let sandbox = try Sandbox()
        let sheet = try sandbox.write("metric,value,period\necon-nhs-spend,950.5,2024/25\n", to: "metrics.csv")
        _ = try made(sandbox, ["--system", "Year ICS", "--date", "2025-11-20", "--established", "2022-07-01", "--metrics", sheet,
                               "--target", "economic-development=established:2028", "--complete"])
        // Carried forward (the established date with it); the first metric given this year; then finish on the summary.
        let lines = ["2026-11-20", "", "1", "y", "m", "1000", "2025/26", "", "", ".", "s", "", ""]
        let result = try sandbox.run(["workshop", "--plain", "--system", "Year ICS"], input: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Established: 2022-07-01 (typical for a system of 4 years: established); "
                                       + "established YYYY-MM-DD changes it, established - leaves it unknown."))
        #expect(result.stdout.contains("Last time (2025-11-20): 950.5 £ million a year, 2024/25."))
        // Still not yet emerging after a year: no pace, so two stages by 2028 is behind.
        #expect(result.stdout.contains("Target: Established by 2028, behind."))
        let file = sandbox.store.appending(path: "2026-11-20-year-ics.json").path
        let shown = try #require(try json(sandbox.run(["show", file, "--format", "json"]).stdout) as? [String: Any])
        #expect(shown["established"] as? String == "2022-07-01")
        #expect((shown["metrics"] as? [[String: Any]])?.map { $0["value"] as? String } == ["1000"])
        let economy = try #require((shown["areas"] as? [[String: Any]])?.first)
        #expect((economy["target"] as? [String: Any])?["by"] as? Int == 2028)
        #expect(economy["targetStatus"] as? String == "behind")
        CampaignReport.record("Plain mode through the binary: a second year carried forward (established date, target, last value)",
                              cases: 1, how: "new --established --metrics --target --complete, then plain: Enter keeps the date, "
                                  + "last year's value is said, the target comes forward and is paced as behind in show json")
    }

    @Test func hostileBytesAtTheNewPromptsNeverCrashNorReachTheTerminalRaw() throws {
        let sandbox = try Sandbox()
        var bytes = Data()
        for line: [UInt8] in [Array("2026-11-20".utf8), [], Array("1".utf8),
                              Array("established".utf8),
                              [0x1B, 0x5B, 0x32, 0x4A] + Array("2022-07-01".utf8), [0xFF, 0xFE, 0x00, 0x31], Array(repeating: 0x39, count: 200_000),
                              Array("2022-07-01".utf8), Array("m".utf8), [0xC3, 0x28, 0x9B, 0x32, 0x4A], [0x00],
                              Array("5".utf8), [0xE2, 0x80, 0xAE] + Array("2025".utf8), [], [], [], Array(".".utf8),
                              Array("g 1.10".utf8), [], [], Array("t".utf8), [0x1B, 0x5D, 0x30, 0x3B, 0x07], Array("2".utf8),
                              [0xF0, 0x9F], Array("2030".utf8), Array("q".utf8)] {
            bytes.append(contentsOf: line + [0x0A])
        }
        let input = sandbox.root.appending(path: "hostile-input")
        try bytes.write(to: input)
        let result = try sandbox.run(["-c", "exec \"$0\" workshop --plain --system 'Bytes ICS' < \"$1\"", maturityBinary.path, input.path],
                                     binary: URL(fileURLWithPath: "/bin/sh"))
        #expect(result.status == 0, "\(result.stderr)")
        for (stream, text) in [("stdout", result.stdout), ("stderr", result.stderr)] {
            #expect(rawUnsafeCharacters(in: text).isEmpty, "\(stream): \(rawUnsafeCharacters(in: text))")
        }
        #expect(!result.stdout.isEmpty, "the output is valid UTF-8")
        #expect(result.stdout.count < 100_000, "the 200,000-character line is not echoed whole")
        let object = try fileObject(try onlyStoreFile(sandbox))
        #expect(object["established"] as? String == "2022-07-01")
        let metrics = try #require(object["metrics"] as? [[String: Any]])
        #expect(metrics.first?["value"] as? String == "5")
        let target = try #require((object["areas"] as? [[String: Any]])?.first?["target"] as? [String: Any])
        #expect(target["stage"] as? String == "established" && target["by"] as? Int == 2030)
        CampaignReport.record("Plain mode through the binary: hostile bytes at the established, metric and target prompts", cases: 9,
                              how: "ESC, OSC, C1 CSI, NUL, invalid and cut UTF-8, a bidi override, a 200,000-byte line: each "
                                  + "refused and asked again; no raw control character out; the values then typed are saved")
    }
}
