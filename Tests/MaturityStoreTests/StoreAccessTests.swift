import Foundation
import Testing
import TestSupport
@testable import MaturityStore

/// The mode decisions of a store shared with a Unix group (issue 15), and the files the store writes
/// under each: a shared folder (set-group-id, group rwx) gives 0660 files with its group; anything else
/// stays 0600 exactly as before. (Two real users are in the end-to-end GroupShareEndToEndTests.)
@Suite("Store access: private or shared with a group")
struct StoreAccessTests {
    @Test func onlyASetGroupIDFolderWithGroupReadWriteAndSearchIsShared() {
        let gid: gid_t = 1234
        let cases: [(mode: mode_t, expected: StoreAccess)] = [
            (0o2770, .group(gid)), (0o2775, .group(gid)), (0o2777, .group(gid)), (0o3770, .group(gid)),
            (0o700, .owner), (0o770, .owner), (0o2750, .owner), (0o2730, .owner), (0o2700, .owner), (0o1770, .owner),
            (0o2760, .owner), (0o755, .owner), (0o777, .owner),
        ]
        for (mode, expected) in cases {
            #expect(StoreAccess.of(folderMode: S_IFDIR | mode, group: gid) == expected, "mode \(String(mode, radix: 8))")
        }
        #expect(StoreAccess.owner.fileMode == 0o600 && StoreAccess.owner.folderMode == 0o700)
        #expect(StoreAccess.group(gid).fileMode == 0o660 && StoreAccess.group(gid).folderMode == 0o2770)
        #expect(StoreAccess.of(folder: "/nonexistent-\(UUID().uuidString)") == .owner, "a missing folder is private")
        CampaignReport.record("Store access decided from the folder's mode", cases: cases.count + 1,
                              how: "setgid with group rwx is shared (files 0660), anything else private (0600); a missing folder private")
    }

    @Test func theStoresOwnFileNamesAreAssessmentsLocksAndTemporaryFiles() {
        for name in ["2026-11-22-x.json", ".2026-11-22-x.json.lock", ".2026-11-22-x.json.12.34.tmp"] {
            #expect(SharedStore.isStoreFileName(name), "\(name)")
        }
        for name in ["notes.txt", ".bashrc", ".", "..", "x.json~", ".lock", ".x.tmp", ".json.lock"] {
            #expect(!SharedStore.isStoreFileName(name), "\(name)")
        }
    }

    /// Files the store writes in a shared folder are 0660 with its group even when the umask (022 for
    /// the tests) would take the group's write away; in a private folder they stay 0600.
    @Test func everyFileWrittenInASharedFolderIs0660WithItsGroupAndAPrivateOnesStay0600() throws {
        let shared = TemporaryFolder()
        let group = getegid()
        try #require(chmod(shared.url.path, 0o2770) == 0)
        let store = AssessmentStore(folder: shared.url)
        let created = try store.create(sampleAssessment(), framework: seedFramework)
        #expect(try mode(of: created) == 0o660 && gid(of: created) == group)
        try store.save(sampleAssessment(), framework: seedFramework, to: created)
        #expect(try mode(of: created) == 0o660 && gid(of: created) == group, "an atomic replace keeps the mode and group")
        let lock = try DraftLock.acquire(created)
        #expect(try mode(of: lock.url) == 0o660, "another member's workshop must be able to open the lock")
        lock.release()

        let privateFolder = TemporaryFolder()
        try #require(chmod(privateFolder.url.path, 0o700) == 0)
        let privateStore = AssessmentStore(folder: privateFolder.url)
        let own = try privateStore.create(sampleAssessment(), framework: seedFramework)
        #expect(try mode(of: own) == 0o600)
        try privateStore.save(sampleAssessment(), framework: seedFramework, to: own)
        #expect(try mode(of: own) == 0o600)
        let privateLock = try DraftLock.acquire(own)
        #expect(try mode(of: privateLock.url) == 0o600)
        privateLock.release()
        CampaignReport.record("Files the store writes, shared and private folders", cases: 6,
                              how: "create, atomic replace and lock file: 0660 with the folder's group when shared, 0600 when private")
    }

