import Foundation
import Testing
import TestSupport

/// A small tmpfs mounted over a folder: a real full disk and a real read-only file system, even for root.
struct SmallDisk {
    let folder: URL

    /// Mounting needs root (or CAP_SYS_ADMIN); the tests that need it are skipped elsewhere.
    static let isAvailable: Bool = {
        guard geteuid() == 0 else { return false }
        let probe = FileManager.default.temporaryDirectory.appending(path: "maturity-mount-probe-\(getpid())")
        try? FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: probe) }
        guard (try? command("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe.path])) == 0 else { return false }
        _ = try? command("/usr/bin/umount", [probe.path])
        return true
    }()

    init(at folder: URL, kilobytes: Int) throws {
        self.folder = folder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try #require(try Self.command("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k,mode=700", "tmpfs", folder.path]) == 0)
    }

    /// Makes the file system read-only, or writable again.
    func remount(readOnly: Bool) throws {
        try #require(try Self.command("/usr/bin/mount", ["-o", "remount,\(readOnly ? "ro" : "rw")", folder.path]) == 0)
    }

    /// Fills every free byte with a file named `filler`.
    func fill() throws {
        _ = try Self.command("/bin/dd", ["if=/dev/zero", "of=\(folder.appending(path: "filler").path)", "bs=1k"])
    }

    /// Frees the space `fill` took.
    func free() throws {
        try FileManager.default.removeItem(at: folder.appending(path: "filler"))
    }

    func unmount() {
        _ = try? Self.command("/usr/bin/umount", ["-l", folder.path])
    }

    private static func command(_ path: String, _ arguments: [String]) throws -> Int32 {
        try Spawn.run(path, arguments, environment: ["PATH": "/usr/bin:/bin"], folder: "/", output: "/dev/null", error: "/dev/null")
    }
}

@Suite("Store faults in tmux", .serialized)
struct StoreFaultTests {
    /// A workshop for Fault ICS with the first question answered `y` and saved.
    func startedWorkshop(_ sandbox: Sandbox) throws -> TmuxSession {
        let session = try TmuxSession(["workshop", "--system", "Fault ICS"], sandbox: sandbox)
        try session.openFirstQuestion()
        try session.answer("y")
        return session
    }

