import CellGrid
import MaturityFramework

/// Editable text with a cursor: a one-line field or a multi-line note.
public struct TextField: Sendable, Equatable {
    /// The text, as characters.
    public private(set) var characters: [Character]
    /// Cursor position: the index of the character it stands before.
    public private(set) var cursor: Int
    /// One line only: Enter is not inserted.
    public let isSingleLine: Bool
    /// The most characters the field keeps.
    public let limit: Int
    /// Set when typed or pasted text was cut at the limit.
    public private(set) var wasCut = false
    /// Counts changes to the text (not cursor moves), so callers can tell cheaply whether it changed.
    public private(set) var revision = 0

    /// A field holding `text`, with the cursor at its end.
    public init(_ text: String = "", singleLine: Bool = true, limit: Int = 200) {
        characters = Array(text.prefix(limit))
        cursor = characters.count
        isSingleLine = singleLine
        self.limit = limit
    }

    /// The text.
    public var text: String { String(characters) }

    /// Applies an editing key; returns false for keys the field does not use (the caller may).
    /// `width` is the wrap width, used by up and down in multi-line fields.
    public mutating func handle(_ key: Key, width: Int) -> Bool {
        let count = characters.count
        defer { if characters.count != count || changedInPlace { revision += 1 } }
        changedInPlace = false
        switch key {
        case let .character(character):
            insert(character)
        case .enter where !isSingleLine:
            insert("\n")
        case .tab where !isSingleLine:
            insert(" ")
        case .backspace:
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .delete, .control("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left:
            cursor = max(0, cursor - 1)
        case .right:
            cursor = min(characters.count, cursor + 1)
        case .home, .control("a"):
            cursor = isSingleLine ? 0 : lineStart(of: cursor)
        case .end, .control("e"):
            cursor = isSingleLine ? characters.count : lineEnd(of: cursor)
        case .up where !isSingleLine, .down where !isSingleLine:
            let layout = TextLayout(characters: characters, width: width)
            let position = layout.cursor(at: cursor)
            cursor = layout.index(line: position.line + (key == .up ? -1 : 1), column: position.column)
        case .control("u"):
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .control("k"):
            characters.removeSubrange(cursor..<(isSingleLine ? characters.count : lineEnd(of: cursor)))
        default:
            return false
        }
        return true
    }

    private mutating func insert(_ character: Character) {
        // Control characters (other than a line break in notes) and bidirectional overrides are never stored.
        if character.unicodeScalars.contains(where: { TerminalText.isUnsafe($0) && $0 != "\n" }) { return }
        if character.unicodeScalars.contains(where: { (0xD800...0xDFFF).contains($0.value) || $0.value == 0xFFFE }) { return }
        guard characters.count < limit else {
            wasCut = true
            return
        }
        // A combining mark (or joiner) typed after a letter joins it, as it would in a String.
        if cursor > 0 {
            let joined = String(characters[cursor - 1]) + String(character)
            if joined.count == 1 {
                characters[cursor - 1] = Character(joined)
                changedInPlace = true
                return
            }
        }
        characters.insert(character, at: cursor)
        cursor += 1
    }

    /// Set when an edit changed the text without changing its length (a combining mark joining a letter).
    private var changedInPlace = false

    private func lineStart(of index: Int) -> Int {
        var start = index
        while start > 0, characters[start - 1] != "\n" { start -= 1 }
        return start
    }

    private func lineEnd(of index: Int) -> Int {
        var end = index
        while end < characters.count, characters[end] != "\n" { end += 1 }
        return end
    }
}
