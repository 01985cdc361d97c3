import Foundation
import MaturityFramework
import MaturityModel
import MaturityRules
import Testing
import TestSupport
@testable import MaturityStore

/// Issue 13: answer sheets carry members' views gathered before the meeting: a CSV participant column,
/// JSON `{"agreed", "views"}`, and survey tools' exports (one row per person per question).
@Suite("Answer sheets with members' views")
struct SheetViewsTests {
    static let members = ["Cathy (chair)", "Rob", "Aisha Khan", "Dr Owen Price", "Siân Jones", "Bo \"B\" Smith", "Li Wei 李", "Mo"]
    static var criteria: [String] { seedFramework.allCriteria.map(\.id) }

    /// Member `member`'s view on criterion `index`: a fixed pattern, so that spreads can be checked.
    static func view(_ member: Int, _ index: Int) -> Answer {
        Answer.allCases[(member * (index % 4 + 1) + index) % (index % 3 == 0 ? 1 : 4)]
    }

    /// The spread the pattern gives on criterion `index`.
    static func spread(_ index: Int) -> Spread {
        Spread(members.indices.map { view($0, index) })
    }

    /// An 8 × 30 sheet: one row per member per criterion, then one agreed answer per criterion.
    static func csv8x30(newline: String = "\n") -> String {
        var lines = ["participant,criterion,answer,note"]
        for (member, name) in members.enumerated() {
            for (index, criterion) in criteria.enumerated() {
                let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                lines.append("\(quoted),\(criterion),\(view(member, index).rawValue),")
            }
        }
        for criterion in criteria.prefix(5) { lines.append(",\(criterion),yes,Agreed at the board") }
        return lines.joined(separator: newline) + newline
    }

    static func json8x30() throws -> String {
        var views: [String: [String: String]] = [:]
        for (member, name) in members.enumerated() {
            views[name] = Dictionary(uniqueKeysWithValues: criteria.enumerated().map { ($1, view(member, $0).rawValue) })
        }
        let agreed = Dictionary(uniqueKeysWithValues: criteria.prefix(5).map { ($0, "yes") })
        return String(decoding: try JSONSerialization.data(withJSONObject: ["agreed": agreed, "views": views]), as: UTF8.self)
    }

    func start(participants: [String] = ["Cathy (chair)", "Guest"]) -> Assessment {
        Assessment(starting: seedFramework, system: "S", date: CalendarDate("2026-11-22")!, participants: participants)
    }

    /// The 8 × 30 sheet, as CSV (LF and CRLF, with a byte order mark) and as JSON, imports every view,
    /// adds the members not yet named, and gives the pattern's spread on every question.
    @Test(arguments: ["csv", "csv-crlf", "json"])
    func aSheetOfEightMembersByThirtyCriteriaImports(_ form: String) throws {
        #expect(Self.criteria.count == 30)
        let text = form == "json" ? try Self.json8x30() : "\u{FEFF}" + Self.csv8x30(newline: form == "csv" ? "\n" : "\r\n")
        let sheet = try readSheet(text, name: form == "json" ? "board.json" : "board.csv")
        #expect(Set(sheet.participants) == Set(Self.members))
        let assessment = sheet.applied(to: start(), framework: seedFramework)
        #expect(assessment.participants.count == 9 && assessment.participants.prefix(2) == ["Cathy (chair)", "Guest"])
        for (index, criterion) in Self.criteria.enumerated() {
            let area = try #require(seedFramework.areas.first { $0.criteria.contains { $0.id == criterion } })
            let views = try #require(assessment.views(on: criterion, in: area.id))
            #expect(views.spread == Self.spread(index), "\(criterion)")
            #expect(views.named.count == 8 && views.named["Bo \"B\" Smith"] == Self.view(5, index))
        }
        // A few questions checked by hand: all agree on the first and fourth; the second splits in two,
        // the third four ways (the widest spread, first in the order of disagreement).
        let economy = assessment[area: "economic-development"]
        #expect(economy.views[Self.criteria[0]]?.spread == Spread(yes: 8))
        #expect(economy.views[Self.criteria[1]]?.spread == Spread(partly: 4, unsure: 4))
        #expect(economy.views[Self.criteria[2]]?.spread == Spread(yes: 2, partly: 2, no: 2, unsure: 2))
        #expect(economy.views[Self.criteria[3]]?.spread == Spread(yes: 8))
        #expect(economy.views[Self.criteria[2]]?.named["Siân Jones"] == .no && economy.views[Self.criteria[1]]?.named["Mo"] == .unsure)
        #expect(assessment.criteriaByDisagreement(in: seedFramework).first?.criterion == Self.criteria[2])
        #expect(assessment[area: "economic-development"].answers.count == 5)
        // The assessment with its views is saved and read back whole.
        let file = try AssessmentFile.encode(assessment, framework: seedFramework)
        #expect(try AssessmentFile.decode(file) == assessment)
        #expect(AssessmentFile.glance(in: file) == AssessmentGlance(assessment))
    }

