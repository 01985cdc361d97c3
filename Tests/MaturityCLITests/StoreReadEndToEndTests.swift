import Foundation
import Testing
import TestSupport

/// With a large store, the workshop paints its start screen (or the resumed draft) first and reads the
/// store after: the drafts and known systems appear once it is read, and the keys typed meanwhile count.
/// A number of two digits at least: `07`.
private func two(_ number: Int) -> String {
    number < 10 ? "0\(number)" : "\(number)"
}

@Suite("The first frame before the store is read, in tmux", .serialized)
struct StoreReadEndToEndTests {
    /// Assessments of other systems, copies of `template` under other names and dates: a store large
    /// enough that reading it takes a while (whole seconds with a debug build, ~1 ms a file).
    static let fillers = 3000

    /// A store of ``fillers`` files, West Yorkshire ICS's complete assessment of 2025-11-20 and a draft of
    /// Humber ICS; returns the complete assessment's path.
    func largeStore(_ sandbox: Sandbox) throws -> String {
        let complete = try made(sandbox, ["--system", "West Yorkshire ICS", "--date", "2025-11-20", "--complete"])
        _ = try made(sandbox, ["--system", "Humber ICS", "--date", "2026-10-01"])
        // The template cut once where the name, the identity and the date go.
        let template = try String(contentsOfFile: complete, encoding: .utf8)
            .replacingOccurrences(of: "West Yorkshire ICS", with: "\u{1}Filler \u{2} ICS\u{1}")
            .replacingOccurrences(of: "west-yorkshire-ics", with: "\u{1}filler-\u{2}-ics\u{1}")
            .replacingOccurrences(of: "2025-11-20", with: "\u{1}\u{3}\u{1}")
            .split(separator: "\u{1}", omittingEmptySubsequences: false).map { Array($0.utf8) }
        for number in 0..<Self.fillers {
            // 40 systems, each assessed on up to 150 days of 2010 to 2022.
            let (day, system) = number.quotientAndRemainder(dividingBy: 40)
            let date = Array("20\(10 + day / 12 % 15)-\(two(1 + day % 12))-\(two(1 + day / 12 % 28))".utf8)
            let systemNumber = Array("\(system)".utf8)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(4096)
            for piece in template {
                if piece == [3] {
                    bytes += date
                } else {
                    for byte in piece { if byte == 2 { bytes += systemNumber } else { bytes.append(byte) } }
                }
            }
            let name = "\(String(decoding: date, as: UTF8.self))-filler-\(system)-ics.json"
            // Plain writes: Foundation's write a temporary file and rename it, several times slower.
            let descriptor = open(sandbox.store.appending(path: name).path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            try #require(descriptor >= 0)
            #expect(bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } == bytes.count)
            close(descriptor)
        }
        return complete
    }

    @Test func theStartScreenComesFirstAndTheStoreFollows() throws {
        let sandbox = try Sandbox()
        let complete = try largeStore(sandbox)
        try startScreenFirst(sandbox, complete: complete)
        try resumedDraftFirst(sandbox)
        try startChosenAtOnce(sandbox)
        CampaignReport.record("The store read after the first frame: a store of \(Self.fillers + 2) files in tmux", cases: 3,
                              how: "tmux: the start screen shows \"Reading the store\" first, then the drafts and known systems, "
                                  + "a name typed meanwhile kept and carried forward; a resumed draft at once, its history after; "
                                  + "Tab Tab Tab Enter at the first frame waits for the offer to carry forward")
    }

    /// The start screen first, the drafts and known systems after; a name typed meanwhile is kept.
    func startScreenFirst(_ sandbox: Sandbox, complete: String) throws {
        let session = try TmuxSession(["workshop"], sandbox: sandbox)
        // The first frame: the form, and where the drafts will be, a line that the store is being read.
        let first = try session.waitFor("Reading the store for drafts to resume and known systems…")
        #expect(first.contains("▸ System"))
        #expect(!first.contains("Or resume a draft:"))
        #expect(!first.contains("Known "))
        // Typed while the store is read (or after): the name is kept either way.
        try session.type("west yorkshire ics")
        let read = try session.waitUntil("the drafts and the known systems", timeout: 120) { screen in
            screen.contains("Or resume a draft:") && screen.contains("Known ")
        }
        #expect(read.contains("2026-10-01  Humber ICS  (0 of 30 answered)"), "\(read)")
        #expect(!read.contains("Reading the store"))
        try session.waitFor("“west yorkshire ics” is the known system West Yorkshire ICS", acrossLines: true)
        // Known, Place, Date, Established, Participants, Anonymous, Framework, Start.
        try session.press("Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Enter")
        try session.waitFor("Start from it?", acrossLines: true)
        try session.type("y")
        try session.waitFor("Economy (1 of 3) · Overview")
        try session.type("q")
        #expect(try session.ending().exit == "exit=0")
        let saved = try fileObject(try todaysDraft(sandbox))
        #expect((saved["lastTime"] as? [String: Any])?["file"] as? String == URL(fileURLWithPath: complete).lastPathComponent,
                "carried forward from the store's assessment, read after the first frame")
    }

    /// A resumed draft opens at once; its history (h on the summary) shows last year's once the store is read.
    func resumedDraftFirst(_ sandbox: Sandbox) throws {
        let session = try TmuxSession(["workshop", "--resume", try todaysDraft(sandbox)], sandbox: sandbox)
        try session.waitFor("Economy (1 of 3) · Overview")
        try session.type("sh")
        try session.waitUntil("the history with last year", timeout: 120) { screen in
            screen.contains("West Yorkshire ICS: every assessment, oldest first") && screen.contains("Since 2025-11-20:")
        }
        try session.press("Escape")
        try session.type("q")
        #expect(try session.ending().exit == "exit=0")
    }

    /// Start chosen at the first frame waits for the store, which offers to carry last year forward.
    func startChosenAtOnce(_ sandbox: Sandbox) throws {
        let session = try TmuxSession(["workshop", "--system", "West Yorkshire ICS"], sandbox: sandbox)
        try session.waitFor("Reading the store for drafts to resume and known systems…")
        // Participants, Framework, Start: the same keys whether or not the store has been read.
        try session.press("Tab", "Tab", "Tab", "Enter")
        try session.waitFor("Start from it?", acrossLines: true, timeout: 120)
        try session.type("n")
        try session.waitFor("Economy (1 of 3) · Overview")
        try session.type("q")
        #expect(try session.ending().exit == "exit=0")
    }

    @Test func aStoreThatCannotBeReadEndsTheWorkshopWithItsError() throws {
        let sandbox = try Sandbox()
        _ = try sandbox.write("not a folder", to: "store")
        for arguments in [["workshop"], ["workshop", "--system", "Folder ICS"]] {
            let session = try TmuxSession(arguments, sandbox: sandbox, width: 220)
            #expect(try session.ending().exit == "exit=1")
            try session.waitFor("maturity: cannot read the store folder \(sandbox.store.path): it is a file, not a folder")
        }
        CampaignReport.record("The store read after the first frame: a store folder that cannot be read, full screen", cases: 2,
                              how: "tmux: the workshop ends, the terminal restored, exit 1 with the store's error, as before")
    }

    /// The path of today's draft of West Yorkshire ICS.
    func todaysDraft(_ sandbox: Sandbox) throws -> String {
        let today = ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate])
        return sandbox.store.appending(path: "\(today)-west-yorkshire-ics.json").path
    }
}
