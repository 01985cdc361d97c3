import Foundation
import Testing
@testable import MaturityFramework
import TestSupport

/// YAML's special characters, and bytes that are not UTF-8.
let yamlMutator = Mutator(seed: 42, fragments: [
    "[", "]", "{", "}", ":", ": ", "- ", "\n", "\t", "'", "\"", "&a ", "*a", "!!int ", "%YAML", "---\n", "? ", "|",
    ">", "#", ",", "\\", "\u{0}", "é", "日本", "  ",
], rawFragments: [[0xFF], [0xC3], [0xE2, 0x82]])

@Suite("Framework loader fuzzing")
struct FrameworkFuzzTests {
    @Test func mutatedFrameworksNeverCrashTheLoader() throws {
        let original = try Data(contentsOf: repositoryRoot.appending(path: "Frameworks/anchor-institution-charter.yaml"))
        var mutator = yamlMutator
        var refused = 0
        for _ in 0..<fuzzCases {
            let data = Data(mutator.mutate(Array(original)))
            switch FrameworkLoader.parse(data, fileName: "fuzz.yaml") {
            case .success:
                break
            case let .failure(failure):
                refused += 1
                #expect(!failure.problems.isEmpty)
                #expect(failure.problems.allSatisfy { $0.file == "fuzz.yaml" && !$0.message.isEmpty })
            }
        }
        #expect(refused > fuzzCases / 3, "mutations should mostly break the file")
        CampaignReport.record("Framework file: mutated (fuzz)", cases: fuzzCases,
                              how: "random deletions, duplications and YAML special characters; every problem has file and message")
    }

    @Test func everyTruncationOfTheBuiltInFrameworksIsHandled() throws {
        var cases = 0
        for name in ["ics-social-economic-development.yaml", "anchor-institution-charter.yaml"] {
            let original = try Data(contentsOf: repositoryRoot.appending(path: "Frameworks/\(name)"))
            for length in stride(from: 0, to: original.count, by: truncationStep) {
                cases += 1
                // A cut inside the last text can still be a valid framework; anything else must be refused clearly.
                if case let .failure(failure) = FrameworkLoader.parse(original.prefix(length), fileName: name) {
                    #expect(!failure.problems.isEmpty)
                    #expect(failure.problems.allSatisfy { $0.file == name && !$0.message.isEmpty && !$0.message.contains("\n") })
                }
            }
        }
        CampaignReport.record("Framework file: truncated at \(truncationStep == 1 ? "every" : "every \(truncationStep)th") byte offset", cases: cases,
                              how: "both built-in frameworks cut at each byte; refused with file and line, or valid")
    }
}

/// 1,500 cases in the normal test run; `MATURITY_FUZZ_CASES` asks for a longer campaign.
let fuzzCases = ProcessInfo.processInfo.environment["MATURITY_FUZZ_CASES"].flatMap { Int($0) } ?? 1500

/// Frameworks are cut at every 11th byte in the normal test run (YAML parsing is slow in a debug
/// build); `MATURITY_TRUNCATION_STEP=1` cuts at every byte, as the long campaign does.
let truncationStep = max(1, ProcessInfo.processInfo.environment["MATURITY_TRUNCATION_STEP"].flatMap { Int($0) } ?? 11)
