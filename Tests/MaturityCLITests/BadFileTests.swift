import Foundation
import Testing
import TestSupport

/// Broken assessment and framework files given to every command that reads them: each gets a clear
/// error naming the file and the problem, exit status 1, and the file is left exactly as it was.
@Suite("Bad files at the command line")
struct BadFileTests {
    /// A saved assessment as a JSON object, to break in one place.
    func validAssessment(_ sandbox: Sandbox) throws -> (path: String, object: [String: Any]) {
        let made = try sandbox.run(["new", "--system", "Bad File ICS", "--date", "2026-01-01"])
        let path = made.stdout.trimmingCharacters(in: .newlines)
        let object = try #require(try json(String(contentsOfFile: path, encoding: .utf8)) as? [String: Any])
        return (path, object)
    }

    func jsonText(_ object: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    /// Every way an assessment file can be broken, with words its error must contain.
    func brokenAssessments(_ sandbox: Sandbox) throws -> [(name: String, bytes: Data, says: String)] {
        let (path, valid) = try validAssessment(sandbox)
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        func changed(_ edit: (inout [String: Any]) -> Void) throws -> Data {
            var object = valid
            edit(&object)
            return try jsonText(object)
        }
        var areas = try #require(valid["areas"] as? [[String: Any]])
        areas[0]["answers"] = ["no-such-criterion": "yes"]
        let unknownCriterion = areas
        let duplicated = try #require(valid["areas"] as? [[String: Any]]).prefix(1) + (valid["areas"] as? [[String: Any]] ?? [])
        return [
            ("empty", Data(), "is empty"),
            ("truncated", original.prefix(original.count / 2), "not valid JSON"),
            ("binary", Data([0x7B, 0x00, 0x01, 0xFF, 0x7D]), "binary"),
            ("nested", Data(String(repeating: "[", count: 100_000).utf8), "not valid JSON"),
            ("wrong-type", try changed { $0["date"] = 12 }, "date: expected text"),
            ("future-schema", try changed { $0["schemaVersion"] = 99 }, "newer maturity"),
            ("not-an-assessment", try changed { $0["kind"] = "shopping-list" }, "not a maturity assessment"),
            ("duplicate-area", try changed { $0["areas"] = Array(duplicated) }, "appears twice"),
            ("unknown-criterion", try changed { $0["areas"] = unknownCriterion }, "'no-such-criterion' is not in area"),
            ("unknown-framework", try changed { $0["framework"] = ["id": "no-such-framework", "title": "x", "version": "1"] },
             "not installed"),
        ]
    }

    /// Runs `arguments` on the file at `path` and checks the refusal.
    func expectRefused(_ sandbox: Sandbox, _ arguments: [String], path: String, says: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let beforeModified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        let result = try sandbox.run(arguments)
        #expect(result.status == 1, "\(arguments): status \(result.status)", sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n")
        // `frameworks validate` lists problems as FILE:LINE: MESSAGE, like a compiler; the rest say "maturity: ".
        #expect(!lines.isEmpty && lines.allSatisfy { $0.contains(URL(fileURLWithPath: path).lastPathComponent) },
                "\(arguments): every error line names the file: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(says), "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty || arguments.first == "workshop", "\(arguments): \(result.stdout)", sourceLocation: sourceLocation)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "\(arguments) changed the file", sourceLocation: sourceLocation)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == beforeModified,
                sourceLocation: sourceLocation)
    }

    @Test func brokenAssessmentsAreRefusedByEveryCommandAndLeftAlone() throws {
        let sandbox = try Sandbox()
        let cases = try brokenAssessments(sandbox)
        var runs = 0
        for (name, bytes, says) in cases {
            let url = sandbox.root.appending(path: "\(name).json")
            try bytes.write(to: url)
            for command in [["show", url.path], ["export", url.path, "--format", "html", "-o", sandbox.root.appending(path: "out.html").path],
                            ["workshop", "--plain", "--resume", url.path]] {
                try expectRefused(sandbox, command, path: url.path, says: says)
                runs += 1
            }
            #expect(!FileManager.default.fileExists(atPath: sandbox.root.appending(path: "out.html").path), "\(name): nothing exported")
        }
        // The store is listed with one line for each bad file in it, and the good one still shown.
        for (name, bytes, _) in cases { try bytes.write(to: sandbox.store.appending(path: "2026-01-02-\(name).json")) }
        let listed = try sandbox.run(["list"])
        #expect(listed.status == 0 && listed.stdout.contains("Bad File ICS"))
        #expect(listed.stderr.split(separator: "\n").count == cases.count, "\(listed.stderr)")
        CampaignReport.record("Assessment file: empty, truncated, binary, nested, wrong types, future schema, duplicate or unknown ids",
                              cases: runs, how: "show, export and workshop --resume on each: exit 1, one line naming the file, file unchanged")
    }

    @Test func brokenFrameworksAreRefusedByEveryCommandAndLeftAlone() throws {
        let sandbox = try Sandbox()
        let valid = try String(contentsOf: repositoryRoot.appending(path: "Frameworks/anchor-institution-charter.yaml"), encoding: .utf8)
        // Cut in the middle of the second area (after its id), wherever the labels before it end.
        let cut = valid.range(of: "\n  - id: anchor-procurement")?.upperBound ?? valid.endIndex
        let cases: [(String, Data, String)] = [
            ("empty", Data(), "empty"),
            ("truncated", Data(valid[..<cut].utf8), "missing"),
            ("binary", Data([0x69, 0x64, 0x3A, 0x00, 0xFF]), "binary"),
            ("nested", Data(("id: x\nareas: " + String(repeating: "[", count: 50_000)).utf8), "nested"),
            ("wrong-type", Data(valid.replacingOccurrences(of: "version: ", with: "version: [1, 2] #").utf8), "version"),
            ("duplicate-id", Data(valid.replacingOccurrences(of: "id: anchor-employment-baseline", with: "id: anchor-employment-charter").utf8),
             "anchor-employment-charter"),
        ]
        var runs = 0
        for (name, bytes, says) in cases {
            let url = sandbox.root.appending(path: "\(name).yaml")
            try bytes.write(to: url)
            for command in [["frameworks", "validate", url.path], ["new", "--system", "A", "--framework", url.path],
                            ["workshop", "--plain", "--system", "A", "--framework", url.path]] {
                try expectRefused(sandbox, command, path: url.path, says: says)
                runs += 1
            }
        }
        #expect(!FileManager.default.fileExists(atPath: sandbox.store.path), "nothing was saved")
        CampaignReport.record("Framework file: empty, truncated, binary, nested, wrong types, duplicate ids", cases: runs,
                              how: "frameworks validate, new and workshop on each: exit 1, file:line: problem, file unchanged")
    }

    @Test func hundredMegabyteFilesAreRefusedWithoutBeingRead() throws {
        let sandbox = try Sandbox()
        let assessment = sandbox.root.appending(path: "huge.json")
        let framework = sandbox.root.appending(path: "huge.yaml")
        for url in [assessment, framework] {
            FileManager.default.createFile(atPath: url.path, contents: nil)
            let handle = try FileHandle(forWritingTo: url)
            let chunk = Data(String(repeating: "{\"notes\": \"board minutes \" ", count: 40_000).utf8.prefix(1 << 20))
            for _ in 0..<100 { handle.write(chunk) }
            try handle.close()
        }
        #expect(try FileManager.default.attributesOfItem(atPath: assessment.path)[.size] as? Int == 100 << 20)
        try expectRefused(sandbox, ["show", assessment.path], path: assessment.path, says: "is 104857600 bytes; at most")
        try expectRefused(sandbox, ["workshop", "--plain", "--resume", assessment.path], path: assessment.path, says: "at most")
        try expectRefused(sandbox, ["frameworks", "validate", framework.path], path: framework.path, says: "is 104857600 bytes; at most")
        try expectRefused(sandbox, ["new", "--system", "A", "--framework", framework.path], path: framework.path, says: "at most")
        CampaignReport.record("Assessment and framework files of 100 MB", cases: 4,
                              how: "refused by size before reading: exit 1, one line, file unchanged")
    }
}
