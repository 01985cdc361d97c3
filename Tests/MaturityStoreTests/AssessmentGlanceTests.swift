import Foundation
import MaturityFramework
@testable import MaturityModel
import MaturityRules
import Testing
import TestSupport
@testable import MaturityStore

/// The fast reader behind `list` (``AssessmentFile/glance(in:)``) must read every file it accepts
/// exactly as the full decoder does, and accept the files maturity writes.
@Suite("Reading the glance of an assessment file")
struct AssessmentGlanceTests {
    /// Assessments with everything a file can carry: a rename, no identity, last time, events, notes
    /// in several scripts with escapes, actions with and without a due date.
    static func variedAssessments() -> [Assessment] {
        var full = sampleAssessment(system: "North Wales ICS")
        full.systemID = "ynys-mon-and-gwynedd-ics"
        full.systemRename = SystemRename(from: "Ynys Môn & Gwynedd ICS", to: "North Wales ICS", date: full.date)
        full.established = CalendarDate("2022-07-01")
        full[area: "economic-development"].target = Target(stageID: "expanding", year: 2030)
        full.metrics = [MetricReading(metricID: "climate-carbon-footprint", value: ExactDecimal(units: 4_120_050, scale: 2)!,
                                      unit: "tCO2e a year", period: "2025/26", source: "Green plan", note: "Measured by the ICB")]
        full.status = .complete
        // Issue 15: a place, with characters a file name could not hold.
        full.place = "Bradford District & Craven / \"..\" ✓"
        full.position = WorkshopPosition(step: "question", area: "climate-change", criterion: nil)
        full.events = [RecordEvent(.completed, at: "2026-11-22T10:00:00Z", by: "alice"),
                       RecordEvent(.confirmedCarried, at: "2026-11-22T10:01:00Z", criteria: ["c1", "c2"])]
        full.lastTime = LastTime(date: CalendarDate("2025-11-20")!, file: "2025-11-20-north-wales-ics.json",
                                 answers: ["econ-emerging-plan-reviewed": .partly], notes: ["x": "a \"quoted\"\\ note\n\ttabbed / slashed"])
        var climate = full[area: "climate-change"]
        climate.notes = ["climate-emerging-green-plan": "Line one\nline two – ✓ 日本 😀"]
        climate.actions = [Action(id: "a2", what: "Plan", owner: "Estates")]
        climate.asLastTime = ["climate-emerging-green-plan"]
        climate.reviewedActions = [Action(id: "a0", what: "Old", owner: "Chair", status: .done)]
        climate.unreviewedActions = ["a9"]
        full[area: "climate-change"] = climate
        var older = sampleAssessment(system: "Ynys Môn & Gwynedd ICS", date: "2025-11-20")
        older.systemID = nil
        var blank = Assessment(starting: seedFramework, system: "South ICS", date: CalendarDate("2024-02-29")!)
        blank.participants = []
        // Issue 13: views by name (names with quotes, slashes, tabs, emoji, a name not among the
        // participants), counts, dissents with and without a name, on answered and unanswered criteria.
        var economy = full[area: "economic-development"]
        economy.views = [
            "econ-emerging-plan-reviewed": CriterionViews(
                named: ["Ann \"the chair\"": .yes, "Bo/Director\t": .no, "Cy 😀": .partly, "Guest": .yes],
                unnamed: Spread(yes: 1, unsure: 2),
                dissents: [Dissent(participant: "Bo/Director\t", note: "Not \"aligned\" – \\ yet ✓"), Dissent(participant: nil, note: "x")]),
            "econ-established-strategy-aligned": CriterionViews(unnamed: Spread(partly: 3, no: 1)),
            "econ-expanding-shared-aims": CriterionViews(dissents: [Dissent(participant: "Di", note: "Only a dissent")]),
        ]
        full[area: "economic-development"] = economy
        // The older file is of an anonymous workshop: counts and unnamed dissents only.
        older[area: "climate-change"].views = full[area: "economic-development"].views
        older.makeAnonymous()
        return [sampleAssessment(), full, older, blank]
    }

    @Test func theFilesMaturityWritesAreReadAlike() throws {
        for assessment in Self.variedAssessments() {
            let data = try AssessmentFile.encode(assessment, framework: seedFramework)
            let glance = try #require(AssessmentFile.glance(in: data), "\(assessment.system)")
            #expect(glance == AssessmentGlance(try AssessmentFile.decode(data)))
            #expect(glance.systemID == assessment.systemID && glance.systemRename == assessment.systemRename)
        }
    }