    /// A survey tool's export: extra columns, headers in other words, case and order, questions by their
    /// text rather than id (in capitals, with a typographic apostrophe), answers as people write them, comments; BOM and CRLF.
    @Test func aSurveyExportImportsAsViews() throws {
        let question = try #require(seedFramework.allCriteria.first { $0.id == "econ-emerging-plan-known" }).text
        let text = "\u{FEFF}Timestamp,RESPONSE,Respondent Name,e-mail,Question,Comments\r\n"
            + "2026-11-01 10:00,\"Yes, in place\",Ann,ann@example.org,econ-emerging-plan-reviewed,\r\n"
            + "2026-11-01 10:00,  NOT SURE ,Ann,ann@example.org,\"\(question.uppercased().replacingOccurrences(of: "'", with: "\u{2019}"))\",\"Ask, the \"\"director\"\"\"\r\n"
            + "2026-11-01 10:05,Partly,Bo,bo@example.org,econ-emerging-plan-reviewed,\r\n"
            + "2026-11-01 10:05,,Bo,bo@example.org,econ-emerging-plan-known,\r\n"
            + "2026-11-01 10:06,partly,Bo,bo@example.org,econ-emerging-plan-reviewed,\r\n"
        let sheet = try readSheet(text, name: "export.CSV")
        #expect(sheet.answers.isEmpty && sheet.participants == ["Ann", "Bo"])
        #expect(sheet.views == ["econ-emerging-plan-reviewed": ["Ann": .yes, "Bo": .partly], "econ-emerging-plan-known": ["Ann": .unsure]])
        let assessment = sheet.applied(to: start(participants: []), framework: seedFramework)
        #expect(assessment.participants == ["Ann", "Bo"])
        #expect(assessment[area: "economic-development"].notes["econ-emerging-plan-known"] == "Ann: Ask, the \"director\"")
    }

