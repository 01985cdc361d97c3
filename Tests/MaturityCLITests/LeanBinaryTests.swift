import Foundation
import Testing
import TestSupport

/// The binary without full Foundation, ICU or Yams (issue 12), and what they used to do for it.
@Suite("A binary without full Foundation")
struct LeanBinaryTests {
    @Test func theBinaryLinksNeitherFullFoundationNorICUNorSharedLibyaml() throws {
        let bytes = try Data(contentsOf: maturityBinary)
        // A dynamic build names the libraries it needs; a static one carries ICU's data, named icudt<version>.
        // libyaml is linked in statically, so that the binary runs where libyaml-0-2 is not installed.
        for marker in ["libFoundation.so", "libFoundationInternationalization.so", "lib_FoundationICU.so", "icudt", "libyaml-0.so"] {
            #expect(bytes.range(of: Data(marker.utf8)) == nil, "\(maturityBinary.path) contains \(marker)")
        }
    }

    @Test func todayIsTheDateInTheLocalTimeZone() throws {
        // Kiritimati is 14 hours ahead of UTC and Pago Pago 11 behind: at any moment one of them has
        // another date than UTC, which FoundationEssentials' time zone (GMT only) would give.
        for zone in ["Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"] {
            let sandbox = try Sandbox()
            let before = Self.today(in: zone)
            let result = try sandbox.run(["new", "--system", "Zone ICS"], environment: ["TZ": zone])
            let after = Self.today(in: zone)
            #expect(result.status == 0, "\(result.stderr)")
            let name = URL(fileURLWithPath: result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)).lastPathComponent
            #expect(name == "\(before)-zone-ics.json" || name == "\(after)-zone-ics.json", "\(zone): \(name)")
        }
    }

    @Test func recordedTimesCarryTheLocalOffset() throws {
        for (zone, offset) in [("Asia/Kolkata", "+05:30\""), ("America/Argentina/Buenos_Aires", "-03:00\""), ("UTC", "Z\"")] {
            let sandbox = try Sandbox()
            let result = try sandbox.run(["new", "--system", "Zone ICS", "--date", "2026-11-22", "--complete"], environment: ["TZ": zone])
            #expect(result.status == 0, "\(result.stderr)")
            let file = try String(contentsOf: sandbox.store.appending(path: "2026-11-22-zone-ics.json"), encoding: .utf8)
            let stamp = try #require(file.firstMatch(of: /"at" *: *"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[^"]*)"/)?.1, "\(file)")
            #expect(String(stamp + "\"").hasSuffix(offset), "\(zone): \(stamp)")
            let parsed = ISO8601DateFormatter().date(from: String(stamp))
            #expect(parsed.map { abs($0.timeIntervalSinceNow) < 3600 } == true, "\(zone): \(stamp) is not now")
        }
    }

    /// Today's date in `zone`, as Foundation (with its time zone data) computes it.
    static func today(in zone: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone) ?? TimeZone(secondsFromGMT: 0)!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}

/// The EmbedFrameworks build tool: the check and the Swift values it writes for the built-in frameworks.
@Suite("Built-in frameworks at build time")
struct EmbedFrameworksToolTests {
    /// The tool, built beside this test bundle.
    static let tool: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appending(path: "EmbedFrameworks-tool")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: "EmbedFrameworks-tool")
    }()

    @Test func aProblemInABuiltInFrameworkFailsTheBuildWithFileAndLine() throws {
        let sandbox = try Sandbox()
        let broken = try sandbox.write("id: broken\nversion: 1\ntitle: [unclosed\nsource: x\n", to: "broken.yaml")
        let output = sandbox.root.appending(path: "Generated.swift").path
        let result = try sandbox.run([output, broken], binary: Self.tool)
        #expect(result.status == 1)
        #expect(result.stderr == "\(broken):4: error: is not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence on line 3)\n")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func theValuesAreSwiftLiteralsOfEveryCharacter() throws {
        let sandbox = try Sandbox()
        let title = #"Say "\(x)" \ once, é, 😀, \u{202E}"#
        let framework = """
            id: tricky
            version: 1.0.0
            title: '\(title.replacingOccurrences(of: "'", with: "''"))'
            source: {title: "\\u202E\\"\\"\\"", publisher: p, published: "2024"}
            stages: [{id: first, title: First}]
            areas:
              - id: only
                title: Only
                stages: {first: {descriptor: d, criteria: [{id: c, question: q?}]}}
            """
        let input = try sandbox.write(framework, to: "tricky.yaml")
        let output = sandbox.root.appending(path: "Generated.swift")
        let result = try sandbox.run([output.path, input], binary: Self.tool)
        #expect(result.status == 0, "\(result.stderr)")
        let source = try String(contentsOf: output, encoding: .utf8)
        #expect(source.contains(#"title: "Say \"\\(x)\" \\ once, \u{e9}, \u{1f600}, \\u{202E}""#), "\(source)")
        #expect(source.contains(#"Source(title: "\u{202e}\"\"\"""#), "\(source)")
        #expect(source.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "\n" || !$0.properties.isWhitespace || $0 == " ") })
        // The Swift parser accepts it (swiftc, of the toolchain that runs these tests, is on PATH).
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let swiftc = try #require(path.split(separator: ":").map { "\($0)/swiftc" }.first { FileManager.default.isExecutableFile(atPath: $0) })
        let parsed = try sandbox.run(["-parse", output.path], binary: URL(fileURLWithPath: swiftc))
        #expect(parsed.status == 0, "\(parsed.stderr)")
    }
}
