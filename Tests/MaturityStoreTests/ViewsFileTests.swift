import Foundation
import MaturityFramework
import MaturityModel
import MaturityRules
import Testing
import TestSupport
@testable import MaturityStore

/// Issue 13: the assessment file keeps members' views, unnamed counts and dissents; files without them
/// are the files maturity wrote before; every bad value is one clear line, and the glance reader
/// refuses (leaves to the decoder) exactly what the decoder refuses.
@Suite("Views in the assessment file")
struct ViewsFileTests {
    /// The sample with views by name on one criterion, counts on another, dissents on a third.
    static func withViews() -> Assessment {
        var assessment = sampleAssessment()
        var economy = assessment[area: "economic-development"]
        economy.views = [
            "econ-emerging-plan-reviewed": CriterionViews(named: ["Cathy (chair)": .yes, "Rob": .no, "Guest": .partly],
                                                          dissents: [Dissent(participant: "Rob", note: "Not minuted")]),
            "econ-emerging-plan-known": CriterionViews(unnamed: Spread(yes: 2, unsure: 1)),
            "econ-expanding-joint-tracking": CriterionViews(dissents: [Dissent(participant: nil, note: "Too early")]),
        ]
        assessment[area: "economic-development"] = economy
        return assessment
    }

    func text(_ assessment: Assessment) throws -> String {
        String(decoding: try AssessmentFile.encode(assessment, framework: seedFramework), as: UTF8.self)
    }

    /// Decoding `text` fails with exactly `reason`, and the glance reader does not read it either.
    func expectRefused(_ text: String, _ reason: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let data = Data(text.utf8)
        #expect(throws: AssessmentFileError(reason), sourceLocation: sourceLocation) { try AssessmentFile.decode(data) }
        #expect(AssessmentFile.glance(in: data) == nil, sourceLocation: sourceLocation)
    }

