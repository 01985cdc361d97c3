import Foundation
import Testing
import TestSupport
@testable import MaturityStore

@Suite("Draft writer and rescue copies")
struct DraftWriterTests {
    @Test func aStoreThatFailsIsRescuedAndTheNextGoodSaveTakesItBack() throws {
        let folder = TemporaryFolder()
        let storeFolder = folder.url.appending(path: "store")
        let rescueFolder = folder.url.appending(path: "rescue")
        var writer = DraftWriter(store: AssessmentStore(folder: storeFolder), rescueFolders: [rescueFolder])
        var assessment = sampleAssessment()
        guard case let .created(draft) = writer.write(assessment, framework: seedFramework) else {
            Issue.record("the first write did not create the draft")
            return
        }
        // The store folder is replaced by a file while the workshop runs.
        try FileManager.default.removeItem(at: storeFolder)
        try Data("not a folder".utf8).write(to: storeFolder)
        assessment.participants.append("Kersten")
        let outcome = writer.write(assessment, framework: seedFramework)
        let copy = rescueFolder.appending(path: draft.lastPathComponent)
        #expect(outcome == .rescued(reason: "\(storeFolder.path) is a file, not a folder", copy: copy))
        #expect(try AssessmentStore.load(copy).participants.last == "Kersten")
        // A second failure replaces the same copy rather than making another.
        assessment.participants.append("Ann")
        #expect(writer.write(assessment, framework: seedFramework) == .rescued(reason: "\(storeFolder.path) is a file, not a folder", copy: copy))
        #expect(try AssessmentStore.load(copy).participants.last == "Ann")
        // The folder comes back: the draft is written whole and the copy is removed.
        try FileManager.default.removeItem(at: storeFolder)
        #expect(writer.write(assessment, framework: seedFramework) == .saved(draft))
        #expect(try AssessmentStore.load(draft).participants.suffix(2) == ["Kersten", "Ann"])
        #expect(!FileManager.default.fileExists(atPath: copy.path))
        #expect(writer.rescueCopy == nil)
    }

    @Test func unsafeRescueFoldersAreSkippedAndOldCopiesKept() throws {
        let folder = TemporaryFolder()
        let storeAsFile = folder.url.appending(path: "store")
        try Data().write(to: storeAsFile)
        let shared = folder.url.appending(path: "shared")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        let target = folder.url.appending(path: "elsewhere")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let link = folder.url.appending(path: "link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let good = folder.url.appending(path: "good")
        let assessment = sampleAssessment()
        let name = AssessmentStore.fileName(for: assessment)
        try FileManager.default.createDirectory(at: good, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try Data("an earlier rescue".utf8).write(to: good.appending(path: name))
        var writer = DraftWriter(store: AssessmentStore(folder: storeAsFile), rescueFolders: [shared, link, good])
        let outcome = writer.write(assessment, framework: seedFramework)
        let stem = String(name.dropLast(".json".count))
        #expect(outcome == .rescued(reason: "\(storeAsFile.path) is a file, not a folder",
                                    copy: good.appending(path: "\(stem)-rescue-2.json")))
        #expect(try String(contentsOf: good.appending(path: name), encoding: .utf8) == "an earlier rescue")
        #expect(try storeContents(atPath: shared.path).isEmpty)
        #expect(try storeContents(atPath: target.path).isEmpty)
    }

    @Test func withNowhereToWriteTheFailureIsReported() throws {
        let folder = TemporaryFolder()
        let storeAsFile = folder.url.appending(path: "store")
        try Data().write(to: storeAsFile)
        var writer = DraftWriter(store: AssessmentStore(folder: storeAsFile), rescueFolders: [storeAsFile.appending(path: "x")])
        #expect(writer.write(sampleAssessment(), framework: seedFramework) == .failed(reason: "\(storeAsFile.path) is a file, not a folder"))
    }

    @Test func defaultRescueFoldersAreTemporaryThenMemoryThenHome() {
        let folders = DraftWriter.defaultRescueFolders(environment: ["TMPDIR": "/var/tmp", "HOME": "/home/cathy"])
        #expect(folders.map(\.path) == ["/var/tmp/maturity-rescue-\(getuid())", "/dev/shm/maturity-rescue-\(getuid())",
                                        "/home/cathy/maturity-rescue"])
        #expect(DraftWriter.defaultRescueFolders(environment: ["TMPDIR": "relative"]).first?.path == "/tmp/maturity-rescue-\(getuid())")
    }
}
