import Foundation
import Testing
import TestSupport
@testable import MaturityStore

@Suite("Finding one system's assessments quickly")
struct StoreScanTests {
    @Test func peekFindsTheTopLevelSystemOnly() throws {
        let saved = try AssessmentFile.encode(sampleAssessment(system: "Ynys Môn & Bradford – ✓ 日本"), framework: seedFramework)
        #expect(AssessmentFile.peekSystem(in: saved) == "Ynys Môn & Bradford – ✓ 日本")
        let nested = #"{"lastTime": {"system": "Decoy", "notes": {"a": "} ] { [ \" ,"}}, "areas": [[{}], 12, null], "system": "Real"}"#
        #expect(AssessmentFile.peekSystem(in: Data(nested.utf8)) == "Real")
        // Unsure cases give nil, and the caller decodes the whole file instead.
        for unsure in [#"{"system": "Quote \" inside"}"#, #"{"areas": [}"#, #"["system"]"#, "", #"{"system": 12}"#, #"{"a": 1}"#] {
            #expect(AssessmentFile.peekSystem(in: Data(unsure.utf8)) == nil, "\(unsure)")
        }
    }

    @Test func peekAgreesWithTheDecoderOnMutatedFiles() throws {
        let original = Array(try AssessmentFile.encode(sampleAssessment(), framework: seedFramework))
        var mutator = Mutator(seed: 11, fragments: ["{", "}", "[", "]", "\"", ",", ":", "\\", "\"system\": \"Other\","])
        for _ in 0..<fuzzCases {
            let bytes = mutator.mutate(original)
            let data = Data(bytes)
            if let peeked = AssessmentFile.peekSystem(in: data), let decoded = try? AssessmentFile.decode(data) {
                #expect(peeked == decoded.system)
            }
        }
    }

    @Test func listingOneSystemMatchesNamesLooselyAndFindsRenamedFiles() throws {
        let folder = TemporaryFolder()
        let store = AssessmentStore(folder: folder.url)
        for (system, date) in [("West Yorkshire ICS", "2024-01-01"), ("west yorkshire, ICS", "2025-01-01"), ("Kent and Medway", "2025-02-01")] {
            try store.create(sampleAssessment(system: system, date: date), framework: seedFramework)
        }
        // A file of West Yorkshire under another system's name, with an escaped quote the peek cannot read.
        var renamed = sampleAssessment(system: "West \"Yorkshire\" ICS", date: "2026-01-01")
        renamed.participants = ["Chair"]
        try AssessmentFile.encode(renamed, framework: seedFramework).write(to: folder.url.appending(path: "2026-01-01-kent-and-medway.json"))
        try Data("{ broken".utf8).write(to: folder.url.appending(path: "2026-03-01-west-yorkshire-ics.json"))
        let (entries, problems) = try store.list(system: "WEST YORKSHIRE ICS")
        #expect(entries.map(\.assessment.date.description) == ["2026-01-01", "2025-01-01", "2024-01-01"])
        #expect(problems.count == 1 && problems[0].contains("2026-03-01-west-yorkshire-ics.json"))
        #expect(try store.list().entries.count == 4)
        #expect(try store.list(system: "Kent and Medway").entries.map(\.url.lastPathComponent) == ["2025-02-01-kent-and-medway.json"])
    }
}
