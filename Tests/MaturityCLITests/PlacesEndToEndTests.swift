import Foundation
import Testing
import TestSupport

/// Issue 15: places within a system, from the command line.
@Suite("Places from the command line")
struct PlacesCommandTests {
    /// A store of West Yorkshire ICS: the system level in 2025 and 2026, Leeds in 2025 and 2026 (typed in
    /// two spellings), Bradford District & Craven in 2026, and Humber ICS with a place also called Leeds.
    func placesStore() throws -> Sandbox {
        let sandbox = try Sandbox()
        _ = try made(sandbox, ["--system", "West Yorkshire ICS", "--date", "2025-01-10", "--complete"])
        _ = try made(sandbox, ["--system", "West Yorkshire ICS", "--place", "Leeds", "--date", "2025-02-01", "--complete"])
        _ = try made(sandbox, ["--system", "west yorkshire ics", "--place", "LEEDS", "--date", "2026-02-01", "--complete"])
        _ = try made(sandbox, ["--system", "West Yorkshire ICS", "--place", "Bradford District & Craven", "--date", "2026-02-01"])
        _ = try made(sandbox, ["--system", "West Yorkshire ICS", "--date", "2026-03-01"])
        _ = try made(sandbox, ["--system", "Humber ICS", "--place", "Leeds", "--date", "2026-02-01"])
        return sandbox
    }

    @Test func newWritesThePlaceAndItsFileName() throws {
        let sandbox = try placesStore()
        let names = try storeContents(atPath: sandbox.store.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(names == ["2025-01-10-west-yorkshire-ics.json", "2025-02-01-west-yorkshire-ics--leeds.json",
                          "2026-02-01-humber-ics--leeds.json", "2026-02-01-west-yorkshire-ics--bradford-district-craven.json",
                          "2026-02-01-west-yorkshire-ics--leeds.json", "2026-03-01-west-yorkshire-ics.json"])
        let leeds = try fileObject(sandbox.store.appending(path: "2026-02-01-west-yorkshire-ics--leeds.json").path)
        #expect(leeds["place"] as? String == "Leeds", "the place keeps the spelling first written")
        #expect(leeds["schemaVersion"] as? Int == 2)
        let level = try fileObject(sandbox.store.appending(path: "2026-03-01-west-yorkshire-ics.json").path)
        // Schema 2 all the same: the file names its framework's hash (issue 16).
        #expect(level["place"] == nil && level["schemaVersion"] as? Int == 2)
        // show and list name it.
        let shown = try sandbox.run(["show", "2026-02-01-west-yorkshire-ics--leeds.json"])
        #expect(shown.stdout.hasPrefix("West Yorkshire ICS · Leeds, 2026-02-01 (complete)\n"))
        let shownJSON = try #require(try json(try sandbox.run(["show", "2026-02-01-west-yorkshire-ics--leeds.json", "--format", "json"]).stdout) as? [String: Any])
        #expect(shownJSON["place"] as? String == "Leeds")
        let levelJSON = try #require(try json(try sandbox.run(["show", "2026-03-01-west-yorkshire-ics.json", "--format", "json"]).stdout) as? [String: Any])
        #expect(levelJSON["place"] is NSNull)
        let list = try sandbox.run(["list", "--system", "West Yorkshire ICS"])
        #expect(list.stdout.contains("2026-02-01  West Yorkshire ICS · Bradford District & Craven  draft"))
        #expect(list.stdout.contains("2026-03-01  West Yorkshire ICS  draft"))
        #expect(list.stdout.hasPrefix("West Yorkshire ICS (west-yorkshire-ics): 5 assessments"))
    }

    @Test(arguments: [
        (["--place", "a\u{1B}[31mb"], "maturity: --place must not contain control characters"),
        (["--place", "\u{202E}Leeds"], "maturity: --place must not contain control characters"),
        (["--place", "  "], "maturity: --place must not be empty"),
        (["--place", String(repeating: "p", count: 201)], "maturity: --place is 201 characters; at most 200 are allowed"),
    ])
    func aBadPlaceIsOneClearLineAndWritesNothing(_ arguments: [String], _ message: String) throws {
        let sandbox = try Sandbox()
        let result = try sandbox.run(["new", "--system", "S"] + arguments)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix(message) && result.stderr.filter { $0 == "\n" }.count == 1, "\(result.stderr)")
        let written = (try? storeContents(atPath: sandbox.store.path)) ?? []
        #expect(written.isEmpty)
        let workshop = try sandbox.run(["workshop", "--plain", "--system", "S"] + arguments, input: "\n\n\n")
        #expect(workshop.status == 1 && workshop.stderr.hasPrefix(message), "\(workshop.stderr)")
    }

