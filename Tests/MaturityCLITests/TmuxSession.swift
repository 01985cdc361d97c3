import Foundation
import Testing
import TestSupport

/// The real `maturity` binary in a private tmux server of a fixed size, typed at and read like a person would.
final class TmuxSession {
    let socket = "maturity-test-\(UUID().uuidString.prefix(8))"
    let sandbox: Sandbox

    /// Starts `maturity ARGUMENTS` in a shell that, when it ends, prints its exit status and whether
    /// the terminal is back in normal (canonical, echoing) mode. `launcher` goes before the binary
    /// (`setsid` to run it without a controlling terminal, say).
    convenience init(_ arguments: [String], sandbox: Sandbox, width: Int = 80, height: Int = 24,
                     environment: [String: String] = [:], launcher: [String] = []) throws {
        let command = (launcher + [maturityBinary.path] + arguments).map(Self.quote).joined(separator: " ")
        let script = "\(Self.assignments(sandbox, environment)) \(command); echo \"exit=$?\"; "
            + "stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' '; echo; sleep 600"
        try self.init(script: script, sandbox: sandbox, width: width, height: height)
    }

    /// An interactive bash with job control (prompt `ready> `), in which `maturityCommand` runs `maturity`.
    static func shell(sandbox: Sandbox, width: Int = 80, height: Int = 24) throws -> TmuxSession {
        try TmuxSession(script: "\(assignments(sandbox, [:])) PS1='ready> ' bash --norc --noprofile -i", sandbox: sandbox,
                        width: width, height: height)
    }

    /// `maturity` with `arguments`, as a line to type at ``shell(sandbox:width:height:)``'s prompt.
    static func maturityCommand(_ arguments: [String]) -> String {
        ([maturityBinary.path] + arguments).map(quote).joined(separator: " ")
    }

    private init(script: String, sandbox: Sandbox, width: Int, height: Int) throws {
        self.sandbox = sandbox
        // The server that new-session starts keeps its standard output: give it none to hold open.
        _ = try run("/usr/bin/tmux", ["-L", socket, "-f", "/dev/null", "-u", "new-session", "-d", "-x", "\(width)",
                                      "-y", "\(height)", "sh", "-c", script], capture: false)
    }

    private static func assignments(_ sandbox: Sandbox, _ environment: [String: String]) -> String {
        var variables = ["HOME": sandbox.home.path, "MATURITY_STORE": sandbox.store.path, "LANG": "C.UTF-8",
                         "LC_ALL": "C.UTF-8", "SWIFT_BACKTRACE": "enable=no", "TMPDIR": sandbox.root.path]
        variables.merge(environment) { _, new in new }
        return "env " + variables.sorted { $0.key < $1.key }.map { "\($0.key)=\(quote($0.value))" }.joined(separator: " ")
    }

    /// From the start screen of `workshop --system NAME`, starts the workshop and waits for the first overview.
    func startWorkshop() throws {
        try waitFor("▸ Participants")
        try press("Tab", "Tab", "Tab", "Enter")
        try waitFor("Overview")
    }

    /// Starts the workshop (see ``startWorkshop()``) and opens its first question, past the area's
    /// metrics step (→ skips it).
    func openFirstQuestion() throws {
        try startWorkshop()
        try press("Enter")
        try waitFor("· Metrics")
        try press("Right")
        try waitFor("Question 1 of 10")
    }

    /// Answers the question on screen with `letter`, one key, and waits until the workshop shows it as
    /// recorded on the screen that follows (the next question, or the area's result), and as saved.
    func answer(_ letter: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let header = try screen().split(separator: "\n").first.map(String.init) ?? ""
        try type(letter)
        try waitUntil("the next screen, with the answer recorded and saved", sourceLocation: sourceLocation) { screen in
            let top = screen.split(separator: "\n").first.map(String.init) ?? ""
            return top != header && screen.contains(" recorded: ") && Self.showsSaved(top)
        }
    }

    /// Whether the top line of the workshop says that the store has every change (see ``Renderer``'s save status).
    static func showsSaved(_ top: String) -> Bool {
        top.trimmingCharacters(in: .whitespaces).hasSuffix(" saved")
    }

    /// Ends the tmux server: the terminal disappears, as when a window is closed or SSH drops.
    func closeTerminal() throws {
        try tmux(["kill-server"])
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }

