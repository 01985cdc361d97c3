import Foundation
import MaturityFramework
@testable import MaturityModel
import MaturityRules
import Testing
import TestSupport
@testable import MaturityStore

/// Issue 15: an assessment's place in its file, its file's name, and the series it belongs to.
@Suite("Places: the file, its name and its series")
struct PlaceFileTests {
    func placed(_ place: String?, system: String = "West Yorkshire ICS", date: String = "2026-11-22") -> Assessment {
        var assessment = sampleAssessment(system: system, date: date)
        assessment.place = place
        return assessment
    }

    @Test func aPlaceIsWrittenAtSchemaTwoAndReadBack() throws {
        for place in ["Leeds", "Bradford District & Craven", "../..", "/", "...", "West Yorkshire ICS", "Humber and North Yorkshire ICS",
                      "Ynys Môn – 日本 😀", String(repeating: "x", count: TypedName.maximumLength)] {
            let assessment = placed(place)
            let data = try AssessmentFile.encode(assessment, framework: seedFramework)
            let text = String(decoding: data, as: UTF8.self)
            #expect(text.contains("\"schemaVersion\" : 2"))
            #expect(try AssessmentFile.decode(data) == assessment)
            #expect(AssessmentFile.glance(in: data) == AssessmentGlance(assessment))
        }
    }

