import Foundation
import MaturityFramework
@testable import MaturityModel
import MaturityRules
import Testing
@testable import MaturityStore

func readSheet(_ text: String, name: String) throws(StoreError) -> AnswerSheet {
    try AnswerSheet.read(Data(text.utf8), fileName: name, framework: seedFramework)
}

@Suite("Answer sheets")
struct AnswerSheetTests {
    @Test func jsonSheetsRead() throws {
        let sheet = try readSheet("{\"econ-emerging-plan-reviewed\": \"yes\", \"climate-emerging-green-plan\": \"Partly\"}",
                                  name: "a.json")
        #expect(sheet.answers == ["econ-emerging-plan-reviewed": .yes, "climate-emerging-green-plan": .partly])
    }

    @Test func csvSheetsReadWithNotesQuotesAndLineBreaks() throws {
        let text = "\u{FEFF}Criterion,Answer,Note\r\n"
            + "econ-emerging-plan-reviewed,yes,\"Minuted, March \"\"board\"\"\nsecond line\"\r\n"
            + "econ-emerging-plan-known, not sure ,\r\n"
            + "econ-emerging-strategy-refers,,Ask the director\r\n"
        let sheet = try readSheet(text, name: "survey.csv")
        #expect(sheet.answers == ["econ-emerging-plan-reviewed": .yes, "econ-emerging-plan-known": .unsure])
        #expect(sheet.notes == ["econ-emerging-plan-reviewed": "Minuted, March \"board\"\nsecond line",
                                "econ-emerging-strategy-refers": "Ask the director"])
    }

    @Test func everyProblemIsNamedWithItsLine() {
        // Issue 13: an agreed answer given again alike is taken once; given again differently, both lines are named.
        let text = "criterion,answer\nbogus-id,yes\necon-emerging-plan-known,maybe\necon-emerging-plan-known,yes\necon-emerging-plan-known,no\n"
            + "econ-emerging-plan-known,yes\n"
        #expect(throws: StoreError("""
            s.csv:2: unknown criterion 'bogus-id' (not in ics-social-economic-development 1.0.0)
            s.csv:3: 'maybe' for 'econ-emerging-plan-known' is not an answer (use yes, partly, no or unsure)
            s.csv:5: criterion 'econ-emerging-plan-known' is answered no here but yes on s.csv:4
            """)) { try readSheet(text, name: "s.csv") }
    }

    @Test(arguments: [
        ("", "x.csv: is empty"),
        ("id,value\na,yes\n", "x.csv:1: the first row must be a header naming a criterion column (criterion or question) and an "
            + "answer column (answer or response), and optionally note and participant, e.g. criterion,answer,note"),
        ("criterion,answer\necon-emerging-plan-known\n", "x.csv:2: 1 fields; the header has 2"),
        ("criterion,answer\n\"unclosed,yes\n", "x.csv:2: a quoted field is never closed"),
        ("criterion,answer\nab\"c,yes\n", "x.csv:2: a quote inside an unquoted field (quote the whole field and double the quote)"),
    ])
    func badCSVIsRefused(_ text: String, _ message: String) {
        #expect(throws: StoreError(message)) { try readSheet(text, name: "x.csv") }
    }

    @Test(arguments: [
        ("[1]", "x.json: must be a JSON object of criterion id to answer, e.g. {\"econ-emerging-plan-reviewed\": \"yes\"}, "
            + "or {\"agreed\": {...}, \"views\": {\"<participant>\": {...}}}"),
        ("{\"econ-emerging-plan-known\": true}", "x.json: the answer to 'econ-emerging-plan-known' must be text: yes, partly, no or unsure"),
    ])
    func badJSONIsRefused(_ text: String, _ message: String) {
        #expect(throws: StoreError(message)) { try readSheet(text, name: "x.json") }
    }

    @Test func appliedAnswersLandInTheirAreas() throws {
        let sheet = try readSheet("{\"econ-emerging-plan-reviewed\": \"yes\", \"climate-emerging-green-plan\": \"no\"}", name: "a.json")
        let assessment = sheet.applied(to: Assessment(starting: seedFramework, system: "S", date: CalendarDate("2026-01-01")!),
                                       framework: seedFramework)
        #expect(assessment[area: "economic-development"].answers == ["econ-emerging-plan-reviewed": .yes])
        #expect(assessment[area: "climate-change"].answers == ["climate-emerging-green-plan": .no])
        #expect(assessment[area: "quality-employment"].answers.isEmpty)
    }
}

@Suite("CSV reader")
struct CSVReaderTests {
    @Test func rowsKeepTheirStartingLines() throws {
        let rows = try CSVReader.rows("a,b\n\n\"x\ny\",z\nlast,\"\"")
        #expect(rows == [
            CSVReader.Row(line: 1, fields: ["a", "b"]),
            CSVReader.Row(line: 3, fields: ["x\ny", "z"]),
            CSVReader.Row(line: 5, fields: ["last", ""]),
        ])
    }

    @Test func textAfterAClosingQuoteIsRefused() {
        #expect(throws: CSVReader.Failure(line: 1, message: "text after a closing quote (a field is either quoted whole or not at all)")) {
            try CSVReader.rows("\"a\"b,c")
        }
    }
}
