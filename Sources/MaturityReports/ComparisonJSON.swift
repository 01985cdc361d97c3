import MaturityFramework
import MaturityModel

/// Systems side by side as JSON (`"kind": "maturity-comparison"`, `"schemaVersion": 1`). Every
/// documented key is written; an absent value is `null`.
public struct ComparisonJSON: Codable, Sendable, Equatable {
    /// How many systems an area has at one stage.
    public struct Count: Codable, Sendable, Equatable {
        /// The stage's id (`not-yet-emerging` below the first).
        public var stage: String
        /// Its title.
        public var title: String
        /// How many systems are placed there.
        public var count: Int
    }

    /// One area across the systems.
    public struct AreaLine: Codable, Sendable, Equatable {
        /// The area's id.
        public var id: String
        /// Its title.
        public var title: String
        /// Its short title.
        public var shortTitle: String
        /// One count per stage, the first stage first and below the first stage last.
        public var distribution: [Count]
        /// Systems whose framework version lacks the area.
        public var notCompared: Int
        /// How many systems moved `up`, `down`, stayed the `same`, or are `new`.
        public var movement: [String: Int]
    }

    /// One area of one system.
    public struct Cell: Codable, Sendable, Equatable {
        /// The area's id.
        public var id: String
        /// The stage's id; null where the assessment's framework version lacks the area.
        @NullWhenAbsent public var stage: String?
        /// The stage's title; null likewise.
        @NullWhenAbsent public var stageTitle: String?
        /// Whether the placement is provisional; null likewise.
        @NullWhenAbsent public var provisional: Bool?
        /// The stage's id in the assessment of the year before; null when none.
        @NullWhenAbsent public var previousStage: String?
        /// `up`, `down`, `same` or `new`; null where not compared.
        @NullWhenAbsent public var movement: String?
    }

    /// An assessment, by date and file.
    public struct Filed: Codable, Sendable, Equatable {
        /// Its date.
        public var date: String
        /// Its file name.
        public var file: String
    }

    /// One system's row.
    public struct SystemLine: Codable, Sendable, Equatable {
        /// The system's current name.
        public var system: String
        /// Its identity.
        public var systemID: String
        /// The assessment compared's date.
        public var date: String
        /// Its file name.
        public var file: String
        /// The framework version it was answered against.
        public var frameworkVersion: String
        /// The assessment of the year before; null when none.
        @NullWhenAbsent public var previous: Filed?
        /// One cell per area, in the framework's order.
        public var areas: [Cell]
    }

    /// A system left out.
    public struct LeftOutLine: Codable, Sendable, Equatable {
        /// The system's current name.
        public var system: String
        /// Its identity.
        public var systemID: String
        /// `other-framework` or `no-complete-assessment`.
        public var reason: String
        /// The other framework, when that is the reason.
        @NullWhenAbsent public var framework: FrameworkPair?
        /// That assessment's file.
        @NullWhenAbsent public var file: String?
    }

    /// A framework's id and version.
    public struct FrameworkPair: Codable, Sendable, Equatable {
        /// The id.
        public var id: String
        /// The version.
        public var version: String
    }

    /// Always `maturity-comparison`.
    public var kind = "maturity-comparison"
    /// The shape's version, 1.
    public var schemaVersion = 1
    /// The year asked for; null for each system's latest.
    @NullWhenAbsent public var year: Int?
    /// The framework compared on.
    public var framework: SummaryJSON.FrameworkRef
    /// Its credit.
    public var attribution: SummaryJSON.Credit
    /// Per area: distribution and movement.
    public var areas: [AreaLine]
    /// One line per system compared, by name.
    public var systems: [SystemLine]
    /// The systems left out.
    public var leftOut: [LeftOutLine]

    /// The JSON of `matrix`.
    public init(_ matrix: SystemsMatrix) {
        let framework = matrix.framework
        year = matrix.year
        self.framework = SummaryJSON.FrameworkRef(id: framework.id, version: framework.version, title: framework.title,
                                                  source: framework.source.citation)
        attribution = SummaryJSON.Credit(fromSource: framework.attribution.fromSource, ownWork: framework.attribution.ownWork)
        areas = framework.areas.enumerated().map { index, area in
            let counts = matrix.distribution[index]
            let order = Array(1..<counts.counts.count) + [0]
            let changes = matrix.rows.map { $0.changes[index] }
            return AreaLine(
                id: area.id, title: area.title, shortTitle: area.shortTitle,
                distribution: order.map { Count(stage: StageWords.id($0, in: framework), title: StageWords.title($0, in: framework),
                                                count: counts.counts[$0]) },
                notCompared: counts.notCompared,
                movement: Dictionary(uniqueKeysWithValues: YearChange.allCases.map { change in
                    (change.rawValue, changes.filter { $0 == change }.count)
                }))
        }
        systems = matrix.rows.map { row in
            SystemLine(
                system: row.system.name, systemID: row.system.id, date: row.current.date.description, file: row.current.file,
                frameworkVersion: row.current.framework.version,
                previous: row.previous.map { Filed(date: $0.date.description, file: $0.file) },
                areas: framework.areas.enumerated().map { index, area in
                    let level = matrix.level(row, area: index)
                    return Cell(id: area.id, stage: level.map { StageWords.id($0.level, in: framework) },
                                stageTitle: level.map { StageWords.title($0.level, in: framework) },
                                provisional: level?.isProvisional,
                                previousStage: row.previous?.level(ofArea: index).map { StageWords.id($0.level, in: framework) },
                                movement: row.changes[index]?.rawValue)
                })
        }
        leftOut = matrix.leftOut.map { left in
            LeftOutLine(system: left.system.name, systemID: left.system.id,
                        reason: left.otherFramework == nil ? "no-complete-assessment" : "other-framework",
                        framework: left.otherFramework.map { FrameworkPair(id: $0.id, version: $0.version) }, file: left.file)
        }
    }
}
