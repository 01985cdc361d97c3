import Foundation
import MaturityFramework
import Testing
import TestSupport

/// ``TerminalText``: what reaches a terminal from files and people.
@Suite("Terminal text made inert")
struct TerminalTextTests {
    /// Every code point a terminal acts on or that reorders text, written out here independently of the code under test.
    static let unsafe: [UInt32] = Array(0x00...0x1F) + Array(0x7F...0x9F) + Array(0x202A...0x202E) + Array(0x2066...0x2069)

    /// The same, for looking up.
    static let unsafeSet = Set(unsafe)

    /// Their neighbours and look-alikes in UTF-8 (the same lead bytes 0xC2 and 0xE2), which must pass unchanged.
    static let safe = ["a", " ", "~", "\u{A0}", "£", "©", "\u{BF}", "é", "–", "’", "€", "→", "✓", "\u{2028}",
                       "\u{2029}", "\u{2065}", "\u{206A}", "\u{202F}", "\u{200E}", "\u{FEFF}", "日本", "Ynys Môn", "👩🏽‍⚕️", "\\u{1B}"]

    @Test func everyControlDeleteAndBidiOverrideIsShownAsItsCodePoint() throws {
        for value in Self.unsafe {
            let scalar = try #require(Unicode.Scalar(value))
            let hex = String(value, radix: 16, uppercase: true)
            #expect(TerminalText.isUnsafe(scalar), "U+\(hex)")
            #expect(TerminalText.containsUnsafe("a\(scalar)b"), "U+\(hex)")
            #expect(TerminalText.inert("a\(scalar)b") == "a\\u{\(hex)}b", "U+\(hex)")
            // In a whole text only the layout's own line feed and tab stay.
            let kept = value == 0x0A || value == 0x09
            #expect(TerminalText.inertKeepingLayout("a\(scalar)b") == (kept ? "a\(scalar)b" : "a\\u{\(hex)}b"), "U+\(hex)")
        }
        #expect(TerminalText.inert("\u{1B}]0;title\u{07}") == "\\u{1B}]0;title\\u{7}")
        #expect(TerminalText.inert("\u{1B}[2J\u{9B}2J") == "\\u{1B}[2J\\u{9B}2J")
        #expect(TerminalText.inert("\u{202E}txt.exe") == "\\u{202E}txt.exe")
    }

    @Test func ordinaryTextIsUnchanged() {
        for text in Self.safe {
            #expect(!TerminalText.containsUnsafe(text), "\(text)")
            #expect(TerminalText.inert(text) == text)
            #expect(TerminalText.inertKeepingLayout(text) == text)
            #expect(TerminalText.jsonEscaped(text) == text)
        }
        #expect(TerminalText.inert(Self.safe.joined()) == Self.safe.joined())
        #expect(TerminalText.inert("") == "")
    }

    @Test func aWholeTextKeepsItsLinesButNotALoneCarriageReturn() {
        #expect(TerminalText.inertKeepingLayout("a\nb\r\nc\td") == "a\nb\r\nc\td")
        #expect(TerminalText.inertKeepingLayout("progress 100%\rforged") == "progress 100%\\u{D}forged")
        #expect(TerminalText.inertKeepingLayout("ends in\r") == "ends in\\u{D}")
        #expect(TerminalText.inertKeepingLayout("\r\r\n") == "\\u{D}\r\n")
        #expect(TerminalText.inert("a\nb\r\nc\td") == "a\\u{A}b\\u{D}\\u{A}c\\u{9}d")
    }

    @Test func theInterpolationMakesTheValueInertOnOneLine() {
        let key = "x\u{1B}[2J\nmaturity: all fine"
        #expect("unknown key '\(inert: key)'" == "unknown key 'x\\u{1B}[2J\\u{A}maturity: all fine'")
        #expect("\(inert: key[...])" == TerminalText.inert(key))
    }

    /// JSON keeps the exact value: the escapes decode back to the same text.
    @Test func jsonEscapingKeepsTheValue() throws {
        let value = "a\u{1B}]0;t\u{07}b\u{7F}c\u{9B}d\u{85}e\u{202E}f\u{2066}g\n\u{9}h"
        let encoded = String(decoding: try JSONSerialization.data(withJSONObject: ["v": value], options: [.prettyPrinted]), as: UTF8.self)
        let escaped = TerminalText.jsonEscaped(encoded)
        #expect(!escaped.unicodeScalars.contains { TerminalTextTests.unsafeSet.contains($0.value) && $0 != "\n" })
        #expect(escaped.contains("\\u009b") && escaped.contains("\\u202e") && escaped.contains("\\u007f"))
        let decoded = try JSONSerialization.jsonObject(with: Data(escaped.utf8)) as? [String: String]
        #expect(decoded?["v"] == value)
    }

    /// Random text mixing safe and unsafe characters: nothing unsafe survives, and the visible form
    /// reads back to the original (for text without backslashes of its own).
    @Test func randomTextBecomesInertAndReadsBack() throws {
        var random = Mutator(seed: 10_004, fragments: [""])
        let pool: [Unicode.Scalar] = Self.unsafe.compactMap(Unicode.Scalar.init)
            + Self.safe.flatMap { $0.unicodeScalars }.filter { $0 != "\\" }
        let cases = 2_000
        for _ in 0..<cases {
            var text = String.UnicodeScalarView()
            for _ in 0..<random.next(41) { text.append(pool[random.next(pool.count)]) }
            let original = String(text)
            let inert = TerminalText.inert(original)
            #expect(!inert.unicodeScalars.contains { Self.unsafeSet.contains($0.value) })
            #expect(Self.readBack(inert) == original)
            let layout = TerminalText.inertKeepingLayout(original)
            let scalars = Array(layout.unicodeScalars)
            for (index, scalar) in scalars.enumerated() where Self.unsafeSet.contains(scalar.value) {
                let isLayout = scalar == "\n" || scalar == "\t" || (scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n")
                #expect(isLayout, "U+\(String(scalar.value, radix: 16)) kept in \(inert)")
            }
        }
        CampaignReport.record("Escape injection: the inert function on random text", cases: cases,
                              how: "unit (TerminalTextTests): random mixes of every control, DEL, C1 and bidi override with "
                                  + "ordinary text; none is left, and the visible form reads back to the original")
    }

    /// `\u{HEX}` back to the character, scalar by scalar.
    static func readBack(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\\", index + 2 < scalars.count, scalars[index + 1] == "u", scalars[index + 2] == "{",
               let end = scalars[(index + 3)...].firstIndex(of: "}"),
               let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 3)..<end])), radix: 16),
               let scalar = Unicode.Scalar(value) {
                result.append(scalar)
                index = end + 1
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }
}
