import MaturityFramework

/// One assessment as `compare` and the roll-up see it: whose it is, when, its scope, and per area of
/// the framework compared on the level it is placed at (nil where the assessment has no such area).
public struct ComparedAssessment: Sendable, Equatable {
    /// The identity of the system it belongs to.
    public var systemID: String
    /// Its file name in the store.
    public var file: String
    /// The day of the workshop.
    public var date: CalendarDate
    /// Whether it is complete (only complete assessments are compared).
    public var isComplete: Bool
    /// The place within the system it covers; nil for the whole system.
    public var place: String?
    /// The framework it was answered against.
    public var framework: FrameworkReference
    /// Per area of the framework compared on, in its order: its level, or nil where it has no such area
    /// (answered against another version). Empty for an assessment of another framework.
    public var levels: [AreaLevel?]

    /// Creates the value.
    public init(systemID: String, file: String, date: CalendarDate, isComplete: Bool, place: String?,
                framework: FrameworkReference, levels: [AreaLevel?]) {
        self.systemID = systemID
        self.file = file
        self.date = date
        self.isComplete = isComplete
        self.place = place
        self.framework = framework
        self.levels = levels
    }

    /// Date, then the order files of one day were made in (`x.json` before `x-2.json`), then the name.
    var order: (CalendarDate, Int, String) {
        let stem = file.hasSuffix(".json") ? String(file.dropLast(5)) : file
        let suffix = stem.split(separator: "-").last.flatMap { Int($0) }.map { $0 < 1000 ? $0 : 1 } ?? 1
        return (date, suffix, file)
    }

    /// The level of the framework's area at `index`, nil where the assessment has no such area.
    public func level(ofArea index: Int) -> AreaLevel? {
        levels.indices.contains(index) ? levels[index] : nil
    }

    /// The latest of `assessments` (by ``order``).
    static func latest(_ assessments: some Sequence<ComparedAssessment>) -> ComparedAssessment? {
        assessments.max { $0.order < $1.order }
    }
}

/// An area's level in one assessment: 0 below the first stage, 1 at the first, and so on.
public struct AreaLevel: Sendable, Equatable {
    /// The level.
    public var level: Int
    /// Whether the placement is provisional.
    public var isProvisional: Bool

    /// Creates the value.
    public init(level: Int, isProvisional: Bool) {
        self.level = level
        self.isProvisional = isProvisional
    }
}

/// How an area moved from a system's assessment of the year before to the one compared.
public enum YearChange: String, Sendable, Equatable, CaseIterable {
    case up, down, same
    /// No assessment of the year before (or it had no such area).
    case new

    /// The change from `previous` to `current`.
    public init(from previous: AreaLevel?, to current: AreaLevel) {
        guard let previous else {
            self = .new
            return
        }
        self = current.level > previous.level ? .up : (current.level < previous.level ? .down : .same)
    }

    /// "↑", "↓", "=", "new".
    public var symbol: String {
        switch self {
        case .up: "↑"
        case .down: "↓"
        case .same: "="
        case .new: "new"
        }
    }
}

/// A system's name and identity.
public struct SystemName: Sendable, Equatable {
    /// The stable identity.
    public var id: String
    /// The name it is known by now.
    public var name: String

    /// Creates the value.
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }

    /// The systems sorted by name (case ignored), then identity.
    static func sorted(_ systems: [SystemName]) -> [SystemName] {
        systems.sorted { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
    }
}

/// How many systems an area has at each level, and how many could not be compared on it.
public struct AreaDistribution: Sendable, Equatable {
    /// The count at each level, index 0 (below the first stage) up to the framework's last stage.
    public var counts: [Int]
    /// Systems whose assessment has no such area (another framework version).
    public var notCompared: Int

    /// Creates the value.
    public init(counts: [Int], notCompared: Int) {
        self.counts = counts
        self.notCompared = notCompared
    }

    /// The number of systems counted.
    public var total: Int { counts.reduce(0, +) + notCompared }
}
