import Foundation
import Testing
@testable import MaturityStore
import TestSupport

@Suite("Assessment file fuzzing")
struct AssessmentFuzzTests {
    @Test func mutatedAssessmentsNeverCrashTheReader() throws {
        let original = Array(try AssessmentFile.encode(sampleAssessment(), framework: seedFramework))
        var mutator = Mutator(seed: 7, fragments: ["{", "}", "[", "]", "\"", ",", ":", "null", "true", "-1", "1e999", "\\u0000",
                                                   "\\", "\u{0}", "\"schemaVersion\": 2", "é"], rawFragments: [[0xFF]])
        var refused = 0
        for _ in 0..<fuzzCases {
            let bytes = mutator.mutate(original)
            do {
                _ = try AssessmentFile.decode(Data(bytes))
            } catch {
                refused += 1
                #expect(!error.reason.isEmpty && !error.reason.contains("\n"))
            }
        }
        #expect(refused > fuzzCases / 3, "mutations should mostly break the file")
        CampaignReport.record("Assessment file: mutated (fuzz)", cases: fuzzCases,
                              how: "random deletions, duplications and JSON fragments; every refusal is one line")
    }
}
