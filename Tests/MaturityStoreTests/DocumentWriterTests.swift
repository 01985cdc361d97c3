import Foundation
import MaturityFramework
import MaturityModel
import MaturityRules
import Testing
import TestSupport
@testable import MaturityStore

/// Issue 12: the assessment file is written field by field instead of through JSONEncoder (several times
/// faster, for a save after every change). The bytes must stay exactly the encoder's, and no field of the
/// wire types may be left out.
@Suite("Assessment file writer")
struct DocumentWriterTests {
    /// What JSONEncoder made of the same document, with its final line feed: the reference.
    func encoderBytes(_ assessment: Assessment, framework: Framework) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(AssessmentFile.document(assessment, framework: framework))
        data.append(0x0A)
        return data
    }

    @Test func theBytesAreTheEncodersForRandomAssessments() throws {
        var random = Mutator(seed: 12, fragments: [])
        let cases = max(200, fuzzCases / 3)
        for number in 0..<cases {
            let assessment = Self.randomAssessment(&random, number: number)
            let written = try AssessmentFile.encode(assessment, framework: seedFramework)
            let expected = try encoderBytes(assessment, framework: seedFramework)
            #expect(written == expected, "case \(number) differs:\n\(String(decoding: written, as: UTF8.self))")
            if written != expected { return }
            #expect(try AssessmentFile.decode(written) == assessment, "case \(number): \(String(describing: assessment.systemID))")
        }
        CampaignReport.record("Assessment file: written field by field, compared with JSONEncoder", cases: cases,
                              how: "random assessments (every optional field, members' views, counts and dissents, anonymous ones, control characters, quotes, slashes, emoji): the same bytes")
    }

    @Test func theSampleAndAnEmptyAssessmentAreTheEncodersBytes() throws {
        let empty = Assessment(starting: seedFramework, system: "S", date: CalendarDate("2026-01-01")!)
        for assessment in [sampleAssessment(), empty] {
            #expect(try AssessmentFile.encode(assessment, framework: seedFramework) == encoderBytes(assessment, framework: seedFramework))
        }
    }

    /// A property added to a wire type and forgotten by the writer would be silently dropped from every
    /// file: each type's stored properties must be the keys the writer writes, in sorted order.
    @Test func everyStoredPropertyOfTheWireTypesIsWritten() throws {
        var random = Mutator(seed: 3, fragments: [])
        let document = AssessmentFile.document(Self.randomAssessment(&random, number: 0, everything: true), framework: seedFramework)
        let area = try #require(document.areas.first)
        let samples: [(String, Any)] = [
            ("Document", document), ("Area", area), ("Action", try #require(area.actions?.first)),
            ("LastTime", try #require(document.lastTime)), ("PlacementSummary", try #require(area.placement?.summary)),
            ("FrameworkReference", document.framework), ("WorkshopPosition", try #require(document.position)),
            ("RecordEvent", try #require(document.events?.first)), ("SystemRename", try #require(document.systemRename)),
            ("Views", try #require(area.views?.values.first)), ("Counts", try #require(area.views?.values.first?.unnamed)),
            ("Dissent", try #require(area.views?.values.first?.dissent?.first)),
            ("TargetWire", try #require(document.areas.compactMap(\.target).first)),
            ("MetricWire", try #require(document.metrics?.first)),
        ]
        for (name, value) in samples {
            let properties = Mirror(reflecting: value).children.compactMap(\.label).sorted()
            let written = AssessmentFile.Document.keys[name] ?? []
            #expect(properties == written.sorted(), "\(name): stored \(properties), written \(written)")
            #expect(written == written.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, "\(name)'s keys in sorted order")
        }
        #expect(samples.count == AssessmentFile.Document.keys.count)
    }

    // MARK: - Random assessments

    /// `text` with its line breaks and control characters taken out, for fields a file keeps on one line.
    static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { ![.control, .lineSeparator, .paragraphSeparator].contains($0.properties.generalCategory) }))
    }

    static let pieces = ["a", "Z", "9", " ", "\"", "\\", "/", "\n", "\t", "\r", "\u{8}", "\u{C}", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}",
                         "é", "e\u{301}", "日本", "✓", "👩🏽‍⚕️", "\u{2028}", "&", "<", "{", "}", ":", ",", "[", "]", "null"]

    static func text(_ random: inout Mutator, upTo length: Int = 12) -> String {
        (0..<random.next(length + 1)).map { _ in pieces[random.next(pieces.count)] }.joined()
    }

    static func action(_ random: inout Mutator, _ id: String) -> Action {
        Action(id: id, what: text(&random), owner: text(&random), due: random.next(2) == 0 ? nil : CalendarDate("2027-03-31"),
               status: ActionStatus.allCases[random.next(ActionStatus.allCases.count)])
    }

    /// Random views on one criterion, never empty: named views (names with quotes, escapes, control
    /// characters and emoji), unnamed counts, dissents with and without a name; with `everything`, all three.
    static func views(_ random: inout Mutator, everything: Bool = false) -> CriterionViews {
        var views = CriterionViews()
        repeat {
            if everything || random.next(2) == 0 {
                for _ in 0..<(1 + random.next(4)) { views.named["P" + text(&random, upTo: 5)] = Answer.allCases[random.next(4)] }
            }
            if everything || random.next(2) == 0 {
                views.unnamed = Spread(yes: random.next(9), partly: random.next(3), no: random.next(2), unsure: random.next(2) * 999_000)
            }
            if everything || random.next(2) == 0 {
                for _ in 0..<(1 + random.next(3)) {
                    let note = String(("n" + text(&random, upTo: 20)).filter { !$0.isNewline })
                    views.dissents.append(Dissent(participant: random.next(2) == 0 && !everything ? nil : "D" + text(&random, upTo: 4), note: note))
                }
            }
        } while views.isEmpty
        return views
    }

    /// An assessment of the seed framework with random answers, notes and actions; with `everything`,
    /// every optional field present.
    static func randomAssessment(_ random: inout Mutator, number: Int, everything: Bool = false) -> Assessment {
        func maybe() -> Bool { everything || random.next(2) == 0 }
        var assessment = Assessment(starting: seedFramework, system: "System \(text(&random, upTo: 4))x",
                                    date: CalendarDate("2026-11-22")!,
                                    participants: (0..<random.next(4)).map { _ in text(&random, upTo: 5) })
        for area in seedFramework.areas {
            var record = assessment[area: area.id]
            for criterion in area.criteria {
                if maybe() { record.answers[criterion.id] = Answer.allCases[random.next(Answer.allCases.count)] }
                if random.next(3) == 0 || everything { record.notes[criterion.id] = text(&random, upTo: 30) }
                if random.next(4) == 0 { record.asLastTime.insert(criterion.id) }
                if random.next(3) == 0 || everything { record.views[criterion.id] = views(&random, everything: everything) }
            }
            if maybe() { record.actions = (0..<(1 + random.next(3))).map { action(&random, "a\($0 + 1)") } }
            if maybe() { record.reviewedActions = [action(&random, "r1")] }
            if maybe() { record.unreviewedActions = ["r2", text(&random, upTo: 3)] }
            assessment[area: area.id] = record
        }
        if random.next(5) == 0 { assessment.status = .complete }
        if maybe() {
            assessment.position = WorkshopPosition(step: "question", area: maybe() ? "economic-development" : nil,
                                                   criterion: maybe() ? text(&random, upTo: 3) : nil)
        }
        if maybe() {
            assessment.lastTime = LastTime(date: CalendarDate("2025-11-20")!, file: "2025-11-20-\(text(&random, upTo: 3)).json",
                                           answers: ["econ-emerging-plan-reviewed": .partly], notes: maybe() ? ["x": text(&random)] : [:])
        }
        if maybe() {
            assessment.events = [RecordEvent(.completed, at: "2026-11-22T10:00:00Z", by: maybe() ? text(&random, upTo: 3) : nil),
                                 RecordEvent(.reopened, at: "2026-11-23T10:00:00Z", reason: maybe() ? text(&random) : nil,
                                             criteria: maybe() ? ["a", text(&random, upTo: 2)] : nil)]
        }
        assessment.systemID = maybe() ? (number % 2 == 0 ? "west-yorkshire-ics" : "humber-and-north-yorkshire") : nil
        if maybe() { assessment.systemRename = SystemRename(from: text(&random) + "x", to: "y" + text(&random), date: CalendarDate("2026-01-02")!) }
        if !everything && random.next(4) == 0 { assessment.makeAnonymous() }
        if everything || maybe() { assessment.established = CalendarDate("2022-07-01") }
        if everything || maybe() {
            assessment.metrics = [MetricReading(metricID: "econ-nhs-spend", value: ExactDecimal(units: 123_450, scale: 2)!, unit: "£ million a year",
                                                period: maybe() ? oneLine(text(&random)) + "p" : nil, source: maybe() ? "s" + oneLine(text(&random)) : nil,
                                                note: maybe() ? text(&random) : nil),
                                  MetricReading(metricID: text(&random) + "m", value: ExactDecimal(units: -5, scale: 0)!, unit: "u" + oneLine(text(&random)))]
        }
        if everything || maybe() { assessment.place = "P" + oneLine(text(&random)).filter { !$0.unicodeScalars.contains { TerminalText.isUnsafe($0) } } + "p" }
        if everything || maybe() { assessment[area: "climate-change"].target = Target(stageID: maybe() ? "established" : text(&random) + "x", year: 2028) }
        return assessment
    }
}
