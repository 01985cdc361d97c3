import MaturityFramework

/// How an area stands against its target: reached, on track or behind (see ``TargetStatus/rule``).
public enum TargetStatus: String, Sendable, Hashable, CaseIterable {
    /// Placed at or above the target stage.
    case reached
    /// Below the target stage, with time to reach it at the pace so far.
    case onTrack = "on-track"
    /// Below the target stage, and the target year has come or the pace so far will not reach it in time.
    case behind

    /// The rule in one sentence, for screens and exports.
    public static let rule = "A target is reached when the area is placed at or above its stage, and behind when "
        + "the target year has come, or when the stages still needed are more than the years left (the target year "
        + "less this assessment's year) times the pace so far (stages gained a year, at most one, since the system's "
        + "first assessment of the area, counted in whole months; one a year when that was less than a year before); "
        + "otherwise it is on track."

    /// How the status reads in sentences and tables: "reached", "on track", "behind".
    public var phrase: String {
        switch self {
        case .reached: "reached"
        case .onTrack: "on track"
        case .behind: "behind"
        }
    }

    /// 0 for behind, 1 for on track, 2 for reached: a higher rank is a better standing.
    public var rank: Int {
        switch self {
        case .behind: 0
        case .onTrack: 1
        case .reached: 2
        }
    }

    /// The status of an area placed at `level` (as ``Placement/level`` counts) in an assessment dated
    /// `date`, against `target`; nil without a target, or when `framework` has no such stage.
    /// `history` holds the area's level in the system's earlier assessments (later ones are ignored).
    public static func of(level: Int, target: Target?, framework: Framework, date: CalendarDate,
                          history: [DatedLevel]) -> TargetStatus? {
        guard let target, let targetLevel = target.level(in: framework) else { return nil }
        return of(level: level, targetLevel: targetLevel, targetYear: target.year, date: date, history: history)
    }

    /// The status of an area placed at `level` against a target of `targetLevel` by `targetYear`, in an
    /// assessment dated `date`, following ``rule``.
    public static func of(level: Int, targetLevel: Int, targetYear: Int, date: CalendarDate,
                          history: [DatedLevel]) -> TargetStatus {
        if level >= targetLevel { return .reached }
        // Clamped so that no level or year, however absurd, overflows the arithmetic below.
        let level = max(0, level)
        let yearsLeft = min(max(targetYear, -1_000_000), 1_000_000) - date.year
        let needed = targetLevel - level
        if yearsLeft <= 0 || needed > yearsLeft { return .behind }
        let pace = Pace(level: level, date: date, history: history)
        // needed > pace × yearsLeft, in whole numbers.
        return needed * pace.denominator > pace.numerator * yearsLeft ? .behind : .onTrack
    }
}

/// An area's level (as ``Placement/level`` counts) in one assessment, and that assessment's date.
public struct DatedLevel: Sendable, Hashable {
    /// The assessment's date.
    public var date: CalendarDate
    /// The area's level then.
    public var level: Int

    /// Creates the pair.
    public init(date: CalendarDate, level: Int) {
        self.date = date
        self.level = level
    }
}

/// Stages gained a year, as an exact fraction: from the system's first assessment of the area, when
/// it was at least ``minimumSpanMonths`` before, to this one, in whole months; never below 0 nor above
/// one a year; one a year when there is no such assessment.
public struct Pace: Sendable, Hashable {
    /// The shortest history, in whole months, that a pace is measured over; a shorter one says too little.
    public static let minimumSpanMonths = 12

    /// Stages a year = numerator / denominator.
    public let numerator: Int
    /// Stages a year = numerator / denominator; always above 0.
    public let denominator: Int
    /// True when no history a year long was there to measure, and a stage a year is assumed.
    public let isAssumed: Bool

    /// The pace of an area at `level` on `date`, given its levels in earlier assessments: the stages gained
    /// since the earliest of them (of several that day, the first given) over the whole months between, as
    /// stages a year. Assessments dated after `date` are ignored.
    public init(level: Int, date: CalendarDate, history: [DatedLevel]) {
        let first = history.filter { $0.date <= date }
            .enumerated().min { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }?.element
        guard let first, date.wholeMonths(since: first.date) >= Self.minimumSpanMonths else {
            (numerator, denominator, isAssumed) = (1, 1, true)
            return
        }
        // gained / (months / 12) = gained × 12 / months.
        let gained = min(max(0, level) - min(max(0, first.level), max(0, level)), 1_000_000)
        let months = date.wholeMonths(since: first.date)
        if gained * 12 >= months {
            (numerator, denominator) = (1, 1)
        } else {
            (numerator, denominator) = (gained * 12, months)
        }
        isAssumed = false
    }

    /// Stages a year, for display: 0 to 1.
    public var stagesPerYear: Double { Double(numerator) / Double(denominator) }
}
