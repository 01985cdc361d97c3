import Foundation
import MaturityFramework
@testable import MaturityModel
import Testing
import TestSupport
@testable import MaturityStore

/// The store's `frameworks/` folder (issue 16): a copy of every framework version its assessments use,
/// written once, never changed, refused when another text claims the same id and version.
@Suite("The store's framework copies")
struct StoreFrameworksTests {
    static let frameworkText = ProcurementFramework.text()

    static func framework(_ text: String = frameworkText) throws -> Framework {
        try FrameworkLoader.parse(Data(text.utf8), fileName: "procurement.yaml").get()
    }

    static func mode(_ path: String) -> mode_t {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & 0o7777 : 0
    }

    @Test func aWriteKeepsTheFrameworksExactBytesOnceWithTheStoresFileMode() throws {
        let folder = TemporaryFolder()
        let store = AssessmentStore(folder: folder.url)
        let framework = try Self.framework()
        let previous = umask(0)
        defer { umask(previous) }
        let url = try store.create(Assessment(starting: framework, system: "Test ICS", date: CalendarDate("2026-11-23")!), framework: framework)
        let copy = store.frameworks.url(id: "procurement-social-value", version: "1.0.0")
        #expect(copy.lastPathComponent == "procurement-social-value-1.0.0.yaml")
        #expect(try Data(contentsOf: copy) == Data(Self.frameworkText.utf8))
        #expect(Self.mode(copy.path) == 0o600)
        #expect(Self.mode(store.frameworks.folder.path) == 0o700)
        let written = try AssessmentStore.load(url)
        #expect(written.framework.sha256 == ContentHash.sha256(Array(Self.frameworkText.utf8)))
        // The built-in framework is copied too.
        try store.create(sampleAssessment(), framework: seedFramework)
        #expect(try Data(contentsOf: store.frameworks.url(id: seedFramework.id, version: seedFramework.version))
            == Data(try #require(seedFramework.file?.bytes)))
        // Scans pass over the folder.
        let (entries, problems) = try store.list()
        #expect(entries.count == 2 && problems.isEmpty)
    }

    @Test func anotherTextUnderTheSameVersionIsRefusedAndTheFirstCopyKept() throws {
        let folder = TemporaryFolder()
        let store = AssessmentStore(folder: folder.url)
        let first = try Self.framework()
        try store.create(Assessment(starting: first, system: "Test ICS", date: CalendarDate("2026-11-23")!), framework: first)
        let edited = try Self.framework(Self.frameworkText.replacingOccurrences(of: "Is local spend known?", with: "Is spend known?"))
        #expect(throws: StoreError.self) {
            try store.create(Assessment(starting: edited, system: "Other ICS", date: CalendarDate("2026-11-24")!), framework: edited)
        }
        do {
            try store.create(Assessment(starting: edited, system: "Other ICS", date: CalendarDate("2026-11-24")!), framework: edited)
        } catch {
            #expect(error.message.contains("raise `version`"))
        }
        #expect(try Data(contentsOf: store.frameworks.url(id: first.id, version: first.version)) == Data(Self.frameworkText.utf8))
        #expect(try store.list().entries.count == 1)
        // The same text again is fine.
        try store.create(Assessment(starting: first, system: "Other ICS", date: CalendarDate("2026-11-24")!), framework: first)
    }

    @Test func aSymbolicLinkOrFIFOPlantedAsACopyIsNeitherFollowedNorOpened() throws {
        let folder = TemporaryFolder()
        let store = AssessmentStore(folder: folder.url)
        let framework = try Self.framework()
        try FileManager.default.createDirectory(at: store.frameworks.folder, withIntermediateDirectories: true)
        let copy = store.frameworks.url(id: framework.id, version: framework.version)
        let elsewhere = folder.url.appending(path: "elsewhere.yaml")
        try Data(Self.frameworkText.utf8).write(to: elsewhere)
        try FileManager.default.createSymbolicLink(at: copy, withDestinationURL: elsewhere)
        let assessment = Assessment(starting: framework, system: "Test ICS", date: CalendarDate("2026-11-23")!)
        #expect(throws: StoreError.self) { try store.create(assessment, framework: framework) }
        if case .unusable = store.frameworks.copy(id: framework.id, version: framework.version) {} else { Issue.record("a link was used") }
        try FileManager.default.removeItem(at: copy)
        try #require(mkfifo(copy.path, 0o600) == 0)
        #expect(throws: StoreError.self) { try store.create(assessment, framework: framework) }
        if case .unusable = store.frameworks.copy(id: framework.id, version: framework.version) {} else { Issue.record("a FIFO was used") }
        #expect(try store.list().entries.isEmpty)
        CampaignReport.record("Special files planted as a store's framework copy (symbolic link, FIFO)", cases: 2,
                              how: "refused with a message, never followed or opened; nothing listed")
    }

