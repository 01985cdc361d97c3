// Trimming without full Foundation: its `CharacterSet` brings CoreFoundation and ICU's data (about 30 MB)
// into the binary and seconds of start-up work with them. These give the same results as
// `trimmingSpaces()` and `(in: .whitespacesAndNewlines)`.

extension StringProtocol {
    /// The text without spaces and tabs at either end: Unicode's space separators (general category Zs)
    /// and the tab, the set Foundation calls `CharacterSet.whitespaces`. Line breaks are kept.
    public func trimmingSpaces() -> String {
        trimming(where: Self.isSpace)
    }

    /// The text without white space, tabs or line breaks at either end: Unicode's White_Space property,
    /// the set Foundation calls `CharacterSet.whitespacesAndNewlines`.
    public func trimmingWhitespace() -> String {
        trimming(where: Self.isWhitespace)
    }

    /// The text without the characters (Unicode scalars) `isTrimmed` picks at either end.
    public func trimming(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
              let last = scalars.lastIndex(where: { !isTrimmed($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || scalar == "\t" }
        return scalar.properties.generalCategory == .spaceSeparator
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || ("\t"..."\r").contains(scalar) }
        return scalar.properties.isWhitespace
    }
}
