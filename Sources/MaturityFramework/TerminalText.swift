/// Text from files and people, made inert before it reaches a terminal.
///
/// A system name, a note or a framework title can hold characters a terminal acts on instead of
/// showing: ESC starts sequences that retitle the window or clear the screen, a carriage return
/// overwrites the line, C1 codes such as U+009B are escapes of their own, and bidirectional
/// overrides make text read in an order other than the one stored. Each of them is shown instead
/// as `\u{HEX}`, its code point in upper-case hexadecimal (`\u{1B}` for ESC, `\u{9B}`, `\u{202E}`),
/// so the text stays readable and nothing acts on the terminal.
public enum TerminalText {
    /// Whether `scalar` is shown as `\u{HEX}` rather than printed: the C0 controls U+0000–U+001F
    /// (tab and line breaks included), DEL U+007F, the C1 controls U+0080–U+009F, and the
    /// bidirectional embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Whether `text` holds any character ``isUnsafe(_:)`` names; input fields refuse such text.
    public static func containsUnsafe(_ text: some StringProtocol) -> Bool {
        rewritten(text, keepingLayout: false) != nil
    }

    /// `text` as one value on one line: every unsafe character, tab and line breaks included, shown as `\u{HEX}`.
    public static func inert(_ text: some StringProtocol) -> String {
        rewritten(text, keepingLayout: false) ?? String(text)
    }

    /// A whole text of several lines (a message, a report, a document): line feeds, CR LF pairs and
    /// tabs are kept as its layout; every other unsafe character, a lone carriage return included,
    /// is shown as `\u{HEX}`.
    public static func inertKeepingLayout(_ text: some StringProtocol) -> String {
        rewritten(text, keepingLayout: true) ?? String(text)
    }

    /// JSON text with every unsafe character that the encoder left as it is (DEL, C1, bidirectional
    /// overrides) written as a `\uXXXX` escape: the same JSON value, inert on a terminal. Such
    /// characters occur only inside JSON strings, where the escape means exactly the character.
    public static func jsonEscaped(_ json: String) -> String {
        rewritten(json, keepingLayout: true) { scalar in
            let hex = String(scalar, radix: 16)
            return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        } ?? json
    }

    /// How `scalar` is shown: `\u{1B}`.
    public static func visible(_ scalar: Unicode.Scalar) -> String {
        visible(scalar.value)
    }

    private static func visible(_ value: UInt32) -> String {
        "\\u{" + String(value, radix: 16, uppercase: true) + "}"
    }

    /// `text` with each unsafe character replaced by `shown(code point)`, or nil when there is none.
    /// Works on the UTF-8 bytes, whose forms of the unsafe characters are fixed: a C0 byte or DEL;
    /// C2 80–9F (C1); E2 80 AA–AE and E2 81 A6–A9 (the bidirectional controls). `list` over a large
    /// store passes every line through here.
    private static func rewritten(_ text: some StringProtocol, keepingLayout: Bool,
                                  shown: (UInt32) -> String = visible) -> String? {
        var output: [UInt8] = []
        var copied = 0
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            var length = 0
            var scalar: UInt32 = 0
            if byte < 0x20 || byte == 0x7F {
                if keepingLayout, byte == 0x0A || byte == 0x09 || (byte == 0x0D && next == 0x0A) {
                    index += byte == 0x0D ? 2 : 1
                    continue
                }
                (length, scalar) = (1, UInt32(byte))
            } else if byte == 0xC2, (0x80...0x9F).contains(next) {
                (length, scalar) = (2, UInt32(next))
            } else if byte == 0xE2, index + 2 < bytes.count {
                let last = bytes[index + 2]
                if (next == 0x80 && (0xAA...0xAE).contains(last)) || (next == 0x81 && (0xA6...0xA9).contains(last)) {
                    (length, scalar) = (3, 0x2000 | UInt32(next & 0x3F) << 6 | UInt32(last & 0x3F))
                }
            }
            guard length > 0 else {
                index += 1
                continue
            }
            if output.isEmpty { output.reserveCapacity(bytes.count + 16) }
            output += bytes[copied..<index]
            output += shown(scalar).utf8
            index += length
            copied = index
        }
        guard copied > 0 else { return nil }
        output += bytes[copied...]
        return String(decoding: output, as: UTF8.self)
    }
}

extension DefaultStringInterpolation {
    /// Interpolates `value` made inert on one line (see ``TerminalText/inert(_:)``): `"unknown key '\(inert: key)'"`.
    public mutating func appendInterpolation(inert value: some StringProtocol) {
        appendLiteral(TerminalText.inert(value))
    }
}
