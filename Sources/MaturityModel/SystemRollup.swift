import MaturityFramework

/// A system's roll-up (`maturity rollup`): areas × places, each place's latest complete assessment in
/// the year, and the system-level assessment beside them.
public struct SystemRollup: Sendable {
    /// One column: the whole system (place nil) or one place, and the assessment shown (nil: none in the year).
    public struct Column: Sendable, Equatable {
        /// The place's name as its latest assessment writes it; nil for the whole system.
        public var place: String?
        /// The assessment shown.
        public var assessment: ComparedAssessment?
    }

    /// The framework compared on.
    public var framework: Framework
    /// The system.
    public var system: SystemName
    /// The year shown: the one asked for, else the year of the system's latest complete assessment.
    public var year: Int?
    /// The system level first, then each place by name (case ignored).
    public var columns: [Column]
    /// Complete assessments of the year answered against another framework, left out.
    public var leftOut: [ComparedAssessment]

    /// The roll-up of `system` from its `assessments` (any scope, any status).
    public init(framework: Framework, system: SystemName, assessments: [ComparedAssessment], year: Int?) {
        self.framework = framework
        self.system = system
        let complete = assessments.filter { $0.isComplete && $0.systemID == system.id }
        let shown = year ?? ComparedAssessment.latest(complete.filter { $0.framework.id == framework.id })?.date.year
        self.year = shown
        let inYear = complete.filter { $0.date.year == shown }
        let same = inYear.filter { $0.framework.id == framework.id }
        leftOut = inYear.filter { $0.framework.id != framework.id }.sorted { $0.order < $1.order }
        // Places are matched as system names are (case, accents, punctuation and "&"/"and" ignored).
        let places = Dictionary(grouping: complete.filter { $0.place != nil }) { Slug.matchKey(for: $0.place ?? "") }
        var columns = [Column(place: nil, assessment: ComparedAssessment.latest(same.filter { $0.place == nil }))]
        let placeColumns = places.map { key, all -> Column in
            let named = ComparedAssessment.latest(all)?.place
            return Column(place: named, assessment: ComparedAssessment.latest(same.filter {
                $0.place.map { Slug.matchKey(for: $0) } == key
            }))
        }
        columns += placeColumns.sorted { (($0.place ?? "").lowercased(), $0.place ?? "") < (($1.place ?? "").lowercased(), $1.place ?? "") }
        self.columns = columns
    }

    /// The level of area `index` in `column`, nil where it has no assessment or no such area.
    public func level(_ column: Column, area index: Int) -> AreaLevel? {
        column.assessment?.level(ofArea: index)
    }
}
