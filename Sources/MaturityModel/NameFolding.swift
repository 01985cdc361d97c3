@_spi(_Unicode) import Swift

/// Folds names for comparison exactly as Foundation's `folding(options: [.diacriticInsensitive,
/// .caseInsensitive], locale: Locale(identifier: "en_GB"))` does (with `.widthInsensitive` when
/// `widths` is set), without full Foundation, whose folding brings CoreFoundation and ICU's 30 MB of
/// data into the binary.
///
/// It follows CoreFoundation's `__CFStringFoldCharacterClusterAtIndex` step by step: ASCII letters are
/// lowercased; other characters are width-folded (U+FF00 to U+FFEF), decomposed when their base is Latin,
/// Greek or Cyrillic (below U+0510), and case-folded; the combining marks (Grapheme_Extend) that follow are
/// dropped after such a base and kept, decomposed and in canonical order, after any other. The Unicode
/// data are the standard library's (its `lowercaseMapping`, grapheme-extend and combining-class
/// properties, and its canonical decomposition), with CoreFoundation's own where they differ
/// (``caseFoldExceptions``, ``widthForms``). `NameFoldingParityTests` compares the two on every scalar.
enum NameFolding {
    /// The most scalars one cluster folds to (CoreFoundation's `__kCFStringInlineBufferLength`); it also keeps
    /// the ordering of marks cheap whatever a name holds.
    static let clusterLimit = 64

    /// `text` with case and accents folded, and character widths when `widths` is set.
    static func fold(_ text: String, widths: Bool) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiLowercased(text) }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let (folded, consumed) = cluster(scalars, at: index, widths: widths)
            if consumed == 0 {
                result.append(scalars[index])
                index += 1
            } else {
                result.append(contentsOf: folded)
                index += consumed
            }
        }
        return String(result)
    }

    /// ASCII text: only A to Z change.
    private static func asciiLowercased(_ text: String) -> String {
        var bytes = Array(text.utf8)
        for i in bytes.indices where (0x41...0x5A).contains(bytes[i]) { bytes[i] += 0x20 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The folded form of the character cluster that starts at `start`, and how many scalars it replaces;
    /// none when the scalar stays as it is.
    private static func cluster(_ scalars: [Unicode.Scalar], at start: Int, widths: Bool) -> ([Unicode.Scalar], Int) {
        var character = scalars[start]
        guard character.value != 0 else { return ([], 0) }
        var out: [Unicode.Scalar] = []
        var next = start + 1
        if character.isASCII {
            if ("A"..."Z").contains(character), let lower = Unicode.Scalar(character.value + 0x20) {
                character = lower
                out = [character]
            }
        } else {
            if widths, (0xFF00...0xFFEF).contains(character.value) {
                character = narrowed(character)
                out = [character]
            }
            if let decomposed = canonicalDecomposition(character) {
                if decomposed[0].value < 0x510 {
                    character = decomposed[0]
                    out = [character]
                } else {
                    out = []
                }
            }
            let dropMarks = character.value < 0x510
            if let folded = caseFolded(character) {
                out = []
                for scalar in folded {
                    character = scalar
                    if !dropMarks || !scalar.properties.isGraphemeExtend { out.append(scalar) }
                }
            }
        }
        var keepMarks = character.value >= 0x510
        if out.isEmpty, keepMarks {
            if next < scalars.count, scalars[next].properties.isGraphemeExtend {
                let mark = scalars[next]
                out = [character]
                if mark.value > 0x50F { out += canonicalDecomposition(mark) ?? [mark] }
                next += 1
            } else {
                keepMarks = false
            }
        }
        // At most `clusterLimit` scalars, as CoreFoundation's buffer: the marks beyond start clusters of their own.
        while out.count < clusterLimit, next < scalars.count, scalars[next].properties.isGraphemeExtend {
            if keepMarks {
                let mark = canonicalDecomposition(scalars[next]) ?? [scalars[next]]
                if out.count + mark.count > clusterLimit { break }
                out += mark
            } else if out.isEmpty {
                out = [character]
            }
            next += 1
        }
        guard !out.isEmpty else { return ([], 0) }
        if out.count > 1 { sortTrailingMarks(&out) }
        return (out, next - start)
    }

    /// Puts the combining marks at the end in canonical order (stable, by combining class).
    private static func sortTrailingMarks(_ scalars: inout [Unicode.Scalar]) {
        var start = scalars.count - 1
        while start > 0, scalars[start].properties.isGraphemeExtend { start -= 1 }
        while start < scalars.count, scalars[start].properties.canonicalCombiningClass.rawValue == 0 { start += 1 }
        guard scalars.count - start > 1 else { return }
        for i in (start + 1)..<scalars.count {
            var j = i
            while j > start, scalars[j - 1].properties.canonicalCombiningClass.rawValue > scalars[j].properties.canonicalCombiningClass.rawValue {
                scalars.swapAt(j - 1, j)
                j -= 1
            }
        }
    }

    /// A halfwidth or fullwidth form's ordinary character.
    private static func narrowed(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if (0xFF01...0xFF5E).contains(value) { return Unicode.Scalar(value - 0xFEE0) ?? scalar }
        let mapped = widthForms[Int(value - 0xFF00)]
        return mapped == 0 ? scalar : Unicode.Scalar(UInt32(mapped)) ?? scalar
    }

    /// The canonical decomposition, nil when there is none (Hangul syllables count as having none, as in
    /// CoreFoundation's tables).
    private static func canonicalDecomposition(_ scalar: Unicode.Scalar) -> [Unicode.Scalar]? {
        if scalar.value < 0xC0 || (0xAC00...0xD7A3).contains(scalar.value) { return nil }
        let decomposed = Array(String(scalar)._nfd)
        return decomposed.count == 1 && decomposed[0] == scalar ? nil : decomposed
    }

    /// Full case folding, nil when it changes nothing.
    private static func caseFolded(_ scalar: Unicode.Scalar) -> [Unicode.Scalar]? {
        if let exception = caseFoldExceptions[scalar.value] {
            return exception == [scalar.value] ? nil : exception.compactMap(Unicode.Scalar.init)
        }
        let lower = scalar.properties.lowercaseMapping
        let folded = Array(lower.unicodeScalars)
        return folded == [scalar] ? nil : folded
    }
}