    /// A member may plant a link to a file only you can read, named like a draft; saving over it would
    /// copy that file's content into the shared store. A link another user made is never replaced there.
    @Test func aLinkAnotherMemberMadeInASharedStoreIsNeverSavedOver() throws {
        let shared = TemporaryFolder()
        try #require(chmod(shared.url.path, 0o2770) == 0)
        let secret = TemporaryFolder()
        let target = try AssessmentStore(folder: secret.url).create(sampleAssessment(), framework: seedFramework)
        let link = shared.url.appending(path: target.lastPathComponent)
        try #require(symlink(target.path, link.path) == 0 && lchown(link.path, 65534, gid_t.max) == 0)
        #expect {
            try AssessmentStore(folder: shared.url).save(sampleAssessment(), framework: seedFramework, to: link)
        } throws: { error in
            "\(error)".contains("is a symbolic link made by") && "\(error)".contains("remove the link")
        }
        var status = stat()
        #expect(lstat(link.path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK, "the link is left")
        #expect(shared.fileNames == [link.lastPathComponent], "no temporary file is left")
        // A link of the user's own is replaced by the file, as in a private store.
        try #require(lchown(link.path, geteuid(), gid_t.max) == 0)
        try AssessmentStore(folder: shared.url).save(sampleAssessment(), framework: seedFramework, to: link)
        #expect(lstat(link.path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG && status.st_mode & 0o777 == 0o660)
        CampaignReport.record("A link planted by another member in place of a draft of a shared store", cases: 2,
                              how: "saving over it refused in one line (its target never copied into the store); a link of your own replaced as before")
    }

    @Test func sharingSetsTheFolderAndTheUsersFilesAndOffUndoesIt() throws {
        let folder = TemporaryFolder()
        let storeFolder = folder.url.appending(path: "store")
        let groupName = try #require(nameOfGroup(getegid()))
        let report = try SharedStore.share(storeFolder, group: groupName)
        #expect(report.folderChanged && report.access == .group(getegid()))
        #expect(try mode(of: storeFolder) == 0o2770)
        // A file written before sharing, a link and a FIFO planted by someone, a stray file.
        try #require(chmod(storeFolder.path, 0o700) == 0)
        let file = try AssessmentStore(folder: storeFolder).create(sampleAssessment(), framework: seedFramework)
        #expect(try mode(of: file) == 0o600)
        try #require(symlink("/etc/passwd", storeFolder.appending(path: "link.json").path) == 0)
        try #require(mkfifo(storeFolder.appending(path: "fifo.json").path, 0o600) == 0)
        try Data("x".utf8).write(to: storeFolder.appending(path: "notes.txt"))
        let again = try SharedStore.share(storeFolder, group: groupName)
        // The store's copy of the framework (issue 16) is shared with it, and its folder.
        let copy = "frameworks/" + StoreFrameworks.fileName(id: seedFramework.id, version: seedFramework.version)
        #expect(again.folderChanged && again.changed == [file.lastPathComponent, copy])
        #expect(try mode(of: storeFolder.appending(path: copy)) == 0o660 && mode(of: storeFolder.appending(path: "frameworks")) == 0o2770)
        #expect(again.leftAlone == ["fifo.json", "link.json", "notes.txt"])
        #expect(try mode(of: file) == 0o660 && mode(of: storeFolder) == 0o2770)
        #expect(try mode(of: URL(fileURLWithPath: "/etc/passwd")) == 0o644, "a link is never followed")
        let off = try SharedStore.makePrivate(storeFolder)
        #expect(off.folderChanged && off.changed == [file.lastPathComponent, copy] && off.access == .owner)
        #expect(try mode(of: storeFolder.appending(path: copy)) == 0o600 && mode(of: storeFolder.appending(path: "frameworks")) == 0o700)
        #expect(try mode(of: file) == 0o600 && mode(of: storeFolder) == 0o700)
        #expect(StoreAccess.of(folder: storeFolder.path) == .owner)
        CampaignReport.record("maturity store share on a folder with planted files", cases: 3,
                              how: "the user's file 0660 then 0600 with --off; a link, a FIFO and a stray file left alone, the link's target unchanged")
    }

    @Test func aFolderAboveTheStoreThatTheGroupCannotPassThroughIsNamed() throws {
        let folder = TemporaryFolder()
        let closed = folder.url.appending(path: "home")
        try FileManager.default.createDirectory(at: closed.appending(path: "store"), withIntermediateDirectories: true)
        try #require(chmod(closed.path, 0o700) == 0)
        let store = closed.appending(path: "store")
        #expect(SharedStore.closedFolders(above: store, for: gid_t.max - 1) == [closed.path])
        try #require(chmod(closed.path, 0o711) == 0)
        #expect(SharedStore.closedFolders(above: store, for: gid_t.max - 1).isEmpty)
    }

    @Test func anUnknownGroupAndOneTheUserIsNotInAreRefusedAndNothingChanges() throws {
        let folder = TemporaryFolder()
        let storeFolder = folder.url.appending(path: "store")
        #expect {
            _ = try SharedStore.share(storeFolder, group: "no-such-group-\(UInt32.random(in: 0...UInt32.max))")
        } throws: { error in
            "\(error)".hasPrefix("there is no group named 'no-such-group-")
        }
        // A group this process is not in: the first in the group database that it does not belong to.
        if let other = groupOutsideThisProcess() {
            #expect {
                _ = try SharedStore.share(storeFolder, group: other)
            } throws: { error in
                "\(error)".contains("are not a member of the group '\(other)'")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: storeFolder.path), "nothing is created when refused")
    }

    private func mode(of url: URL) throws -> mode_t {
        var status = stat()
        try #require(stat(url.path, &status) == 0)
        return status.st_mode & 0o7777
    }

    private func gid(of url: URL) throws -> gid_t {
        var status = stat()
        try #require(stat(url.path, &status) == 0)
        return status.st_gid
    }

    private func nameOfGroup(_ gid: gid_t) -> String? {
        guard let entry = getgrgid(gid), let name = entry.pointee.gr_name else { return nil }
        return String(cString: name)
    }

    private func groupOutsideThisProcess() -> String? {
        guard let text = try? String(contentsOfFile: "/etc/group", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            guard fields.count >= 3, let gid = gid_t(fields[2]) else { continue }
            if !UnixAccounts.isMember(of: gid) { return String(fields[0]) }
        }
        return nil
    }
}
