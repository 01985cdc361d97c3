import Foundation
import Testing
import TestSupport

/// The JSON object of the file at `path`.
func fileObject(_ path: String) throws -> [String: Any] {
    try #require(try json(try String(contentsOfFile: path, encoding: .utf8)) as? [String: Any])
}

/// Creates an assessment with `new` and returns its path.
func made(_ sandbox: Sandbox, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let result = try sandbox.run(["new"] + arguments)
    #expect(result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
    return result.stdout.trimmingCharacters(in: .newlines)
}

/// Rewrites the file at `path` as a version of maturity without identities would have written it: no
/// `systemID`, and the system named `name`.
func makeOlder(_ path: String, name: String) throws {
    var object = try fileObject(path)
    object.removeValue(forKey: "systemID")
    object["system"] = name
    try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: path))
}

@Suite("System identity from the command line")
struct SystemIdentityCommandTests {
    @Test func newAttachesASpellingOfAKnownSystemAndKeepsItsName() throws {
        let sandbox = try Sandbox()
        let first = try made(sandbox, ["--system", "Ynys Môn & Gwynedd ICS", "--date", "2025-11-20", "--complete"])
        let second = try sandbox.run(["new", "--system", "ynys mon & gwynedd ics", "--date", "2026-11-20", "--complete"])
        #expect(second.stderr == "note: 'ynys mon & gwynedd ics' is the known system 'Ynys Môn & Gwynedd ICS' "
            + "(ynys-mon-and-gwynedd-ics); the assessment keeps that name (to rename the system, add --rename-system NEW-NAME)\n")
        let third = try made(sandbox, ["--system", "Ynys Mon and Gwynedd ICS", "--date", "2027-11-20"])
        for path in [first, second.stdout.trimmingCharacters(in: .newlines), third] {
            let object = try fileObject(path)
            #expect(object["system"] as? String == "Ynys Môn & Gwynedd ICS", "\(path)")
            #expect(object["systemID"] as? String == "ynys-mon-and-gwynedd-ics", "\(path)")
        }
        let progress = try sandbox.run(["progress", "--system", "YNYS MÔN AND GWYNEDD, ICS"])
        #expect(progress.status == 0, "\(progress.stderr)")
        #expect(progress.stdout.hasPrefix("Progression of Ynys Môn & Gwynedd ICS: "))
        #expect(progress.stdout.contains("2025-11-20") && progress.stdout.contains("2026-11-20") && progress.stdout.contains("2027-11-20"))
        // "Highl" is not "Highland": "and" counts only as a word.
        _ = try made(sandbox, ["--system", "Highland", "--date", "2026-01-01"])
        let highl = try sandbox.run(["new", "--system", "Highl", "--date", "2026-01-01"])
        #expect(highl.stderr.isEmpty)
        #expect(try fileObject(highl.stdout.trimmingCharacters(in: .newlines))["systemID"] as? String == "highl")
        CampaignReport.record("A known system typed in another spelling (case, accents, &/and): maturity new", cases: 2,
                              how: "the assessment joins the system and keeps its established name; a note on stderr says so")
    }

    @Test func aRenameIsDeliberateRecordedInTheFileAndShownByProgressAndList() throws {
        let sandbox = try Sandbox()
        _ = try made(sandbox, ["--system", "Ynys Môn & Gwynedd ICS", "--date", "2025-11-20", "--complete"])
        _ = try made(sandbox, ["--system", "West Yorkshire ICS", "--date", "2025-11-20"])
        let renamed = try sandbox.run(["new", "--system", "ynys mon and gwynedd ics", "--rename-system", "North Wales ICS",
                                       "--date", "2026-11-20"])
        #expect(renamed.status == 0, "\(renamed.stderr)")
        #expect(renamed.stderr == "note: Ynys Môn & Gwynedd ICS is renamed North Wales ICS from this assessment on; "
            + "the rename is recorded in it\n")
        let object = try fileObject(renamed.stdout.trimmingCharacters(in: .newlines))
        #expect(object["system"] as? String == "North Wales ICS")
        #expect(object["systemID"] as? String == "ynys-mon-and-gwynedd-ics")
        let rename = try #require(object["systemRename"] as? [String: String])
        #expect(rename == ["from": "Ynys Môn & Gwynedd ICS", "to": "North Wales ICS", "date": "2026-11-20"])
        for name in ["north wales ics", "Ynys Môn & Gwynedd ICS"] {
            let progress = try sandbox.run(["progress", "--system", name])
            #expect(progress.status == 0, "\(progress.stderr)")
            #expect(progress.stdout.hasPrefix("Progression of North Wales ICS: "), "\(name)")
            #expect(progress.stdout.contains("Renamed from Ynys Môn & Gwynedd ICS to North Wales ICS on 2026-11-20."))
            #expect(progress.stdout.contains("Area        2025-11-20"))
        }
        let listed = try sandbox.run(["list", "--system", "Ynys Mon & Gwynedd ICS"])
        let lines = listed.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "North Wales ICS (ynys-mon-and-gwynedd-ics): 2 assessments")
        #expect(lines.dropFirst().first == "  renamed from Ynys Môn & Gwynedd ICS to North Wales ICS on 2026-11-20")
        #expect(lines.count == 4)
        #expect(try sandbox.run(["show", "2026-11-20-north-wales-ics"]).stdout
            .contains("Renamed from Ynys Môn & Gwynedd ICS to North Wales ICS on 2026-11-20."))
        let html = try sandbox.run(["export", "2026-11-20-north-wales-ics", "--format", "html"])
        #expect(html.stdout.contains("<dt>Renamed</dt><dd>from Ynys Môn &amp; Gwynedd ICS to North Wales ICS on 2026-11-20</dd>"))
        #expect(html.stdout.contains("<h2>Stage by year</h2>"), "the history under the old name is found")
        CampaignReport.record("System renames: new --rename-system, then progress, list, show and export by the old and new names",
                              cases: 2, how: "one identity, the rename recorded (from, to, date) and shown; the history kept whole")
    }

    @Test(arguments: [
        (["--system", "Nowhere ICS", "--rename-system", "Somewhere ICS"],
         "maturity: --rename-system: no known system is called 'Nowhere ICS', so there is nothing to rename"),
        (["--system", "Ynys Môn & Gwynedd ICS", "--rename-system", "west yorkshire ics"],
         "maturity: --rename-system: 'west yorkshire ics' is the name of another known system, West Yorkshire ICS (west-yorkshire-ics)"),
        (["--system", "X", "--system-id", "Not An Id"],
         "maturity: --system-id 'Not An Id' is not an identity (lowercase letters and digits in words joined by single hyphens, "
            + "e.g. ynys-mon-and-gwynedd-ics)"),
        (["--system", "Ynys Môn & Gwynedd ICS", "--rename-system", " "], "maturity: --rename-system must not be empty"),
    ])
    func aRenameThatCannotBeIsOneClearLineAndWritesNothing(_ arguments: [String], _ message: String) throws {
        let sandbox = try Sandbox()
        _ = try made(sandbox, ["--system", "Ynys Môn & Gwynedd ICS", "--date", "2025-11-20"])
        _ = try made(sandbox, ["--system", "West Yorkshire ICS", "--date", "2025-11-20"])
        let result = try sandbox.run(["new", "--date", "2026-01-01"] + arguments)
        #expect(result.status == 1)
        #expect(result.stderr == message + "\n")
        #expect(try storeContents(atPath: sandbox.store.path).count == 2)
    }

    @Test func systemIDAttachesToAKnownSystemOrStartsADistinctOne() throws {
        let sandbox = try Sandbox()
        _ = try made(sandbox, ["--system", "North ICS", "--date", "2025-01-01"])
        let known = try fileObject(try made(sandbox, ["--system", "Anything", "--system-id", "north-ics", "--date", "2026-01-01"]))
        #expect(known["system"] as? String == "North ICS")
        let distinct = try fileObject(try made(sandbox, ["--system", "North ICS", "--system-id", "north-ics-2", "--date", "2026-01-02"]))
        #expect(distinct["systemID"] as? String == "north-ics-2")
        #expect(try sandbox.run(["list", "--system", "north ics"]).stdout.hasPrefix("North ICS (north-ics-2): 1 assessment\n"),
                "the most recently assessed of two systems of one name")
    }

    /// Files written before identities: names that differ in case, punctuation and "&"/"and" group as one
    /// system, headed by the name first used; reading them changes nothing.
    @Test func olderFilesWithoutAnIdentityReadAndGroupCorrectly() throws {
        let sandbox = try Sandbox()
        var files: [String: Data] = [:]
        for (date, name) in [("2024-11-20", "Mid and South Essex"), ("2025-11-20", "mid & south essex"), ("2026-11-20", "MID & SOUTH-ESSEX"),
                             ("2026-06-01", "West Yorkshire ICS")] {
            let path = try made(sandbox, ["--system", "System \(date)", "--date", date, "--complete"])
            try makeOlder(path, name: name)
            files[path] = try Data(contentsOf: URL(fileURLWithPath: path))
        }
        let progress = try sandbox.run(["progress", "--system", "Mid and South Essex"])
        #expect(progress.status == 0, "\(progress.stderr)")
        #expect(progress.stdout.hasPrefix("Progression of Mid and South Essex: "))
        #expect(progress.stdout.contains("Area        2024-11-20") && progress.stdout.contains("2025-11-20")
                && progress.stdout.contains("2026-11-20"))
        let listed = try sandbox.run(["list", "--system", "mid & south essex"])
        #expect(listed.stdout.hasPrefix("Mid and South Essex (mid-and-south-essex): 3 assessments\n"))
        let shown = try #require(try json(try sandbox.run(["show", "2026-11-20-system-2026-11-20", "--format", "json"]).stdout) as? [String: Any])
        #expect(shown["systemID"] as? String == "mid-and-south-essex")
        // The next assessment joins the older files' system under its established name.
        let next = try fileObject(try made(sandbox, ["--system", "Mid & South Essex", "--date", "2027-11-20"]))
        #expect(next["system"] as? String == "Mid and South Essex")
        #expect(next["systemID"] as? String == "mid-and-south-essex")
        for (path, data) in files { #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == data, "reading never changes a file") }
        CampaignReport.record("Assessment files older than system identities (no systemID, names in several spellings)",
                              cases: 4, how: "read unchanged; progress, list and new group them as one system under its first name")
    }
}

