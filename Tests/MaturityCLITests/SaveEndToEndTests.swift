import Foundation
import Testing
import TestSupport

/// Issue 12: the draft is written by a thread of its own, so a key's frame never waits for the disk; the
/// top bar says "saving" until the write is flushed, then "saved"; a move alone is saved after a pause;
/// and whatever is unsaved is written before the workshop ends, however it ends.
@Suite("Saving off the redraw path, in tmux", .serialized)
struct SaveEndToEndTests {
    /// Each save is held this long between writing and renaming (MATURITY_FAULT_SAVE_PAUSE_MS), so that
    /// the screen can be read while it is under way.
    static let pause = "800"

    /// The events of a workshop's MATURITY_FRAME_LOG, in order.
    static func events(_ log: URL) -> [String] {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
    }

    /// The events from the `number`th key (counting from 1) on.
    static func events(_ log: URL, fromKey number: Int) -> ArraySlice<String> {
        let all = events(log)
        var seen = 0
        for (index, event) in all.enumerated() where event == "key" {
            seen += 1
            if seen == number { return all[index...] }
        }
        return []
    }

    static func keyCount(_ log: URL) -> Int {
        events(log).filter { $0 == "key" }.count
    }

    /// The top line of `screen`, trimmed.
    static func top(_ screen: String) -> String {
        (screen.split(separator: "\n").first.map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
    }

    func lockFiles(_ sandbox: Sandbox) throws -> [String] {
        try storeContents(atPath: sandbox.store.path).filter { $0.hasSuffix(".lock") }
    }

    func ended(_ pid: Int32, within timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if kill(pid, 0) != 0, errno == ESRCH { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }

    /// A workshop on its first question, its draft created and saved, its saves held for ``pause`` ms.
    func pausedWorkshop(_ sandbox: Sandbox, log: URL) throws -> TmuxSession {
        let session = try TmuxSession(["workshop", "--system", "Pause ICS"], sandbox: sandbox,
                                      environment: ["MATURITY_FRAME_LOG": log.path, "MATURITY_FAULT_SAVE_PAUSE_MS": Self.pause])
        try session.openFirstQuestion()
        try session.waitUntil("the draft saved") { TmuxSession.showsSaved(Self.top($0)) }
        return session
    }

    /// Types `letter` and waits until the screen shows the answer recorded while its save is still under way.
    func answerWhileSaving(_ session: TmuxSession, _ letter: String, _ label: String,
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
        try session.type(letter)
        let screen = try session.waitFor("Question 1 of 10 recorded: \(label).", sourceLocation: sourceLocation)
        #expect(Self.top(screen).hasSuffix(" saving"), "the answer is drawn while its save is under way:\n\(screen)",
                sourceLocation: sourceLocation)
    }

    @Test func anAnswerIsDrawnBeforeItsSaveEndsAndSavedOnceItHas() throws {
        let sandbox = try Sandbox()
        let log = sandbox.root.appending(path: "frames.log")
        let session = try pausedWorkshop(sandbox, log: log)
        let key = Self.keyCount(log) + 1
        try answerWhileSaving(session, "p", "Partly")
        #expect(try SavedAssessment(path: try onlyStoreFile(sandbox)).answers["econ-emerging-plan-reviewed"] == nil,
                "not yet in the file while the screen says saving")
        try session.waitUntil("saved") { TmuxSession.showsSaved(Self.top($0)) }
        #expect(try SavedAssessment(path: try onlyStoreFile(sandbox)).answers["econ-emerging-plan-reviewed"] == "partly")
        // The frame log: the key's frame was painted before its save ended, and a repaint followed the save.
        let after = Array(Self.events(log, fromKey: key))
        let frame = after.firstIndex(of: "frame")
        let saved = after.firstIndex(of: "saved")
        #expect(frame != nil && saved != nil && frame! < saved!, "frame before saved: \(after)")
        #expect(after.drop(while: { $0 != "saved" }).contains("repaint"), "the status is repainted after the save: \(after)")
        try session.type("q")
        #expect(try session.ending().exit == "exit=0")
        CampaignReport.record("Saves: a key's frame is drawn before its save ends", cases: 1,
                              how: "tmux and the frame log, saves held 800 ms: frame, then saved; the screen says saving, then saved")
    }