    /// Hostile place names are names like any other: kept in the file, shown inert, and the file name is a slug.
    @Test func hostilePlaceNamesStayInsideTheStore() throws {
        let sandbox = try Sandbox()
        for place in ["../../etc/passwd", "/", "..", "!!!", "West Yorkshire ICS", "Humber ICS", "$(rm -rf ~)"] {
            let path = try made(sandbox, ["--system", "West Yorkshire ICS", "--place", place, "--date", "2026-01-01"])
            #expect(URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path == sandbox.store.standardizedFileURL.path)
            #expect(try fileObject(path)["place"] as? String == place)
        }
        let names = try storeContents(atPath: sandbox.store.path).sorted()
        #expect(names.contains("2026-01-01-west-yorkshire-ics--etc-passwd.json"))
        #expect(names.contains("2026-01-01-west-yorkshire-ics--place.json") && names.contains("2026-01-01-west-yorkshire-ics--place-2.json"))
        #expect(names.contains("2026-01-01-west-yorkshire-ics--west-yorkshire-ics.json"))
        // A place named like another system is a place of this system: Humber ICS is not created.
        let humber = try sandbox.run(["list", "--system", "Humber ICS"])
        #expect(humber.stdout.hasPrefix("No assessments of Humber ICS"))
        CampaignReport.record("Places: hostile place names on the command line", cases: 7 + 4,
                              how: "path traversal, slash, dots, punctuation only, the system's own name, another system's name, shell text; escapes, bidi, blank and 201 characters refused in one line")
    }

    @Test func progressShowsTheSystemLevelThenEachPlace() throws {
        let sandbox = try placesStore()
        let text = try sandbox.run(["progress", "--system", "West Yorkshire ICS"])
        #expect(text.status == 0, "\(text.stderr)")
        let headings = text.stdout.split(separator: "\n").filter { $0.hasPrefix("Progression of ") }.map { String($0.prefix { $0 != ":" }) }
        #expect(headings == ["Progression of West Yorkshire ICS", "Progression of West Yorkshire ICS · Leeds",
                             "Progression of West Yorkshire ICS · Bradford District & Craven"])
        #expect(text.stdout.contains("2025-02-01 → 2026-02-01"), "Leeds's own series")
        #expect(text.stdout.contains("2025-01-10 → 2026-03-01"), "the system level's own series")
        let one = try sandbox.run(["progress", "--system", "West Yorkshire ICS", "--place", "leeds"])
        #expect(one.stdout.hasPrefix("Progression of West Yorkshire ICS · Leeds:") && !one.stdout.contains("2025-01-10"))
        let unknown = try sandbox.run(["progress", "--system", "West Yorkshire ICS", "--place", "Wakefield"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "maturity: West Yorkshire ICS has no place 'Wakefield'; its places are 'Leeds', 'Bradford District & Craven'\n")
        let object = try #require(try json(try sandbox.run(["progress", "--system", "West Yorkshire ICS", "--format", "json"]).stdout) as? [String: Any])
        #expect(object["place"] is NSNull && object["system"] as? String == "West Yorkshire ICS")
        #expect((object["assessments"] as? [[String: Any]])?.compactMap { $0["date"] as? String } == ["2025-01-10", "2026-03-01"])
        let places = try #require(object["places"] as? [[String: Any]])
        #expect(places.map { $0["place"] as? String } == ["Leeds", "Bradford District & Craven"])
        #expect(places.allSatisfy { $0["kind"] as? String == "maturity-progression" && $0["places"] == nil })
        let oneJSON = try #require(try json(try sandbox.run(["progress", "--system", "West Yorkshire ICS", "--place", "Leeds", "--format", "json"]).stdout)
            as? [String: Any])
        #expect(oneJSON["place"] as? String == "Leeds" && oneJSON["places"] == nil)
        for format in ["md", "html", "csv", "metrics-csv"] {
            let result = try sandbox.run(["progress", "--system", "West Yorkshire ICS", "--format", format])
            #expect(result.status == 0 && (result.stdout.contains("West Yorkshire ICS · Bradford District") || format == "metrics-csv"),
                    "\(format): \(result.stderr)")
        }
        let html = try sandbox.run(["progress", "--system", "West Yorkshire ICS", "--format", "html"]).stdout
        #expect(html.components(separatedBy: "<html").count == 2 && html.components(separatedBy: "<h1>").count == 4)
        let csv = try sandbox.run(["progress", "--system", "West Yorkshire ICS", "--format", "csv"]).stdout
        #expect(csv.components(separatedBy: "system,date,file").count == 2, "one header")
    }

    /// A store without places gives exactly what it gave before: no `place` key, no new heading.
    @Test func progressOfAStoreWithoutPlacesIsUnchanged() throws {
        let sandbox = try Sandbox()
        _ = try made(sandbox, ["--system", "West Yorkshire ICS", "--date", "2025-01-10", "--complete"])
        _ = try made(sandbox, ["--system", "West Yorkshire ICS", "--date", "2026-01-10"])
        let object = try #require(try json(try sandbox.run(["progress", "--system", "West Yorkshire ICS", "--format", "json"]).stdout)
            as? [String: Any])
        #expect(object["place"] == nil && object["places"] == nil)
        let text = try sandbox.run(["progress", "--system", "West Yorkshire ICS"]).stdout
        #expect(text.components(separatedBy: "Progression of").count == 2)
        let refused = try sandbox.run(["progress", "--system", "West Yorkshire ICS", "--place", "Leeds"])
        #expect(refused.status == 1 && refused.stderr == "maturity: West Yorkshire ICS has no place 'Leeds'; it has none\n")
    }

    /// Plain mode asks nothing new: an old script's lines still answer the same questions, and --place
    /// is said in the start lines. The place's own last assessment is offered, not the system level's.
    @Test func plainModeTakesThePlaceFromTheCommandLineOnly() throws {
        let sandbox = try placesStore()
        let script = "2027-02-01\nChair\n\ny\n"
        let result = try sandbox.run(["workshop", "--plain", "--system", "West Yorkshire ICS", "--place", "leeds"], input: script)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Place: Leeds, within West Yorkshire ICS; its assessments are a series of their own.\n"))
        #expect(result.stdout.contains("West Yorkshire ICS · Leeds has a complete assessment of 2026-02-01."))
        let object = try fileObject(sandbox.store.appending(path: "2027-02-01-west-yorkshire-ics--leeds.json").path)
        #expect(object["place"] as? String == "Leeds")
        #expect((object["lastTime"] as? [String: Any])?["file"] as? String == "2026-02-01-west-yorkshire-ics--leeds.json")
        // The same script without --place is the system level's, as before.
        let level = try sandbox.run(["workshop", "--plain", "--system", "West Yorkshire ICS"], input: script)
        #expect(level.status == 0 && !level.stdout.contains("Place:"), "\(level.stderr)")
        let levelObject = try fileObject(sandbox.store.appending(path: "2027-02-01-west-yorkshire-ics.json").path)
        #expect(levelObject["place"] == nil)
        #expect((levelObject["lastTime"] as? [String: Any])?["file"] as? String == "2025-01-10-west-yorkshire-ics.json")
        CampaignReport.record("Places: plain workshop with --place", cases: 2,
                              how: "the same piped script with and without --place: the place's own last assessment carried forward, no new question")
    }
}

