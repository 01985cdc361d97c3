/// Text fitted to terminal columns, by display width (``TextWidth``): wrapped, truncated, padded.
/// The one toolbox for every screen and every column of printed text; a cut always shows "…".
public enum TextFit {
    /// Which end of a text survives truncation.
    public enum Keep: Sendable {
        /// The start, then "…": for labels, names and lines of a list.
        case start
        /// "…", then the end: for a message whose end matters, such as a list of file endings.
        case end
    }

    /// The ellipsis that marks every cut.
    public static let ellipsis = "…"

    /// `text` in lines of at most `width` columns (none when `width` is below 1), breaking after
    /// spaces, at line breaks, and inside a word only when it is longer than a line; trailing spaces
    /// are dropped. Lines wrap as the note editor wraps them (``TextLayout``).
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        return TextLayout(text, width: width).lines.map(trimmingTrailingSpaces)
    }

    /// `text` as a paragraph of lines at most `width` columns wide, prefixes included: the first line
    /// starts with `first`, later ones with `rest` (spaces as wide as `first` unless given). With
    /// `splittingLongWords` false (printed text, where a long path or address must stay whole) a word
    /// longer than a line has a line of its own instead of being split. Empty text is one line, the prefix.
    public static func paragraph(_ text: String, width: Int, first: String = "", rest: String? = nil,
                                 splittingLongWords: Bool = true) -> [String] {
        let later = rest ?? String(repeating: " ", count: TextWidth.of(first))
        let characters = Array(text)
        guard width > 0 else { return [] }
        guard !characters.isEmpty else { return [trimmingTrailingSpaces(first)] }
        let opening = TextLayout(characters: characters, width: width - TextWidth.of(first), splitsLongWords: splittingLongWords)
        guard let firstRange = opening.lineRanges.first else { return [] }
        var result = [first + trimmingTrailingSpaces(opening.lines[0])]
        let remainder = Array(characters[firstRange.upperBound...])
        guard !remainder.isEmpty else { return result }
        let following = TextLayout(characters: remainder, width: width - TextWidth.of(later), splitsLongWords: splittingLongWords)
        result += following.lines.map { later + trimmingTrailingSpaces($0) }
        return result
    }

    /// `text` in at most `width` columns. Text that does not fit is cut and marked with "…": at the
    /// end (keeping the start, at a word boundary when one is near and `atWordBoundary` allows) or at
    /// the start (keeping the end).
    public static func truncate(_ text: some StringProtocol, to width: Int, keeping: Keep = .start,
                                atWordBoundary: Bool = true) -> String {
        guard TextWidth.of(text) > width else { return String(text) }
        guard width > 0 else { return "" }
        let room = width - 1
        let characters = Array(text)
        switch keeping {
        case .start:
            var kept = fitting(characters, in: room)
            let endsAWord = kept.count < characters.count && characters[kept.count] == " "
            if atWordBoundary, !endsAWord, let space = kept.lastIndex(of: " "), space > 0,
               TextWidth.of(String(kept[..<space])) * 3 >= room * 2 {
                kept.removeSubrange(space...)
            }
            while let last = kept.last, trailing.contains(last) { kept.removeLast() }
            return String(kept) + ellipsis
        case .end:
            var kept = Array(fitting(characters.reversed(), in: room).reversed())
            let startsAWord = kept.count < characters.count && characters[characters.count - kept.count - 1] == " "
            if atWordBoundary, !startsAWord, let space = kept.firstIndex(of: " "), space < kept.count - 1,
               TextWidth.of(String(kept[(space + 1)...])) * 3 >= room * 2 {
                kept.removeSubrange(...space)
            }
            while let first = kept.first, first == " " { kept.removeFirst() }
            return ellipsis + String(kept)
        }
    }

    /// The leading characters of `characters` that fit in `columns`.
    private static func fitting(_ characters: some Sequence<Character>, in columns: Int) -> [Character] {
        var kept: [Character] = []
        var used = 0
        for character in characters {
            let width = TextWidth.of(character)
            if used + width > columns { break }
            kept.append(character)
            used += width
        }
        return kept
    }

    /// `text` as exactly `width` columns: truncated with "…" if wider, padded with spaces if narrower,
    /// and with at least `gap` spaces at the end (the gap between columns of a table).
    public static func pad(_ text: some StringProtocol, to width: Int, gap: Int = 0) -> String {
        let room = max(0, width - max(0, gap))
        let fitted = truncate(text, to: room)
        return fitted + String(repeating: " ", count: max(0, width - TextWidth.of(fitted)))
    }

    /// Characters left off the end of a cut before the "…": spaces and separators that would dangle.
    private static let trailing: Set<Character> = [" ", ",", ";", ":", "·", "—", "–", "-", "("]

    private static func trimmingTrailingSpaces(_ line: String) -> String {
        var trimmed = Substring(line)
        while trimmed.last == " " { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }
}
