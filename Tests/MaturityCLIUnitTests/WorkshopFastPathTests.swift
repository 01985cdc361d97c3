import ArgumentParser
import Testing
import TestSupport
@testable import MaturityCLI

/// The workshop's command line read by hand (``WorkshopFastPath``) against swift-argument-parser.
@Suite("The workshop's command line without swift-argument-parser")
struct WorkshopFastPathTests {
    /// What a workshop command was asked for, field by field.
    struct Fields: Equatable, CustomStringConvertible {
        var system, framework, resume, renameSystem, established, place, store: String?
        var plain: Bool

        init(_ command: WorkshopCommand) {
            system = command.system
            framework = command.framework
            resume = command.resume
            renameSystem = command.renameSystem
            established = command.established
            place = command.place
            store = command.storeOptions.store
            plain = command.plain
        }

        var description: String {
            "system \(system ?? "-") framework \(framework ?? "-") resume \(resume ?? "-") rename \(renameSystem ?? "-") established \(established ?? "-") place \(place ?? "-") "
                + "store \(store ?? "-") plain \(plain)"
        }
    }

    /// Checks `arguments`: when the fast path reads them, swift-argument-parser must read the same workshop
    /// command, and every option of the command must have been given a value (an option added to
    /// WorkshopCommand but not to the fast path would trap when read).
    @discardableResult
    static func expectSameAsArgumentParser(_ arguments: [String]) -> Bool {
        guard let fast = WorkshopFastPath.command(for: arguments) else { return false }
        for child in Mirror(reflecting: fast).children {
            #expect(!String(describing: child.value).contains("definition"),
                    "\(arguments): the fast path leaves \(child.label ?? "an option") unset")
        }
        let parsed: ParsableCommand
        do {
            parsed = try Maturity.parseAsRoot(arguments)
        } catch {
            Issue.record("\(arguments): the fast path reads them, swift-argument-parser refuses them: \(Maturity.message(for: error))")
            return true
        }
        guard let workshop = parsed as? WorkshopCommand else {
            Issue.record("\(arguments): swift-argument-parser reads \(type(of: parsed)), not the workshop")
            return true
        }
        #expect(Fields(fast) == Fields(workshop), "\(arguments)")
        return true
    }

    @Test(arguments: [
        [], ["workshop"], ["--system", "West Yorkshire ICS"], ["workshop", "--system=Ynys Môn"], ["--plain"],
        ["workshop", "--system", "A", "--framework", "anchor-institution-charter", "--store", "/tmp/s", "--plain"],
        ["--resume", "2026-11-22-a.json"], ["--rename-system", "B", "--system", "A"], ["--system", ""],
        ["--system", "workshop"], ["--store=/x", "--resume=/y/z.json"], ["--system", "a=b"], ["--system=a=b"],
        ["--system", "A", "--established", "2022-07-01"], ["workshop", "--established=2022-07-01"],
        ["--system", "A", "--place", "Leeds"], ["workshop", "--place=Bradford District & Craven", "--plain"], ["--place", "../x"],
    ])
    func theFastPathReadsWhatArgumentParserReads(_ arguments: [String]) {
        #expect(Self.expectSameAsArgumentParser(arguments), "the fast path should read \(arguments)")
    }

    @Test(arguments: [
        ["--help"], ["-h"], ["help"], ["--version"], ["list"], ["workshop", "--help"], ["--system"], ["--system", "-x"],
        ["--system", "A", "--system", "B"], ["--plain", "--plain"], ["--", "--system", "A"], ["--unknown", "x"], ["-s", "A"],
        ["workshop", "workshop"], ["--plain=true"], ["frameworks", "list"], ["--system=-x"], ["--system="], ["--store="],
        ["--place", "a", "--place", "b"], ["--place", "-x"], ["--place="], ["--place"],
    ])
    func everythingElseIsLeftToArgumentParser(_ arguments: [String]) {
        #expect(WorkshopFastPath.command(for: arguments) == nil, "\(arguments)")
    }

    @Test func randomCommandLinesAgree() {
        let tokens = ["workshop", "--system", "A", "--system=B", "--framework", "f", "--resume", "r.json", "--plain", "--store", "/s",
                      "--rename-system", "N", "--established", "2022-07-01", "-x", "--", "help", "--help", "--version", "list", "--system=", "", "--plain=1",
                      "--System", "=", "--store=", "new", "workshop", "--place", "Leeds", "--place=P"]
        var random = UInt64(12)
        func next(_ bound: Int) -> Int {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((random >> 33) % UInt64(bound))
        }
        var read = 0
        let count = 3000
        for _ in 0..<count {
            let arguments = (0..<next(7)).map { _ in tokens[next(tokens.count)] }
            if Self.expectSameAsArgumentParser(arguments) { read += 1 }
        }
        #expect(read > 100, "the random command lines should often be plain workshop ones")
        CampaignReport.record("Command line: the workshop's read by hand, random", cases: count,
                              how: "where the fast path reads one, swift-argument-parser reads the same workshop command; \(read) read")
    }
}
