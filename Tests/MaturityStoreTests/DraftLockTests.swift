import Foundation
import Testing
@testable import MaturityStore

@Suite("Draft locks")
struct DraftLockTests {
    func writeLock(for draft: URL, pid: Int32, host: String = ProcessInfo.processInfo.hostName) throws {
        try Data("\(pid)\n\(host)\n2026-11-22T10:00:00Z\n".utf8).write(to: DraftLock.lockURL(for: draft))
    }

    @Test func aLiveHolderRefusesAndSaysWhoAndSinceWhen() throws {
        let folder = TemporaryFolder()
        let draft = folder.url.appending(path: "2026-11-22-x.json")
        try writeLock(for: draft, pid: 1)
        #expect {
            _ = try DraftLock.acquire(draft)
        } throws: { error in
            "\(error)" == "2026-11-22-x.json is open in another workshop (process 1 on \(ProcessInfo.processInfo.hostName), "
                + "since 2026-11-22T10:00:00Z); close that one first"
        }
    }

    @Test func aStaleLockIsTakenOverAndReleased() throws {
        let folder = TemporaryFolder()
        let draft = folder.url.appending(path: "2026-11-22-x.json")
        try writeLock(for: draft, pid: 999_999)
        let lock = try DraftLock.acquire(draft)
        #expect(DraftLock.holder(of: lock.url)?.processID == getpid())
        lock.release()
        #expect(!FileManager.default.fileExists(atPath: lock.url.path))
        #expect(folder.fileNames.isEmpty)
    }

    @Test func aLockFromAnotherHostIsRespected() throws {
        let folder = TemporaryFolder()
        let draft = folder.url.appending(path: "d.json")
        try writeLock(for: draft, pid: 999_999, host: "another-laptop")
        #expect(throws: DraftLock.Busy.self) { _ = try DraftLock.acquire(draft) }
    }

    @Test func lockFilesAreHiddenFromTheStoreListing() throws {
        let folder = TemporaryFolder()
        let store = AssessmentStore(folder: folder.url)
        let url = try store.create(sampleAssessment(), framework: seedFramework)
        let lock = try DraftLock.acquire(url)
        #expect(store.list().entries.count == 1)
        #expect(store.list().problems.isEmpty)
        lock.release()
    }
}
