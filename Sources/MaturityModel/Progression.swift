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
        /// When the two assessments were answered against different versions of the framework, what
        /// the later version asks that the earlier did not, and the reverse; nil when the versions match.
        public var versionChange: VersionChange? = nil
    }

    /// The criteria of an area that differ between the framework versions of two assessments.
    public struct VersionChange: Sendable, Equatable {
        /// The earlier assessment's version, and the later one's.
        public var from: String, to: String
        /// Criteria only the later version has (the whole area when the earlier version lacks it).
        public var added: [Criterion]
        /// Criteria only the earlier version has.
        public var removed: [Criterion]

        /// What differs between the area as `before`'s version has it and as `after`'s has it; nil when
        /// the versions are one (same version and text) or ask the same criteria of the area.
        public static func between(_ before: (area: Area?, version: Framework), _ after: (area: Area?, version: Framework)) -> VersionChange? {
            guard !before.version.isSameText(as: after.version) else { return nil }
            let idsBefore = Set((before.area?.criteria ?? []).map(\.id))
            let idsAfter = Set((after.area?.criteria ?? []).map(\.id))
            let change = VersionChange(from: before.version.version, to: after.version.version,
                                       added: (after.area?.criteria ?? []).filter { !idsBefore.contains($0.id) },
                                       removed: (before.area?.criteria ?? []).filter { !idsAfter.contains($0.id) })
            return change.added.isEmpty && change.removed.isEmpty ? nil : change
        }
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
    /// order), headed by `known`'s display name and renames when given. `answeredAgainst` gives the
    /// framework version an entry was answered against, when known: each entry is then placed by its own
    /// version (as its board saw it), movement counts only the criteria both versions of a step ask, and
    /// the step names what one version has and the other lacks. Nil places it on `framework`.
    public init(entries: [Entry], framework: Framework, system known: KnownSystem? = nil,
                answeredAgainst: (Entry) -> Framework? = { _ in nil }) {
        let ordered = entries.enumerated().sorted { ($0.element.assessment.date, $0.offset) < ($1.element.assessment.date, $1.offset) }
            .map(\.element)
        self.entries = ordered
        self.framework = framework
        system = known?.name ?? ordered.last?.assessment.system ?? ""
        systemID = known?.id
        renames = known?.renames ?? []
        // Each assessment's answers, merged once.
        let answers = ordered.map(\.assessment.answers)
        let versions = ordered.map { entry in answeredAgainst(entry).flatMap { $0.id == framework.id ? $0 : nil } ?? framework }
        areas = framework.areas.map { area in
            // The area as each entry's version has it (nil where that version lacks it).
            let own = versions.map { version in version.areas.first { $0.id == area.id } }
            let points = ordered.indices.map { index in
                own[index].flatMap { History.stage(of: $0, in: ordered[index].assessment, answers: answers[index], framework: versions[index]) }
            }
            let steps = ordered.indices.dropLast().map { index in
                Self.step(from: (own[index], versions[index], answers[index]), to: (own[index + 1], versions[index + 1], answers[index + 1]),
                          points: (points[index], points[index + 1]))
            }
            return AreaSeries(area: area, points: points, steps: steps, consensus: ordered.map { $0.consensus[area.id]?.share })
        }
        metrics = MetricSeries.recorded(in: framework, across: ordered.map(\.assessment))
    }

    /// The step between two assessments of one area, each with the area as its version has it.
    private static func step(from before: (area: Area?, version: Framework, answers: [String: Answer]),
                             to after: (area: Area?, version: Framework, answers: [String: Answer]),
                             points: (StagePoint?, StagePoint?)) -> Step {
        let criteriaBefore = before.area?.criteria ?? []
        let criteriaAfter = after.area?.criteria ?? []
        let idsBefore = Set(criteriaBefore.map(\.id))
        // Met and lost count only what both versions ask.
        let shared = criteriaAfter.filter { idsBefore.contains($0.id) }
        let assessedBoth = points.0 != nil && points.1 != nil
        let metBefore = Set(shared.filter { before.answers[$0.id] == .yes }.map(\.id))
        let metAfter = Set(shared.filter { after.answers[$0.id] == .yes }.map(\.id))
        return Step(movement: Movement(from: points.0, to: points.1),
                    newlyMet: assessedBoth ? shared.filter { metAfter.contains($0.id) && !metBefore.contains($0.id) } : [],
                    newlyLost: assessedBoth ? shared.filter { metBefore.contains($0.id) && !metAfter.contains($0.id) } : [],
                    versionChange: VersionChange.between((before.area, before.version), (after.area, after.version)))
    }
}
