import MaturityFramework
import MaturityRules
import MaturityModel

/// A progression as JSON (`"kind": "maturity-progression"`). Every documented key is written; an absent
/// value is `null`.
public struct ProgressionJSON: Codable, Sendable, Equatable {
    /// One assessment of the series.
    public struct AssessmentLine: Codable, Sendable, Equatable {
        /// Its date.
        public var date: String
        /// Its file name.
        public var file: String
        /// `draft` or `complete`.
        public var status: String
        /// The name it was saved under.
        public var system: String
        /// The version of the framework it was answered against.
        public var frameworkVersion: String
    }

    /// How an area moved between two consecutive assessments.
    public struct StepLine: Codable, Sendable, Equatable {
        /// `up`, `down`, `same` or `not-assessed`.
        public var movement: String
        /// Criteria answered yes now and not before.
        public var newlyMet: [String]
        /// Criteria answered yes before and not now.
        public var newlyLost: [String]
        /// Criteria the later assessment's framework version asks and the earlier one's did not.
        public var newlyAsked: [String]
        /// Criteria the earlier assessment's framework version asked and the later one's does not.
        public var noLongerAsked: [String]
    }

    /// One area across the series.
    public struct AreaLine: Codable, Sendable, Equatable {
        /// The area's id.
        public var id: String
        /// Its title.
        public var title: String
        /// Its stage in each assessment, `not-assessed` where one did not cover it.
        public var stages: [String]
        /// Whether each placement was provisional; null where not assessed.
        public var provisional: [Bool?]
        /// The moves between consecutive assessments.
        public var steps: [StepLine]
        /// The share of the area's views that matched the agreed answers in each assessment, 0 to 1 to
        /// three places; null where it had no views.
        public var consensus: [Double?]
    }

    /// Always `maturity-progression`.
    public var kind = "maturity-progression"
    /// ``JSONExport/schemaVersion``.
    public var schemaVersion = JSONExport.schemaVersion
    /// The system's display name.
    public var system: String
    /// The system's identity; null when not known.
    @NullWhenAbsent public var systemID: String?
    /// Its recorded renames, oldest first.
    public var renames: [SummaryJSON.Rename]
    /// The framework's credit.
    public var attribution: SummaryJSON.Credit
    /// The framework (id, version and title).
    public var framework: SummaryJSON.FrameworkRef
    /// Every assessment, in date order.
    public var assessments: [AssessmentLine]
    /// Every area.
    public var areas: [AreaLine]
    /// Each metric with a reading in any assessment, in the framework's order (empty when none).
    public var metrics: [ProgressMetricJSON]

    /// The JSON form of `progression`.
    public init(_ progression: Progression) {
        let framework = progression.framework
        system = progression.system
        systemID = progression.systemID
        renames = progression.renames.map { SummaryJSON.Rename(from: $0.from, to: $0.to, date: $0.date.description) }
        attribution = SummaryJSON.Credit(fromSource: framework.attribution.fromSource, ownWork: framework.attribution.ownWork)
        self.framework = SummaryJSON.FrameworkRef(id: framework.id, version: framework.version, title: framework.title)
        assessments = progression.entries.map {
            AssessmentLine(date: $0.assessment.date.description, file: $0.file, status: $0.assessment.status.rawValue,
                           system: $0.assessment.system, frameworkVersion: $0.assessment.framework.version)
        }
        areas = progression.areas.map { series in
            AreaLine(
                id: series.area.id, title: series.area.title,
                stages: series.points.map { $0?.stageID ?? "not-assessed" },
                provisional: series.points.map { $0?.isProvisional },
                steps: series.steps.map {
                    StepLine(movement: $0.movement.rawValue, newlyMet: $0.newlyMet.map(\.id), newlyLost: $0.newlyLost.map(\.id),
                             newlyAsked: $0.versionChange?.added.map(\.id) ?? [], noLongerAsked: $0.versionChange?.removed.map(\.id) ?? [])
                },
                consensus: series.consensus.map { $0.map { ($0 * 1000).rounded() / 1000 } })
        }
        metrics = progression.metrics.compactMap { ProgressMetricJSON($0, in: progression) }
    }
}
