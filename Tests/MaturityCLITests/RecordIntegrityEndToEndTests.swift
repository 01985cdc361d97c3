import Foundation
import Testing
import TestSupport

/// Issue 10, items 9 to 11 and 14, through the real binary: a board's record is never changed silently.
@Suite("Record integrity end to end", .serialized)
struct RecordIntegrityEndToEndTests {
    /// Every economy criterion id of the built-in framework, in order.
    func economyCriteria(_ sandbox: Sandbox) throws -> [String] {
        let shown = try sandbox.run(["frameworks", "show", "ics-social-economic-development", "--format", "json"])
        let object = try #require(try json(shown.stdout) as? [String: Any])
        let areas = try #require(object["areas"] as? [[String: Any]])
        let criteria = try #require(areas.first?["criteria"] as? [[String: Any]])
        return criteria.compactMap { $0["id"] as? String }
    }

    /// A complete assessment made with `new`, every economy question answered yes.
    func completeAssessment(_ sandbox: Sandbox, date: String = "2025-11-20") throws -> String {
        let sheet = try "criterion,answer\n" + economyCriteria(sandbox).map { "\($0),yes" }.joined(separator: "\n") + "\n"
        let path = try sandbox.write(sheet, to: "sheet-\(date).csv")
        let made = try sandbox.run(["new", "--system", "West Yorkshire ICS", "--date", date, "--answers", path, "--complete"])
        #expect(made.status == 0, "\(made.stderr)")
        return made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aCompleteAssessmentResumedInTheWorkshopIsNotChanged() throws {
        let sandbox = try Sandbox()
        let file = try completeAssessment(sandbox)
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let session = try TmuxSession(["workshop", "--resume", file], sandbox: sandbox)
        try session.waitFor("complete")
        try session.type("s")
        try session.waitFor("Summary")
        try session.press("Down", "Enter")
        try session.waitFor("Question 1 of 10")
        try session.type("n")
        try session.waitFor("complete and read-only")
        try session.type("e")
        try session.press("Right", "Right")
        try session.type("q")
        #expect(try session.ending().exit == "exit=0")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before, "a complete assessment was written")
        CampaignReport.record("Complete assessment resumed and edited (answer, note, moves)", cases: 1,
                              how: "tmux: every edit refused with the way to reopen; the file's bytes unchanged")
    }

    @Test func plainModeAsksBeforeReopeningAndOtherwiseWritesNothing() throws {
        let sandbox = try Sandbox()
        let file = try completeAssessment(sandbox)
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        // "n", the answer a script written for a draft would give first, does not reopen it.
        let kept = try sandbox.run(["workshop", "--plain", "--resume", file], input: "n\nn\n\nq\n")
        #expect(kept.stdout.contains("This assessment is complete and read-only."))
        #expect(kept.stdout.contains("Not reopened; nothing was changed."))
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
        let reopened = try sandbox.run(["workshop", "--plain", "--resume", file],
                                       input: "y\nbad \u{1B}]0;x\u{7}\nA late answer\nq\n")
        #expect(reopened.stdout.contains("That reply holds a control character"))
        #expect(reopened.stdout.contains("Reopened as a draft; the reopening is recorded."))
        let saved = try #require(try json(String(contentsOfFile: file, encoding: .utf8)) as? [String: Any])
        #expect(saved["status"] as? String == "draft")
        #expect((saved["events"] as? [[String: Any]])?.last?["reason"] as? String == "A late answer")
    }

    @Test func reopeningIsDeliberateAndRecordedInEveryFormat() throws {
        let sandbox = try Sandbox()
        let file = try completeAssessment(sandbox)
        let refused = try sandbox.run(["reopen", file])
        #expect(refused.status == 1 && refused.stderr.contains("--reason"))
        let reopened = try sandbox.run(["reopen", file, "--reason", "Late evidence from the council"])
        #expect(reopened.status == 0, "\(reopened.stderr)")
        let again = try sandbox.run(["reopen", file, "--reason", "Twice"])
        #expect(again.status == 1 && again.stderr.contains("is a draft already"))
        let shown = try sandbox.run(["show", file])
        #expect(shown.stdout.contains("Reopened on "))
        #expect(shown.stdout.contains(": Late evidence from the council"))
        let markdown = try sandbox.run(["export", file, "--format", "md"])
        #expect(markdown.stdout.contains("- **Record:** Marked complete on 2"))
        #expect(markdown.stdout.contains("- **Record:** Reopened on "))
        let object = try #require(try json(sandbox.run(["export", file, "--format", "json"]).stdout) as? [String: Any])
        let events = try #require(object["events"] as? [[String: Any]])
        #expect(events.map { $0["kind"] as? String } == ["completed", "reopened"])
        #expect(events.last?["reason"] as? String == "Late evidence from the council")
        let csv = try sandbox.run(["export", file, "--format", "csv"])
        #expect(csv.stdout.contains("Late evidence from the council"))
    }

    /// Year two in plain mode, carried forward from year one; `lines` answer every prompt after the carry offer.
    func yearTwo(_ sandbox: Sandbox, _ lines: [String]) throws -> CommandResult {
        let input = (["", "", "1", "y"] + lines).joined(separator: "\n") + "\n"
        return try sandbox.run(["workshop", "--plain", "--system", "west yorkshire ics"], input: input)
    }

    func newestFile(_ sandbox: Sandbox) throws -> String {
        let names = try storeContents(atPath: sandbox.store.path).filter { $0.hasSuffix(".json") }.sorted()
        return sandbox.store.appending(path: try #require(names.last)).path
    }

    @Test func carriedAnswersCannotBeCompletedUnconfirmed() throws {
        let sandbox = try Sandbox()
        _ = try completeAssessment(sandbox)
        // Straight to the summary, and asked to complete: the 10 carried answers are listed, not completed.
        let run = try yearTwo(sandbox, ["s", "y", "n"])
        #expect(run.stdout.contains("10 answers are as last time and not yet confirmed"))
        let saved = try #require(try json(String(contentsOfFile: newestFile(sandbox), encoding: .utf8)) as? [String: Any])
        #expect(saved["status"] as? String == "draft")
        #expect(run.stdout.contains("0 confirmed this year · 10 as last time, not yet confirmed · 20 open."))
        let exported = try #require(try json(sandbox.run(["export", newestFile(sandbox), "--format", "json"]).stdout) as? [String: Any])
        let economy = try #require((exported["areas"] as? [[String: Any]])?.first?["criteria"] as? [[String: Any]])
        #expect(economy.allSatisfy { $0["carried"] as? String == "unconfirmed" && $0["asLastTime"] as? Bool == true })
        CampaignReport.record("Carried-forward assessment completed with no answer confirmed", cases: 1,
                              how: "plain mode: refused, the 10 unconfirmed answers listed; the status stays draft")
    }

    @Test func theExportsTellConfirmedChangedAndUnconfirmedApart() throws {
        let sandbox = try Sandbox()
        _ = try completeAssessment(sandbox)
        // Question 1 changed, question 2 confirmed as it was, the other 8 confirmed in one recorded step.
        let run = try yearTwo(sandbox, ["n", "", "", "", "s", "y", "y"])
        #expect(run.stdout.contains("Marked complete (recorded)."), "\(run.stdout)")
        let file = try newestFile(sandbox)
        let criteria = try economyCriteria(sandbox)
        let object = try #require(try json(sandbox.run(["export", file, "--format", "json"]).stdout) as? [String: Any])
        let economy = try #require((object["areas"] as? [[String: Any]])?.first?["criteria"] as? [[String: Any]])
        #expect(economy.map { $0["carried"] as? String } == ["changed"] + Array(repeating: "confirmed-unchanged", count: 9))
        let events = try #require(object["events"] as? [[String: Any]])
        #expect(events.first?["kind"] as? String == "confirmed-carried")
        #expect((events.first?["criteria"] as? [String])?.count == 8)
        let csv = try sandbox.run(["export", file, "--format", "csv"]).stdout
        let header = try #require(csv.split(separator: "\r\n").first).split(separator: ",").map(String.init)
        let column = try #require(header.firstIndex(of: "carried"))
        let rows = csv.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let first = try #require(rows.first { $0.contains(Substring(criteria[0])) })
        let second = try #require(rows.first { $0.contains(Substring(criteria[1])) })
        #expect(first.count > column && first[column] == "changed")
        #expect(second.count > column && second[column] == "confirmed-unchanged")
    }

    @Test func lastTimesActionsAreNotReviewedUntilReviewedAndIdsStayUnique() throws {
        let sandbox = try Sandbox()
        // Year one in plain mode: economy all yes with one action; the rest skipped to the summary.
        var first = ["2025-11-20", "", "1"] + Array(repeating: ["y", ""], count: 10).flatMap { $0 }
        first += ["Brief partners on the plan", "Chair", "", "", "s", "y"]
        let year = try sandbox.run(["workshop", "--plain", "--system", "West Yorkshire ICS"], input: first.joined(separator: "\n") + "\n")
        #expect(year.stdout.contains("Marked complete (recorded)."), "\(year.stdout)")
        // Year two: every economy answer confirmed; last year's action left unreviewed; a new action added.
        let lines = Array(repeating: ["", ""], count: 10).flatMap { $0 } + ["", "Write the plan", "Chair", "", "", "q"]
        let run = try yearTwo(sandbox, lines)
        #expect(run.status == 0, "\(run.stderr)")
        let file = try newestFile(sandbox)
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        let document = try #require(try json(saved) as? [String: Any])
        let economy = try #require((document["areas"] as? [[String: Any]])?.first)
        let own = try #require(economy["actions"] as? [[String: Any]])
        let reviewed = try #require(economy["reviewedActions"] as? [[String: Any]])
        #expect(own.map { $0["id"] as? String } == ["action-2"])
        #expect(reviewed.map { $0["id"] as? String } == ["action-1"])
        let markdown = try sandbox.run(["export", file, "--format", "md"]).stdout
        #expect(markdown.contains("| Brief partners on the plan | Chair |  | not reviewed (last time: not started) |"))
    }

    @Test func oneNoteLimitInPlainMode() throws {
        let sandbox = try Sandbox()
        let long = String(repeating: "a", count: 20_001)
        let run = try sandbox.run(["workshop", "--plain", "--system", "York"],
                                  input: ["", "", "1", "y", long, "Short note", "q"].joined(separator: "\n") + "\n")
        #expect(run.stdout.contains("The note is 20001 characters; at most 20000 are kept"))
        let saved = try String(contentsOfFile: onlyStoreFile(sandbox), encoding: .utf8)
        #expect(saved.contains("Short note") && !saved.contains(long))
    }

    @Test func oneNoteLimitForAnswerSheets() throws {
        let sandbox = try Sandbox()
        let criterion = try #require(try economyCriteria(sandbox).first)
        let long = String(repeating: "é", count: 20_001)
        let sheet = try sandbox.write("criterion,answer,note\n\(criterion),yes,\(long)\n", to: "long.csv")
        let result = try sandbox.run(["new", "--system", "West Yorkshire ICS", "--answers", sheet])
        #expect(result.status == 1)
        #expect(result.stderr.contains("long.csv:2: the note for '\(criterion)' is 20001 characters; at most 20000 are allowed"))
        #expect((try? storeContents(atPath: sandbox.store.path))?.isEmpty ?? true)
        let fits = try sandbox.write("criterion,answer,note\n\(criterion),yes,\(String(long.dropLast()))\n", to: "fits.csv")
        #expect(try sandbox.run(["new", "--system", "West Yorkshire ICS", "--answers", fits]).status == 0)
        CampaignReport.record("Answer sheet with a note over 20,000 characters", cases: 1,
                              how: "new --answers: exit 1 naming file, line and length; nothing written")
    }
}
