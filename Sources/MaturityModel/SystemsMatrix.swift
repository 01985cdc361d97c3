import MaturityFramework

/// Systems side by side (`maturity compare`): each system's latest complete, system-level assessment
/// (in the year asked, else the latest overall) against one framework, area by area, with the
/// distribution per area and the movement since the system's latest complete assessment of the year before.
public struct SystemsMatrix: Sendable {
    /// One system's row.
    public struct Row: Sendable, Equatable {
        /// The system.
        public var system: SystemName
        /// The assessment compared.
        public var current: ComparedAssessment
        /// Its latest complete, system-level assessment of the year before, if any.
        public var previous: ComparedAssessment?
        /// Per area: the change since `previous`, nil where `current` has no such area.
        public var changes: [YearChange?]
    }

    /// A system left out, and why.
    public struct LeftOut: Sendable, Equatable {
        /// The system.
        public var system: SystemName
        /// The other framework its assessment was answered against; nil when it has no complete,
        /// system-level assessment in the year.
        public var otherFramework: FrameworkReference?
        /// That assessment's file, if any.
        public var file: String?
    }

    /// The framework compared on.
    public var framework: Framework
    /// The year asked for, if any.
    public var year: Int?
    /// One row per system compared, by name.
    public var rows: [Row]
    /// The systems left out, by name.
    public var leftOut: [LeftOut]
    /// Per area of `framework`, in its order.
    public var distribution: [AreaDistribution]

    /// The comparison of `systems` from `assessments` (any system's, any scope, any status).
    public init(framework: Framework, systems: [SystemName], assessments: [ComparedAssessment], year: Int?) {
        self.framework = framework
        self.year = year
        var rows: [Row] = []
        var leftOut: [LeftOut] = []
        let bySystem = Dictionary(grouping: assessments, by: \.systemID)
        for system in SystemName.sorted(systems) {
            let eligible = (bySystem[system.id] ?? []).filter { $0.isComplete && $0.place == nil }
            let inYear = year.map { year in eligible.filter { $0.date.year == year } } ?? eligible
            let same = inYear.filter { $0.framework.id == framework.id }
            guard let current = ComparedAssessment.latest(same) else {
                let other = ComparedAssessment.latest(inYear)
                leftOut.append(LeftOut(system: system, otherFramework: other?.framework, file: other?.file))
                continue
            }
            let previous = ComparedAssessment.latest(eligible.filter {
                $0.framework.id == framework.id && $0.date.year == current.date.year - 1
            })
            let changes = framework.areas.indices.map { index -> YearChange? in
                guard let now = current.level(ofArea: index) else { return nil }
                return YearChange(from: previous.flatMap { $0.level(ofArea: index) }, to: now)
            }
            rows.append(Row(system: system, current: current, previous: previous, changes: changes))
        }
        self.rows = rows
        self.leftOut = leftOut
        distribution = framework.areas.indices.map { index in
            var counts = [Int](repeating: 0, count: framework.stages.count + 1)
            var notCompared = 0
            for row in rows {
                if let level = row.current.level(ofArea: index), counts.indices.contains(level.level) {
                    counts[level.level] += 1
                } else {
                    notCompared += 1
                }
            }
            return AreaDistribution(counts: counts, notCompared: notCompared)
        }
    }

    /// The level of area `index` in `row`'s assessment, nil where it has no such area.
    public func level(_ row: Row, area index: Int) -> AreaLevel? {
        row.current.level(ofArea: index)
    }

    /// Each framework version other than the one compared on that a row was answered against, with the
    /// titles of the areas that version lacks (empty when every area matched), oldest version first.
    public var otherVersions: [(version: String, missingAreas: [String])] {
        let versions = Set(rows.map(\.current.framework.version)).subtracting([framework.version]).sorted()
        return versions.map { version in
            let missing = framework.areas.indices.filter { index in
                rows.contains { $0.current.framework.version == version && $0.current.level(ofArea: index) == nil }
            }
            return (version, missing.map { framework.areas[$0].title })
        }
    }
}
