import Foundation
import Testing
@testable import MaturityStore
import TestSupport

@Suite("Assessment file fuzzing")
struct AssessmentFuzzTests {
    @Test func mutatedAssessmentsNeverCrashTheReader() throws {
        let original = Array(try AssessmentFile.encode(sampleAssessment(), framework: seedFramework))
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }
        let fragments: [[UInt8]] = ["{", "}", "[", "]", "\"", ",", ":", "null", "true", "-1", "1e999", "\\u0000", "\\", "\u{0}",
                                    "\"schemaVersion\": 2", "é"].map { Array($0.utf8) } + [[0xFF]]
        var refused = 0
        for _ in 0..<fuzzCases {
            var bytes = original
            for _ in 0...next(3) {
                let at = next(bytes.count + 1)
                if next(2) == 0, !bytes.isEmpty {
                    bytes.removeSubrange(at..<min(bytes.count, at + next(30) + 1))
                } else {
                    bytes.insert(contentsOf: fragments[next(fragments.count)], at: at)
                }
            }
            do {
                _ = try AssessmentFile.decode(Data(bytes))
            } catch {
                refused += 1
                #expect(!error.reason.isEmpty && !error.reason.contains("\n"))
            }
        }
        #expect(refused > fuzzCases / 3, "mutations should mostly break the file")
        CampaignReport.record("Assessment file: mutated (fuzz)", cases: fuzzCases,
                              how: "random deletions and insertions of JSON fragments; every refusal is one line")
    }
}
