import FoundationEssentials
import MaturityFramework

/// Checks on text typed in plain mode, worded to end "The note …" or "the reason …" (control and
/// bidi characters are refused earlier, by every prompt), and notes as plain mode says them.
enum PlainText {
    /// The longest description of an action, as the full-screen action form takes it.
    static let actionLimit = 500
    /// The longest owner of an action, as the full-screen action form takes it.
    static let ownerLimit = 200

    /// Why `text` cannot be kept (too long), or nil when it can.
    static func problem(in text: String, limit: Int) -> String? {
        problem(count: text.count, limit: limit)
    }

    /// Why a text of `count` characters cannot be kept (too long), or nil when it can.
    static func problem(count: Int, limit: Int) -> String? {
        count > limit ? "is \(count) characters; at most \(limit) are kept" : nil
    }

    /// The lines of a note typed line by line, as one note: blank lines before and after dropped.
    static func trimmedNote(_ lines: [String]) -> String {
        var kept = lines[...]
        while let first = kept.first, first.trimmingSpaces().isEmpty { kept = kept.dropFirst() }
        while let last = kept.last, last.trimmingSpaces().isEmpty { kept = kept.dropLast() }
        return kept.joined(separator: "\n")
    }

    /// A note's lines, each made inert (a carriage return, tab or escape shown as `\u{…}`).
    static func lines(of note: String) -> [String] {
        note.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.inert($0) }
    }

    /// The most characters of a reply a message quotes back.
    static let quotedLimit = 60

    /// `text` made inert for a message, its first ``quotedLimit`` characters followed by "…" when longer.
    static func quoted(_ text: some StringProtocol) -> String {
        text.count > quotedLimit ? TerminalText.inert(text.prefix(quotedLimit)) + "…" : TerminalText.inert(text)
    }
}