    /// Answers questions 2 and 3 while the store is broken, checks the rescue copy holds them, mends
    /// the store and checks the draft gets them without another key.
    func answerWhileBroken(_ session: TmuxSession, _ sandbox: Sandbox, reason: String, mend: () throws -> Void) throws {
        try session.waitFor("Question 2 of 10")
        try session.type("p")
        try session.waitFor("Not saved in the store:")
        try session.waitFor("Question 3 of 10")
        try session.type("n")
        // The answer shows at once ("recorded"); the store's refusal of its save, with the copy, follows it.
        try session.waitFor("Question 4 of 10")
        try session.waitFor("A copy is safe in", acrossLines: true)
        try session.waitFor(reason, acrossLines: true)
        // A save in progress may have its temporary file (hidden) beside the copy.
        let copies = try storeContents(atPath: sandbox.rescue.path).filter { !$0.hasPrefix(".") }
        try #require(copies.count == 1)
        let copy = sandbox.rescue.appending(path: copies[0])
        let rescued = try SavedAssessment(url: copy).answers
        #expect(holds(rescued, ["econ-emerging-plan-known": "partly", "econ-emerging-strategy-refers": "no"]), "\(rescued)")
        try mend()
        try session.waitFor("Saved in the store again.", timeout: 10)
        let saved = try SavedAssessment(path: try onlyStoreFile(sandbox)).answers
        #expect(holds(saved, ["econ-emerging-plan-reviewed": "yes", "econ-emerging-plan-known": "partly",
                              "econ-emerging-strategy-refers": "no"]), "\(saved)")
        #expect(!FileManager.default.fileExists(atPath: copy.path), "the rescue copy is removed once the store has it")
        try session.type("q")
        #expect(try session.ending().exit == "exit=0")
        CampaignReport.record("Store: replaced by a file, full disk (tmpfs), read-only (tmpfs remounted)", cases: 1,
                              how: "tmux: answers go to a rescue copy; the draft gets them within 2 s of the store mending")
    }

    @Test func aStoreFolderReplacedByAFileIsRescuedUntilItComesBack() throws {
        let sandbox = try Sandbox()
        let session = try startedWorkshop(sandbox)
        let moved = sandbox.root.appending(path: "store-moved")
        try FileManager.default.moveItem(at: sandbox.store, to: moved)
        try Data("in the way".utf8).write(to: sandbox.store)
        try answerWhileBroken(session, sandbox, reason: "is a file, not a folder") {
            try FileManager.default.removeItem(at: sandbox.store)
            try FileManager.default.moveItem(at: moved, to: sandbox.store)
        }
    }

    @Test func aStoreFolderDeletedWhileRunningIsMadeAgainWithEveryAnswer() throws {
        let sandbox = try Sandbox()
        let session = try startedWorkshop(sandbox)
        try FileManager.default.removeItem(at: sandbox.store)
        try session.waitFor("Question 2 of 10")
        try session.answer("p")
        let saved = try SavedAssessment(path: try onlyStoreFile(sandbox)).answers
        #expect(holds(saved, ["econ-emerging-plan-reviewed": "yes", "econ-emerging-plan-known": "partly"]), "\(saved)")
        #expect(try !session.screen().contains("Not saved"))
        try session.type("q")
        #expect(try session.ending().exit == "exit=0")
        CampaignReport.record("Store: folder deleted while running", cases: 1, how: "tmux: made again with the next answer, nothing lost")
    }

    @Test(.enabled(if: SmallDisk.isAvailable, "needs root to mount a tmpfs"))
    func aFullDiskIsRescuedUntilSpaceIsFreed() throws {
        let sandbox = try Sandbox()
        let disk = try SmallDisk(at: sandbox.store, kilobytes: 256)
        defer { disk.unmount() }
        let session = try startedWorkshop(sandbox)
        try disk.fill()
        try answerWhileBroken(session, sandbox, reason: "No space left on device") { try disk.free() }
    }

    @Test(.enabled(if: SmallDisk.isAvailable, "needs root to mount a tmpfs"))
    func aReadOnlyStoreIsRescuedUntilItIsWritable() throws {
        let sandbox = try Sandbox()
        let disk = try SmallDisk(at: sandbox.store, kilobytes: 256)
        defer { disk.unmount() }
        let session = try startedWorkshop(sandbox)
        try disk.remount(readOnly: true)
        try answerWhileBroken(session, sandbox, reason: "Read-only file system") { try disk.remount(readOnly: false) }
    }

    @Test func quittingWhileTheStoreIsBrokenSaysWhereTheAssessmentIs() throws {
        let sandbox = try Sandbox()
        let session = try startedWorkshop(sandbox)
        try FileManager.default.removeItem(at: sandbox.store)
        try Data().write(to: sandbox.store)
        try session.waitFor("Question 2 of 10")
        try session.type("p")
        try session.waitFor("A copy is safe in", acrossLines: true)
        try session.type("q")
        try session.waitFor("Press q again to quit.", acrossLines: true)
        try session.type("q")
        let ending = try session.ending()
        #expect(ending.exit == "exit=0")
        let screen = try session.flatText()
        #expect(screen.contains("maturity: the store could not be written"))
        #expect(screen.contains("once the store works, put it back with: cp"))
        // A save in progress may have its temporary file (hidden) beside the copy.
        let copies = try storeContents(atPath: sandbox.rescue.path).filter { !$0.hasPrefix(".") }
        try #require(copies.count == 1)
        // Put back as the message says, the assessment is whole.
        try FileManager.default.removeItem(at: sandbox.store)
        try FileManager.default.createDirectory(at: sandbox.store, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: sandbox.rescue.appending(path: copies[0]), to: sandbox.store.appending(path: copies[0]))
        let byArea = try areas(sandbox, try onlyStoreFile(sandbox))
        #expect(byArea["economic-development"]?["answered"] as? Int == 2)
        CampaignReport.record("Store: quitting while it cannot be written; plain mode", cases: 2,
                              how: "the exit message names the rescue copy; copied back as told, nothing is missing")
    }

    @Test func thePlainWorkshopRescuesToo() throws {
        let sandbox = try Sandbox()
        // A store that cannot be made: a link to nowhere (read as an empty store; a file in its place would
        // stop the workshop before it starts, as a store that cannot be read).
        try FileManager.default.createSymbolicLink(atPath: sandbox.store.path, withDestinationPath: sandbox.root.appending(path: "nowhere").path)
        let result = try sandbox.run(["workshop", "--plain", "--system", "Plain Fault ICS"], input: "\n\n1\ny\n\np\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Not saved in the store: cannot create the store folder \(sandbox.store.path): "))
        #expect(result.stdout.contains("A copy is safe in \(sandbox.rescue.path)/"))
        #expect(result.stdout.components(separatedBy: "Not saved in the store").count == 2, "said once, not after every answer")
        #expect(result.stdout.contains("outside the store, which could not be written"))
        // A save in progress may have its temporary file (hidden) beside the copy.
        let copies = try storeContents(atPath: sandbox.rescue.path).filter { !$0.hasPrefix(".") }
        try #require(copies.count == 1)
        let rescued = try SavedAssessment(url: sandbox.rescue.appending(path: copies[0])).answers
        #expect(holds(rescued, ["econ-emerging-plan-reviewed": "yes", "econ-emerging-plan-known": "partly"]), "\(rescued)")
    }
}