@Suite("A file's own folder is its store")
struct FileFolderStoreTests {
    @Test func exportOfAFileInAnotherFolderComparesWithItsSiblings() throws {
        let sandbox = try Sandbox()
        let folder = sandbox.root.appending(path: "board papers/archive").path
        _ = try made(sandbox, ["--system", "West Yorkshire ICS", "--date", "2025-11-20", "--complete", "--store", folder])
        let latest = try made(sandbox, ["--system", "West Yorkshire ICS", "--date", "2026-11-20", "--store", folder])
        let markdown = try sandbox.run(["export", latest, "--format", "md"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.contains("### Since 2025-11-20"))
        let data = try #require(try json(try sandbox.run(["export", latest, "--format", "json"]).stdout) as? [String: Any])
        #expect((data["comparison"] as? [String: Any])?["file"] as? String == "2025-11-20-west-yorkshire-ics.json")
        // Relative to the working folder, too.
        let relative = try sandbox.run(["export", "archive/2026-11-20-west-yorkshire-ics.json", "--format", "md"],
                                       in: sandbox.root.appending(path: "board papers"))
        #expect(relative.stdout.contains("### Since 2025-11-20"))
        // An explicit --store wins over the file's folder.
        let empty = sandbox.root.appending(path: "empty").path
        let elsewhere = try sandbox.run(["export", latest, "--format", "md", "--store", empty])
        #expect(elsewhere.status == 0)
        #expect(!elsewhere.stdout.contains("### Since"))
        #expect(try sandbox.run(["show", latest]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: sandbox.store.path), "the default store is neither read nor created")
        CampaignReport.record("A file named by its path outside the default store: export (absolute, relative, --store) and show",
                              cases: 4, how: "the comparison comes from the file's own folder, an explicit --store wins; "
                                  + "the default store is neither read nor created")
    }
}

@Suite("Plain workshop and known systems")
struct PlainIdentityTests {
    @Test func plainModeOffersTheKnownSystemsAndKeepsTheDisplayNameWhenCarryingForward() throws {
        let sandbox = try Sandbox()
        _ = try made(sandbox, ["--system", "Ynys Môn & Gwynedd ICS", "--date", "2025-11-20", "--complete"])
        let result = try sandbox.run(["workshop", "--plain"], input: ["ynys mon and gwynedd ics", "2026-11-20", "Chair", "", "y"]
            .joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Known systems (type a number to pick one, or a name):\n"
            + "  1. Ynys Môn & Gwynedd ICS, last assessed 2025-11-20\nSystem name or number: "))
        #expect(result.stdout.contains("“ynys mon and gwynedd ics” is the known system Ynys Môn & Gwynedd ICS; the assessment keeps that name."))
        #expect(result.stdout.contains("Ynys Môn & Gwynedd ICS has a complete assessment of 2025-11-20. Start from its answers"))
        #expect(result.stdout.contains("Emerging (typical for a system under two years old): "))
        #expect(result.stdout.contains("Source: NHS Confederation, December 2022. The stage descriptors come from the source"))
        let object = try fileObject(sandbox.store.appending(path: "2026-11-20-ynys-mon-gwynedd-ics.json").path)
        #expect(object["system"] as? String == "Ynys Môn & Gwynedd ICS")
        #expect(object["systemID"] as? String == "ynys-mon-and-gwynedd-ics")
        #expect((object["lastTime"] as? [String: Any])?["file"] as? String == "2025-11-20-ynys-mon-gwynedd-ics.json")
        CampaignReport.record("A known system typed in another spelling: plain workshop, carried forward", cases: 1,
                              how: "the known systems are listed; the new file keeps the established name and identity")
        // A number picks a known system.
        let picked = try sandbox.run(["workshop", "--plain"], input: "1\n2027-11-20\n\n\nn\n")
        #expect(picked.status == 0, "\(picked.stderr)")
        #expect(try fileObject(sandbox.store.appending(path: "2027-11-20-ynys-mon-gwynedd-ics.json").path)["system"] as? String
                == "Ynys Môn & Gwynedd ICS")
    }

    @Test func plainModeRenamesDeliberately() throws {
        let sandbox = try Sandbox()
        _ = try made(sandbox, ["--system", "Ynys Môn & Gwynedd ICS", "--date", "2025-11-20", "--complete"])
        let result = try sandbox.run(["workshop", "--plain", "--system", "Ynys Mon & Gwynedd ICS", "--rename-system", "North Wales ICS"],
                                     input: "2026-11-20\n\n\ny\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Renaming Ynys Môn & Gwynedd ICS to North Wales ICS; the rename is recorded in this assessment."))
        let object = try fileObject(sandbox.store.appending(path: "2026-11-20-north-wales-ics.json").path)
        #expect(object["systemRename"] as? [String: String] == ["from": "Ynys Môn & Gwynedd ICS", "to": "North Wales ICS",
                                                                 "date": "2026-11-20"])
        #expect(object["lastTime"] != nil, "carried forward from the system's assessment under its old name")
        let refused = try sandbox.run(["workshop", "--plain", "--rename-system", "North Wales ICS"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "maturity: --rename-system needs --system with the system's current name\n")
    }
}