    /// Importing views into an anonymous assessment keeps counts only: no names in the views, the
    /// participants, or the comments.
    @Test func anAnonymousAssessmentKeepsCountsOnly() throws {
        var anonymous = start(participants: ["Chair"])
        anonymous.makeAnonymous()
        let sheet = try readSheet(Self.csv8x30() + "Rob,econ-emerging-plan-known,unsure,My comment\n", name: "b.csv")
        let assessment = sheet.applied(to: anonymous, framework: seedFramework)
        #expect(assessment.participants == ["Chair"])
        let views = try #require(assessment.views(on: "econ-emerging-plan-reviewed", in: "economic-development"))
        #expect(views.named.isEmpty && views.unnamed == Self.spread(0))
        let file = String(decoding: try AssessmentFile.encode(assessment, framework: seedFramework), as: UTF8.self)
        for name in Self.members { #expect(!file.contains(name.replacingOccurrences(of: "\"", with: "\\\""))) }
        #expect(file.contains("\"econ-emerging-plan-known\" : \"Agreed at the board\\nMy comment\""))
    }

    @Test func problemsAreNamedWithTheirLines() {
        let text = """
            Name,Criterion,Answer
            Ann,econ-emerging-plan-reviewed,yes
            Ann,invented-criterion,no
            Ann,econ-emerging-plan-reviewed,yes
            Ann,econ-emerging-plan-reviewed,no
            Bo,econ-emerging-plan-known,maybe
            ,econ-emerging-plan-known,yes
            ,econ-emerging-plan-known,partly
            "Eve\u{1B}[31m",econ-emerging-plan-known,yes
            "\(String(repeating: "x", count: 201))",econ-emerging-plan-known,yes
            "Tab\tName",econ-emerging-plan-known,yes

            """
        #expect(throws: StoreError("""
            s.csv:3: unknown criterion 'invented-criterion' (not in ics-social-economic-development 1.0.0)
            s.csv:5: 'Ann' gives no on 'econ-emerging-plan-reviewed' here but yes on s.csv:2
            s.csv:6: 'maybe' from 'Bo' for 'econ-emerging-plan-known' is not an answer (use yes, partly, no or unsure)
            s.csv:8: criterion 'econ-emerging-plan-known' is answered partly here but yes on s.csv:7
            s.csv:9: the participant 'Eve\\u{1B}[31m' must not contain control characters such as tabs, line breaks or escapes, nor bidirectional overrides
            s.csv:10: the participant '\(String(repeating: "x", count: 201))' is 201 characters; at most 200 are allowed
            s.csv:11: the participant 'Tab\\u{9}Name' must not contain control characters such as tabs, line breaks or escapes, nor bidirectional overrides
            """)) { try readSheet(text, name: "s.csv") }
    }

    @Test(arguments: [
        ("Name,Respondent,Criterion,Answer\n", "x.csv:1: columns 1 ('Name') and 2 ('Respondent') both name the participant; keep one"),
        ("criterion,answer,Answer\n", "x.csv:1: columns 2 ('answer') and 3 ('Answer') both name the answer; keep one"),
        ("Question,Criterion ID,Response\n", "x.csv:1: columns 1 ('Question') and 2 ('Criterion ID') both name the criterion; keep one"),
        ("participant,answer\nAnn,yes\n", "x.csv:1: the first row must be a header naming a criterion column (criterion or question) and an "
            + "answer column (answer or response), and optionally note and participant, e.g. criterion,answer,note"),
    ])
    func duplicateAndMissingColumnsAreRefused(_ text: String, _ message: String) {
        #expect(throws: StoreError(message)) { try readSheet(text, name: "x.csv") }
    }

    @Test(arguments: [
        (#"{"agreed": {"econ-emerging-plan-known": "yes"}, "econ-emerging-plan-reviewed": "no"}"#,
         #"x.json: 'econ-emerging-plan-reviewed' is neither "agreed" nor "views", each an object (a sheet is either {criterion: answer} or {"agreed": {...}, "views": {...}})"#),
        (#"{"views": {"Ann": "yes"}}"#, "x.json: views.Ann: must be an object of criterion id to answer"),
        (#"{"views": {"Ann": {"econ-emerging-plan-known": 1}}}"#,
         "x.json: views.Ann: the answer to 'econ-emerging-plan-known' must be text: yes, partly, no or unsure"),
        (#"{"views": {"Ann": {"nope": "yes"}}}"#, "x.json: views.Ann: unknown criterion 'nope' (not in ics-social-economic-development 1.0.0)"),
        (#"{"views": {"Ann\u001b]0;x\u0007": {"econ-emerging-plan-known": "yes"}}}"#,
         #"x.json: views.Ann\u{1B}]0;x\u{7}: the participant 'Ann\u{1B}]0;x\u{7}' must not contain control characters such as tabs, line breaks or escapes, nor bidirectional overrides"#),
        (#"{"views": {"Ann": {"econ-emerging-plan-known": "yes"}, " Ann ": {"econ-emerging-plan-known": "no"}}}"#,
         "x.json: views.Ann: 'Ann' gives yes on 'econ-emerging-plan-known' here but no on x.json: views. Ann "),
        (#"{"agreed": {"econ-emerging-plan-known": "maybe"}}"#,
         "x.json: agreed: 'maybe' for 'econ-emerging-plan-known' is not an answer (use yes, partly, no or unsure)"),
    ])
    func badJSONViewsAreRefused(_ text: String, _ message: String) {
        #expect(throws: StoreError(message)) { try readSheet(text, name: "x.json") }
    }

    /// The flat form still reads as agreed answers; the split form may carry agreed answers only, or views only.
    @Test func bothJSONFormsRead() throws {
        #expect(try readSheet(#"{"econ-emerging-plan-known": "partly"}"#, name: "a.json").answers == ["econ-emerging-plan-known": .partly])
        let split = try readSheet(#"{"agreed": {"econ-emerging-plan-known": "partly"}, "views": {}}"#, name: "a.json")
        #expect(split.answers == ["econ-emerging-plan-known": .partly] && split.views.isEmpty)
        let views = try readSheet(#"{"views": {"Ann": {"econ-emerging-plan-known": "Not sure", "econ-emerging-plan-reviewed": ""}}}"#, name: "a.json")
        #expect(views.answers.isEmpty && views.views == ["econ-emerging-plan-known": ["Ann": .unsure]] && views.participants == ["Ann"])
        // A byte order mark before a JSON sheet is passed over, as before a CSV one.
        #expect(try readSheet("\u{FEFF}" + #"{"views": {"Ann": {"econ-emerging-plan-known": "no"}}}"#, name: "bom.json").views
            == ["econ-emerging-plan-known": ["Ann": .no]])
    }

    /// A sheet near the size limit (thousands of respondents) imports in one piece; one over it is refused.
    @Test func aHugeSheetImportsAndAnOversizedOneIsRefused() throws {
        var text = "participant,criterion,answer\n"
        var respondents = 0
        while text.utf8.count < AnswerSheet.maximumFileSize - 40_000 {
            respondents += 1
            for (index, criterion) in Self.criteria.enumerated() { text += "Respondent \(respondents),\(criterion),\(Self.view(respondents, index).rawValue)\n" }
        }
        let started = ContinuousClock.now
        let sheet = try readSheet(text, name: "big.csv")
        let assessment = sheet.applied(to: start(), framework: seedFramework)
        #expect(sheet.participants.count == respondents && assessment.participants.count == respondents + 2)
        #expect(assessment.views(on: Self.criteria[1], in: "economic-development")?.spread.total == respondents)
        let file = try AssessmentFile.encode(assessment, framework: seedFramework)
        #expect(try AssessmentFile.decode(file) == assessment)
        #expect(ContinuousClock.now - started < .seconds(60))
        let oversized = Data(repeating: UInt8(ascii: "x"), count: AnswerSheet.maximumFileSize + 1)
        #expect(throws: StoreError("o.csv: is \(AnswerSheet.maximumFileSize + 1) bytes; at most \(AnswerSheet.maximumFileSize) are allowed")) {
            try AnswerSheet.read(oversized, fileName: "o.csv", framework: seedFramework)
        }
        CampaignReport.record("Answer sheets: a survey export near the 4 MiB limit", cases: respondents * Self.criteria.count,
                              how: "\(respondents) respondents x 30 criteria read, applied, saved and read back whole")
    }
}