    @Test func aMoveIsDrawnWithoutASaveAndSavedAfterAPauseOrBeforeQuitting() throws {
        let sandbox = try Sandbox()
        let log = sandbox.root.appending(path: "frames.log")
        let session = try TmuxSession(["workshop", "--system", "Move ICS"], sandbox: sandbox,
                                      environment: ["MATURITY_FRAME_LOG": log.path])
        try session.openFirstQuestion()
        try session.answer("y")
        let key = Self.keyCount(log) + 1
        try session.press("Right")
        try session.waitFor("Question 3 of 10")
        let between = Array(Self.events(log, fromKey: key).prefix { $0 != "frame" })
        #expect(!between.contains("save"), "no save between a move's key and its frame: \(between)")
        #expect(TmuxSession.showsSaved(Self.top(try session.screen())), "a move alone leaves the screen saying saved")
        let file = try onlyStoreFile(sandbox)
        try waitForSaved(file) { $0.position?.criterion == "econ-emerging-strategy-refers" }
        // A move followed at once by quitting is saved before the workshop ends.
        try session.press("Right")
        try session.type("q")
        #expect(try session.ending().exit == "exit=0")
        #expect(try SavedAssessment(path: file).position?.criterion == "econ-established-strategy-aligned")
        CampaignReport.record("Saves: moves alone are saved after a pause and before exit, never before their frame", cases: 1,
                              how: "tmux and the frame log: no save between a move's key and its frame; the position in the file")
    }

    @Test func quittingWhileASaveIsUnderWayWaitsForIt() throws {
        let sandbox = try Sandbox()
        let session = try pausedWorkshop(sandbox, log: sandbox.root.appending(path: "frames.log"))
        try answerWhileSaving(session, "n", "No")
        try session.type("q")
        #expect(try session.ending().exit == "exit=0")
        #expect(try SavedAssessment(path: try onlyStoreFile(sandbox)).answers["econ-emerging-plan-reviewed"] == "no")
        #expect(try lockFiles(sandbox).isEmpty)
    }

    /// SIGTERM (a shutdown, `kill`) and SIGHUP (the terminal closed) during a save: the process ends once the
    /// answer is in the file, with the terminal restored and the lock removed, killed by the same signal.
    @Test(arguments: ["TERM", "HUP"])
    func anEndingSignalDuringASaveEndsOnceTheAnswerIsWritten(_ name: String) throws {
        let sandbox = try Sandbox()
        let session = try pausedWorkshop(sandbox, log: sandbox.root.appending(path: "frames.log"))
        let pid = try #require(try session.maturityProcessID())
        try answerWhileSaving(session, "u", "Not sure")
        kill(pid, name == "TERM" ? SIGTERM : SIGHUP)
        #expect(ended(pid, within: 5), "the workshop ends within seconds")
        if name == "TERM" {
            let ending = try session.ending()
            #expect(ending.exit == "exit=143", "ended by SIGTERM, as the signal asked")
            #expect(ending.modes == "icanon echo")
        }
        #expect(try SavedAssessment(path: try onlyStoreFile(sandbox)).answers["econ-emerging-plan-reviewed"] == "unsure")
        #expect(try lockFiles(sandbox).isEmpty)
        CampaignReport.record("Saves: SIGTERM or SIGHUP while a save is under way", cases: 1,
                              how: "tmux, saves held 800 ms: the process ends by the signal once the answer is in the file")
    }

    @Test func aTerminalClosedWhileASaveIsUnderWayKeepsTheAnswer() throws {
        let sandbox = try Sandbox()
        let session = try pausedWorkshop(sandbox, log: sandbox.root.appending(path: "frames.log"))
        let pid = try #require(try session.maturityProcessID())
        try answerWhileSaving(session, "y", "Yes, in place")
        try session.closeTerminal()
        #expect(ended(pid, within: 5), "the workshop ends within seconds")
        if !ended(pid, within: 0) { kill(pid, SIGKILL) }
        #expect(try SavedAssessment(path: try onlyStoreFile(sandbox)).answers["econ-emerging-plan-reviewed"] == "yes")
        #expect(try lockFiles(sandbox).isEmpty)
    }
}
