import Testing
import TestSupport
@testable import CursesTerminal

/// Bytes from the terminal assembled into code points, as `CursesTerminal.readKey` does.
@Suite("UTF-8 assembly")
struct UTF8AssemblerTests {
    /// Feeds bytes one at a time and collects the code points that come out.
    func assemble(_ bytes: [UInt8]) -> [Unicode.Scalar] {
        var assembler = UTF8Assembler()
        return bytes.compactMap { assembler.add($0) }
    }

    @Test(arguments: ["a", "é", "–", "日本", "🙂", "Ynys Môn", "한국어", "e\u{301}", "🇬🇧", "\u{10FFFF}"])
    func validTextComesOutAsItsCodePoints(_ text: String) {
        #expect(assemble(Array(text.utf8)) == Array(text.unicodeScalars))
    }

    @Test func aCodePointComesOutOnlyWithItsLastByte() {
        var assembler = UTF8Assembler()
        #expect(assembler.add(0xE6) == nil && !assembler.isEmpty)
        #expect(assembler.add(0x97) == nil && !assembler.isEmpty)
        #expect(assembler.add(0xA5) == "日")
        #expect(assembler.isEmpty)
    }

    @Test(arguments: [[0x80], [0xBF], [0xC0, 0xAF], [0xC1, 0xBF], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xFE]] as [[UInt8]])
    func bytesThatCannotStartACharacterAreDropped(_ bytes: [UInt8]) {
        #expect(assemble(bytes).isEmpty)
        // ...and what follows them still comes through.
        #expect(assemble(bytes + Array("ok".utf8)) == ["o", "k"])
    }

    @Test func overlongFormsAndSurrogatesAreRefused() {
        #expect(assemble([0xE0, 0x80, 0xAF]).isEmpty, "an overlong /")
        #expect(assemble([0xED, 0xA0, 0x80]).isEmpty, "a UTF-16 surrogate")
        #expect(assemble([0xF4, 0x90, 0x80, 0x80]).isEmpty, "beyond U+10FFFF")
    }

    @Test func aBrokenCharacterIsDroppedAndTheNextByteStartsAfresh() {
        // The start of 日, then "a": the broken character goes, the "a" stays.
        #expect(assemble([0xE6, 0x97, 0x61]) == ["a"])
        // The start of 日, then a whole é.
        #expect(assemble([0xE6, 0xC3, 0xA9]) == ["é"])
    }

    @Test func randomBytesNeverTrapAndOnlyValidCodePointsComeOut() {
        var generator = SystemRandomNumberGenerator()
        var cases = 0
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 0...24, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let scalars = assemble(bytes)
            // Whatever comes out is valid, and at most one code point per byte.
            #expect(scalars.count <= bytes.count)
            #expect(String(String.UnicodeScalarView(scalars)).unicodeScalars.elementsEqual(scalars))
            cases += 1
        }
        // Valid text mixed into random bytes still comes out in order after each break.
        for _ in 0..<500 {
            let text = String((0..<Int.random(in: 1...8, using: &generator)).map { _ in
                ["a", "é", "日", "🙂", "ŵ", "\u{301}"].randomElement(using: &generator)! }.joined())
            #expect(assemble(Array(text.utf8)) == Array(text.unicodeScalars))
            cases += 1
        }
        #expect(cases == 2_500)
        CampaignReport.record("Terminal input: random bytes and valid UTF-8 assembled into characters", cases: cases,
                              how: "UTF8Assembler: no trap, only valid code points, valid text comes through whole")
    }
}
