import Foundation
import Testing
import TestSupport

/// A facilitator's keys, sent to the workshop in tmux and counted one by one.
final class CountedKeys {
    let session: TmuxSession
    private(set) var count = 0

    init(_ session: TmuxSession) {
        self.session = session
    }

    /// Presses keys by tmux name, each counted.
    func press(_ keys: String...) throws {
        for key in keys {
            try session.press(key)
            count += 1
        }
    }

    /// Types one letter, counted as one key.
    func type(_ letter: Character) throws {
        try session.type(String(letter))
        count += 1
    }

    /// Answers the question on screen with one key, and waits for the screen that follows.
    func answer(_ letter: Character) throws {
        try session.answer(String(letter))
        count += 1
    }
}

/// Issue 11: one key per answer. A whole workshop, from launch to marked complete, takes no more than
/// 45 keys without notes or actions: in its first year, and in a year carried forward with 5 answers changed.
@Suite("Keys for a whole workshop in tmux", .serialized)
struct KeyCountTests {
    static let limit = 45

    /// The built-in framework's criteria, area by area.
    func criteria(_ sandbox: Sandbox) throws -> [[String]] {
        let shown = try sandbox.run(["frameworks", "show", "ics-social-economic-development", "--format", "json"])
        struct Shown: Decodable {
            struct Area: Decodable {
                struct Criterion: Decodable { var id: String }
                var criteria: [Criterion]
            }
            var areas: [Area]
        }
        return try JSONDecoder().decode(Shown.self, from: Data(shown.stdout.utf8)).areas.map { $0.criteria.map(\.id) }
    }

    struct Saved: Decodable {
        struct Area: Decodable {
            var answers: [String: String]
            var asLastTime: [String]?
        }
        var status: String
        var areas: [Area]
    }

    /// Walks every area: Enter on its overview, → past its metrics step (issue 14: skippable with one key),
    /// one key per question (`key` says which), Enter on its result;
    /// then c on the summary board marks the assessment complete.
    func walk(_ keys: CountedKeys, criteria: [[String]], key: (_ area: Int, _ question: Int) -> Character?) throws {
        for (area, questions) in criteria.enumerated() {
            try keys.session.waitFor("(\(area + 1) of \(criteria.count)) · Overview")
            try keys.press("Enter")
            try keys.session.waitFor("(\(area + 1) of \(criteria.count)) · Metrics")
            try keys.press("Right")
            for question in questions.indices {
                try keys.session.waitFor("Question \(question + 1) of \(questions.count)")
                if let letter = key(area, question) {
                    try keys.answer(letter)
                } else {
                    // Enter confirms the answer carried from last time, and goes on.
                    try keys.press("Enter")
                }
            }
            try keys.session.waitFor("Result and actions")
            try keys.press("Enter")
        }
        try keys.session.waitFor("· Summary")
        try keys.type("c")
        try keys.session.waitFor("Marked complete (recorded)")
    }

    @Test func aFirstYearFromLaunchToCompleteTakesAtMost45Keys() throws {
        let sandbox = try Sandbox()
        let criteria = try criteria(sandbox)
        let keys = CountedKeys(try TmuxSession(["workshop", "--system", "West Yorkshire ICS"], sandbox: sandbox))
        try keys.session.waitFor("▸ Participants")
        try keys.press("Tab", "Tab", "Tab", "Enter")
        let letters = Array("ypnu")
        try walk(keys, criteria: criteria) { area, question in letters[(area + question) % letters.count] }
        let toComplete = keys.count
        try keys.type("q")
        #expect(try keys.session.ending().exit == "exit=0")
        #expect(criteria.joined().count == 30)
        #expect(toComplete <= Self.limit, "a first year took \(toComplete) keys")
        #expect(toComplete == 4 + criteria.count * 3 + 30 + 1,
                "start (Tab past participants and the anonymous toggle), Enter on each overview and result, → past each metrics step, 30 answers, c")
        let saved = try JSONDecoder().decode(Saved.self, from: Data(contentsOf: URL(fileURLWithPath: try onlyStoreFile(sandbox))))
        #expect(saved.status == "complete")
        #expect(saved.areas.map(\.answers.count) == criteria.map(\.count), "every question answered")
        print("Keys, first year, launch to marked complete: \(toComplete) (with q to quit: \(keys.count))")
        CampaignReport.record("Workshop keys: a whole first year at 80x24", cases: 1,
                              how: "tmux: \(toComplete) keys from launch to marked complete (30 answers), at most \(Self.limit)")
    }

    @Test func aCarriedForwardYearWithFiveChangesTakesAtMost45Keys() throws {
        let sandbox = try Sandbox()
        let criteria = try criteria(sandbox)
        // Last year's complete assessment, every question answered yes.
        let sheet = try sandbox.write("criterion,answer\n" + criteria.joined().map { "\($0),yes\n" }.joined(), to: "last-year.csv")
        let made = try sandbox.run(["new", "--system", "West Yorkshire ICS", "--date", "2025-11-20", "--answers", sheet, "--complete"])
        #expect(made.status == 0, "\(made.stderr)")
        let keys = CountedKeys(try TmuxSession(["workshop", "--system", "West Yorkshire ICS"], sandbox: sandbox))
        try keys.session.waitFor("▸ Participants")
        try keys.press("Tab", "Tab", "Tab", "Enter")
        try keys.session.waitFor("Start from it?", acrossLines: true)
        try keys.type("y")
        // Five answers change (economy 2 and 7, employment 3, climate 1 and 9); the other 25 are confirmed with Enter.
        let changes: [[Int: Character]] = [[1: "p", 6: "n"], [2: "u"], [0: "p", 8: "n"]]
        try walk(keys, criteria: criteria) { area, question in changes[area][question] }
        let toComplete = keys.count
        try keys.type("q")
        #expect(try keys.session.ending().exit == "exit=0")
        #expect(toComplete <= Self.limit, "a carried-forward year took \(toComplete) keys")
        let names = try storeContents(atPath: sandbox.store.path).filter { $0.hasPrefix("20") }.sorted()
        let latest = try #require(names.last)
        let saved = try JSONDecoder().decode(Saved.self, from: Data(contentsOf: sandbox.store.appending(path: latest)))
        #expect(saved.status == "complete")
        #expect(saved.areas.allSatisfy { ($0.asLastTime ?? []).isEmpty }, "every carried answer confirmed")
        #expect(saved.areas.flatMap(\.answers.values).filter { $0 != "yes" }.count == 5)
        print("Keys, carried-forward year with 5 changes, launch to marked complete: \(toComplete) (with q to quit: \(keys.count))")
        CampaignReport.record("Workshop keys: a whole carried-forward year (5 answers changed) at 80x24", cases: 1,
                              how: "tmux: \(toComplete) keys from launch to marked complete, at most \(Self.limit)")
    }
}

