import Foundation
import Testing
import TestSupport

/// A hostile piece of text, put into every field a file or a person can fill.
struct Payload: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    /// How its first character must show once inert: in text, and inside JSON strings.
    var shown: String
    var json: String

    var testDescription: String { name }

    /// The text as a line typed at a prompt can carry it (a line break would end the line, so a carriage return stands in).
    var typed: String { text.replacingOccurrences(of: "\n", with: "\r") }

    /// The text inside a YAML double-quoted scalar, every unsafe character written as an escape.
    var yamlQuoted: String {
        "\"" + text.unicodeScalars.map { scalar -> String in
            switch scalar.value {
            case 0x22: return "\\\""
            case 0x5C: return "\\\\"
            case 0x00...0x1F, 0x7F...0xFF where !(0x20...0x7E).contains(scalar.value):
                return "\\x" + String(format: "%02X", scalar.value)
            case 0x202A...0x202E, 0x2066...0x2069: return "\\u" + String(format: "%04X", scalar.value)
            default: return String(scalar)
            }
        }.joined() + "\""
    }

    static let all = [
        Payload(name: "OSC 0 window title", text: "\u{1B}]0;PWNED\u{07}", shown: "\\u{1B}", json: "\\u001b"),
        Payload(name: "ESC [2J clear screen", text: "\u{1B}[2J", shown: "\\u{1B}", json: "\\u001b"),
        Payload(name: "CSI colour and cursor", text: "\u{1B}[31;1m\u{1B}[1A", shown: "\\u{1B}", json: "\\u001b"),
        Payload(name: "C1 CSI 0x9B", text: "\u{9B}2J", shown: "\\u{9B}", json: "\\u009b"),
        Payload(name: "bidi override and isolate", text: "\u{202E}DESREVER\u{2066}", shown: "\\u{202E}", json: "\\u202e"),
        Payload(name: "line break forging a line", text: "\nFORGED", shown: "\\u{A}", json: "\\n"),
    ]
}

/// Every character a terminal acts on, or that reorders text: written out here, apart from the code under test.
func isUnsafeOnATerminal(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
}

/// Whether a JSON value holds the string `value` anywhere.
func holds(_ object: Any, _ value: String) -> Bool {
    switch object {
    case let text as String: text == value
    case let array as [Any]: array.contains { holds($0, value) }
    case let map as [String: Any]: map.values.contains { holds($0, value) }
    default: false
    }
}

/// The unsafe characters of `text`, apart from the line feeds, CR LF pairs and tabs of its own layout.
func rawUnsafeCharacters(in text: String) -> [String] {
    let scalars = Array(text.unicodeScalars)
    return scalars.indices.compactMap { index in
        let scalar = scalars[index]
        guard isUnsafeOnATerminal(scalar), scalar != "\n", scalar != "\t" else { return nil }
        if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { return nil }
        return "U+" + String(format: "%04X", scalar.value)
    }
}

/// A sandbox whose store, frameworks folder and answer sheets all carry one payload: system names,
/// participants, notes, action owners, a status, framework titles and keys, criterion ids, and file names.
struct HostileWorld {
    let sandbox: Sandbox
    let payload: Payload
    let system: String
    let latest: String
    let earlier: String
    let frameworks: URL
    let charter: String
    let brokenFramework: String
    let csvSheet: String
    let jsonSheet: String

