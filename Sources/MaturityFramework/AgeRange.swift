/// The ages, in completed years, at which a stage is typical of a system, e.g. 3 to 5 for Established.
///
/// Ages count completed years, as a person's age does: a system established 5 years and 11 months ago
/// is 5. Both ends are included. An open range (``to`` nil) covers every age from ``from`` up.
public struct AgeRange: Sendable, Equatable {
    /// The youngest age, in completed years, at which the stage is typical; 0 or more.
    public var from: Int
    /// The oldest age, in completed years, at which the stage is typical; nil for no upper end.
    public var to: Int?

    /// Creates a range; `to` is expected to be at least `from` (the loader checks it).
    public init(from: Int, to: Int? = nil) {
        self.from = from
        self.to = to
    }

    /// True when a system of `years` completed years falls in the range.
    public func contains(_ years: Int) -> Bool {
        years >= from && (to.map { years <= $0 } ?? true)
    }

    /// The range in words, e.g. "0 to 1 years", "3 to 5 years", "11 years or more".
    public var text: String {
        guard let to else { return "\(from) years or more" }
        return from == to ? "\(from) \(from == 1 ? "year" : "years")" : "\(from) to \(to) years"
    }
}