    @Test func aFrameworksFolderThatIsALinkElsewhereIsNeitherFollowedNorWrittenThrough() throws {
        let folder = TemporaryFolder()
        let store = AssessmentStore(folder: folder.url.appending(path: "store"))
        let framework = try Self.framework()
        try FileManager.default.createDirectory(at: store.folder, withIntermediateDirectories: true)
        // Elsewhere, outside the store: a folder holding the right copy, which `frameworks` links to.
        let elsewhere = folder.url.appending(path: "elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try Data(Self.frameworkText.utf8).write(to: elsewhere.appending(path: StoreFrameworks.fileName(id: framework.id, version: framework.version)))
        try FileManager.default.createSymbolicLink(at: store.frameworks.folder, withDestinationURL: elsewhere)
        if case let .unusable(reason) = store.frameworks.copy(id: framework.id, version: framework.version) {
            #expect(reason.contains("is not a folder"), "\(reason)")
        } else {
            Issue.record("a copy was read through a link to a folder outside the store")
        }
        let listed = store.frameworks.all()
        #expect(listed.frameworks.isEmpty)
        #expect(listed.problems.count == 1 && listed.problems.first?.contains("is not a folder") == true, "\(listed.problems)")
        #expect(throws: StoreError.self) {
            try store.create(Assessment(starting: framework, system: "Test ICS", date: CalendarDate("2026-11-23")!), framework: framework)
        }
        #expect(throws: StoreError.self) { try store.create(sampleAssessment(), framework: seedFramework) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) == ["procurement-social-value-1.0.0.yaml"])
        #expect(try store.list().entries.isEmpty)
        CampaignReport.record("The store's frameworks folder replaced by a symbolic link to a folder outside it", cases: 1,
                              how: "nothing read or written through it (a copy there with the right text included); "
                                  + "saves refused in one line, listed as one problem")
    }

    @Test func aConflictCopyKeptBySyncIsReadWhenItsHashIsTheOneAsked() throws {
        let folder = TemporaryFolder()
        let store = AssessmentStore(folder: folder.url)
        let first = try Self.framework()
        try store.create(Assessment(starting: first, system: "Test ICS", date: CalendarDate("2026-11-23")!), framework: first)
        let otherText = Self.frameworkText.replacingOccurrences(of: "Is local spend known?", with: "Is spend known?")
        let other = try Self.framework(otherText)
        let keptName = StoreFrameworks.fileName(id: other.id, version: other.version) + ".conflict-host-20261124T110000.json"
        try Data(otherText.utf8).write(to: store.frameworks.folder.appending(path: keptName))
        let sha256 = try #require(other.file?.sha256)
        #expect(store.frameworks.conflictCopy(id: other.id, version: other.version, sha256: sha256)?.file?.bytes == Array(otherText.utf8))
        #expect(store.frameworks.conflictCopy(id: other.id, version: other.version, sha256: String(repeating: "0", count: 64)) == nil)
        // A link under a conflict name is not followed.
        try FileManager.default.removeItem(at: store.frameworks.folder.appending(path: keptName))
        let elsewhere = folder.url.appending(path: "elsewhere.yaml")
        try Data(otherText.utf8).write(to: elsewhere)
        try FileManager.default.createSymbolicLink(at: store.frameworks.folder.appending(path: keptName), withDestinationURL: elsewhere)
        #expect(store.frameworks.conflictCopy(id: other.id, version: other.version, sha256: sha256) == nil)
    }

    @Test func aVersionNeverLeavesTheFolder() {
        #expect(StoreFrameworks.fileName(id: "x", version: "../../etc") == "x-..%2F..%2Fetc.yaml")
        #expect(StoreFrameworks.fileName(id: "x", version: "2026.1+b") == "x-2026.1+b.yaml")
    }
}