    init(_ payload: Payload) throws {
        sandbox = try Sandbox()
        self.payload = payload
        let p = payload.text
        system = "Hostile\(p) ICS"
        frameworks = sandbox.root.appending(path: "frameworks")
        try FileManager.default.createDirectory(at: frameworks, withIntermediateDirectories: true)
        let charterText = try String(contentsOf: repositoryRoot.appending(path: "Frameworks/anchor-institution-charter.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "id: anchor-institution-charter", with: "id: hostile-charter")
            .replacingOccurrences(of: "title: Anchor institution charter self-assessment",
                                  with: "title: \"Hostile charter \\u202E(reversed)\"")
        charter = frameworks.appending(path: "charter\(p).yaml").path
        try Data(charterText.utf8).write(to: URL(fileURLWithPath: charter))
        brokenFramework = frameworks.appending(path: "broken\(p).yaml").path
        let broken = charterText.replacingOccurrences(of: "version: 1.0.0", with: "version: \(payload.yamlQuoted)")
            + "\n\(payload.yamlQuoted): an unknown key\n"
        try Data(broken.utf8).write(to: URL(fileURLWithPath: brokenFramework))

        earlier = try Self.assessment(sandbox, system: system, date: "2025-06-01", payload: p) { object in
            object["status"] = "complete"
            var framework = object["framework"] as? [String: Any] ?? [:]
            framework["version"] = "0.9\(p)"
            object["framework"] = framework
        }
        latest = try Self.assessment(sandbox, system: system, date: "2026-06-01", payload: p) { _ in }
        // A file the store cannot use: its name and its status carry the payload.
        var brokenAssessment = try #require(try json(String(contentsOfFile: latest, encoding: .utf8)) as? [String: Any])
        brokenAssessment["status"] = "draft\(p)"
        try JSONSerialization.data(withJSONObject: brokenAssessment)
            .write(to: sandbox.store.appending(path: "2024-01-01-broken\(p).json"))

        csvSheet = try sandbox.write("criterion,answer,note\r\n\"bad\(p)id\",yes,\r\neconomy-unknown,\"\(p)\",\r\n"
                                     + "econ-emerging-plan-reviewed,\"yes\(p)\",\"note\(p)\"\r\n", to: "sheet\(p).csv")
        let sheet = try JSONSerialization.data(withJSONObject: ["bad\(p)id": "yes", "econ-emerging-plan-known": "no\(p)"])
        jsonSheet = try sandbox.write(String(decoding: sheet, as: UTF8.self), to: "sheet\(p).json")
    }

    /// A saved assessment of `system`, every text field of which carries `payload`.
    static func assessment(_ sandbox: Sandbox, system: String, date: String, payload p: String,
                           _ edit: (inout [String: Any]) -> Void) throws -> String {
        let made = try sandbox.run(["new", "--system", "Hostile ICS", "--date", date, "--participant", "Chair"])
        let path = made.stdout.trimmingCharacters(in: .newlines)
        var object = try #require(try json(String(contentsOfFile: path, encoding: .utf8)) as? [String: Any])
        object["system"] = system
        object["participants"] = ["Chair\(p)", "Board member\(p)"]
        var areas = try #require(object["areas"] as? [[String: Any]])
        areas[0]["answers"] = ["econ-emerging-plan-reviewed": "yes"]
        areas[0]["notes"] = ["econ-emerging-plan-reviewed": "Minutes\(p) of the board", "econ-emerging-plan-known": "Known\(p)"]
        areas[0]["actions"] = [["id": "action-1", "what": "Brief\(p) partners", "owner": "Director\(p)", "status": "in-progress",
                                "due": "2026-12-31"]]
        object["areas"] = areas
        edit(&object)
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: URL(fileURLWithPath: path))
        return path
    }

    func run(_ arguments: [String], input: String? = nil) throws -> CommandResult {
        try sandbox.run(arguments, environment: ["MATURITY_FRAMEWORKS": frameworks.path], input: input)
    }
}

/// How a command's output is laid out, and so what a hostile value in it must look like.
enum OutputKind {
    /// Lines for people: values shown visibly, and a line break inside one never starts a line.
    case lines
    /// Markdown, HTML or CSV: the format's own line breaks stay (a line break in a value is `<br>` in
    /// Markdown, a quoted field in CSV, white space in HTML); everything else is shown visibly.
    case document
    /// JSON: the exact value, every unsafe character as a `\u` escape.
    case json
}

/// One way text reaches standard output or standard error.
struct OutputPath {
    var name: String
    var arguments: [String]
    var kind: OutputKind
    var input: String?
    /// Whether the payload itself shows; otherwise the framework title's bidi override does.
    var showsPayload = true
}

@Suite("Escape injection at the command line")
struct EscapeInjectionTests {
    /// Every command that prints text from a file or a person.
    static func paths(_ world: HostileWorld) -> [OutputPath] {
        let plainResume = Array(repeating: "y\n\n", count: 10).joined() + "\ns\nn\n"
        let p = world.payload.typed
        return [
            OutputPath(name: "list", arguments: ["list"], kind: .lines),
            OutputPath(name: "list json", arguments: ["list", "--format", "json"], kind: .json),
            OutputPath(name: "show", arguments: ["show", world.latest], kind: .lines),
            OutputPath(name: "show, other framework version", arguments: ["show", world.earlier], kind: .lines),
            OutputPath(name: "show json", arguments: ["show", world.latest, "--format", "json"], kind: .json),
            OutputPath(name: "progress", arguments: ["progress", "--system", world.system], kind: .lines),
            OutputPath(name: "progress md", arguments: ["progress", "--system", world.system, "--format", "md"], kind: .document),
            OutputPath(name: "progress html", arguments: ["progress", "--system", world.system, "--format", "html"], kind: .document),
            OutputPath(name: "progress csv", arguments: ["progress", "--system", world.system, "--format", "csv"], kind: .document),
            OutputPath(name: "progress json", arguments: ["progress", "--system", world.system, "--format", "json"], kind: .json),
            OutputPath(name: "export md", arguments: ["export", world.latest, "--format", "md"], kind: .document),
            OutputPath(name: "export html", arguments: ["export", world.latest, "--format", "html"], kind: .document),
            OutputPath(name: "export csv", arguments: ["export", world.latest, "--format", "csv"], kind: .document),
            OutputPath(name: "export json", arguments: ["export", world.latest, "--format", "json"], kind: .json),
            OutputPath(name: "frameworks", arguments: ["frameworks"], kind: .lines),
            OutputPath(name: "frameworks show", arguments: ["frameworks", "show", world.charter], kind: .lines, showsPayload: false),
            OutputPath(name: "frameworks show json", arguments: ["frameworks", "show", "hostile-charter", "--format", "json"],
                       kind: .json, showsPayload: false),
            OutputPath(name: "frameworks validate", arguments: ["frameworks", "validate", world.charter, world.brokenFramework],
                       kind: .lines),
            OutputPath(name: "new --answers CSV", arguments: ["new", "--system", "Sheet ICS", "--answers", world.csvSheet], kind: .lines),
            OutputPath(name: "new --answers JSON", arguments: ["new", "--system", "Sheet ICS", "--answers", world.jsonSheet], kind: .lines),
            OutputPath(name: "plain workshop, resumed", arguments: ["workshop", "--plain", "--resume", world.latest], kind: .lines,
                       input: plainResume),
            OutputPath(name: "plain workshop, typed", arguments: ["workshop", "--plain"], kind: .lines,
                       input: "Typed\(p) ICS\nTyped ICS\n\nChair\(p), Director\nChair, Director\n1\nq\n", showsPayload: false),
        ]
    }