@Suite("Known systems in tmux", .serialized)
struct SystemIdentityTmuxTests {
    @Test func aSpellingOfAKnownSystemIsRecognisedOnTheStartScreenAndKeepsItsName() throws {
        let sandbox = try Sandbox()
        _ = try made(sandbox, ["--system", "Ynys Môn & Gwynedd ICS", "--date", "2025-11-20", "--complete"])
        let session = try TmuxSession(["workshop"], sandbox: sandbox)
        // The known systems appear once the store is read, after the first frame.
        try session.waitFor("Known        Ynys Môn & Gwynedd ICS · 2025-11-20")
        try session.type("ynys mon and gwynedd ics")
        try session.waitFor("is the known system Ynys Môn & Gwynedd ICS, last")
        try session.press("Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab")
        try session.waitFor("▸ [ Start the workshop ]")
        try session.press("Enter")
        try session.waitFor("Start from it?", acrossLines: true)
        try session.type("y")
        try session.waitFor("Ynys Môn & Gwynedd ICS · 20")
        try session.type("q")
        #expect(try session.ending().exit == "exit=0")
        let names = try storeContents(atPath: sandbox.store.path).filter { $0.hasSuffix(".json") }.sorted()
        try #require(names.count == 2)
        let object = try fileObject(sandbox.store.appending(path: names[1]).path)
        #expect(object["system"] as? String == "Ynys Môn & Gwynedd ICS")
        #expect(object["systemID"] as? String == "ynys-mon-and-gwynedd-ics")
        CampaignReport.record("A known system typed in another spelling: full-screen start screen in tmux", cases: 1,
                              how: "the screen says which known system it is; the carried-forward file keeps its name")
    }