    /// Types `text` literally.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-l", text])
    }

    /// Presses keys by tmux name: Enter, Escape, Tab, BTab, Up, Down, Left, Right, BSpace, C-c.
    func press(_ keys: String...) throws {
        try tmux(["send-keys"] + keys)
    }

    /// Pastes the bytes of a file into the program, as a terminal paste would.
    func paste(file: String) throws {
        try tmux(["load-buffer", file])
        try tmux(["paste-buffer", "-d"])
    }

    /// The screen as text; with `escapes`, including the attribute and colour sequences.
    func screen(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p"] + (escapes ? ["-e"] : []))
    }

    /// The screen's lines trimmed and joined by spaces, so that words wrapped onto the next line read as one text.
    func flatText() throws -> String {
        Self.flat(try screen())
    }

    private static func flat(_ screen: String) -> String {
        screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: " ")
    }

    /// Waits until the screen contains `text` (polling, never sleeping blindly) and returns the screen;
    /// with `acrossLines`, `text` may be wrapped over several lines (see ``flatText()``).
    @discardableResult
    func waitFor(_ text: String, acrossLines: Bool = false, timeout: Double = 15,
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitUntil("\"\(text)\"", timeout: timeout, sourceLocation: sourceLocation) { screen in
            if screen.contains(text) { return true }
            return acrossLines && Self.flat(screen).contains(text)
        }
    }

    /// Waits until `text` is on the screen and the screen has stopped changing (two captures alike), so
    /// that a frame caught while it is being drawn is not read; returns that screen.
    @discardableResult
    func waitForWholeFrame(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        var previous = ""
        return try waitUntil("\"\(text)\" in a finished frame", sourceLocation: sourceLocation) { screen in
            defer { previous = screen }
            return screen.contains(text) && screen == previous
        }
    }

    /// Waits until the screen satisfies `condition` (polling, never sleeping blindly) and returns it.
    @discardableResult
    func waitUntil(_ description: String, timeout: Double = 15, sourceLocation: SourceLocation = #_sourceLocation,
                   _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.03)
        }
        Issue.record("timed out waiting for \(description); the screen shows:\n\(last)", sourceLocation: sourceLocation)
        throw TimedOut()
    }

    /// After the program ends: its exit line (`exit=N`) and the terminal's modes line (`icanon echo` when restored).
    func ending() throws -> (exit: String, modes: String) {
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            let lines = try screen().split(separator: "\n").map(String.init)
            if let index = lines.firstIndex(where: { $0.hasPrefix("exit=") }), index + 1 < lines.count,
               lines[index + 1].contains("icanon") {
                return (lines[index], lines[index + 1].trimmingCharacters(in: .whitespaces))
            }
            Thread.sleep(forTimeInterval: 0.03)
        }
        Issue.record("the program did not end; the screen shows:\n\(try screen())")
        throw TimedOut()
    }

    /// The process id of `maturity` in the pane.
    func maturityProcessID() throws -> Int32? {
        let shell = try tmux(["display-message", "-p", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        // Only a child of this pane's shell: never a process found by name alone (the test runner's name matches too).
        guard let shellID = Int32(shell), shellID > 1 else { return nil }
        let children = try run("/usr/bin/pgrep", ["-P", "\(shellID)"])
        return children.split(separator: "\n").compactMap { Int32($0) }.first { $0 != getpid() }
    }

    /// The pane's title, as programs set it with OSC 0 or 2 escape sequences.
    func paneTitle() throws -> String {
        try tmux(["display-message", "-p", "#{pane_title}"]).trimmingCharacters(in: .newlines)
    }

    /// Resizes the window.
    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-x", "\(width)", "-y", "\(height)"])
    }

    struct TimedOut: Error {}

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        try run("/usr/bin/tmux", ["-L", socket, "-f", "/dev/null", "-u"] + arguments)
    }

    /// Runs a program and waits for it (see ``Spawn``); its output goes through a file.
    private func run(_ executable: String, _ arguments: [String], capture: Bool = true) throws -> String {
        let outputPath = sandbox.root.appending(path: "tmux-\(UUID().uuidString)").path
        defer { unlink(outputPath) }
        let environment = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin", "TERM": "xterm-256color"]
        _ = try Spawn.run(executable, arguments, environment: environment, folder: sandbox.root.path,
                          output: capture ? outputPath : "/dev/null", error: "/dev/null")
        return capture ? ((try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "") : ""
    }

    private static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
