import Foundation
import MaturityFramework
import MaturityModel
import MaturityRules
import Testing
import TestSupport
@testable import MaturityStore

/// Hostile answer sheets (views-attack): a JSON sheet that gives the same key twice must not have one
/// of the two answers dropped in silence, as a CSV sheet that does the same is refused.
@Suite("Answer sheets under attack")
struct SheetAttackTests {
    static let sheets: [(json: String, repeated: String)] = [
        (#"{"econ-emerging-plan-reviewed": "yes", "econ-emerging-plan-reviewed": "no"}"#, "econ-emerging-plan-reviewed"),
        (#"{"agreed": {"econ-emerging-plan-known": "no", "econ-emerging-plan-known": "yes"}}"#, "econ-emerging-plan-known"),
        (#"{"views": {"Ann": {"econ-emerging-plan-known": "yes"}, "Ann": {"econ-emerging-plan-known": "no"}}}"#, "Ann"),
        // The same name composed and decomposed: one person to Swift, two keys to JSON.
        ("{\"views\": {\"Jos\u{E9}\": {\"econ-emerging-plan-known\": \"yes\"}, \"Jose\u{301}\": {\"econ-emerging-plan-known\": \"no\"}}}", "José"),
        // A key written with an escape is still the same key.
        (#"{"views": {"Ann": {"econ-emerging-plan-known": "yes"}, "\u0041nn": {"econ-emerging-plan-known": "no"}}}"#, "Ann"),
        (#"{"views": {"Bo": {"econ-emerging-plan-known": "yes", "econ-emerging-plan-known": "no"}}}"#, "econ-emerging-plan-known"),
    ]

    @Test(arguments: sheets)
    func aKeyGivenTwiceInAJSONSheetIsRefusedAndNamed(_ sheet: (json: String, repeated: String)) {
        let thrown = #expect(throws: StoreError.self) {
            try AnswerSheet.read(Data(sheet.json.utf8), fileName: "s.json", framework: seedFramework)
        }
        #expect(thrown?.message.contains("'\(sheet.repeated)'") == true)
        #expect(thrown?.message.contains("more than once") == true)
        CampaignReport.record("Answer sheets: JSON keys given twice (also composed/decomposed, escaped)", cases: 1,
                              how: "AnswerSheet.read refuses the sheet naming the key")
    }

    @Test func aSheetWithoutRepeatedKeysStillReads() throws {
        let json = #"{"views": {"Ann": {"econ-emerging-plan-known": "yes"}, "Bob": {"econ-emerging-plan-known": "yes"}}, "agreed": {"econ-emerging-plan-known": "yes"}}"#
        let sheet = try AnswerSheet.read(Data(json.utf8), fileName: "s.json", framework: seedFramework)
        #expect(sheet.views["econ-emerging-plan-known"] == ["Ann": .yes, "Bob": .yes])
        #expect(sheet.answers["econ-emerging-plan-known"] == .yes)
    }
}