    @Test func aDraftResumedByItsPathShowsTheHistoryOfItsOwnFolder() throws {
        let sandbox = try Sandbox()
        let folder = sandbox.root.appending(path: "archive").path
        _ = try made(sandbox, ["--system", "West Yorkshire ICS", "--date", "2025-11-20", "--complete", "--store", folder])
        let draft = try made(sandbox, ["--system", "West Yorkshire ICS", "--date", "2026-11-20", "--store", folder])
        let session = try TmuxSession(["workshop", "--resume", draft], sandbox: sandbox)
        try session.waitFor("West Yorkshire ICS · 2026-11-20")
        try session.type("s")
        try session.waitFor("· Summary")
        try session.type("h")
        // Once the store (read after the first frame) is in: the earlier assessment's column.
        let history = try session.waitUntil("the history with 2025-11-20") { screen in
            screen.contains("every assessment, oldest first") && screen.contains("2025-11-20")
        }
        #expect(!history.contains("This is the first assessment"))
        try session.press("Escape")
        try session.type("q")
        #expect(try session.ending().exit == "exit=0")
        #expect(!FileManager.default.fileExists(atPath: sandbox.store.path), "nothing is written into the default store")
        CampaignReport.record("workshop --resume of a draft outside the default store, in tmux", cases: 1,
                              how: "the history (h) comes from the draft's folder; the default store is not created")
    }
}

