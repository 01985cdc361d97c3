import Foundation
import MaturityModel
import TestSupport
import Testing

@Suite("Exact decimals as boards type them")
struct ExactDecimalTests {
    func parsed(_ text: String) -> ExactDecimal? { try? ExactDecimal.parse(text) }

    func error(_ text: String) -> DecimalInputError? {
        do { _ = try ExactDecimal.parse(text); return nil } catch { return error }
    }

    @Test func acceptedFormsKeepTheirPlaces() {
        let cases: [(String, String, Int)] = [
            ("12.50", "12.50", 2), ("1,234.5", "1234.5", 1), ("1234.5", "1234.5", 1), ("1,234,567", "1234567", 0),
            (" 42 ", "42", 0), (".5", "0.5", 1), ("0.05", "0.05", 2), ("-3.25", "-3.25", 2), ("\u{2212}7", "-7", 0),
            ("+8", "8", 0), ("007", "7", 0), ("-0.0", "0.0", 1), ("0", "0", 0), ("100,000.000", "100000.000", 3),
            ("999999999999999999", "999999999999999999", 0), ("0.123456789", "0.123456789", 9),
            ("123456789.123456789", "123456789.123456789", 9), ("\u{A0}5\t", "5", 0),
        ]
        for (typed, canonical, scale) in cases {
            let value = parsed(typed)
            #expect(value?.description == canonical, "\(typed)")
            #expect(value?.scale == scale, "\(typed)")
        }
        #expect(parsed("12.50") != parsed("12.5"), "the places typed are kept")
        #expect(parsed("12.50")?.isNumericallyEqual(to: parsed("12.5")!) == true)
        #expect(parsed("12.50")?.units == 1250)
    }

    @Test func eachRefusalSaysWhyInOneLine() {
        let cases: [(String, DecimalInputError)] = [
            ("", .empty), ("   ", .empty),
            ("NaN", .notFinite("NaN")), ("-inf", .notFinite("-inf")), ("Infinity", .notFinite("Infinity")),
            ("1e6", .exponent("1e6")), ("2.5E-3", .exponent("2.5E-3")),
            ("12%", .unitInside(text: "12%", unit: "%")), ("£1,234", .unitInside(text: "£1,234", unit: "£")),
            ("40 tCO2e", .unitInside(text: "40 tCO2e", unit: "tCO2e")), ("USD 12", .unitInside(text: "USD 12", unit: "USD")),
            ("12,5", .decimalComma("12,5")), ("0,75", .decimalComma("0,75")),
            ("12,34,567", .misplacedComma("12,34,567")), (",123", .misplacedComma(",123")), ("1,234.5,6", .misplacedComma("1,234.5,6")),
            ("1234,", .misplacedComma("1234,")), ("1,,234", .misplacedComma("1,,234")),
            ("1.2.3", .severalPoints("1.2.3")), ("12.", .pointWithoutDecimals("12.")),
            ("-", .noDigits("-")), (".", .noDigits(".")), ("twelve", .noDigits("twelve")),
            ("1 234", .unexpectedCharacter(text: "1 234", character: " ")), ("(12)", .unexpectedCharacter(text: "(12)", character: "(")),
            ("--5", .unexpectedCharacter(text: "--5", character: "-")), ("5-", .unexpectedCharacter(text: "5-", character: "-")),
            ("1234567890123456789", .tooManyDigits("1234567890123456789")), ("0.1234567891", .tooManyDecimals("0.1234567891")),
            ("\u{1B}[2J5", .unexpectedCharacter(text: "\u{1B}[2J5", character: "\u{1B}")),
        ]
        for (typed, expected) in cases {
            let found = error(typed)
            #expect(found == expected, "\(typed.debugDescription)")
            if let message = found?.message {
                #expect(!message.isEmpty && !message.contains("\n") && !message.contains("\u{1B}"), "\(message)")
            }
        }
        #expect(error("12,5")?.message.contains("use a point") == true)
        #expect(error("12%")?.message.contains("the unit is recorded separately") == true)
        #expect(error("1 234")?.message.contains("has a space in it") == true)
    }

