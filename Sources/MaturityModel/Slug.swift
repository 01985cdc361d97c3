import FoundationEssentials

/// File-name-safe forms of system names.
public enum Slug {
    /// The longest slug a file name carries.
    public static let maximumLength = 40

    /// Lowercase ASCII letters and digits joined by single hyphens, at most ``maximumLength``
    /// characters: "Ynys Môn ICS" becomes `ynys-mon-ics`. A name with no usable letters becomes
    /// `fallback` (`system` unless given).
    public static func make(from name: String, fallback: String = "system") -> String {
        let folded = NameFolding.fold(name, widths: false)
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if ("A"..."Z").contains(scalar) {
                current += String(scalar).lowercased()
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        var slug = ""
        for word in words {
            let candidate = slug.isEmpty ? word : slug + "-" + word
            if candidate.count > maximumLength {
                if slug.isEmpty { slug = String(word.prefix(maximumLength)) }
                break
            }
            slug = candidate
        }
        return slug.isEmpty ? fallback : slug
    }

    /// The form in which two system names are compared: case, accents, character widths, spaces and
    /// punctuation ignored, "&" and the whole word "and" the same, any script kept. "Ynys Môn & Gwynedd ICS"
    /// and "ynys mon and gwynedd, ics" match; "Highland" and "Highl" do not, nor "日本" and "中国". A name
    /// without letters or digits matches only itself.
    public static func matchKey(for name: String) -> String {
        let key = words(of: name).joined()
        return key.isEmpty ? "=" + name : key
    }

    /// A system's identity derived from its name: the words of ``matchKey(for:)`` joined by hyphens,
    /// "&" written `and`, letters of any script kept: "Ynys Môn & Gwynedd ICS" becomes
    /// `ynys-mon-and-gwynedd-ics`. A name without letters or digits becomes `system`.
    public static func identity(for name: String) -> String {
        let words = words(of: name).map { $0 == "&" ? "and" : $0 }
        return words.isEmpty ? "system" : words.joined(separator: "-")
    }

    /// The words of a name as compared: folded (case, accents, widths), runs of letters, digits and
    /// their marks; "&" and the word "and" both become "&"; everything else separates words.
    private static func words(of name: String) -> [String] {
        if let known = memo.words(of: name) { return known }
        let words = foldedWords(of: name)
        memo.remember(words, for: name)
        return words
    }

    /// Each distinct name's words, folded once.
    private static let memo = FoldMemo()

    /// ``words(of:)``, computed.
    private static func foldedWords(of name: String) -> [String] {
        let folded = NameFolding.fold(name, widths: true)
        var words: [String] = []
        var current = ""
        func endWord() {
            if !current.isEmpty { words.append(current == "and" ? "&" : current) }
            current = ""
        }
        for scalar in folded.unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil
                || [.nonspacingMark, .spacingMark, .enclosingMark].contains(properties.generalCategory) {
                current.unicodeScalars.append(scalar)
            } else {
                endWord()
                if scalar == "&" { words.append("&") }
            }
        }
        endWord()
        return words
    }
}
