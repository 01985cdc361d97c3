import Foundation

/// File-name-safe forms of system names.
public enum Slug {
    /// The longest slug a file name carries.
    public static let maximumLength = 40

    /// Lowercase ASCII letters and digits joined by single hyphens, at most ``maximumLength``
    /// characters: "Ynys Môn ICS" becomes `ynys-mon-ics`. A name with no usable letters becomes `system`.
    public static func make(from name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_GB"))
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
        return slug.isEmpty ? "system" : slug
    }

    /// The form in which two system names are compared: case, accents, spaces and punctuation
    /// ignored, any script kept ("West Yorkshire ICS" and "west-yorkshire, ics" match; "日本" and "中国" do not).
    public static func matchKey(for name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_GB"))
        return String(folded.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
            .map(Character.init))
    }
}
