import Foundation
import Testing
@testable import MaturityFramework
import TestSupport

/// Random edits of a valid file: deletions, duplications and insertions of YAML's special characters.
struct Mutator {
    var state: UInt64

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(max(bound, 1)))
    }

    static let fragments: [[UInt8]] = [
        "[", "]", "{", "}", ":", ": ", "- ", "\n", "\t", "'", "\"", "&a ", "*a", "!!int ", "%YAML", "---\n", "? ", "|",
        ">", "#", ",", "\\", "\u{0}", "é", "日本", "  ",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x82]]

    mutating func mutate(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0...next(4) {
            let at = next(bytes.count + 1)
            switch next(4) {
            case 0 where !bytes.isEmpty:
                bytes.removeSubrange(at..<min(bytes.count, at + next(40) + 1))
            case 1 where !bytes.isEmpty:
                let start = next(bytes.count)
                bytes.insert(contentsOf: bytes[start..<min(bytes.count, start + next(80) + 1)], at: at)
            default:
                bytes.insert(contentsOf: Self.fragments[next(Self.fragments.count)], at: at)
            }
        }
        return bytes
    }
}

@Suite("Framework loader fuzzing")
struct FrameworkFuzzTests {
    @Test func mutatedFrameworksNeverCrashTheLoader() throws {
        let original = try Data(contentsOf: repositoryRoot.appending(path: "Frameworks/anchor-institution-charter.yaml"))
        var mutator = Mutator(state: 42)
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
