import MaturityFramework

/// Why typed text is not a number ``ExactDecimal/parse(_:)`` accepts; ``message`` says it in one line.
public enum DecimalInputError: Error, Sendable, Equatable {
    /// Nothing was typed.
    case empty
    /// NaN or infinity.
    case notFinite(String)
    /// An exponent, as in "1e6".
    case exponent(String)
    /// A unit or symbol written with the number, as in "12%", "£1,234" or "40 tCO2e"; the unit is recorded apart.
    case unitInside(text: String, unit: String)
    /// Something other than digits, one point, commas between thousands and a leading sign.
    case unexpectedCharacter(text: String, character: String)
    /// A comma used as the decimal point, as in "12,5".
    case decimalComma(String)
    /// Commas that do not separate groups of three digits before the point.
    case misplacedComma(String)
    /// More than one point.
    case severalPoints(String)
    /// A point with no digit after it, as in "12.".
    case pointWithoutDecimals(String)
    /// No digit at all.
    case noDigits(String)
    /// More digits than ``ExactDecimal/maximumDigits``.
    case tooManyDigits(String)
    /// More digits after the point than ``ExactDecimal/maximumScale``.
    case tooManyDecimals(String)

    /// The problem in one line, quoting the typed text with anything a terminal would act on made inert.
    public var message: String {
        switch self {
        case .empty:
            return "no value given; type a number such as 1234.5"
        case .notFinite(let text):
            return "'\(TypedInput.quoted(text))' is not a number; type a finite number such as 1234.5"
        case .exponent(let text):
            return "'\(TypedInput.quoted(text))' has an exponent; write the number in full, such as 1000000"
        case .unitInside(let text, let unit):
            return "'\(TypedInput.quoted(text))' has '\(TypedInput.quoted(unit))' in it; type the number alone, the unit is recorded separately"
        case .unexpectedCharacter(let text, let character):
            let shown = character.unicodeScalars.allSatisfy(\.properties.isWhitespace) ? "a space" : "'\(TypedInput.quoted(character))'"
            return "'\(TypedInput.quoted(text))' has \(shown) in it; a number is digits with one point for decimals and commas between thousands, such as 1,234.5"
        case .decimalComma(let text):
            return "'\(TypedInput.quoted(text))' uses a comma for decimals; use a point, such as 12.5 (commas only separate thousands)"
        case .misplacedComma(let text):
            return "'\(TypedInput.quoted(text))' has a comma out of place; commas may only separate thousands before the point, such as 1,234,567.5"
        case .severalPoints(let text):
            return "'\(TypedInput.quoted(text))' has more than one point; a number has at most one, for decimals"
        case .pointWithoutDecimals(let text):
            return "'\(TypedInput.quoted(text))' ends in a point; write the decimals after it or leave it out"
        case .noDigits(let text):
            return "'\(TypedInput.quoted(text))' is not a number; type digits, such as 1234.5"
        case .tooManyDigits(let text):
            return "'\(TypedInput.quoted(text))' has more than \(ExactDecimal.maximumDigits) digits"
        case .tooManyDecimals(let text):
            return "'\(TypedInput.quoted(text))' has more than \(ExactDecimal.maximumScale) digits after the point"
        }
    }
}