    @Test func whatIsWrittenReadsBackTheSameAndDifferencesAreExact() {
        var generator = SeededRandom(seed: 1250)
        let cases = 20_000
        for _ in 0..<cases {
            let scale = Int.random(in: 0...ExactDecimal.maximumScale, using: &generator)
            let digits = Int.random(in: max(1, scale)...ExactDecimal.maximumDigits, using: &generator)
            let magnitude = Int128(Int64.random(in: 0...Int64.max, using: &generator)) % power(digits)
            let value = ExactDecimal(units: Bool.random(using: &generator) ? -magnitude : magnitude, scale: scale)!
            let text = value.description
            #expect(parsed(text) == value, "\(text)")
            // With thousands separated, the same value.
            let separated = withCommas(text)
            #expect(parsed(separated) == value, "\(separated)")
            #expect(value.subtracting(ExactDecimal(units: 0, scale: 0)!) == value)
            let other = ExactDecimal(units: Int128(Int64.random(in: -999_999...999_999, using: &generator)),
                                     scale: Int.random(in: 0...ExactDecimal.maximumScale, using: &generator))!
            guard let difference = value.subtracting(other), let reverse = other.subtracting(value),
                  let back = difference.subtracting(value.subtracting(other)!) else {
                Issue.record("\(value) - \(other) did not fit"); continue
            }
            #expect(reverse.units == -difference.units && reverse.scale == difference.scale)
            #expect(back.signum == 0 && difference.scale == max(value.scale, other.scale))
            // value - other + other == value, checked in exact arithmetic as (value - other) - (-other).
            let negated = ExactDecimal(units: -other.units, scale: other.scale)!
            #expect(difference.subtracting(negated)?.isNumericallyEqual(to: value) == true)
        }
        // Extremes of the typed range never overflow.
        let largest = parsed("999,999,999,999,999,999")!
        let smallest = parsed("-0.000000001")!
        #expect(largest.subtracting(smallest)?.description == "999999999999999999.000000001")
        #expect(parsed("-999999999999999999")!.subtracting(largest)?.description == "-1999999999999999998")
        CampaignReport.record("Metric values: typed, written and read back, with and without thousands separators",
                              cases: cases * 2, how: "random exact decimals up to 18 digits, 9 after the point")
    }

    @Test func randomTextIsReadOrRefusedNeverTrapped() {
        var generator = SeededRandom(seed: 99)
        let alphabet = Array("0123456789,.-+ e%£abc\u{2212}\u{1B}\u{202E}")
        let cases = 20_000
        var accepted = 0
        for _ in 0..<cases {
            let text = String((0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            do {
                let value = try ExactDecimal.parse(text)
                accepted += 1
                #expect(try ExactDecimal.parse(value.description) == value, "\(text.debugDescription)")
                #expect(Double(value.description) != nil)
            } catch {
                #expect(!error.message.contains("\n") && !error.message.contains("\u{1B}"))
            }
        }
        #expect(accepted > 100)
        CampaignReport.record("Metric values: random text of digits, separators, signs, units and escapes", cases: cases,
                              how: "read or refused with one line, never trapped")
    }

    func power(_ digits: Int) -> Int128 {
        (0..<digits).reduce(Int128(1)) { value, _ in value * 10 }
    }

    func withCommas(_ text: String) -> String {
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        var whole = Array(parts[0])
        var index = whole.count - 3
        while index > 0 { whole.insert(",", at: index); index -= 3 }
        return (negative ? "-" : "") + String(whole) + (parts.count == 2 ? "." + parts[1] : "")
    }
}

@Suite("Typed values quoted back")
struct TypedValueQuotingTests {
    @Test func aPastedPageIsQuotedInOneShortLine() {
        let pasted = String(repeating: "12,5 ", count: 100_000)
        do {
            _ = try ExactDecimal.parse(pasted)
            Issue.record("a page of text was read as a number")
        } catch {
            #expect(error.message.count < 300 && error.message.contains("…") && !error.message.contains("\n"))
        }
        do {
            _ = try TargetArgument.parse(String(repeating: "x", count: 100_000) + "=\u{1B}[2J:2027", framework: seedFramework, assessmentYear: 2026)
            Issue.record("a page of text was read as a target")
        } catch {
            #expect(error.message.count < 400 && error.message.contains("…") && !error.message.contains("\u{1B}"), "\(error.message.prefix(500))")
        }
    }
}
