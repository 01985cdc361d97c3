import CellGrid
import CNcursesw
import Glibc
import Testing
import TestSupport

/// The grid's widths (``TextWidth``) against the C library's `wcwidth`, which ncurses places characters by:
/// a code point they count differently leaves a stale cell or clobbers the next one.
@Suite("Text width parity with wcwidth")
struct TextWidthParityTests {
    /// The ranges a board's text and the screens' own symbols come from, by name.
    static let ranges: [(String, ClosedRange<UInt32>)] = [
        ("Latin, Greek, Cyrillic and their extensions", 0x0020...0x052F),
        ("Combining marks", 0x0300...0x036F),
        ("Arabic, Hebrew, Syriac, Devanagari and the other scripts of the BMP", 0x0530...0x10FF),
        ("Hangul Jamo, medial vowels and final consonants included", 0x1100...0x11FF),
        ("Latin Extended Additional (Welsh ẁ ẃ ỳ), Greek Extended, combining marks supplement", 0x1AB0...0x1FFF),
        ("Punctuation, arrows, symbols, box drawing, dingbats", 0x2000...0x2BFF),
        ("CJK: radicals, kana, Hangul compatibility Jamo, ideographs, Yi", 0x2E80...0xA4CF),
        ("Hangul Jamo extended and syllables", 0xA960...0xD7FF),
        ("CJK compatibility, variation selectors, half- and fullwidth forms", 0xF900...0xFFFD),
        ("Emoji and pictographs, U+1F000 to U+1FAFF", 0x1F000...0x1FAFF),
        ("CJK Extension B", 0x20000...0x2A6DF),
    ]

    /// Runs `body` with this thread's character type locale set to C.UTF-8 (the other threads keep theirs).
    func withUTF8(_ body: () -> Void) throws {
        let locale = try #require(newlocale(LC_CTYPE_MASK, "C.UTF-8", nil), "the C.UTF-8 locale is missing")
        let previous = uselocale(locale)
        defer {
            uselocale(previous)
            freelocale(locale)
        }
        body()
    }

    @Test func everyCodePointTheCLibraryKnowsHasItsWidth() throws {
        var compared = 0
        var unknown = 0
        var differences: [String] = []
        try withUTF8 {
            for (_, range) in Self.ranges {
                for value in range {
                    guard let scalar = Unicode.Scalar(value) else { continue }
                    let library = Int(wcwidth(wchar_t(bitPattern: value)))
                    // -1: not printable, or newer than the C library's tables; the terminal module paints a
                    // replacement for those (CellGlyph), so the grid's count cannot disturb a cell.
                    guard library >= 0 else {
                        unknown += 1
                        continue
                    }
                    compared += 1
                    let grid = TextWidth.width(of: scalar)
                    if grid != library { differences.append(String(format: "U+%04X grid %d wcwidth %d", value, grid, library)) }
                }
            }
        }
        #expect(differences.isEmpty, "\(differences.count) differ: \(differences.prefix(20).joined(separator: "; "))")
        #expect(compared > 90_000)
        CampaignReport.record("Terminal: display width of a code point against glibc wcwidth (C.UTF-8)", cases: compared,
                              how: "every code point of Latin, combining marks, Hangul Jamo, CJK, symbols and emoji that the C library "
                                  + "knows (\(unknown) it does not know left to the replacement glyph); all must agree")
    }

    @Test func theExamplesThatWentWrongAgree() throws {
        try withUTF8 {
            for value: UInt32 in [0x1F321, 0x1160, 0x1161, 0x11A8, 0x11FF, 0xD7B0, 0x00AD, 0x0600, 0x200B, 0x4DC0, 0x3248, 0x2764] {
                guard let scalar = Unicode.Scalar(value) else { continue }
                #expect(TextWidth.width(of: scalar) == Int(wcwidth(wchar_t(bitPattern: value))), "U+\(String(value, radix: 16))")
            }
        }
        // A grapheme counts as its first code point, as an ncurses cell does.
        #expect(TextWidth.of(Character("\u{1F321}\u{FE0F}")) == 1)
        #expect(TextWidth.of(Character("\u{1100}\u{1161}\u{11A8}")) == 2)
        #expect(TextWidth.of("한국어") == 6)
    }
}
