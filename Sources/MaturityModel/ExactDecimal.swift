/// A decimal number exactly as a board typed it: "12.50" stays 12.50 (two places), never 12.5 or
/// 12.4999…; read with ``parse(_:)``, written back with ``description``.
///
/// The value is `units / 10^scale`. Numbers a board types are limited to ``maximumDigits`` digits,
/// at most ``maximumScale`` of them after the point, so that differences are always exact.
public struct ExactDecimal: Sendable, Hashable, CustomStringConvertible {
    /// The most digits a typed number may have, leading zeros before the point not counted.
    public static let maximumDigits = 18
    /// The most digits a typed number may have after the point.
    public static let maximumScale = 9

    /// The value times 10^``scale``: 1250 for "12.50".
    public let units: Int128
    /// How many digits follow the point, as typed: 2 for "12.50", 0 for "1,234".
    public let scale: Int

    /// A value from its parts; nil when `scale` is negative or above 2·``maximumScale``.
    public init?(units: Int128, scale: Int) {
        guard (0...(2 * Self.maximumScale)).contains(scale) else { return nil }
        self.units = units
        self.scale = scale
    }

    /// The number as plain decimal text, with the typed number of places and no thousands
    /// separators: "1234.50", "-0.5", "0". Valid as a JSON number, and read back by ``parse(_:)``.
    public var description: String {
        let digits = String(units.magnitude)
        let padded = digits.count <= scale ? String(repeating: "0", count: scale - digits.count + 1) + digits : digits
        let sign = units < 0 ? "-" : ""
        guard scale > 0 else { return sign + padded }
        let point = padded.index(padded.endIndex, offsetBy: -scale)
        return sign + padded[..<point] + "." + padded[point...]
    }

    /// -1, 0 or 1 as the value is below, at or above zero.
    public var signum: Int { units < 0 ? -1 : (units == 0 ? 0 : 1) }

    /// The nearest binary floating-point value, for drawing charts only; never for arithmetic.
    public var approximateValue: Double { Double(description) ?? 0 }

    /// `self − other`, exact, with the larger of the two scales ("12.50" − "10" is "2.50"); nil only
    /// if the result does not fit, which cannot happen for numbers read with ``parse(_:)``.
    public func subtracting(_ other: ExactDecimal) -> ExactDecimal? {
        let scale = max(self.scale, other.scale)
        guard let left = Self.aligned(units, from: self.scale, to: scale),
              let right = Self.aligned(other.units, from: other.scale, to: scale) else { return nil }
        let (difference, overflow) = left.subtractingReportingOverflow(right)
        return overflow ? nil : ExactDecimal(units: difference, scale: scale)
    }

    /// Whether the two values are the same number, whatever their places: "12.50" and "12.5" are.
    public func isNumericallyEqual(to other: ExactDecimal) -> Bool {
        subtracting(other)?.signum == 0
    }

    /// `units` multiplied by 10^(to − from), or nil when it does not fit.
    private static func aligned(_ units: Int128, from: Int, to: Int) -> Int128? {
        var result = units
        for _ in 0..<max(0, to - from) {
            let (product, overflow) = result.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            result = product
        }
        return result
    }
}
