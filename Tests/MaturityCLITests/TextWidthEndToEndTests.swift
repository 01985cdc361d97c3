import Foundation
import Testing
import TestSupport

/// Characters whose width the grid and ncurses once counted differently, typed into a note and read back
/// from tmux: each line must come out exactly, with nothing stale between its characters.
@Suite("Text width in tmux", .serialized)
struct TextWidthEndToEndTests {
    /// Typed line, and the line tmux shows for it.
    static let lines: [(String, String)] = [
        ("A\u{1F321}B|", "A\u{1F321}B|"),                        // a thermometer: one column in wcwidth
        ("C\u{1F321}\u{FE0F}D|", "C\u{1F321}D|"),                // asked to look like an emoji: shown as text
        ("E\u{1112}\u{1161}\u{11AB}F|", "E\u{1112}\u{1161}\u{11AB}F|"), // a Hangul syllable in conjoining Jamo
        ("G온도H|", "G온도H|"),                                    // precomposed Hangul: two columns each
        ("I\u{1161}J|", "IJ|"),                                  // a medial vowel on its own: no column
        ("M\u{2764}\u{FE0F}N|", "M\u{2764}N|"),                  // a heart: one column in wcwidth
        ("O日本P|", "O日本P|"),
    ]

    @Test func wideAndZeroWidthCharactersKeepTheirColumns() throws {
        let sandbox = try Sandbox()
        let session = try TmuxSession(["workshop", "--system", "Width ICS"], sandbox: sandbox)
        try session.openFirstQuestion()
        try session.type("e")
        try session.waitFor("Note on:")
        try session.type(Self.lines.map(\.0).joined(separator: "\n"))
        try session.waitFor("O日本P|")
        try session.press("Escape")
        try session.waitFor("Note (e to edit):")
        let shown = try session.screen().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        for (typed, expected) in Self.lines {
            #expect(shown.contains(expected), "\(typed.unicodeScalars.map { String($0.value, radix: 16) }) shows as: \(shown)")
        }
        try session.type("q")
        #expect(try session.ending().exit == "exit=0")
        CampaignReport.record("Terminal: wide, zero-width and emoji characters in a note, read back from tmux", cases: Self.lines.count,
                              how: "each typed line comes back exactly, no stale or shifted cell")
    }
}