@Suite("Places in tmux", .serialized)
struct PlacesTmuxTests {
    /// `workshop --system X --place Y`: the Place row is filled, the top bar says "System · Place", and the
    /// file is named for the place and shows it.
    @Test func aPlaceWorkshopSavesItsOwnFile() throws {
        let sandbox = try Sandbox()
        _ = try made(sandbox, ["--system", "West Yorkshire ICS", "--date", "2025-01-10", "--complete"])
        let session = try TmuxSession(["workshop", "--system", "West Yorkshire ICS", "--place", "Bradford District & Craven"], sandbox: sandbox)
        try session.waitFor("Place        Bradford District & Craven")
        try session.startWorkshop()
        try session.waitFor(" · Bradford")
        #expect(try session.screen().split(separator: "\n").first?.contains("West Yorksh") == true, "the top bar says System · Place")
        try session.press("Enter")
        try session.waitFor("· Metrics")
        try session.press("Right")
        try session.waitFor("Question 1 of 10")
        try session.answer("y")
        try session.type("q")
        #expect(try session.ending().exit == "exit=0")
        let names = try storeContents(atPath: sandbox.store.path).filter { $0.hasSuffix(".json") }.sorted()
        let placed = try #require(names.first { $0.hasSuffix("-west-yorkshire-ics--bradford-district-craven.json") }, "\(names)")
        let shown = try #require(try json(try sandbox.run(["show", placed, "--format", "json"]).stdout) as? [String: Any])
        #expect(shown["place"] as? String == "Bradford District & Craven")
        #expect(shown["system"] as? String == "West Yorkshire ICS" && shown["systemID"] as? String == "west-yorkshire-ics")
        #expect(shown["status"] as? String == "draft")
        CampaignReport.record("Places: a full-screen place workshop in tmux", cases: 1,
                              how: "--place fills the Place row; the top bar and the file name carry the place; show --format json says it")
    }
}
