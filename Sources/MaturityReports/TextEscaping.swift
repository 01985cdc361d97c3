import FoundationEssentials

/// Escaping of user text for each output format.
enum Escape {
    /// Text safe inside HTML elements and attribute values.
    static func html(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Text safe in Markdown: special characters backslash-escaped, line breaks as `<br>` (for table cells).
    static func markdown(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "{", "}", "~", "$":
                result += "\\" + String(character)
            case "\r\n", "\n", "\r":
                result += "<br>"
            default:
                result.append(character)
            }
        }
        return result
    }

    /// A CSV field (RFC 4180): quoted when needed, and neutralised when a spreadsheet would read it
    /// as a formula (it starts with =, +, -, @, a tab or a carriage return): a ' is put in front.
    static func csv(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || value.hasPrefix(" ") || value.hasSuffix(" ")
        guard needsQuotes else { return value }
        // Every quote scalar is doubled, even one that a combining mark joins into a larger character.
        let doubled = value.unicodeScalars.flatMap { $0 == "\"" ? [$0, $0] : [$0] }
        return "\"" + String(String.UnicodeScalarView(doubled)) + "\""
    }
}
