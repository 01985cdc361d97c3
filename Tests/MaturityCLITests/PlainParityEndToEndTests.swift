import Foundation
import Testing
import TestSupport

/// Issue 11, item 8: everything the full-screen workshop does, done in plain mode through the real
/// binary with piped input, as a screen-reader user or a script would.
@Suite("Plain mode parity end to end")
struct PlainParityEndToEndTests {
    /// The first area of a saved assessment, decoded.
    func economy(_ path: String) throws -> [String: Any] {
        try #require((try fileObject(path)["areas"] as? [[String: Any]])?.first)
    }

    @Test func aWholeWorkshopUsesEveryCommand() throws {
        let sandbox = try Sandbox()
        var lines = ["2026-11-20", "", "1"]
        // Question 1: a note of several lines.
        lines += ["y", "+", "Minuted at the March board.", "", "  Agreed with the council.", "."]
        // Question 2: to the summary and back, then answered.
        lines += ["s", "", "b", "p", ""]
        // Straight to question 10, then its actions: added, one given a status by editing, one deleted.
        lines += ["g 1.10", "n", ""]
        lines += ["Align the strategy", "Chair", "2027-03-31", "Tell partners", "", "", "e 1", "", "", "", "i", "d 2", "y", ""]
        // Area 2: to the summary; list, export, history, complete, finish.
        lines += ["s", "", "l", "x", "h", "c", ""]
        let result = try sandbox.run(["workshop", "--plain", "--system", "Parity ICS"], input: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        let file = try onlyStoreFile(sandbox)
        let object = try fileObject(file)
        #expect(object["status"] as? String == "complete")
        let area = try economy(file)
        let answers = try #require(area["answers"] as? [String: String])
        #expect(answers.count == 3 && Set(answers.values) == ["yes", "partly", "no"])
        let notes = try #require(area["notes"] as? [String: String])
        #expect(notes.values.contains("Minuted at the March board.\n\n  Agreed with the council."))
        let actions = try #require(area["actions"] as? [[String: Any]])
        #expect(actions.map { $0["what"] as? String } == ["Align the strategy"])
        #expect(actions.first?["status"] as? String == "in-progress")
        #expect(actions.first?["due"] as? String == "2027-03-31")
        // The summary was shown twice, and the workshop went on both times.
        #expect(result.stdout.components(separatedBy: "== Summary: Parity ICS, 2026-11-20 ==").count == 3)
        #expect(result.stdout.contains("  1.2 Partly: "))
        // The export: four files beside each other in the current folder, one path a line.
        let exported = ["md", "html", "csv", "json"].map { sandbox.root.appending(path: "2026-11-20-parity-ics-summary.\($0)").path }
        #expect(result.stdout.contains("Exported the summary to:\n" + exported.map { "  \($0)\n" }.joined()))
        for path in exported { #expect(FileManager.default.fileExists(atPath: path), "\(path)") }
        let summary = try #require(try json(String(contentsOfFile: exported[3], encoding: .utf8)) as? [String: Any])
        #expect(summary["system"] as? String == "Parity ICS")
        #expect(result.stdout.contains("Progression of Parity ICS: "))
        #expect(result.stdout.contains("Marked complete (recorded). It is now read-only until reopened."))
        #expect(result.stdout.hasSuffix("Saved to \(file).\n"))
        CampaignReport.record("Plain mode parity: a whole workshop through the binary", cases: 1,
                              how: "piped: note of several lines, summary and back, go to, action added, status edited, "
                                  + "deleted; list, export (4 files, paths said), history, complete; every value read back from the JSON")
    }

    @Test func historyAndExportOfLastYearsCompleteAssessment() throws {
        let sandbox = try Sandbox()
        let earlier = try made(sandbox, ["--system", "History ICS", "--date", "2025-11-20", "--complete"])
        let before = try Data(contentsOf: URL(fileURLWithPath: earlier))
        // Last year's record, resumed: not reopened, so read-only; its summary is exported, and nothing is written.
        let read = try sandbox.run(["workshop", "--plain", "--resume", earlier], input: "n\nx\n\n")
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.contains("Summary of a complete, read-only assessment: c reopens it"))
        #expect(read.stdout.contains("  \(sandbox.root.path)/2025-11-20-history-ics-summary.md\n"))
        #expect(read.stdout.hasSuffix("Finished; nothing was changed.\n"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: earlier)) == before)
        // This year's, not carried forward: three answers, then the history on the summary.
        let now = try sandbox.run(["workshop", "--plain", "--system", "History ICS"],
                                  input: ["2026-11-20", "", "1", "n", "y", "", "y", "", "y", "", "s", "", "h", ""].joined(separator: "\n") + "\n")
        #expect(now.status == 0, "\(now.stderr)")
        #expect(now.stdout.contains("Progression of History ICS: "))
        #expect(now.stdout.contains("2025-11-20 → 2026-11-20"))
        #expect(now.stdout.contains("Economy: ↑ up. Newly met: "))
        CampaignReport.record("Plain mode parity: a complete assessment read and exported, then the history", cases: 2,
                              how: "piped: read-only summary exported with the file's bytes unchanged; h shows both years and the movement")
    }

    @Test func scriptsWrittenForTheOldPlainModeStillEndAsTheyDid() throws {
        let sandbox = try Sandbox()
        // Answer, note, "s", "y": the summary, completed; the input ends there, which finishes the workshop.
        let result = try sandbox.run(["workshop", "--plain", "--system", "Script ICS"],
                                     input: ["2026-11-20", "", "1", "y", "", "s", "y"].joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        let file = try onlyStoreFile(sandbox)
        #expect(try fileObject(file)["status"] as? String == "complete")
        #expect(result.stdout.hasSuffix("Saved to \(file).\n"))
        CampaignReport.record("Plain mode: scripts written before issue 11 (answers, notes, s, y)", cases: 1,
                              how: "the same lines complete the assessment and end with the same \"Saved to\" line")
    }

    /// Every new thing plain mode says (notes of several lines, numbered actions and their edit prompts, the
    /// summary's list, history and export) with a hostile payload in every field a file can fill.
    @Test(arguments: Payload.all)
    func noNewPlainOutputLetsAHostileCharacterReachTheTerminal(_ payload: Payload) throws {
        let world = try HostileWorld(payload)
        let lines = ["", "", "", "", "g 1.10", "", "", "e 1", "", "", "", "", "s", "", "l", "h", "x", ""]
        let result = try world.run(["workshop", "--plain", "--resume", world.latest], input: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        for (stream, text) in [("stdout", result.stdout), ("stderr", result.stderr)] {
            #expect(rawUnsafeCharacters(in: text).isEmpty, "raw \(rawUnsafeCharacters(in: text)) on \(stream):\n\(text)")
            let forged = text.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("FORGED") }
            #expect(forged.isEmpty, "a value's line break started a line on \(stream):\n\(text)")
        }
        #expect(result.stdout.contains("Owner (Enter keeps \"Director\(payload.shown)"))
        #expect(result.stdout.contains("  1. Brief\(payload.shown)"))
        #expect(result.stdout.contains("Exported the summary to:"))
        CampaignReport.record("Escape injection: plain mode's summary, list, history, export, actions and notes", cases: 1,
                              how: "one payload through a resumed plain workshop: no raw control, C1 or bidi character, no forged line")
    }
}
