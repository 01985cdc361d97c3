/// The stage the framework calls typical for a system of some age: context beside a placement, never
/// a verdict or a deadline.
///
/// Ages are completed years (see ``AgeRange``). Where the framework's ranges leave gaps (the seed's
/// "under two years", "three to five" and "six to ten" leave out 2, and say nothing past 10), a stage
/// stays typical until the age at which the next one starts: a system of 2 is still typically
/// emerging, one of 12 typically expanding. ``fit`` says which of the three cases applies.
public struct TypicalStage: Sendable, Equatable {
    /// How the age relates to the framework's ranges.
    public enum Fit: Sendable, Equatable {
        /// The age is inside the stage's own range.
        case inRange
        /// The age is past the stage's range but short of the next stage's (the seed's 2 years).
        case betweenRanges
        /// The age is past the range of the last stage that has one (the seed's 11 years and more).
        case beyondRanges
    }

    /// The typical stage.
    public var stage: Stage
    /// The system's age in completed years.
    public var ageInYears: Int
    /// Whether the age is inside the stage's range, between two ranges, or past them all.
    public var fit: Fit

    /// Creates the value; ``Framework/typicalStage(forAgeInYears:)`` is the usual way to get one.
    public init(stage: Stage, ageInYears: Int, fit: Fit) {
        self.stage = stage
        self.ageInYears = ageInYears
        self.fit = fit
    }

    /// The system's age in words: "less than a year", "1 year", "4 years".
    public var ageText: String {
        switch ageInYears {
        case ..<1: "less than a year"
        case 1: "1 year"
        default: "\(ageInYears) years"
        }
    }

    /// Context, not a verdict: "typical for a system of 4 years: established".
    public var text: String {
        "typical for a system of \(ageText): \(stage.title.lowercased())"
    }
}

extension Framework {
    /// True when at least one stage gives the ages at which it is typical.
    public var hasStageAges: Bool {
        stages.contains { $0.ageYears != nil }
    }

    /// The framework's typical stage for a system of `years` completed years; nil when the age is
    /// unknown or negative, when no stage gives ages, or when the system is younger than the first range.
    ///
    /// The stage whose range holds the age; otherwise the highest stage whose range starts at or below
    /// the age (see ``TypicalStage`` for the gaps between ranges and the ages past the last one).
    public func typicalStage(forAgeInYears years: Int?) -> TypicalStage? {
        guard let years, years >= 0 else { return nil }
        let aged = stages.compactMap { stage in stage.ageYears.map { (stage: stage, range: $0) } }
        if let match = aged.last(where: { $0.range.contains(years) }) {
            return TypicalStage(stage: match.stage, ageInYears: years, fit: .inRange)
        }
        guard let reached = aged.last(where: { $0.range.from <= years }) else { return nil }
        let later = aged.contains { $0.range.from > years }
        return TypicalStage(stage: reached.stage, ageInYears: years, fit: later ? .betweenRanges : .beyondRanges)
    }
}

extension TypicalStage {
    /// The typical stage beside a placement, as context: "Typical for a system of 4 years: established;
    /// placed at emerging (an earlier stage than typical)." `placed` is the stage the rules place the
    /// area at (nil: not yet at the first stage), `stages` the framework's stages in order.
    public func besidePlacement(_ placed: Stage?, stages: [Stage]) -> String {
        let typicalIndex = stages.firstIndex { $0.id == stage.id } ?? 0
        let placedIndex = placed.flatMap { placed in stages.firstIndex { $0.id == placed.id } } ?? -1
        let where_ = placed.map { "placed at \($0.title.lowercased())" } ?? "not yet placed at \(stages.first?.title.lowercased() ?? "a stage")"
        let relation = placedIndex < typicalIndex ? "an earlier stage than typical"
            : placedIndex == typicalIndex ? "the typical stage" : "a later stage than typical"
        return "Typical for a system of \(ageText): \(stage.title.lowercased()); \(where_) (\(relation))."
    }
}
