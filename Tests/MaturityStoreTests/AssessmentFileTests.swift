import Foundation
import MaturityFramework
@testable import MaturityModel
import MaturityRules
import Testing
import TestSupport
@testable import MaturityStore

@Suite("Assessment files")
struct AssessmentFileTests {
    @Test func roundTripKeepsEverything() throws {
        let assessment = sampleAssessment()
        let data = try AssessmentFile.encode(assessment, framework: seedFramework)
        #expect(try AssessmentFile.decode(data) == assessment)
    }

    @Test func aFrameworkWithoutAFileLeavesTheHashOutAndTheSchemaAtOne() throws {
        var assessment = sampleAssessment()
        assessment.framework.sha256 = nil
        let data = try AssessmentFile.encode(assessment, framework: seedFramework)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["schemaVersion"] as? Int == 1)
        #expect((json["framework"] as? [String: Any])?["sha256"] == nil)
        #expect(try AssessmentFile.decode(data) == assessment)
    }

    @Test func aMalformedHashIsRefusedByBothReaders() throws {
        let data = try AssessmentFile.encode(sampleAssessment(), framework: seedFramework)
        let hash = try #require(seedFramework.file?.sha256)
        for bad in ["abc", hash.uppercased(), String(hash.dropLast()) + "g"] {
            let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: hash, with: bad)
            #expect(throws: AssessmentFileError.self) { try AssessmentFile.decode(Data(text.utf8)) }
            #expect(AssessmentFile.glance(in: Data(text.utf8)) == nil)
        }
    }

    @Test func theFileCarriesTheDocumentedFields() throws {
        let data = try AssessmentFile.encode(sampleAssessment(), framework: seedFramework)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        // The reference names the framework file's hash, which schema 2 holds.
        #expect(json["schemaVersion"] as? Int == 2)
        #expect(json["kind"] as? String == "maturity-assessment")
        #expect(json["system"] as? String == "West Yorkshire ICS")
        #expect(json["date"] as? String == "2026-11-22")
        #expect(json["status"] as? String == "draft")
        #expect(json["participants"] as? [String] == ["Cathy (chair)", "Rob"])
        let framework = try #require(json["framework"] as? [String: Any])
        #expect(framework["id"] as? String == "ics-social-economic-development")
        #expect(framework["version"] as? String == "1.0.0")
        #expect(framework["sha256"] as? String == seedFramework.file?.sha256)
        #expect((framework["sha256"] as? String).map(ContentHash.isWellFormed) == true)
        let areas = try #require(json["areas"] as? [[String: Any]])
        #expect(areas.map { $0["id"] as? String } == ["economic-development", "quality-employment", "climate-change"])
        let economy = areas[0]
        #expect((economy["answers"] as? [String: String])?["econ-established-strategy-aligned"] == "partly")
        #expect((economy["notes"] as? [String: String])?["econ-emerging-plan-reviewed"]?.contains("日本") == true)
        let action = try #require((economy["actions"] as? [[String: Any]])?.first)
        #expect(action["what"] as? String == "Align the strategy")
        #expect(action["due"] as? String == "2027-03-31")
        #expect(action["status"] as? String == "in-progress")
        let placement = try #require(economy["placement"] as? [String: Any])
        #expect(placement["stage"] as? String == "emerging")
        #expect(placement["nextStage"] as? String == "established")
        #expect(placement["progress"] as? Double == 0.167)
        #expect((placement["explanation"] as? String)?.hasPrefix("Placed at Emerging") == true)
        #expect(String(decoding: data, as: UTF8.self).hasSuffix("}\n"))
    }

    @Test func placementsAreRecomputedNotTrusted() throws {
        var text = String(decoding: try AssessmentFile.encode(sampleAssessment(), framework: seedFramework), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"stage\" : \"emerging\"", with: "\"stage\" : \"expanding\"")
        let assessment = try AssessmentFile.decode(Data(text.utf8))
        #expect(assessment.placements(in: seedFramework)[0].stageID == "emerging")
    }

    @Test(arguments: [
        ("", "is empty"),
        ("{", "is not valid JSON"),
        ("[1, 2]", "is not a maturity assessment (its top level is not an assessment object)"),
        ("{\"name\": \"package\"}", "is not a maturity assessment (no \"kind\": \"maturity-assessment\")"),
        ("{\"kind\": \"maturity-assessment\"}", "has no schemaVersion"),
        ("{\"kind\": \"maturity-assessment\", \"schemaVersion\": 9}",
         "was written by a newer maturity (schema version 9; this one reads up to 2)"),
        ("{\"kind\": \"maturity-assessment\", \"schemaVersion\": 0}", "has schema version 0, which no version of maturity wrote"),
        ("{\"kind\": \"maturity-assessment\", \"schemaVersion\": 1}", "framework: missing"),
    ])
    func unreadableFilesSayWhy(_ text: String, _ reason: String) {
        #expect(throws: AssessmentFileError(reason)) { try AssessmentFile.decode(Data(text.utf8)) }
    }

    @Test func wrongValuesNameTheirField() throws {
        let valid = String(decoding: try AssessmentFile.encode(sampleAssessment(), framework: seedFramework), as: UTF8.self)
        func reason(_ from: String, _ to: String) -> String? {
            let changed = valid.replacingOccurrences(of: from, with: to)
            #expect(changed != valid)
            do {
                _ = try AssessmentFile.decode(Data(changed.utf8))
                return nil
            } catch {
                return error.reason
            }
        }
        #expect(reason("\"partly\"", "\"maybe\"")
            == "areas.economic-development.answers.econ-established-strategy-aligned: 'maybe' is not yes, partly, no or unsure")
        #expect(reason("\"draft\"", "\"finished\"") == "status: 'finished' is not draft or complete")
        #expect(reason("\"2026-11-22\"", "\"22/11/2026\"")?.contains("is not a date written YYYY-MM-DD") == true)
        #expect(reason("\"system\" : \"West Yorkshire ICS\"", "\"system\" : 42") == "system: expected text")
        #expect(reason("\"in-progress\"", "\"someday\"")?.hasPrefix("areas.economic-development.actions: status 'someday'") == true)
    }

    @Test func binaryAndNonUTF8AreRefused() {
        #expect(throws: AssessmentFileError("is binary, not JSON text")) { try AssessmentFile.decode(Data([0x7B, 0, 0x7D])) }
        #expect(throws: AssessmentFileError("is not UTF-8 text")) { try AssessmentFile.decode(Data([0x7B, 0xC3, 0x28, 0x7D])) }
    }

    @Test func everyTruncationOfAValidFileIsRefusedCleanly() throws {
        let data = try AssessmentFile.encode(sampleAssessment(), framework: seedFramework)
        let end = try #require(data.lastIndex(of: UInt8(ascii: "}")))
        for length in 0...end {
            #expect(throws: AssessmentFileError.self) { try AssessmentFile.decode(data.prefix(length)) }
        }
        CampaignReport.record("Assessment file: truncated at every byte offset", cases: end + 1,
                              how: "a saved assessment cut at each byte; each refused with one line")
    }

    @Test func checkAcceptsUnknownCriteriaOnlyFromAnotherFrameworkVersion() {
        var assessment = sampleAssessment()
        assessment[area: "economic-development"].answers["econ-retired-criterion"] = .yes
        #expect(AssessmentCheck.problems(assessment, framework: seedFramework) == [
            "criterion 'econ-retired-criterion' is not in area 'economic-development' of ics-social-economic-development 1.0.0",
        ])
        assessment.framework.version = "0.9.0"
        #expect(AssessmentCheck.problems(assessment, framework: seedFramework).isEmpty)
        #expect(assessment.placements(in: seedFramework)[0].stageID == "emerging")
    }
}

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test(arguments: ["2026-11-22", "2024-02-29", "2000-02-29", "1999-12-31"])
    func realDaysRead(_ text: String) { #expect(CalendarDate(text)?.description == text) }

    @Test(arguments: ["2025-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-1-01", "26-01-01",
                      "2026/01/01", "２０２６-01-01", "2026-01-01T00:00", "", "-2026-01-01"])
    func otherTextDoesNot(_ text: String) { #expect(CalendarDate(text) == nil) }

    @Test func todayFollowsTheTimeZone() {
        let instant = Date(timeIntervalSince1970: 1_795_305_600) // 2026-11-22 00:00 UTC
        #expect(CalendarDate.today(now: instant, timeZone: TimeZone(identifier: "UTC")!).description == "2026-11-22")
        #expect(CalendarDate.today(now: instant, timeZone: TimeZone(identifier: "America/New_York")!).description == "2026-11-21")
    }
}

@Suite("Slugs")
struct SlugTests {
    @Test(arguments: [
        ("West Yorkshire ICS", "west-yorkshire-ics"),
        ("Ynys Môn", "ynys-mon"),
        ("Bradford & Craven – ✓", "bradford-craven"),
        ("../../etc/passwd", "etc-passwd"),
        ("日本", "system"),
        ("", "system"),
        ("a\u{0}b\nc", "a-b-c"),
        ("NHS  Mid & South Essex", "nhs-mid-south-essex"),
    ])
    func examples(_ name: String, _ slug: String) { #expect(Slug.make(from: name) == slug) }

    @Test func systemNamesMatchIgnoringCaseAccentsAndPunctuation() {
        #expect(Slug.matchKey(for: "West Yorkshire ICS") == Slug.matchKey(for: "west-yorkshire, ics"))
        #expect(Slug.matchKey(for: "Ynys Môn") == Slug.matchKey(for: "YNYS MON"))
        #expect(Slug.matchKey(for: "日本") != Slug.matchKey(for: "中国"))
        #expect(Slug.matchKey(for: "Area 1") != Slug.matchKey(for: "Area 2"))
    }

    @Test func slugsAreAlwaysShortAndSafe() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "Z", "9", " ", "-", "/", "..", "\\", "\u{0}", "\n", "é", "日", "🙂", ".", "$(", "`", "%", "ß"]
        for _ in 0..<2000 {
            let name = (0..<Int.random(in: 0...80, using: &generator)).map { _ in pieces.randomElement()! }.joined()
            let slug = Slug.make(from: name)
            #expect(!slug.isEmpty && slug.count <= Slug.maximumLength)
            #expect(slug.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }, "\(slug)")
            #expect(!slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--"))
        }
        #expect(Slug.make(from: String(repeating: "word ", count: 50)).count <= Slug.maximumLength)
        #expect(Slug.make(from: String(repeating: "x", count: 100)) == String(repeating: "x", count: 40))
    }
}