@Suite("Credit in frameworks show and every export")
struct AttributionCommandTests {
    let ownWork = "The questions and the placement rule are this tool's own breakdown of the descriptors, not the NHS Confederation's."

    @Test func frameworksShowSaysWhatIsTheSourcesAndWhatIsThisToolsOwn() throws {
        let sandbox = try Sandbox()
        let text = try sandbox.run(["frameworks", "show", "ics-social-economic-development"]).stdout
        let flat = text.split(separator: "\n").joined(separator: " ")
        #expect(flat.contains("Credit: The stage descriptors come from the source, and follow it closely. \(ownWork)"))
        #expect(flat.contains("Rule (this tool's, not the source's): "))
        #expect(flat.contains("Stages: Emerging (typical for a system under two years old), Established (typical for a system about three to five years old)"))
        let object = try #require(try json(try sandbox.run(["frameworks", "show", "anchor-institution-charter", "--format", "json"]).stdout)
            as? [String: Any])
        let attribution = try #require(object["attribution"] as? [String: String])
        #expect(attribution["ownWork"]?.hasPrefix("The stages, their descriptors, the questions and the placement rule are this tool's own") == true)
    }

    @Test func everyExportFormatCarriesTheCredit() throws {
        let sandbox = try Sandbox()
        let path = try made(sandbox, ["--system", "West Yorkshire ICS", "--date", "2026-11-20"])
        for format in ["md", "html", "csv", "json"] {
            let result = try sandbox.run(["export", path, "--format", format])
            #expect(result.status == 0)
            let flat = result.stdout.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "\\/", with: "/")
            #expect(flat.contains(ownWork), "\(format)")
            #expect(flat.contains("The stage descriptors come from the source"), "\(format)")
        }
    }
}
