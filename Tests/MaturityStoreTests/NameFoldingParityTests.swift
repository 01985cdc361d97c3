import Foundation
import Testing
import TestSupport
@testable import MaturityModel

/// `NameFolding` against the Foundation folding it replaces (this test process links full Foundation).
@Suite("Name folding as Foundation folds")
struct NameFoldingParityTests {
    /// Foundation's folding, as `Slug` used it before issue 12.
    static func foundationFold(_ text: String, widths: Bool) -> String {
        text.folding(options: widths ? [.diacriticInsensitive, .caseInsensitive, .widthInsensitive] : [.diacriticInsensitive, .caseInsensitive],
                     locale: Locale(identifier: "en_GB"))
    }

    /// Compares the two on `text`; records a difference as an issue with the scalars of each.
    static func expectSame(_ text: String) -> Bool {
        for widths in [false, true] {
            let expected = foundationFold(text, widths: widths)
            let folded = NameFolding.fold(text, widths: widths)
            guard folded.unicodeScalars.elementsEqual(expected.unicodeScalars) else {
                func hex(_ text: String) -> String { text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ") }
                Issue.record("widths \(widths): [\(hex(text))] folds to [\(hex(folded))], Foundation [\(hex(expected))]")
                return false
            }
        }
        return true
    }

    @Test func everyScalarFoldsAsFoundationFoldsIt() {
        // The whole Basic Multilingual Plane in the test run; MATURITY_FOLDING_ALL_PLANES=1 (the campaign) adds the rest.
        let last: UInt32 = ProcessInfo.processInfo.environment["MATURITY_FOLDING_ALL_PLANES"] == "1" ? 0x10FFFF : 0xFFFF
        var cases = 0
        var differences = 0
        for value in 0...last {
            guard let scalar = Unicode.Scalar(value) else { continue }
            cases += 1
            if !Self.expectSame(String(scalar)) { differences += 1 }
            if differences > 20 { break }
        }
        CampaignReport.record("Name folding: every scalar to U+\(String(last, radix: 16, uppercase: true)), with and without widths",
                              cases: cases * 2, how: "NameFolding against Foundation's folding(options:locale: en_GB): the same scalars")
    }

    /// Bases of several scripts, and marks that fold differently after them.
    static let bases: [Unicode.Scalar] = ["a", "A", "I", "1", " ", "-", "é", "É", "\u{130}", "\u{1F0}", "ß", "α", "Α", "\u{1F88}", "и",
                                          "Й", "א", "ب", "क", "\u{958}", "一", "가", "ก", "か", "が", "\u{FF76}", "\u{FF21}", "☺",
                                          "\u{1F600}", "\u{10400}", "\u{2BC}", "ı", "\u{301}", "\u{345}", "ŵ", "Ŷ"]
    static let marks: [Unicode.Scalar] = ["\u{301}", "\u{308}", "\u{327}", "\u{345}", "\u{94D}", "\u{93C}", "\u{5B4}", "\u{64E}",
                                          "\u{20DD}", "\u{3099}", "\u{E48}", "\u{1DC0}", "\u{FE0F}", "\u{200C}", "\u{200D}", "\u{9BE}",
                                          "\u{FF9E}", "\u{302}", "\u{323}"]

    @Test func basesWithOneOrTwoMarksFoldAsFoundationFoldsThem() {
        var cases = 0
        for base in Self.bases {
            for first in Self.marks {
                cases += 1
                _ = Self.expectSame(String(base) + String(first))
                for second in Self.marks {
                    cases += 1
                    _ = Self.expectSame(String(base) + String(first) + String(second))
                }
            }
        }
        CampaignReport.record("Name folding: a base of 13 scripts with one or two combining marks", cases: cases * 2,
                              how: "NameFolding against Foundation's folding: the same scalars")
    }

    @Test func randomNamesFoldAsFoundationFoldsThem() {
        var random = SplitMix(seed: 2026)
        let alphabet = Self.bases + Self.marks + ["&", ",", "z", "Z", "ô", "Ô", "\u{1E84}", "à", "\u{FF0C}"]
        let count = fuzzCases * 10
        for _ in 0..<count {
            var name = ""
            for _ in 0..<(1 + Int(random.next() % 8)) { name.unicodeScalars.append(alphabet[Int(random.next() % UInt64(alphabet.count))]) }
            if !Self.expectSame(name) { break }
        }
        CampaignReport.record("Name folding: random names of bases and marks", cases: count * 2,
                              how: "NameFolding against Foundation's folding: the same scalars")
    }

    @Test func longRunsOfMarksFoldAsFoundationFoldsThem() {
        for base in ["a", "क", "一", "\u{1F600}"] {
            for marks in ["\u{301}", "\u{94D}", "\u{308}\u{94D}\u{5B4}", "\u{1E0}"] {
                _ = Self.expectSame(base + String(repeating: marks, count: 150) + " x")
            }
        }
    }

    @Test func namesOfSystemsFoldAsBefore() {
        for name in ["Ynys Môn & Gwynedd ICS", "YNYS MÔN AND GWYNEDD, ICS", "Straße ICS", "İstanbul", "Ｆｕｌｌｗｉｄｔｈ ICS", "日本 ICS",
                     "Cwm Taf Morgannwg", "Dŵr Cymru", "Åland Øst", "Ελλάδα", "Москва", "ǅungla", "ﬁsh ﬂats"] {
            #expect(Self.expectSame(name), "\(name)")
        }
    }
}

/// A small seeded generator, so that a failure repeats.
private struct SplitMix {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