    /// A file without a place is what the build before places wrote: no `place` key, and the lowest schema.
    @Test func aFileWithoutAPlaceIsUnchanged() throws {
        let data = try AssessmentFile.encode(sampleAssessmentWithoutHash(), framework: seedFramework)
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("\"place\""))
        #expect(text.contains("\"schemaVersion\" : 1"))
        #expect(AssessmentStore.fileName(for: sampleAssessment()) == "2026-11-22-west-yorkshire-ics.json")
    }

    /// A place is checked as a system name typed is: the decoder refuses it in one line naming `place`, and
    /// the glance reader leaves the file to the decoder.
    @Test func badPlacesAreRefusedByTheDecoderAndTheGlanceAlike() throws {
        let good = String(decoding: try AssessmentFile.encode(placed("Leeds"), framework: seedFramework), as: UTF8.self)
        let bad = ["\"\"", "\" \"", "\" Leeds\"", "\"Leeds \"", "\"a\\u001bb\"", "\"a\\nb\"", "\"a\\tb\"", "\"\\u202eLeeds\"", "\"\\u0000\"",
                   "\"\(String(repeating: "p", count: TypedName.maximumLength + 1))\"", "7", "true", "[\"Leeds\"]", "{}"]
        for value in bad {
            let data = Data(good.replacingOccurrences(of: "\"place\" : \"Leeds\"", with: "\"place\" : \(value)").utf8)
            #expect(AssessmentFile.glance(in: data) == nil, "\(value)")
            #expect(throws: AssessmentFileError.self, "\(value)") { try AssessmentFile.decode(data) }
            do {
                _ = try AssessmentFile.decode(data)
            } catch {
                #expect(error.reason.hasPrefix("place") && !error.reason.contains("\n"), "\(value): \(error.reason)")
            }
        }
        // Null is no place, for both.
        let null = Data(good.replacingOccurrences(of: "\"place\" : \"Leeds\"", with: "\"place\" : null").utf8)
        #expect(try AssessmentFile.decode(null).place == nil)
        #expect(AssessmentFile.glance(in: null)?.place == nil && AssessmentFile.glance(in: null) != nil)
        CampaignReport.record("Places: bad place values in a file", cases: bad.count + 1,
                              how: "empty, padded, escapes, line breaks, tabs, bidi overrides, NUL, 201 characters, other JSON types, null: the decoder refuses in one line, the glance agrees")
    }

    @Test func aPlaceGivesItsOwnFileName() {
        #expect(AssessmentStore.fileName(for: placed("Leeds")) == "2026-11-22-west-yorkshire-ics--leeds.json")
        #expect(AssessmentStore.fileName(for: placed("Leeds"), suffix: 2) == "2026-11-22-west-yorkshire-ics--leeds-2.json")
        #expect(AssessmentStore.fileName(for: placed("../..")) == "2026-11-22-west-yorkshire-ics--place.json")
        #expect(AssessmentStore.fileName(for: placed("/")) == "2026-11-22-west-yorkshire-ics--place.json")
        #expect(AssessmentStore.fileName(for: placed("West Yorkshire ICS")) == "2026-11-22-west-yorkshire-ics--west-yorkshire-ics.json")
        #expect(AssessmentStore.fileName(for: placed(String(repeating: "abc ", count: 60))).count < 120)
    }

    /// No system and place pair makes another pair's file name: the first `--` parts them, since a slug
    /// joins its words with single hyphens. Random names of words, hyphens, punctuation and other scripts.
    @Test func noTwoSystemAndPlacePairsShareAFileName() {
        var random = Mutator(seed: 15, fragments: [])
        let pieces = ["a", "b", "leeds", "-", "--", " ", "/", ".", "..", "&", "and", "é", "日本", "2", "-2", "ics", "·", "_"]
        func name() -> String { (0..<random.next(5)).map { _ in pieces[random.next(pieces.count)] }.joined() }
        var owner: [String: (String, String?)] = [:]
        var cases = 0
        for _ in 0..<max(2000, fuzzCases) {
            let system = "S" + name()
            let place: String? = random.next(4) == 0 ? nil : name()
            let file = AssessmentStore.fileName(for: placed(place, system: system))
            let pair = (Slug.make(from: system), place.map { Slug.make(from: $0, fallback: "place") })
            #expect(!pair.0.contains("--") && !(pair.1?.contains("--") ?? false))
            // The name parses back to the pair: the system's slug up to the first "--", the place's after it.
            let stem = file.dropFirst(11).dropLast(5)
            let parts = stem.components(separatedBy: "--")
            #expect(parts.count == (place == nil ? 1 : 2), "\(file)")
            #expect(parts.first == pair.0 && (parts.count == 2 ? parts[1] : nil) == pair.1, "\(file)")
            if let other = owner[file] {
                #expect(other.0 == pair.0 && other.1 == pair.1, "\(file) for two pairs")
            }
            owner[file] = pair
            cases += 1
        }
        CampaignReport.record("Places: file names of random system and place pairs", cases: cases,
                              how: "names of words, hyphens, punctuation and other scripts: each name parses back to its own pair at the first --")
    }

    @Test func twoAssessmentsOfOnePlaceOnOneDayGetTheSuffix() throws {
        let folder = TemporaryFolder()
        let store = AssessmentStore(folder: folder.url, cache: nil)
        _ = try store.create(placed("Leeds"), framework: seedFramework)
        _ = try store.create(placed("leeds"), framework: seedFramework)
        _ = try store.create(placed(nil), framework: seedFramework)
        #expect(folder.fileNames == ["2026-11-22-west-yorkshire-ics--leeds-2.json", "2026-11-22-west-yorkshire-ics--leeds.json",
                                     "2026-11-22-west-yorkshire-ics.json"])
    }

    /// A place's assessments are a series of their own: the earlier assessment and the history of an
    /// assessment are of the same system and the same place (matched as names are), or of the system level.
    @Test func eachPlaceIsASeriesOfItsOwn() {
        func filed(_ place: String?, _ date: String, system: String = "West Yorkshire ICS") -> FiledAssessment {
            var assessment = placed(place, system: system, date: date)
            assessment.systemID = Slug.identity(for: system)
            return FiledAssessment(url: URL(fileURLWithPath: "/s/" + AssessmentStore.fileName(for: assessment)), assessment: assessment)
        }
        let entries = [filed(nil, "2024-01-01"), filed("Leeds", "2025-01-01"), filed("Bradford", "2025-06-01"),
                       filed("Leeds", "2025-01-01", system: "Humber ICS"), filed("West Yorkshire ICS", "2025-07-01")]
        let leeds = filed("LEEDS!", "2026-01-01")
        let around = SystemHistory.around(leeds.assessment, file: leeds.url.lastPathComponent, among: entries)
        #expect(around.earlier?.assessment.date == CalendarDate("2025-01-01"))
        #expect(around.earlier?.assessment.system == "West Yorkshire ICS" && around.earlier?.assessment.place == "Leeds")
        #expect(around.series.map(\.assessment.date.description) == ["2025-01-01", "2026-01-01"])
        let system = filed(nil, "2026-01-01")
        let level = SystemHistory.around(system.assessment, file: system.url.lastPathComponent, among: entries)
        #expect(level.series.map(\.assessment.date.description) == ["2024-01-01", "2026-01-01"], "the system level only")
        // The place named like the system is a place, not the system level.
        let named = filed("west yorkshire ics", "2026-01-01")
        #expect(SystemHistory.around(named.assessment, file: named.url.lastPathComponent, among: entries).earlier?.assessment.date
            == CalendarDate("2025-07-01"))
        // The places keep the spelling first written, in the order first used.
        let directory = SystemDirectory((entries + [leeds]).map { SystemDirectory.Member($0.assessment, file: $0.url.lastPathComponent) })
        #expect(directory.places(of: "west-yorkshire-ics") == ["Leeds", "Bradford", "West Yorkshire ICS"])
        #expect(directory.place(named: "leeds", in: "west-yorkshire-ics") == "Leeds")
        #expect(directory.places(of: "humber-ics") == ["Leeds"])
    }
}