    /// The glance is checked against a framework, and placed, as the whole assessment is: the same
    /// problems (unknown areas, criteria answered or noted that the framework lacks, another framework),
    /// the same stage titles and provisional marks.
    @Test func theGlanceIsCheckedAndPlacedAsTheAssessmentIs() throws {
        var cases = Self.variedAssessments()
        var unknown = sampleAssessment()
        unknown[area: "invented-area"] = AreaRecord(id: "invented-area", answers: ["x": .yes])
        var economy = unknown[area: "economic-development"]
        economy.answers["invented-criterion"] = .no
        economy.notes["noted-only"] = "a note on nothing"
        economy.views["viewed-only"] = CriterionViews(named: ["Ann": .yes])
        unknown[area: "economic-development"] = economy
        var otherVersion = unknown
        otherVersion.framework.version = "0.9"
        var otherFramework = sampleAssessment()
        otherFramework.framework.id = "another-framework"
        var everyStage = sampleAssessment()
        for criterion in seedFramework.allCriteria { everyStage[area: seedFramework.areas[0].id].answers[criterion.id] = .yes }
        cases += [unknown, otherVersion, otherFramework, everyStage]
        let criteria = FrameworkCriteria(seedFramework)
        for assessment in cases {
            let glance = AssessmentGlance(assessment)
            #expect(AssessmentCheck.problems(glance, framework: criteria) == AssessmentCheck.problems(assessment, framework: seedFramework))
            let placements = assessment.placements(in: seedFramework)
            #expect(glance.stages(in: criteria).map(\.title) == placements.map(\.stageTitle))
            #expect(glance.stages(in: criteria).map(\.isProvisional) == placements.map(\.isProvisional))
        }
        #expect(!AssessmentCheck.problems(AssessmentGlance(unknown), framework: criteria).isEmpty)
        #expect(AssessmentCheck.problems(unknown, framework: seedFramework)
            .contains("criterion 'viewed-only' is not in area 'economic-development' of \(seedFramework.id) \(seedFramework.version)"))
    }

    /// Random answers, some given in another area than the criterion's, some to the same criterion in
    /// two areas (the later area's counts), some to criteria or areas the framework lacks, some notes:
    /// the glance is placed and checked as the whole assessment is.
    @Test func randomGlancesArePlacedAndCheckedAsTheirAssessments() {
        var random = Mutator(seed: 77, fragments: [])
        let criteria = FrameworkCriteria(seedFramework)
        let ids = seedFramework.allCriteria.map(\.id) + ["invented", "zzz-last", "0-first"]
        let areaIDs = seedFramework.areas.map(\.id) + ["invented-area"]
        for _ in 0..<2000 {
            var assessment = sampleAssessment()
            assessment.areas = areaIDs.filter { _ in random.next(5) > 0 }.map { AreaRecord(id: $0) }
            for index in assessment.areas.indices {
                for id in ids where random.next(3) == 0 {
                    assessment.areas[index].answers[id] = Answer.allCases[random.next(4)]
                }
                for id in ids where random.next(12) == 0 { assessment.areas[index].notes[id] = "n" }
                for id in ids where random.next(10) == 0 {
                    assessment.areas[index].views[id] = CriterionViews(named: ["A": Answer.allCases[random.next(4)]], unnamed: Spread(no: random.next(3)))
                }
            }
            if random.next(4) == 0 { assessment.framework.version = "0.9" }
            let glance = AssessmentGlance(assessment)
            let placements = assessment.placements(in: seedFramework)
            let stages = glance.stages(in: criteria)
            #expect(stages.map(\.title) == placements.map(\.stageTitle))
            #expect(stages.map(\.isProvisional) == placements.map(\.isProvisional))
            #expect(AssessmentCheck.problems(glance, framework: criteria) == AssessmentCheck.problems(assessment, framework: seedFramework))
        }
    }

    /// `progress` works from glances: the progression of the assessments a glance tells of is the
    /// progression of the whole assessments (stages, movements, criteria newly met and lost, names).
    @Test func aProgressionFromGlancesIsTheProgressionOfTheAssessments() throws {
        var random = Mutator(seed: 1201, fragments: [])
        for _ in 0..<200 {
            var series: [Progression.Entry] = []
            for index in 0..<(1 + random.next(5)) {
                var assessment = sampleAssessment(date: "202\(index)-0\(1 + random.next(9))-1\(random.next(10))")
                assessment.areas = seedFramework.areas.filter { _ in random.next(6) > 0 }.map { AreaRecord(id: $0.id) }
                for area in assessment.areas.indices {
                    for criterion in seedFramework.allCriteria where random.next(3) > 0 {
                        assessment.areas[area].answers[criterion.id] = Answer.allCases[random.next(4)]
                    }
                }
                assessment.status = random.next(2) == 0 ? .draft : .complete
                series.append(Progression.Entry(assessment: assessment, file: "f\(index).json"))
            }
            let whole = Progression(entries: series, framework: seedFramework)
            let seen = Progression(entries: series.map { Progression.Entry(assessment: AssessmentGlance($0.assessment).assessment, file: $0.file) },
                                   framework: seedFramework)
            #expect(seen.system == whole.system && seen.entries.map(\.file) == whole.entries.map(\.file))
            #expect(seen.entries.map(\.assessment.date) == whole.entries.map(\.assessment.date))
            #expect(seen.entries.map(\.assessment.status) == whole.entries.map(\.assessment.status))
            for (glanced, full) in zip(seen.areas, whole.areas) {
                #expect(glanced.points == full.points)
                #expect(glanced.steps.map(\.movement) == full.steps.map(\.movement))
                #expect(glanced.steps.map { $0.newlyMet.map(\.id) } == full.steps.map { $0.newlyMet.map(\.id) })
                #expect(glanced.steps.map { $0.newlyLost.map(\.id) } == full.steps.map { $0.newlyLost.map(\.id) })
            }
        }
    }

    /// Text the full decoder reads in its own way (or refuses) is left to it: the glance says "not sure".
    @Test(arguments: [
        "\u{FEFF}", // a byte order mark before the object
        "\"system\": \"West \\u0059orkshire ICS\",", // a \u escape, even a harmless one
        "\"system\": \"Other ICS\",", // a member given twice (the decoder keeps the first)
        "\"syst\\u0065m\": \"Other\",", // a key written with an escape
        "\"unknown\": [1,],", // a malformed value the decoder passes over unread
        "\"unknown\": 01,",
        "\"unknown\": \"\\x\",",
        "\"schemaVersion\": 1.0,",
    ])
    func whatTheReaderIsNotSureOfIsLeftToTheDecoder(_ insertion: String) throws {
        let text = String(decoding: try AssessmentFile.encode(sampleAssessment(), framework: seedFramework), as: UTF8.self)
        let changed = insertion == "\u{FEFF}" ? insertion + text : text.replacingOccurrences(of: "\"kind\"", with: insertion + " \"kind\"")
        #expect(AssessmentFile.glance(in: Data(changed.utf8)) == nil)
    }

    /// A stored placement is not read (placements are recomputed): whatever it holds, both readers pass it over.
    @Test func aStoredPlacementIsNeverRead() throws {
        var text = String(decoding: try AssessmentFile.encode(sampleAssessment(), framework: seedFramework), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"placement\" : {", with: "\"placement\" : {\"stage\": 12, \"x\": [null], ")
        let data = Data(text.utf8)
        let decoded = try AssessmentFile.decode(data)
        #expect(AssessmentFile.glance(in: data) == AssessmentGlance(decoded))
        #expect(decoded.placements(in: seedFramework)[0].stageID == "emerging")
    }

    /// Mutated files: whenever the glance reader accepts one, the full decoder reads it too, and the
    /// same way; and every file the reader refuses is still decoded (or refused) by the full decoder.
    @Test func theGlanceAgreesWithTheDecoderOnMutatedFiles() throws {
        let originals = try Self.variedAssessments().map { Array(try AssessmentFile.encode($0, framework: seedFramework)) }
        var mutator = Mutator(seed: 12, fragments: [
            "{", "}", "[", "]", "\"", ",", ":", "\\", "null", "true", "0", "-1", "1.5", "1e999", "\\u0000", "\\n", "é", "\u{0}",
            " ", "\"yes\"", "\"maybe\"", "\"done\"", "\"draft\"", "\"2026-02-30\"", "\"system\": \"Other\",",
            "\"systemID\": \"other-ics\",", "\"systemID\": \"Other ICS\",", "\"schemaVersion\": 2,", "\"schemaVersion\": 3,", "\"placement\": 5,",
            "\"established\": \"2099-01-01\",", "\"established\": \"2022-02-30\",", "\"established\": null,", "\"established\": 7,",
            "\"target\": {\"by\": 2027, \"stage\": \"established\"},", "\"target\": {\"by\": 27, \"stage\": \"x\"},",
            "\"target\": {\"by\": 2027, \"stage\": \" \"},", "\"target\": {\"by\": 2027.0, \"stage\": \"x\"},", "\"target\": null,",
            "\"metrics\": [{\"metric\": \"m\", \"unit\": \"u\", \"value\": \"12.50\"}],", "\"metrics\": [{\"metric\": \"m\", \"unit\": \"u\", \"value\": \"12%\"}],",
            "\"metrics\": [{\"metric\": \"m\", \"unit\": \"u\", \"value\": 12}],", "\"metrics\": [{\"metric\": \"m\", \"unit\": \"a\\nb\", \"value\": \"1\"}],",
            "\"metrics\": [{\"metric\": \"m\", \"unit\": \"u\", \"value\": \"1\"}, {\"metric\": \"m\", \"unit\": \"u\", \"value\": \"2\"}],",
            "\"place\": \"Leeds\",", "\"place\": \" Leeds\",", "\"place\": \"\",", "\"place\": null,", "\"place\": 7,",
            "\"place\": \"a\\u001bb\",", "\"place\": \"a\\nb\",", "\"place\": \"\\u202ex\",", "\"place\": \"\(String(repeating: "p", count: 201))\",",
            "\"place\": \"../..\",",
            "\"notes\": {\"x\": 1},", "\"due\": null,", "\"kind\": \"other\",", "\"answers\": {},",
        ], rawFragments: [[0xFF], [0xC3], [0xED, 0xA0, 0x80]])
        var accepted = 0, disagreements = 0, decodable = 0
        for index in 0..<fuzzCases {
            let bytes = mutator.mutate(originals[index % originals.count])
            let data = Data(bytes)
            let decoded = try? AssessmentFile.decode(data)
            if decoded != nil { decodable += 1 }
            guard let glance = AssessmentFile.glance(in: data) else { continue }
            accepted += 1
            if glance != decoded.map(AssessmentGlance.init) {
                disagreements += 1
                Issue.record("the glance differs from the decoder on: \(String(decoding: bytes, as: UTF8.self))")
            }
        }
        #expect(disagreements == 0)
        // Most mutations break the JSON; of those the decoder still reads (in notes, white space), most are read fast.
        #expect(accepted > decodable * 3 / 4, "most harmless mutations (in notes, white space) should still be read fast")
        CampaignReport.record("Assessment file: glance reader against the full decoder (fuzz)", cases: fuzzCases,
                              how: "random deletions, duplications and JSON fragments of 4 varied files; \(accepted) read by the glance, 0 read differently")
    }

    /// Mutated documents: members removed, values of another type or an unknown word put in their
    /// place, array elements (whole areas, actions) duplicated, unknown members added, at any depth.
    /// Every document the glance reader accepts is read the same way by the full decoder.
    @Test func theGlanceAgreesWithTheDecoderOnMutatedDocuments() throws {
        let originals = try Self.variedAssessments().map {
            try JSONSerialization.jsonObject(with: try AssessmentFile.encode($0, framework: seedFramework))
        }
        var random = Mutator(seed: 1212, fragments: [])
        var accepted = 0, disagreements = 0
        for index in 0..<fuzzCases {
            var document = originals[index % originals.count]
            for _ in 0...random.next(3) { document = Self.mutate(document, &random) }
            let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .fragmentsAllowed])
            let decoded = try? AssessmentFile.decode(data)
            guard let glance = AssessmentFile.glance(in: data) else { continue }
            accepted += 1
            if glance != decoded.map(AssessmentGlance.init) {
                disagreements += 1
                Issue.record("the glance differs from the decoder on: \(String(decoding: data, as: UTF8.self))")
            }
        }
        #expect(disagreements == 0)
        #expect(accepted > fuzzCases / 10)
        CampaignReport.record("Assessment file: glance reader against the full decoder, mutated documents (fuzz)", cases: fuzzCases,
                              how: "members removed, retyped or set to unknown words, elements duplicated, at any depth; \(accepted) read by the glance, 0 read differently")
    }

    /// Values put in place of others: every JSON type, and words that are valid in some members only.
    static var replacements: [Any] { [
        NSNull(), 0, 1, 2, 1.5, -1, true, "", " ", "x", "yes", "partly", "maybe", "done", "draft", "complete", "dropped",
        "2026-02-30", "2026-01-01", "maturity-assessment", "Other ICS", "other-ics", "Other-ICS", [String: Any](), [Any](),
        ["a"], ["a": "b"], ["a": "yes"], ["id": "economic-development", "answers": [String: Any]()],
        1_000_001, "two\nlines", ["note": "x"], ["note": "x", "participant": " "], ["yes": 2, "no": -1], ["named": ["Ann": "yes"]],
    ] }

    /// `value` with one random change somewhere inside it.
    static func mutate(_ value: Any, _ random: inout Mutator) -> Any {
        if var object = value as? [String: Any], !object.isEmpty {
            let keys = object.keys.sorted()
            let key = keys[random.next(keys.count)]
            let replacements = replacements
            switch random.next(6) {
            case 0: object.removeValue(forKey: key)
            case 1: object[key] = replacements[random.next(replacements.count)]
            case 2: object["unknown\(random.next(3))"] = replacements[random.next(replacements.count)]
            default: object[key] = mutate(object[key] as Any, &random)
            }
            return object
        }
        if var array = value as? [Any], !array.isEmpty {
            let index = random.next(array.count), replacements = replacements
            switch random.next(5) {
            case 0: array.append(array[index])
            case 1: array.remove(at: index)
            case 2: array[index] = replacements[random.next(replacements.count)]
            default: array[index] = mutate(array[index], &random)
            }
            return array
        }
        return replacements[random.next(replacements.count)]
    }
}