    @Test(arguments: Payload.all)
    func noOutputPathLetsAHostileCharacterReachTheTerminal(_ payload: Payload) throws {
        let world = try HostileWorld(payload)
        let paths = Self.paths(world)
        for path in paths {
            let result = try world.run(path.arguments, input: path.input)
            for (stream, text) in [("stdout", result.stdout), ("stderr", result.stderr)] {
                let raw = rawUnsafeCharacters(in: text)
                #expect(raw.isEmpty, "\(path.name): raw \(raw) on \(stream):\n\(text)")
                if path.kind == .lines {
                    let forged = text.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("FORGED") }
                    #expect(forged.isEmpty, "\(path.name): a value's line break started a line on \(stream):\n\(text)")
                }
            }
            let everything = result.stdout + result.stderr
            switch (path.kind, path.showsPayload) {
            case (_, false):
                #expect(everything.contains(path.kind == .json ? "\\u202e(reversed)" : "\\u{202E}(reversed)"), "\(path.name): \(everything)")
            case (.json, true):
                #expect(everything.contains(payload.json), "\(path.name): the value is shown: \(everything)")
            case (.document, true) where payload.text.contains("\n"):
                break
            case (_, true):
                #expect(everything.contains(payload.shown), "\(path.name): the value is shown: \(everything)")
            }
            if path.kind == .json {
                // Still JSON, holding the exact value.
                let object = try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
                let exact = path.showsPayload ? world.system : "Hostile charter \u{202E}(reversed)"
                #expect(object.map { holds($0, exact) } == true, "\(path.name): the exact value in JSON: \(result.stdout)")
            }
        }
        // Typed at plain mode's start questions, the payload is refused and asked again.
        let typed = try #require(storeContents(atPath: world.sandbox.store.path)
            .first { $0.contains("typed-ics") })
        let saved = try #require(try json(String(contentsOfFile: world.sandbox.store.appending(path: typed).path, encoding: .utf8))
            as? [String: Any])
        #expect(saved["system"] as? String == "Typed ICS")
        #expect(saved["participants"] as? [String] == ["Chair", "Director"])
        CampaignReport.record(Self.campaignRow, cases: paths.count, how: Self.campaignHow)
    }

    /// The RELIABILITY.md row: one case is one payload through one output path.
    static let campaignRow = "Escape injection (every output path)"
    static let campaignHow = "EscapeInjectionTests: 6 payloads (OSC title, ESC [2J, CSI, C1 0x9B, bidi override, line break) in "
        + "system names, participants, notes, actions, a status, file names, framework titles and keys and answer sheets, "
        + "each through 22 commands printing to stdout/stderr (list, show, progress and export in every format, frameworks "
        + "list/show/validate, new --answers, plain mode) and 4 export formats written to files: no raw control, C1 or "
        + "bidi character, no forged line, JSON values exact"
}

