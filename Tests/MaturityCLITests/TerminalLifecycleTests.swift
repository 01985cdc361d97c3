import Foundation
import Testing
import TestSupport

@Suite("Suspending and losing the terminal", .serialized)
struct TerminalLifecycleTests {
    /// Waits until process `pid` has ended; false if it is still running after `timeout` seconds.
    func ended(_ pid: Int32, within timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if kill(pid, 0) != 0, errno == ESRCH { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    /// How many frames the workshop has painted, from its `MATURITY_FRAME_LOG`.
    static func frameCount(_ log: URL) throws -> Int {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { $0.hasPrefix("frame ") }.count
    }

    func lockFiles(_ sandbox: Sandbox) throws -> [String] {
        try storeContents(atPath: sandbox.store.path).filter { $0.hasSuffix(".lock") }
    }

    @Test func ctrlZStopsTheWorkshopAndFgBringsItBackWhole() throws {
        let sandbox = try Sandbox()
        let shell = try TmuxSession.shell(sandbox: sandbox)
        try shell.waitFor("ready>")
        // The frame log tells when the workshop has painted after fg, and so reads keys again.
        let frames = sandbox.root.appending(path: "frames.log")
        try shell.type("MATURITY_FRAME_LOG='\(frames.path)' " + TmuxSession.maturityCommand(["workshop", "--system", "Suspend ICS"]))
        try shell.press("Enter")
        try shell.openFirstQuestion()
        try shell.answer("y")
        try shell.press("Left")
        try shell.waitFor("(●) y  Yes, in place")
        try shell.press("C-z")
        try shell.waitFor("Stopped")
        // Back at the shell, the terminal is usable: typed text echoes and lines are read whole.
        try shell.type("stty -a | grep -o -w -e icanon -e echo | tr '\\n' ' '; echo")
        try shell.press("Enter")
        try shell.waitFor("icanon echo")
        let framesBefore = try Self.frameCount(frames)
        try shell.type("fg")
        try shell.press("Enter")
        let screen = try shell.waitFor("Question 1 of 10")
        let deadline = Date().addingTimeInterval(10)
        while try Self.frameCount(frames) <= framesBefore, Date() < deadline { usleep(20_000) }
        #expect(screen.contains("(●) y  Yes, in place"), "the screen is repainted whole after fg:\n\(screen)")
        #expect(!screen.contains("icanon"), "nothing of the shell is left on the workshop's screen")
        // And it still answers keys.
        try shell.press("Right")
        try shell.waitFor("Question 2 of 10")
        try shell.answer("p")
        try shell.type("q")
        try shell.waitFor("ready>")
        let saved = try SavedAssessment(path: try onlyStoreFile(sandbox)).answers
        #expect(holds(saved, ["econ-emerging-plan-reviewed": "yes", "econ-emerging-plan-known": "partly"]), "\(saved)")
        #expect(try lockFiles(sandbox).isEmpty)
        CampaignReport.record("Signals: SIGTSTP and SIGCONT (Ctrl-Z, then fg)", cases: 1,
                              how: "tmux with bash job control: shell usable while stopped, screen repainted whole after fg")
    }

    /// Closing the terminal (tmux kill-server: the window shut, the SSH connection dropped) ends the
    /// workshop within seconds, with the draft saved and its lock removed: by SIGHUP normally, and by
    /// noticing the hang-up when no SIGHUP comes (a workshop started with setsid).
    @Test(arguments: [[], ["setsid"]])
    func aTerminalThatDisappearsEndsTheWorkshopWithNothingLost(_ launcher: [String]) throws {
        let sandbox = try Sandbox()
        let session = try TmuxSession(["workshop", "--system", "Vanish ICS"], sandbox: sandbox, launcher: launcher)
        try session.openFirstQuestion()
        try session.answer("n")
        let pid = try #require(try session.maturityProcessID())
        try #require(try lockFiles(sandbox).count == 1)
        try session.closeTerminal()
        #expect(ended(pid, within: 5), "the workshop must end, not wait or spin, when its terminal is gone")
        if !ended(pid, within: 0) { kill(pid, SIGKILL) }
        #expect(try SavedAssessment(path: try onlyStoreFile(sandbox)).answers["econ-emerging-plan-reviewed"] == "no")
        #expect(try lockFiles(sandbox).isEmpty, "the lock goes with the workshop")
        CampaignReport.record("Terminal disappears (tmux kill-server), with and without SIGHUP", cases: 1,
                              how: "the workshop ends within 5 s (no spinning), every answer saved, lock removed")
    }
}
