import Foundation
import MaturityFramework
@testable import MaturityModel
import Testing
import TestSupport
@testable import MaturityStore

@Suite("Assessment store")
struct AssessmentStoreTests {
    @Test func createNamesFilesByDateAndSystemAndNeverOverwrites() throws {
        let folder = TemporaryFolder()
        let store = AssessmentStore(folder: folder.url.appending(path: "nested/store"))
        let first = try store.create(sampleAssessment(), framework: seedFramework)
        let second = try store.create(sampleAssessment(), framework: seedFramework)
        let third = try store.create(sampleAssessment(system: "west yorkshire, ICS!"), framework: seedFramework)
        #expect([first, second, third].map(\.lastPathComponent) == [
            "2026-11-22-west-yorkshire-ics.json", "2026-11-22-west-yorkshire-ics-2.json", "2026-11-22-west-yorkshire-ics-3.json",
        ])
        #expect(try AssessmentStore.load(first) == sampleAssessment())
    }

    @Test func filesAndFolderAreReadableByTheOwnerOnly() throws {
        let folder = TemporaryFolder()
        let store = AssessmentStore(folder: folder.url.appending(path: "private"))
        let url = try store.create(sampleAssessment(), framework: seedFramework)
        let fileMode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        let folderMode = try FileManager.default.attributesOfItem(atPath: store.folder.path)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(folderMode == 0o700)
    }

    @Test func saveReplacesTheFileAndLeavesNoTemporaryFiles() throws {
        let folder = TemporaryFolder()
        let store = AssessmentStore(folder: folder.url)
        let url = try store.create(sampleAssessment(), framework: seedFramework)
        var changed = sampleAssessment()
        changed.status = .complete
        changed[area: "climate-change"].answers["climate-emerging-green-plan"] = .yes
        try store.save(changed, framework: seedFramework, to: url)
        #expect(try AssessmentStore.load(url) == changed)
        #expect(folder.fileNames == ["2026-11-22-west-yorkshire-ics.json"])
    }

    @Test func loadingNeverModifiesTheFile() throws {
        let folder = TemporaryFolder()
        let url = folder.url.appending(path: "2026-01-01-x.json")
        // An older placement and a key order of its own: loading must leave both as they are.
        var text = String(decoding: try AssessmentFile.encode(sampleAssessment(), framework: seedFramework), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"stage\" : \"emerging\"", with: "\"stage\" : \"expanding\"")
        try Data(text.utf8).write(to: url)
        let before = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
        _ = try AssessmentStore.load(url)
        _ = try AssessmentStore(folder: folder.url).list()
        #expect(try String(contentsOf: url, encoding: .utf8) == text)
        #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date == before)
    }

    @Test func listReportsBadFilesByNameAndStillListsTheRest() throws {
        let folder = TemporaryFolder()
        let store = AssessmentStore(folder: folder.url)
        try store.create(sampleAssessment(date: "2025-11-20"), framework: seedFramework)
        try store.create(sampleAssessment(date: "2026-11-22"), framework: seedFramework)
        try store.create(sampleAssessment(system: "Humber and North Yorkshire", date: "2026-10-01"), framework: seedFramework)
        let valid = try AssessmentFile.encode(sampleAssessment(), framework: seedFramework)
        try valid.prefix(valid.count / 2).write(to: folder.url.appending(path: "truncated.json"))
        try Data("{\"name\": \"x\"}".utf8).write(to: folder.url.appending(path: "foreign.json"))
        try Data([0, 1, 2]).write(to: folder.url.appending(path: "binary.json"))
        try Data().write(to: folder.url.appending(path: "empty.json"))
        let future = String(decoding: valid, as: UTF8.self).replacingOccurrences(of: "\"schemaVersion\" : 2", with: "\"schemaVersion\" : 3")
        try Data(future.utf8).write(to: folder.url.appending(path: "future.json"))
        try Data("ignored".utf8).write(to: folder.url.appending(path: "notes.txt"))
        try Data(valid).write(to: folder.url.appending(path: ".hidden.json"))

        let (entries, problems) = try store.list()
        #expect(entries.map { "\($0.assessment.date) \($0.assessment.system)" } == [
            "2026-11-22 West Yorkshire ICS", "2026-10-01 Humber and North Yorkshire", "2025-11-20 West Yorkshire ICS",
        ])
        let base = store.folder.path
        #expect(problems == [
            "\(base)/binary.json: is binary, not JSON text",
            "\(base)/empty.json: is empty",
            "\(base)/foreign.json: is not a maturity assessment (no \"kind\": \"maturity-assessment\")",
            "\(base)/future.json: was written by a newer maturity (schema version 3; this one reads up to 2)",
        ] + problems.filter { $0.hasPrefix("\(base)/truncated.json: is not valid JSON") })
        #expect(problems.count == 5)
    }

    @Test func temporaryFilesOfKilledProcessesAreRemoved() throws {
        let folder = TemporaryFolder()
        let store = AssessmentStore(folder: folder.url)
        try Data("{".utf8).write(to: folder.url.appending(path: ".2026-01-01-x.json.999999.42.tmp"))
        try Data("{".utf8).write(to: folder.url.appending(path: ".2026-01-01-x.json.\(getpid()).42.tmp"))
        try store.create(sampleAssessment(), framework: seedFramework)
        #expect(folder.fileNames == [".2026-01-01-x.json.\(getpid()).42.tmp", "2026-11-22-west-yorkshire-ics.json"])
    }

    @Test func aMissingFolderIsAnEmptyStore() throws {
        let store = AssessmentStore(folder: URL(fileURLWithPath: "/no/such/folder"))
        let (entries, problems) = try store.list()
        #expect(entries.isEmpty && problems.isEmpty)
    }

    /// A store folder that exists but cannot be read is an error naming it, never an empty store.
    @Test func anUnreadableFolderIsAnErrorNamingIt() throws {
        let folder = TemporaryFolder()
        let file = folder.url.appending(path: "plain-file")
        try Data("x".utf8).write(to: file)
        #expect(throws: StoreError("cannot read the store folder \(file.path): it is a file, not a folder")) {
            _ = try AssessmentStore(folder: file).list()
        }
        #expect(throws: StoreError("cannot read the store folder \(file.path)/below: Not a directory")) {
            _ = try AssessmentStore(folder: file.appending(path: "below")).list()
        }
        guard geteuid() != 0 else { return } // root reads any folder; the CLI tests drop privileges for this case
        let locked = folder.url.appending(path: "locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try AssessmentStore(folder: locked).create(sampleAssessment(), framework: seedFramework)
        chmod(locked.path, 0)
        defer { chmod(locked.path, 0o700) }
        #expect(throws: StoreError("cannot read the store folder \(locked.path): Permission denied")) {
            _ = try AssessmentStore(folder: locked).list()
        }
    }

    @Test func writingIntoAFileOrAnUnwritableFolderFailsClearly() throws {
        let folder = TemporaryFolder()
        let file = folder.url.appending(path: "plain-file")
        try Data("x".utf8).write(to: file)
        #expect(throws: StoreError("\(file.path) is a file, not a folder")) {
            try AssessmentStore(folder: file).create(sampleAssessment(), framework: seedFramework)
        }
        guard getuid() != 0 else { return } // root writes anywhere; the check below needs an ordinary user
        let readOnly = folder.url.appending(path: "read-only")
        try FileManager.default.createDirectory(at: readOnly, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o500])
        #expect(throws: StoreError.self) { try AssessmentStore(folder: readOnly).create(sampleAssessment(), framework: seedFramework) }
    }

    @Test func locateTakesAPathOrANameInTheStore() throws {
        let folder = TemporaryFolder()
        let store = AssessmentStore(folder: folder.url)
        let url = try store.create(sampleAssessment(), framework: seedFramework)
        #expect(try store.locate("2026-11-22-west-yorkshire-ics.json") == url)
        #expect(try store.locate("2026-11-22-west-yorkshire-ics") == url)
        #expect(try store.locate(url.path).path == url.path)
        #expect(throws: StoreError.self) { try store.locate("2020-01-01-nowhere") }
        #expect(throws: StoreError.self) { try store.locate("") }
    }

    @Test func defaultFolderFollowsXDG() {
        #expect(AssessmentStore.defaultFolder(environment: ["MATURITY_STORE": "/s", "XDG_DATA_HOME": "/d"]).path == "/s")
        #expect(AssessmentStore.defaultFolder(environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]).path == "/d/maturity/assessments")
        #expect(AssessmentStore.defaultFolder(environment: ["XDG_DATA_HOME": "", "HOME": "/h"]).path
            == "/h/.local/share/maturity/assessments")
        #expect(AssessmentStore.defaultFolder(environment: ["HOME": "/h"]).path == "/h/.local/share/maturity/assessments")
    }

    @Test func hostileSystemNamesStayInsideTheStore() throws {
        let folder = TemporaryFolder()
        let store = AssessmentStore(folder: folder.url)
        let names = ["../../escape", "/etc/passwd", "a/../../b", "..", ".", "-rf", "$(rm -rf ~)", "`reboot`; echo > /tmp/x | cat &",
                     "nul\u{0}byte", "bell\u{7}escape\u{1B}[2J", "line\nbreak", "\u{202E}right-to-left", "日本 ✓ Ynys Môn",
                     String(repeating: "long ", count: 2000)]
        for name in names {
            var assessment = sampleAssessment(system: name)
            assessment.participants = [name]
            assessment[area: "economic-development"].notes["econ-emerging-plan-reviewed"] = name
            let url = try store.create(assessment, framework: seedFramework)
            #expect(url.deletingLastPathComponent().path == store.folder.path)
            #expect(url.lastPathComponent.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") })
            #expect(url.lastPathComponent.count <= 120 && !url.lastPathComponent.hasPrefix("-") && !url.lastPathComponent.hasPrefix("."))
            let loaded = try AssessmentStore.load(url)
            #expect(loaded.system == name && loaded.participants == [name])
            #expect(loaded[area: "economic-development"].notes["econ-emerging-plan-reviewed"] == name)
        }
        CampaignReport.record("Names and notes with ../, /, NUL, control and shell characters, 10,000 characters", cases: names.count,
                              how: "saved and read back: file names inside the store, [a-z0-9-.] only; text kept as given")
    }
}
