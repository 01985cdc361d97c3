import BuiltInFrameworks
import Foundation
import MaturityFramework
import MaturityStore
import Testing
import TestSupport

/// Issue 13, end to end: `maturity new --answers` with a sheet of 8 members' views on 30 criteria
/// saves every view, adds the members to the participants, and the file reads back (and lists).
@Suite("Answer sheets with members' views, end to end")
struct SheetViewsEndToEndTests {
    static let members = ["Cathy (chair)", "Rob", "Aisha Khan", "Dr Owen Price", "Siân Jones", "Bo \"B\" Smith", "Li Wei 李", "Mo"]
    static let answers = ["yes", "partly", "no", "unsure"]
    static let criteria: [String] = {
        FrameworkCatalog(userFolder: nil).framework(id: FrameworkCatalog.defaultFrameworkID)?.allCriteria.map(\.id) ?? []
    }()

    /// Member `member`'s view on criterion `index`: all agree on every third criterion, the rest spread.
    static func view(_ member: Int, _ index: Int) -> String {
        answers[(member * (index % 4 + 1) + index) % (index % 3 == 0 ? 1 : 4)]
    }

    /// The 8 × 30 sheet as a survey tool writes it: a byte order mark, CRLF, extra columns, headers in
    /// their own words and order; then the agreed answer to the first criterion.
    static func surveyCSV() -> String {
        var lines = ["\u{FEFF}Submitted,Respondent,Question,Response"]
        for (member, name) in members.enumerated() {
            let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            for (index, criterion) in criteria.enumerated() { lines.append("2026-11-01,\(quoted),\(criterion),\(view(member, index))") }
        }
        lines.append("2026-11-22,,\(criteria[0]),yes")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func sheetJSON() throws -> String {
        var views: [String: [String: String]] = [:]
        for (member, name) in members.enumerated() {
            views[name] = Dictionary(uniqueKeysWithValues: criteria.enumerated().map { ($1, view(member, $0)) })
        }
        return String(decoding: try JSONSerialization.data(withJSONObject: ["agreed": [criteria[0]: "yes"], "views": views]), as: UTF8.self)
    }

    /// The saved file, as JSON.
    func savedFile(_ result: CommandResult) throws -> [String: Any] {
        let path = result.stdout.trimmingCharacters(in: .newlines)
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    /// The `views` of the area holding criterion `index`, from the saved JSON.
    func views(_ file: [String: Any], on index: Int) throws -> [String: Any] {
        let areas = try #require(file["areas"] as? [[String: Any]])
        let area = try #require(areas.first { ($0["views"] as? [String: Any])?[Self.criteria[index]] != nil })
        return try #require((area["views"] as? [String: Any])?[Self.criteria[index]] as? [String: Any])
    }

    @Test(arguments: ["csv", "json"])
    func anEightByThirtySheetIsSavedWithEveryView(_ form: String) throws {
        #expect(Self.criteria.count == 30)
        let sandbox = try Sandbox()
        let sheet = try sandbox.write(form == "csv" ? Self.surveyCSV() : try Self.sheetJSON(), to: "board.\(form)")
        let made = try sandbox.run(["new", "--system", "West Yorkshire ICS", "--date", "2026-11-22", "--participant", "Cathy (chair)",
                                    "--participant", "Guest", "--answers", sheet])
        #expect(made.status == 0 && made.stderr.isEmpty, "\(made.stderr)")
        let file = try savedFile(made)
        let participants = try #require(file["participants"] as? [String])
        #expect(participants.prefix(2) == ["Cathy (chair)", "Guest"] && Set(participants) == Set(Self.members + ["Guest"]))
        #expect(participants.count == 9)
        #expect(file["anonymousViews"] == nil)
        for index in Self.criteria.indices {
            let named = try #require(try views(file, on: index)["named"] as? [String: String])
            #expect(named == Dictionary(uniqueKeysWithValues: Self.members.enumerated().map { ($1, Self.view($0, index)) }))
        }
        // The spread of a few questions, counted from the saved views: one agreed, one split two ways, one four ways.
        func spread(_ index: Int) throws -> [String: Int] {
            try #require(try views(file, on: index)["named"] as? [String: String]).values.reduce(into: [:]) { $0[$1, default: 0] += 1 }
        }
        #expect(try spread(0) == ["yes": 8])
        #expect(try spread(1) == ["partly": 4, "unsure": 4])
        #expect(try spread(2) == ["yes": 2, "partly": 2, "no": 2, "unsure": 2])
        let decoded = try AssessmentFile.decode(try Data(contentsOf: URL(fileURLWithPath: made.stdout.trimmingCharacters(in: .newlines))))
        #expect(decoded.answers == [Self.criteria[0]: .yes])
        #expect(decoded.areas.reduce(0) { $0 + $1.views.values.reduce(0) { $0 + $1.spread.total } } == 240)
        // The store lists it (the glance reader reads the new keys).
        let listed = try sandbox.run(["list"])
        #expect(listed.status == 0 && listed.stdout.contains("West Yorkshire ICS"), "\(listed.stderr)")
        CampaignReport.record("Answer sheets: 8 members x 30 criteria through maturity new --answers (\(form))", cases: 240,
                              how: "every view saved by name, participants added, spreads of questions checked in the saved file")
    }

    @Test func anAnonymousAssessmentSavesCountsOnly() throws {
        let sandbox = try Sandbox()
        let sheet = try sandbox.write(Self.surveyCSV(), to: "board.csv")
        let made = try sandbox.run(["new", "--system", "West Yorkshire ICS", "--date", "2026-11-22", "--participant", "Chair",
                                    "--anonymous", "--answers", sheet])
        #expect(made.status == 0, "\(made.stderr)")
        let file = try savedFile(made)
        #expect(file["anonymousViews"] as? Bool == true)
        #expect(file["participants"] as? [String] == ["Chair"])
        let views = try views(file, on: 2)
        #expect(views["named"] == nil)
        #expect(views["unnamed"] as? [String: Int] == ["yes": 2, "partly": 2, "no": 2, "unsure": 2])
        let text = try String(contentsOf: URL(fileURLWithPath: made.stdout.trimmingCharacters(in: .newlines)), encoding: .utf8)
        for name in Self.members.dropFirst() { #expect(!text.contains(name.replacingOccurrences(of: "\"", with: "\\\""))) }
    }

    /// A bad sheet is one line per problem on stderr, naming the line, with escapes made inert, exit 1,
    /// and nothing is written.
    @Test func aBadSheetWritesNothing() throws {
        let sandbox = try Sandbox()
        let sheet = try sandbox.write("""
            Name,Criterion,Answer\r
            "Eve\u{1B}]0;pwned\u{7}",\(Self.criteria[0]),yes\r
            Ann,\(Self.criteria[0]),yes\r
            Ann,\(Self.criteria[0]),no\r
            Ann,no-such-criterion,no\r

            """, to: "bad.csv")
        let made = try sandbox.run(["new", "--system", "X", "--answers", sheet])
        #expect(made.status == 1)
        let lines = made.stderr.split(separator: "\n")
        #expect(lines.count == 3, "\(made.stderr)")
        #expect(lines.allSatisfy { $0.hasPrefix("maturity: \(sheet):") })
        #expect(lines.first?.hasSuffix("bad.csv:2: the participant 'Eve\\u{1B}]0;pwned\\u{7}' must not contain control characters such as tabs, line breaks or escapes, nor bidirectional overrides") == true)
        #expect(lines.dropFirst().first?.hasSuffix("bad.csv:4: 'Ann' gives no on '\(Self.criteria[0])' here but yes on \(sheet):3") == true)
        #expect(!made.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let stored = (try? storeContents(atPath: sandbox.store.path)) ?? []
        #expect(stored.allSatisfy { !$0.hasSuffix(".json") }, "\(stored)")
    }
}
