import Foundation
import Testing
import TestSupport

/// Special files named like assessments in a shared store, as any member of it could leave them: each
/// command finishes at once, names each one on standard error, and the rest of the store still works.
@Suite("Special files in the store")
struct SpecialFileTests {
    /// Each kind of file, by name, and the reason it is refused.
    static let kinds: [(name: String, reason: String)] = [
        ("fifo.json", "is a FIFO (named pipe), not a file"),
        ("tty.json", "is a link to a device, not a file"),
        ("zero.json", "is a link to a device, not a file"),
        ("null.json", "is a link to a device, not a file"),
        ("socket.json", "is a socket, not a file"),
        ("folder.json", "is a folder, not a file"),
    ]

    /// A store holding one good assessment of Good ICS beside every kind of special file; the socket
    /// stays bound while the returned descriptor is open.
    static func specialStore(_ sandbox: Sandbox) throws -> Int32 {
        let made = try sandbox.run(["new", "--system", "Good ICS", "--date", "2026-01-01"])
        try #require(made.status == 0)
        let store = sandbox.store
        try #require(mkfifo(store.appending(path: "fifo.json").path, 0o600) == 0)
        for (name, target) in [("tty.json", "/dev/tty"), ("zero.json", "/dev/zero"), ("null.json", "/dev/null")] {
            try FileManager.default.createSymbolicLink(atPath: store.appending(path: name).path, withDestinationPath: target)
        }
        try FileManager.default.createDirectory(at: store.appending(path: "folder.json"), withIntermediateDirectories: true)
        return try bindSocket(at: store.appending(path: "socket.json"))
    }

    static func bindSocket(at url: URL) throws -> Int32 {
        let socket = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in url.path.utf8.prefix(raw.count - 1).enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
        return socket
    }

    /// One row of the campaign report for both tests.
    static func record(cases: Int) {
        CampaignReport.record("Store: FIFO, links to /dev/tty, /dev/zero, /dev/null, a socket and a folder named *.json", cases: cases,
                              how: "list (text, json), progress, export, show, and in tmux list and the workshop's start screen: "
                                + "each ends at once naming the file; the rest still works")
    }

    /// Runs `maturity ARGUMENTS` under `timeout`, so that a hang fails the test (status 124) instead of the suite.
    static func runPromptly(_ sandbox: Sandbox, _ arguments: [String]) throws -> (CommandResult, seconds: Double) {
        let started = Date()
        let result = try sandbox.run(["20", maturityBinary.path] + arguments, binary: URL(fileURLWithPath: "/usr/bin/timeout"))
        return (result, Date().timeIntervalSince(started))
    }

    @Test func everyCommandThatReadsTheStoreNamesEachSpecialFileAndCarriesOn() throws {
        let sandbox = try Sandbox()
        let socket = try Self.specialStore(sandbox)
        defer { close(socket) }
        let commands: [(arguments: [String], output: String)] = [
            (["list"], "Good ICS  draft"),
            (["list", "--format", "json"], "Good ICS"),
            (["progress", "--system", "Good ICS"], "Good ICS"),
            (["export", "2026-01-01-good-ics", "--format", "md"], "Good ICS"),
        ]
        for (arguments, output) in commands {
            let (result, seconds) = try Self.runPromptly(sandbox, arguments)
            let command = arguments.joined(separator: " ")
            #expect(result.status == 0, "\(command) ended with \(result.status) (124: it hung); stderr: \(result.stderr)")
            #expect(seconds < 10, "\(command) took \(seconds) s")
            #expect(result.stdout.contains(output), "\(command): \(result.stdout)")
            if arguments.contains("json") {
                let listed = try #require(try json(result.stdout) as? [[String: Any]], "\(command): \(result.stdout)")
                #expect(listed.map { $0["system"] as? String } == ["Good ICS"], "\(command): \(result.stdout)")
            }
            for (name, reason) in Self.kinds {
                #expect(result.stderr.contains("maturity: \(sandbox.store.path)/\(name): \(reason)\n"), "\(command): \(result.stderr)")
            }
        }
        for (name, reason) in Self.kinds {
            let (result, seconds) = try Self.runPromptly(sandbox, ["show", name])
            #expect(result.status == 1 && seconds < 10, "show \(name) ended with \(result.status) (124: it hung)")
            #expect(result.stderr == "maturity: \(sandbox.store.path)/\(name): \(reason)\n")
        }
        Self.record(cases: Self.kinds.count * (commands.count + 1))
    }

    /// In a terminal, where a link to /dev/tty would read the keyboard: `list`, and the workshop's start
    /// screen (which reads the store for drafts to resume and last year's assessments).
    @Test func aTerminalCommandNeverReadsTheKeyboardOrBlocksOnAFIFO() throws {
        let sandbox = try Sandbox()
        let socket = try Self.specialStore(sandbox)
        defer { close(socket) }
        // Wide enough that no line of standard error wraps.
        let list = try TmuxSession(["list"], sandbox: sandbox, width: 220)
        #expect(try list.ending().exit == "exit=0")
        let listed = try list.screen()
        #expect(listed.contains("2026-01-01  Good ICS  draft"), "\(listed)")
        for (name, reason) in Self.kinds { #expect(listed.contains("\(name): \(reason)"), "\(listed)") }

        let workshop = try TmuxSession(["workshop", "--system", "Good ICS"], sandbox: sandbox, width: 220)
        try workshop.waitFor("▸ Participants", timeout: 10)
        // The store, read after the first frame, has been read past every special file: its draft is offered.
        try workshop.waitFor("Or resume a draft:", timeout: 10)
        try workshop.press("C-c")
        #expect(try workshop.ending().exit == "exit=0")
        // Named on standard error once the full screen has gone.
        let after = try workshop.screen()
        for (name, reason) in Self.kinds { #expect(after.contains("\(name): \(reason)"), "\(after)") }
        Self.record(cases: Self.kinds.count * 2)
    }
}