/// Issue 11: while the terminal is too small, keys used to act on the hidden screen. Now they wait.
@Suite("A terminal too small in tmux", .serialized)
struct TooSmallTerminalTests {
    @Test func keysTypedWhileTheTerminalIsTooSmallDoNothing() throws {
        let sandbox = try Sandbox()
        let session = try TmuxSession(["workshop", "--system", "Small ICS"], sandbox: sandbox)
        try session.openFirstQuestion()
        for _ in 0..<10 { try session.press("Right") }
        try session.waitFor("Result and actions")
        // Moves alone are saved after a pause: the file says where the board is before the terminal shrinks.
        try waitForSaved(try onlyStoreFile(sandbox)) { $0.position?.step == "result" }
        let before = try String(contentsOfFile: try onlyStoreFile(sandbox), encoding: .utf8)
        try session.resize(width: 30, height: 8)
        try session.waitFor("Please enlarge the terminal")
        try session.type("a")
        try session.type("Hidden text")
        try session.press("Enter", "Tab", "Escape", "Left", "BSpace")
        try session.type("e")
        try session.resize(width: 80, height: 24)
        let screen = try session.waitForWholeFrame("· Economy (1 of 3) · ")
        #expect(screen.contains("Result and actions"), "no key moved the hidden screen:\n\(screen)")
        #expect(!screen.contains("Agreed action for"), "no action form was opened behind the request for room")
        #expect(!screen.contains("Hidden text"))
        #expect(try String(contentsOfFile: try onlyStoreFile(sandbox), encoding: .utf8) == before, "nothing was written")
        // The request for room says so; ? shows the keys that work, and q, the one that does something, quits.
        try session.resize(width: 30, height: 8)
        try session.waitFor("Until then keys are ignored,")
        try session.type("?")
        try session.waitFor("Keys on this screen")
        try session.type("?")
        try session.waitFor("but q or Ctrl-C quits")
        try session.type("q")
        #expect(try session.ending().exit == "exit=0")
        CampaignReport.record("Terminal too small: keys typed while the workshop asks for room", cases: 1,
                              how: "tmux at 30x8: letters, Enter, Tab, Esc, arrows change nothing; ? shows help; q quits")
    }
}

/// Issue 11: key hints that said what the keys did not do.
@Suite("Key hints in tmux", .serialized)
struct KeyHintEndToEndTests {
    /// The hint line, the last line of the screen.
    func hints(_ screen: String) -> String {
        screen.split(separator: "\n").last.map(String.init) ?? ""
    }

    @Test func theHintsSayWhatTheKeysDo() throws {
        let sandbox = try Sandbox()
        let session = try TmuxSession(["workshop", "--system", "Hint ICS"], sandbox: sandbox)
        try session.startWorkshop()
        // The last area's result: Enter goes to the summary, and with no action there is nothing to edit or delete.
        try session.type("s")
        try session.waitFor("· Summary")
        try session.press("Left")
        var line = hints(try session.waitForWholeFrame("Climate (3 of 3) · Result and actions"))
        #expect(line.contains("Enter summary"), "\(line)")
        #expect(!line.contains("next area") && !line.contains("edit/delete"), "\(line)")
        try session.type("a")
        try session.type("Publish the green plan")
        try session.press("Escape")
        line = hints(try session.waitForWholeFrame("Publish the green plan — not started"))
        #expect(line.contains("e d edit/delete"), "\(line)")
        try session.press("Enter")
        try session.waitFor("· Summary")
        try session.type("c")
        line = hints(try session.waitForWholeFrame("Marked complete (recorded)"))
        #expect(line.contains("c reopen") && !line.contains("complete"), "\(line)")
        try session.type("q")
        #expect(try session.ending().exit == "exit=0")
        CampaignReport.record("Key hints: last area, no actions, after completing", cases: 3,
                              how: "tmux: Enter summary on the last area, e d only with an action, c reopen once complete")
    }
}
