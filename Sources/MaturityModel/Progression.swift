import MaturityFramework
import MaturityRules

/// Every assessment of one system in date order, and how each area moved between them.
public struct Progression: Sendable {
    /// One assessment in the series.
    public struct Entry: Sendable {
        /// The assessment.
        public var assessment: Assessment
        /// Its file name.
        public var file: String
        /// How far each area's views matched the agreed answers, by area id (none counted without views).
        public var consensus: [String: ConsensusCount]

        /// Creates an entry; `consensus` is the assessment's own (from its views) unless given.
        public init(assessment: Assessment, file: String, consensus: [String: ConsensusCount]? = nil) {
            self.assessment = assessment
            self.file = file
            self.consensus = consensus
                ?? Dictionary(assessment.areas.map { ($0.id, $0.consensusCount) }, uniquingKeysWith: { first, _ in first })
        }

        /// The entry of an assessment seen in `glance`: its answers, and each area's consensus as the glance counted it.
        public init(glance: AssessmentGlance, file: String) {
            self.init(assessment: glance.assessment, file: file,
                      consensus: Dictionary(glance.areas.map { ($0.id, $0.consensus) }, uniquingKeysWith: { first, _ in first }))
        }
    }

    /// One area across the series.
    public struct AreaSeries: Sendable {
        /// The area.
        public var area: Area
        /// Its stage in each assessment; nil where not assessed.
        public var points: [StagePoint?]
        /// Between each assessment and the next: the movement, and the criteria newly met and newly lost.
        public var steps: [Step]
        /// The share of its views that matched the agreed answers in each assessment (0–1); nil where it
        /// had no views.
        public var consensus: [Double?]
    }

    /// The change between two consecutive assessments.
    public struct Step: Sendable {
        /// Up, down, same, or not assessed.
        public var movement: Movement
        /// Criteria answered yes now and not before.
        public var newlyMet: [Criterion]
        /// Criteria answered yes before and not now.
        public var newlyLost: [Criterion]
    }

    /// The system's display name: the known system's when given, else as the latest assessment writes it.
    public var system: String
    /// The system's stable identity, when the known system is given.
    public var systemID: String?
    /// The deliberate renames of the system, oldest first, when the known system is given.
    public var renames: [SystemRename] = []
    /// The framework the areas come from.
    public var framework: Framework
    /// The assessments, oldest first.
    public var entries: [Entry]
    /// Per area of the framework.
    public var areas: [AreaSeries]
    /// Each of the framework's metrics that has a reading in at least one assessment, in the framework's
    /// order; their points line up with ``entries``.
    public var metrics: [MetricSeries]

    /// The progression of `entries` against `framework`, in date order (entries of the same day keep their
    /// order), headed by `known`'s display name and renames when given.
    public init(entries: [Entry], framework: Framework, system known: KnownSystem? = nil) {
        let ordered = entries.enumerated().sorted { ($0.element.assessment.date, $0.offset) < ($1.element.assessment.date, $1.offset) }
            .map(\.element)
        self.entries = ordered
        self.framework = framework
        system = known?.name ?? ordered.last?.assessment.system ?? ""
        systemID = known?.id
        renames = known?.renames ?? []
        // Each assessment's answers, merged once.
        let answers = ordered.map(\.assessment.answers)
        areas = framework.areas.map { area in
            let points = ordered.indices.map { History.stage(of: area, in: ordered[$0].assessment, answers: answers[$0], framework: framework) }
            let steps = ordered.indices.dropLast().map { index in
                let assessedBoth = points[index] != nil && points[index + 1] != nil
                let met = { (answers: [String: Answer]) in Set(area.criteria.filter { answers[$0.id] == .yes }.map(\.id)) }
                let metBefore = met(answers[index])
                let metAfter = met(answers[index + 1])
                return Step(
                    movement: Movement(from: points[index], to: points[index + 1]),
                    newlyMet: assessedBoth ? area.criteria.filter { metAfter.contains($0.id) && !metBefore.contains($0.id) } : [],
                    newlyLost: assessedBoth ? area.criteria.filter { metBefore.contains($0.id) && !metAfter.contains($0.id) } : [])
            }
            return AreaSeries(area: area, points: points, steps: steps, consensus: ordered.map { $0.consensus[area.id]?.share })
        }
        metrics = MetricSeries.recorded(in: framework, across: ordered.map(\.assessment))
    }
}
