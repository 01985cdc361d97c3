import Foundation
import Testing
import TestSupport

/// Hostile terminals and input: other TERM values, resize storms, huge pastes with broken bytes.
@Suite("Terminal stress in tmux", .serialized)
struct TerminalStressTests {
    func startedSession(_ sandbox: Sandbox, system: String, environment: [String: String] = [:]) throws -> TmuxSession {
        let session = try TmuxSession(["workshop", "--system", system], sandbox: sandbox, environment: environment)
        try session.openFirstQuestion()
        return session
    }

    @Test(arguments: ["vt100", "linux", "screen", "xterm-256color", "tmux-256color"])
    func everyCommonTerminalTypeRunsTheWorkshop(_ term: String) throws {
        let sandbox = try Sandbox()
        let session = try startedSession(sandbox, system: "Term \(term)", environment: ["TERM": term])
        try session.answer("y")
        try session.waitFor("Question 1 of 10 recorded: Yes, in place.")
        try session.type("q")
        let ending = try session.ending()
        #expect(ending.exit == "exit=0")
        #expect(ending.modes == "icanon echo")
        CampaignReport.record("Terminal types: vt100, linux, screen, xterm-256color, tmux-256color, dumb", cases: 1,
                              how: "a workshop in tmux under each: answer saved, exit 0, terminal back in icanon echo")
    }

    @Test func aResizeStormEndsOnACorrectScreen() throws {
        let sandbox = try Sandbox()
        let session = try startedSession(sandbox, system: "Storm ICS")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<60 {
            try session.resize(width: Int.random(in: 1...200, using: &generator), height: Int.random(in: 1...60, using: &generator))
        }
        try session.resize(width: 1, height: 1)
        try session.resize(width: 80, height: 24)
        // Poll until the last size's frame is complete: header on top, hint bar at the bottom.
        var screen = ""
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            screen = try session.screen()
            if screen.hasPrefix(" Storm ICS · "), screen.contains("y p n u answer  Enter next") { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(screen.hasPrefix(" Storm ICS · "), "\(screen)")
        #expect(screen.contains("Question 1 of 10"))
        #expect(screen.split(separator: "\n", omittingEmptySubsequences: false).count >= 24)
        try session.type("q")
        #expect(try session.ending().exit == "exit=0")
        CampaignReport.record("Terminal: resize storm down to 1x1 and back", cases: 62,
                              how: "random sizes in tmux, then 80x24: the whole screen is back")
    }

    @Test func aHugePasteWithBrokenBytesIsCutCleanlyAndStoredAsUTF8() throws {
        let sandbox = try Sandbox()
        let session = try startedSession(sandbox, system: "Paste ICS")
        try session.type("e")
        try session.waitFor("Note on:")
        // 100,000 characters: text, line breaks, control characters and bytes that are not UTF-8.
        // (An escape sequence in a paste is a key like any other: it is left out so that the note fills up.)
        var bytes: [UInt8] = []
        let pattern = Array("Board minute – ✓ 日本 ".utf8) + [0x07, 0xFF, 0xC3, 0x0D, 0x00, 0xE2, 0x82]
        while bytes.count < 100_000 { bytes += pattern }
        let pastePath = sandbox.root.appending(path: "paste.bin")
        try Data(bytes).write(to: pastePath)
        try session.paste(file: pastePath.path)
        let screen = try session.waitFor("The note is at its limit of 20000 characters", timeout: 60)
        #expect(screen.hasPrefix(" Paste ICS · "), "the screen is whole after the paste")
        #expect(screen.contains("Note on:"))
        // Saved in the background: once the top line says so, closing the note says it is saved.
        try session.waitUntil("the note saved") { TmuxSession.showsSaved(($0.split(separator: "\n").first).map(String.init) ?? "") }
        try session.press("Escape")
        try session.waitFor("Note saved.")
        try session.type("q")
        #expect(try session.ending().exit == "exit=0")
        let file = try onlyStoreFile(sandbox)
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(String(validating: data, as: UTF8.self) != nil)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let note = try #require(((object["areas"] as? [[String: Any]])?.first?["notes"] as? [String: String])?["econ-emerging-plan-reviewed"])
        #expect(note.count == 20_000)
        #expect(note.contains("Board minute – ✓ 日本 \nBoard minute – ✓ 日本 \nBoard"), "every piece of text survives the broken bytes")
        #expect(!note.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
        CampaignReport.record("Terminal: 100,000-character paste with invalid UTF-8 and control characters", cases: 1,
                              how: "pasted into a note in tmux: cut at 20,000 with a message, stored as valid UTF-8")
    }
}