    @Test func viewsCountsAndDissentsSurviveASaveAndALoad() throws {
        let assessment = Self.withViews()
        let text = try text(assessment)
        #expect(text.contains("""
                  "views" : {
                    "econ-emerging-plan-known" : {
                      "unnamed" : {
                        "no" : 0,
                        "partly" : 0,
                        "unsure" : 1,
                        "yes" : 2
                      }
                    },
                    "econ-emerging-plan-reviewed" : {
                      "dissent" : [
                        {
                          "note" : "Not minuted",
                          "participant" : "Rob"
                        }
                      ],
                      "named" : {
                        "Cathy (chair)" : "yes",
                        "Guest" : "partly",
                        "Rob" : "no"
                      }
                    },
                    "econ-expanding-joint-tracking" : {
                      "dissent" : [
                        {
                          "note" : "Too early"
                        }
                      ]
                    }
                  }
            """))
        #expect(!text.contains("anonymousViews"))
        let read = try AssessmentFile.decode(Data(text.utf8))
        #expect(read == assessment)
        #expect(read[area: "economic-development"].consensusCount == ConsensusCount(matched: 3, counted: 6))
        let glance = try #require(AssessmentFile.glance(in: Data(text.utf8)))
        #expect(glance == AssessmentGlance(read))
        #expect(glance.areas[0].consensus == ConsensusCount(matched: 3, counted: 6))
        #expect(glance.areas[0].viewCriteria == ["econ-emerging-plan-known", "econ-emerging-plan-reviewed", "econ-expanding-joint-tracking"])
    }

    @Test func aFileWithViewsIsSchemaVersionTwoSoOlderVersionsRefuseItRatherThanDropTheViews() throws {
        #expect(try text(sampleAssessmentWithoutHash()).contains("\"schemaVersion\" : 1,"))
        #expect(try text(Self.withViews()).contains("\"schemaVersion\" : 2,"))
        var anonymous = sampleAssessment()
        anonymous.makeAnonymous()
        #expect(try text(anonymous).contains("\"schemaVersion\" : 2,"))
        // Read back, and a version this build does not know is refused.
        #expect(try AssessmentFile.decode(Data(try text(Self.withViews()).utf8)) == Self.withViews())
        let future = try text(Self.withViews()).replacingOccurrences(of: "\"schemaVersion\" : 2,", with: "\"schemaVersion\" : 3,")
        #expect(throws: AssessmentFileError.self) { try AssessmentFile.decode(Data(future.utf8)) }
    }

    @Test func anAnonymousAssessmentKeepsCountsAndUnnamedDissentsOnly() throws {
        var assessment = Self.withViews()
        assessment.makeAnonymous()
        let text = try text(assessment)
        #expect(text.hasPrefix("{\n  \"anonymousViews\" : true,\n  \"areas\" : ["))
        #expect(!text.contains("\"named\"") && !text.contains("\"participant\""))
        let read = try AssessmentFile.decode(Data(text.utf8))
        #expect(read.anonymousViews && read == assessment)
        #expect(read.views(on: "econ-emerging-plan-reviewed", in: "economic-development")?.unnamed == Spread(yes: 1, partly: 1, no: 1))
        #expect(AssessmentFile.glance(in: Data(text.utf8)) == AssessmentGlance(read))
    }

    /// A file written before views loads with none, and is written again byte for byte.
    @Test func aFileWrittenBeforeViewsLoadsUnchangedAndIsWrittenAlike() throws {
        let data = Data((fileBeforeViews + "\n").utf8)
        let read = try AssessmentFile.decode(data)
        #expect(read.areas.allSatisfy(\.views.isEmpty) && !read.anonymousViews)
        #expect(read.participants == ["Ann", "Bo \"B\" Smith"])
        #expect(try AssessmentFile.encode(read, framework: seedFramework) == data)
        #expect(AssessmentFile.glance(in: data) == AssessmentGlance(read))
        // And an assessment without views writes no key of them.
        let plain = try text(sampleAssessment())
        #expect(!plain.contains("views") && !plain.contains("anonymous"))
    }

    /// Every bad value of a view is one line naming its place; the glance reader leaves the file to the decoder.
    @Test(arguments: [
        (#"{"named": {"Ann": "maybe"}}"#, "areas.economic-development.views.X.named.Ann: 'maybe' is not yes, partly, no or unsure"),
        (#"{"named": {"Ann": "Yes"}}"#, "areas.economic-development.views.X.named.Ann: 'Yes' is not yes, partly, no or unsure"),
        (#"{"named": {" ": "yes"}}"#, "areas.economic-development.views.X.named: a participant's name must not be empty"),
        (#"{"unnamed": {"yes": -1}}"#, "areas.economic-development.views.X.unnamed.yes: -1 is not a count of views (a whole number from 0 to 1000000)"),
        (#"{"unnamed": {"no": 1000001}}"#, "areas.economic-development.views.X.unnamed.no: 1000001 is not a count of views (a whole number from 0 to 1000000)"),
        (#"{"unnamed": {"no": "2"}}"#, "areas[0].views.X.unnamed.no: expected a number"),
        (#"{"unnamed": {"no": 1.5}}"#, "areas.economic-development.views.X.unnamed.no: 1.5 is not a count of views (a whole number from 0 to 1000000)"),
        (#"{"unnamed": {"no": 1e7}}"#, "areas.economic-development.views.X.unnamed.no: 10000000 is not a count of views (a whole number from 0 to 1000000)"),
        (#"{"dissent": [{"note": "two\nlines"}]}"#, "areas.economic-development.views.X.dissent[0].note: must be one line"),
        (#"{"dissent": [{"note": "a\u2028b"}]}"#, "areas.economic-development.views.X.dissent[0].note: must be one line"),
        (#"{"dissent": [{"note": "  "}]}"#, "areas.economic-development.views.X.dissent[0].note: must not be empty"),
        (#"{"dissent": [{"participant": "Ann"}]}"#, "areas[0].views.X.dissent[0].note: missing"),
        (#"{"dissent": [{"note": "ok", "participant": ""}]}"#,
         "areas.economic-development.views.X.dissent[0].participant: must not be empty (leave it out for an unnamed dissent)"),
        (#"{"named": {"Ann": "yes", "Ann": "no"}}"#, ""),
    ])
    func badViewsAreOneClearLine(_ view: String, _ reason: String) throws {
        let text = try text(sampleAssessment()).replacingOccurrences(
            of: "\"id\" : \"economic-development\",", with: "\"id\" : \"economic-development\", \"views\": {\"X\": \(view)},")
        if reason.isEmpty {
            // A name given twice: the decoder reads one of them; the glance reader leaves it to the decoder.
            #expect(AssessmentFile.glance(in: Data(text.utf8)) == nil)
        } else {
            expectRefused(text, reason)
        }
    }

    @Test func aNoteOverTheLimitIsRefusedAndOneAtTheLimitIsRead() throws {
        let base = try text(sampleAssessment())
        func with(_ note: String) -> String {
            base.replacingOccurrences(of: "\"id\" : \"economic-development\",",
                                      with: "\"id\" : \"economic-development\", \"views\": {\"X\": {\"dissent\": [{\"note\": \"\(note)\"}]}},")
        }
        // Characters, not bytes: 200 accented letters written as two scalars each.
        let atLimit = String(repeating: "e\u{301}", count: Dissent.noteLimit)
        let read = try AssessmentFile.decode(Data(with(atLimit).utf8))
        #expect(read.views(on: "X", in: "economic-development")?.dissents.first?.note == atLimit)
        #expect(AssessmentFile.glance(in: Data(with(atLimit).utf8)) == AssessmentGlance(read))
        expectRefused(with(atLimit + "x"), "areas.economic-development.views.X.dissent[0].note: is 201 characters; at most 200 are allowed")
    }

    @Test func anAnonymousFileHoldsNoNames() throws {
        var anonymous = sampleAssessment()
        anonymous.makeAnonymous()
        let base = try text(anonymous)
        for (view, reason) in [
            (#"{"named": {"Ann": "yes"}}"#, "areas.economic-development.views.X.named.Ann: an anonymous assessment (anonymousViews) keeps no names"),
            (#"{"dissent": [{"note": "n", "participant": "Ann"}]}"#,
             "areas.economic-development.views.X.dissent[0].participant: an anonymous assessment (anonymousViews) keeps no names"),
        ] {
            let text = base.replacingOccurrences(of: "\"id\" : \"economic-development\",",
                                                 with: "\"id\" : \"economic-development\", \"views\": {\"X\": \(view)},")
            expectRefused(text, reason)
            // The same holds when the flag comes after the areas.
            let later = text.replacingOccurrences(of: "\"anonymousViews\" : true,", with: "")
                .replacingOccurrences(of: "\"kind\"", with: "\"anonymousViews\": true, \"kind\"")
            expectRefused(later, reason)
        }
        // Counts and unnamed dissents are fine; `false` and null read as not anonymous.
        let counts = base.replacingOccurrences(of: "\"id\" : \"economic-development\",",
                                               with: "\"id\" : \"economic-development\", \"views\": {\"X\": {\"unnamed\": {\"yes\": 3}, \"dissent\": [{\"note\": \"n\"}]}},")
        let read = try AssessmentFile.decode(Data(counts.utf8))
        #expect(read.views(on: "X", in: "economic-development") == CriterionViews(unnamed: Spread(yes: 3), dissents: [Dissent(participant: nil, note: "n")]))
        #expect(AssessmentFile.glance(in: Data(counts.utf8)) == AssessmentGlance(read))
        for flag in ["false", "null"] {
            let named = try text(Self.withViews()).replacingOccurrences(of: "\"kind\"", with: "\"anonymousViews\": \(flag), \"kind\"")
            let read = try AssessmentFile.decode(Data(named.utf8))
            #expect(!read.anonymousViews && read == Self.withViews())
            #expect(AssessmentFile.glance(in: Data(named.utf8)) == AssessmentGlance(read))
        }
        expectRefused(base.replacingOccurrences(of: "\"anonymousViews\" : true", with: "\"anonymousViews\" : \"yes\""),
                      "anonymousViews: expected true or false")
    }

    /// Views that hold nothing read as none; null members read as absent; counts left out read as 0.
    @Test func emptyViewsReadAsNone() throws {
        let base = try text(sampleAssessment())
        for views in [#"{"X": {}}"#, #"{"X": {"named": {}, "unnamed": {"yes": 0}, "dissent": []}}"#, #"{"X": {"named": null}}"#, "{}", "null"] {
            let text = base.replacingOccurrences(of: "\"id\" : \"economic-development\",", with: "\"id\" : \"economic-development\", \"views\": \(views),")
            let read = try AssessmentFile.decode(Data(text.utf8))
            #expect(read == sampleAssessment(), "\(views)")
            #expect(AssessmentFile.glance(in: Data(text.utf8)) == AssessmentGlance(read), "\(views)")
        }
    }

    /// Views on a criterion the framework lacks are checked as answers are: refused against the same
    /// version, kept from another; views on a criterion without an agreed answer are fine.
    @Test func viewsOnUnknownCriteriaAreCheckedAsAnswersAre() {
        var assessment = sampleAssessment()
        assessment[area: "economic-development"].views["invented"] = CriterionViews(unnamed: Spread(no: 1))
        assessment[area: "economic-development"].views["econ-expanding-joint-tracking"] = CriterionViews(named: ["Ann": .no])
        #expect(AssessmentCheck.problems(assessment, framework: seedFramework)
            == ["criterion 'invented' is not in area 'economic-development' of \(seedFramework.id) \(seedFramework.version)"])
        #expect(AssessmentCheck.problems(AssessmentGlance(assessment), framework: FrameworkCriteria(seedFramework))
            == AssessmentCheck.problems(assessment, framework: seedFramework))
        assessment.framework.version = "0.9"
        #expect(AssessmentCheck.problems(assessment, framework: seedFramework).isEmpty)
    }
}
