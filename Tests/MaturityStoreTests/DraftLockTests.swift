import Foundation
import Testing
@testable import MaturityStore

@Suite("Draft locks")
struct DraftLockTests {
    let host = ProcessInfo.processInfo.hostName

    func writeLock(for draft: URL, pid: Int32, host: String = ProcessInfo.processInfo.hostName) throws {
        try Data("\(pid)\n\(host)\n2026-11-22T10:00:00Z\n".utf8).write(to: DraftLock.lockURL(for: draft))
    }

    /// Holds a kernel lock on the lock file through a descriptor of its own, as another workshop would.
    func holdKernelLock(on draft: URL) throws -> Int32 {
        let descriptor = open(DraftLock.lockURL(for: draft).path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        try #require(descriptor >= 0 && flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        return descriptor
    }

    @Test func aLiveHolderRefusesAndSaysWhoAndSinceWhen() throws {
        let folder = TemporaryFolder()
        let draft = folder.url.appending(path: "2026-11-22-x.json")
        let first = try DraftLock.acquire(draft, now: Date(timeIntervalSince1970: 1_795_341_600))
        #expect {
            _ = try DraftLock.acquire(draft)
        } throws: { error in
            "\(error)" == "2026-11-22-x.json is open in another workshop (process \(getpid()) on \(host), "
                + "since 2026-11-22T10:00:00Z); close that one first"
        }
        first.release()
        try DraftLock.acquire(draft).release()
        #expect(folder.fileNames.isEmpty)
    }

    /// The race of issue 10: the holder has created the lock file but not yet written who it is. The
    /// file is empty, yet it is held, never stale.
    @Test func aHolderThatHasNotWrittenItselfYetIsNeverTakenForStale() throws {
        let folder = TemporaryFolder()
        let draft = folder.url.appending(path: "2026-11-22-x.json")
        let holder = try holdKernelLock(on: draft)
        defer { close(holder) }
        #expect {
            _ = try DraftLock.acquire(draft)
        } throws: { error in
            "\(error)" == "2026-11-22-x.json is open in another workshop (starting at this moment); close that one first"
        }
        #expect(folder.fileNames == [".2026-11-22-x.json.lock"], "the held lock file is never removed")
        // Even naming a process that has ended (the holder before it, killed), a held lock is held.
        try writeLock(for: draft, pid: 999_999)
        #expect(throws: DraftLock.Busy.self) { _ = try DraftLock.acquire(draft) }
    }

    /// A lock file that nobody holds is free, whatever process it names: a process id reused by an
    /// unrelated live process (here, init), or another host's.
    @Test(arguments: [(Int32(1), "this host"), (999_999, "this host"), (999_999, "another-laptop")])
    func anUnheldLockFileIsTakenOverWhateverItNames(_ pid: Int32, _ where: String) throws {
        let folder = TemporaryFolder()
        let draft = folder.url.appending(path: "2026-11-22-x.json")
        try writeLock(for: draft, pid: pid, host: `where` == "this host" ? host : `where`)
        let lock = try DraftLock.acquire(draft)
        #expect(DraftLock.holder(of: lock.url)?.processID == getpid())
        lock.release()
        #expect(folder.fileNames.isEmpty)
    }

    /// A lock file replaced behind its holder's back (removed by hand, then taken by another workshop)
    /// is not removed when the first holder lets go.
    @Test func releasingNeverRemovesALockFileSomeoneElseHolds() throws {
        let folder = TemporaryFolder()
        let draft = folder.url.appending(path: "d.json")
        let first = try DraftLock.acquire(draft)
        unlink(first.url.path)
        let second = try DraftLock.acquire(draft)
        first.release()
        #expect(folder.fileNames == [".d.json.lock"])
        #expect(throws: DraftLock.Busy.self) { _ = try DraftLock.acquire(draft) }
        second.release()
        #expect(folder.fileNames.isEmpty)
    }

    @Test func aLockFileThatIsALinkOrNotAFileIsRefusedUnread() throws {
        let folder = TemporaryFolder()
        let target = folder.url.appending(path: "elsewhere")
        try Data("keep me".utf8).write(to: target)
        let draft = folder.url.appending(path: "d.json")
        try FileManager.default.createSymbolicLink(atPath: DraftLock.lockURL(for: draft).path, withDestinationPath: target.path)
        #expect(throws: StoreError("cannot lock d.json: .d.json.lock is a symbolic link; remove it")) {
            _ = try DraftLock.acquire(draft)
        }
        #expect(try String(contentsOf: target, encoding: .utf8) == "keep me")
        let other = folder.url.appending(path: "e.json")
        #expect(mkfifo(DraftLock.lockURL(for: other).path, 0o600) == 0)
        #expect(throws: StoreError("cannot lock e.json: .e.json.lock is not a regular file of its own; remove it")) {
            _ = try DraftLock.acquire(other)
        }
        // A second name for another file (here, an assessment): writing the holder would change that file.
        let assessment = folder.url.appending(path: "f.json")
        try Data("{\"keep\": true}".utf8).write(to: assessment)
        #expect(link(assessment.path, DraftLock.lockURL(for: folder.url.appending(path: "g.json")).path) == 0)
        #expect(throws: StoreError("cannot lock g.json: .g.json.lock is not a regular file of its own; remove it")) {
            _ = try DraftLock.acquire(folder.url.appending(path: "g.json"))
        }
        #expect(try String(contentsOf: assessment, encoding: .utf8) == "{\"keep\": true}")
    }

    @Test func lockFilesAreHiddenFromTheStoreListing() throws {
        let folder = TemporaryFolder()
        let store = AssessmentStore(folder: folder.url)
        let url = try store.create(sampleAssessment(), framework: seedFramework)
        let lock = try DraftLock.acquire(url)
        #expect(try store.list().entries.count == 1)
        #expect(try store.list().problems.isEmpty)
        lock.release()
    }

    /// Taking a draft's lock (as a resumed workshop does) removes the temporary files of killed saves:
    /// only those whose process has ended, and only this user's.
    @Test func takingTheLockRemovesOnlyAbandonedTemporaryFilesOfThisUser() throws {
        let folder = TemporaryFolder()
        let store = AssessmentStore(folder: folder.url)
        let url = try store.create(sampleAssessment(), framework: seedFramework)
        let dead = ".\(url.lastPathComponent).999999.42.tmp"
        let live = ".\(url.lastPathComponent).1.43.tmp"
        let mine = ".\(url.lastPathComponent).\(getpid()).44.tmp"
        for name in [dead, live, mine] { try Data("{".utf8).write(to: folder.url.appending(path: name)) }
        var expected = [live, mine, url.lastPathComponent]
        if geteuid() == 0 {
            // Another user's file, whose process has ended, on a shared store.
            let theirs = ".\(url.lastPathComponent).999998.45.tmp"
            try Data("{".utf8).write(to: folder.url.appending(path: theirs))
            #expect(chown(folder.url.appending(path: theirs).path, 65534, 65534) == 0)
            expected.append(theirs)
        }
        let lock = try DraftLock.acquire(url)
        #expect(folder.fileNames == ([".\(url.lastPathComponent).lock"] + expected).sorted())
        lock.release()
    }
}