/// A board paper written to a file carries no raw escape either: someone will `cat` it, or mail it.
@Suite("Escape injection in exported files")
struct ExportedFileEscapeTests {
    @Test(arguments: Payload.all)
    func exportedFilesHoldNoRawControlCharacter(_ payload: Payload) throws {
        let world = try HostileWorld(payload)
        for format in ["md", "html", "csv", "json"] {
            let output = world.sandbox.root.appending(path: "board-paper-\(UUID().uuidString).\(format)")
            let result = try world.run(["export", world.latest, "--format", format, "-o", output.path])
            #expect(result.status == 0, "\(format): \(result.stderr)")
            let text = try String(contentsOf: output, encoding: .utf8)
            #expect(rawUnsafeCharacters(in: text).isEmpty, "\(format): \(rawUnsafeCharacters(in: text))")
            if format == "json" {
                let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
                #expect(holds(object, world.system), "the JSON export keeps the exact name")
            } else if !payload.text.contains("\n") {
                #expect(text.contains(payload.shown), "\(format) shows the value")
            }
        }
        CampaignReport.record(EscapeInjectionTests.campaignRow, cases: 4, how: EscapeInjectionTests.campaignHow)
    }
}

/// The symptom as it was seen: in tmux, a hostile store retitled the window and cleared the screen.
@Suite("Escape injection in a real terminal", .serialized)
struct TerminalEscapeInjectionTests {
    @Test func aHostileStoreNeitherRetitlesTheWindowNorClearsTheScreen() throws {
        let payload = Payload(name: "title, clear, C1 and bidi together", text: "\u{1B}]0;PWNED\u{07}\u{1B}[2J\u{9B}2J\u{202E}",
                              shown: "\\u{1B}]0;PWNED\\u{7}\\u{1B}[2J\\u{9B}2J\\u{202E}", json: "")
        let world = try HostileWorld(payload)
        let systemFile = try world.sandbox.write(world.system, to: "system.txt")
        let plainInput = try world.sandbox.write(Array(repeating: "y\n\n", count: 10).joined() + "\ns\nn\n", to: "plain.txt")
        let session = try TmuxSession.shell(sandbox: world.sandbox, width: 200, height: 300)
        try session.waitFor("ready>")
        try session.type("export MATURITY_FRAMEWORKS='\(world.frameworks.path)' M='\(maturityBinary.path)' F='\(world.frameworks.path)'")
        try session.press("Enter")
        let latest = "'\(world.latest)'"
        // File names that carry the payload are reached by globs, so that nothing hostile is typed at the shell.
        let commands = [
            "$M list", "$M show \(latest)", "$M show '\(world.earlier)'", "$M progress --system \"$(cat '\(systemFile)')\"",
            "$M export \(latest) --format md", "$M export \(latest) --format csv", "$M frameworks",
            "$M frameworks show \"$F\"/charter*", "$M frameworks validate \"$F\"/broken*",
            "$M new --system Sheet --answers '\(world.sandbox.root.path)'/sheet*.csv",
            "$M workshop --plain --resume \(latest) < '\(plainInput)'",
        ]
        let before = try session.paneTitle()
        for (number, command) in commands.enumerated() {
            let mark = 1000 + number
            try session.type("clear; echo BEFORE-$((\(mark))); \(command); echo AFTER-$((\(mark)))")
            try session.press("Enter")
            let screen = try session.waitFor("AFTER-\(mark)")
            #expect(screen.contains("BEFORE-\(mark)"), "\(command) cleared the screen:\n\(screen)")
            #expect(screen.contains("\\u{"), "\(command) showed the hostile text visibly:\n\(screen)")
            #expect(try session.paneTitle() == before, "\(command) retitled the window")
        }
        #expect(!before.contains("PWNED"))
        CampaignReport.record("Escape injection in a real terminal (tmux)", cases: commands.count,
                              how: "TerminalEscapeInjectionTests: \(commands.count) commands on a hostile store in tmux 200x300; "
                                  + "the window title and the screen above each command are unchanged")
    }
}