extension ExactDecimal {
    /// Reads a number as a board types it. Accepted: digits with at most one point for decimals
    /// ("1234.5", ".5"), commas between groups of three digits before the point ("1,234.5"), a leading
    /// "-", "−" or "+", spaces around; at most ``maximumDigits`` digits, ``maximumScale`` after the
    /// point. Refused, each with its own ``DecimalInputError``: units or symbols ("12%", "£5"),
    /// exponents, NaN and infinity, decimal commas ("12,5"), spaces or other characters inside.
    /// The places typed are kept: "12.50" reads as 1250 hundredths.
    public static func parse(_ text: String) throws(DecimalInputError) -> ExactDecimal {
        let scalars = Array(text.unicodeScalars.drop { $0.properties.isWhitespace }.reversed()
            .drop { $0.properties.isWhitespace }.reversed())
        guard !scalars.isEmpty else { throw .empty }
        let trimmed = String(String.UnicodeScalarView(scalars))
        let lowered = trimmed.lowercased()
        let unsigned = lowered.hasPrefix("-") || lowered.hasPrefix("+") || lowered.hasPrefix("\u{2212}") ? String(lowered.dropFirst()) : lowered
        if ["nan", "inf", "infinity", "∞"].contains(unsigned) { throw .notFinite(trimmed) }

        // The number: an optional sign, then digits, commas and points; what is left over is refused.
        var index = 0
        let isDigit = { (scalar: Unicode.Scalar) in (0x30...0x39).contains(scalar.value) }
        let isBody = { (scalar: Unicode.Scalar) in isDigit(scalar) || scalar == "," || scalar == "." }
        let isUnitLike = { (scalar: Unicode.Scalar) in
            scalar.properties.isAlphabetic || scalar.properties.generalCategory == .currencySymbol
                || ["%", "\u{2030}", "\u{B0}", "/"].contains(scalar)
        }
        let leading = scalars.prefix { !isBody($0) && !["-", "+", "\u{2212}"].contains($0) }
        if !leading.isEmpty {
            guard scalars.contains(where: isDigit) else { throw .noDigits(trimmed) }
            if isUnitLike(leading[leading.startIndex]) {
                throw .unitInside(text: trimmed, unit: String(String.UnicodeScalarView(leading)).trimmingWhitespace)
            }
            throw .unexpectedCharacter(text: trimmed, character: String(leading[leading.startIndex]))
        }
        var negative = false
        if ["-", "\u{2212}"].contains(scalars[index]) { negative = true; index += 1 } else if scalars[index] == "+" { index += 1 }
        let bodyStart = index
        while index < scalars.count, isBody(scalars[index]) { index += 1 }
        let body = scalars[bodyStart..<index]
        guard body.contains(where: isDigit) else {
            if index < scalars.count, scalars[index...].contains(where: isDigit) {
                throw .unexpectedCharacter(text: trimmed, character: String(scalars[index]))
            }
            throw .noDigits(trimmed)
        }
        if index < scalars.count {
            let rest = scalars[index...]
            if let first = rest.first, first == "e" || first == "E" {
                let exponent = rest.dropFirst().drop { $0 == "-" || $0 == "+" || $0 == "\u{2212}" }
                if !exponent.isEmpty && exponent.allSatisfy(isDigit) { throw .exponent(trimmed) }
            }
            if let next = rest.first(where: { !$0.properties.isWhitespace }), isUnitLike(next) {
                throw .unitInside(text: trimmed, unit: String(String.UnicodeScalarView(rest)).trimmingWhitespace)
            }
            throw .unexpectedCharacter(text: trimmed, character: String(rest[rest.startIndex]))
        }

        // Digits, commas and points.
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw .severalPoints(trimmed) }
        let whole = parts[0]
        let fraction = parts.count == 2 ? parts[1] : []
        if parts.count == 2 && fraction.isEmpty { throw .pointWithoutDecimals(trimmed) }
        if fraction.contains(",") { throw .misplacedComma(trimmed) }
        var wholeDigits = Array(whole)
        if whole.contains(",") {
            let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
            let grouped = (1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }
            if !grouped {
                throw groups.count == 2 && parts.count == 1 && !groups[0].isEmpty && !groups[1].isEmpty
                    ? .decimalComma(trimmed) : .misplacedComma(trimmed)
            }
            wholeDigits = whole.filter { $0 != "," }
        }
        let significantWhole = wholeDigits.drop { $0 == "0" }
        if fraction.count > maximumScale { throw .tooManyDecimals(trimmed) }
        if significantWhole.count + fraction.count > maximumDigits { throw .tooManyDigits(trimmed) }
        var units: Int128 = 0
        for scalar in significantWhole + fraction {
            units = units * 10 + Int128(scalar.value - 0x30)
        }
        // Within the limits above the value has at most 18 digits, far inside Int128.
        guard let value = ExactDecimal(units: negative ? -units : units, scale: fraction.count) else { throw .tooManyDecimals(trimmed) }
        return value
    }
}

extension String {
    /// The text without whitespace at either end.
    fileprivate var trimmingWhitespace: String {
        String(String.UnicodeScalarView(unicodeScalars.drop { $0.properties.isWhitespace }.reversed()
            .drop { $0.properties.isWhitespace }.reversed()))
    }
}
