import MaturityFramework
import MaturityModel

/// A metric's series as the JSON exports write it (progress's `metrics`, and each summary metric's
/// `series`). Values are strings, exactly as typed ("12.50"), never numbers a reader could round.
public struct MetricSeriesJSON: Codable, Sendable, Equatable {
    /// One assessment's reading of the metric.
    public struct PointLine: Codable, Sendable, Equatable {
        /// The assessment's date.
        public var date: String
        /// Its file name ("" when not known).
        public var file: String
        /// The value exactly as typed; null when the assessment has no reading.
        @NullWhenAbsent public var value: String?
        /// The reading's unit; null without a reading.
        @NullWhenAbsent public var unit: String?
        /// The period it covers; null when not given.
        @NullWhenAbsent public var period: String?
        /// Where it comes from; null when not given.
        @NullWhenAbsent public var source: String?
        /// The board's note; null when none.
        @NullWhenAbsent public var note: String?
    }

    /// The change from one point to the next.
    public struct ChangeLine: Codable, Sendable, Equatable {
        /// The earlier point's date.
        public var from: String
        /// The later point's date.
        public var to: String
        /// The later value less the earlier, exact ("-1100.5").
        public var difference: String
        /// `better`, `worse` or `unchanged`, by whether higher is better.
        public var direction: String
    }

    /// True when a rise is progress.
    public var higherIsBetter: Bool
    /// One point per assessment, oldest first.
    public var points: [PointLine]
    /// One fewer than the points: the change from each to the next; null when either has no reading or
    /// their units differ.
    public var changes: [ChangeLine?]

    /// The JSON of `series`, whose points came from the assessments saved as `files` (in the same order).
    public init(_ series: MetricSeries, files: [String]) {
        higherIsBetter = series.higherIsBetter
        points = series.points.enumerated().map { index, point in
            PointLine(date: point.date.description, file: index < files.count ? files[index] : "", value: point.reading?.value.description,
                      unit: point.reading?.unit, period: point.reading?.period, source: point.reading?.source, note: point.reading?.note)
        }
        let dates = series.points.map(\.date.description)
        changes = series.changes.enumerated().map { index, change in
            change.map { ChangeLine(from: dates[index], to: dates[index + 1], difference: $0.difference.description,
                                    direction: $0.direction.rawValue) }
        }
    }

    /// Writes `changes` with `null` for a missing change (synthesized coding would too; said for clarity).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(higherIsBetter, forKey: .higherIsBetter)
        try container.encode(points, forKey: .points)
        var list = container.nestedUnkeyedContainer(forKey: .changes)
        for change in changes {
            if let change { try list.encode(change) } else { try list.encodeNil() }
        }
    }
}

/// One metric across a progression, as `progress --format json` writes it.
public struct ProgressMetricJSON: Codable, Sendable, Equatable {
    /// The metric's id.
    public var id: String
    /// The id of the area it informs.
    public var area: String
    /// Its title.
    public var title: String
    /// The framework's unit for it.
    public var unit: String
    /// True when a rise is progress.
    public var higherIsBetter: Bool
    /// One point per assessment, oldest first (see ``MetricSeriesJSON/PointLine``).
    public var points: [MetricSeriesJSON.PointLine]
    /// The change from each point to the next, null where there is none.
    public var changes: [MetricSeriesJSON.ChangeLine?]

    /// The metric `series` of `progression`; nil when the framework has no such metric.
    init?(_ series: MetricSeries, in progression: Progression) {
        guard let metric = progression.framework.metric(id: series.metricID),
              let area = progression.framework.area(ofMetric: series.metricID) else { return nil }
        let json = MetricSeriesJSON(series, files: progression.entries.map(\.file))
        id = metric.id
        self.area = area.id
        title = metric.title
        unit = metric.unit
        higherIsBetter = metric.higherIsBetter
        points = json.points
        changes = json.changes
    }

    enum CodingKeys: String, CodingKey { case id, area, title, unit, higherIsBetter, points, changes }

    /// Writes every key, a missing change as `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(area, forKey: .area)
        try container.encode(title, forKey: .title)
        try container.encode(unit, forKey: .unit)
        try container.encode(higherIsBetter, forKey: .higherIsBetter)
        try container.encode(points, forKey: .points)
        var list = container.nestedUnkeyedContainer(forKey: .changes)
        for change in changes {
            if let change { try list.encode(change) } else { try list.encodeNil() }
        }
    }
}

/// A metric reading of the summarised assessment, as the summary JSON writes it: the keys of `show
/// --format json`'s `metrics`, the note, and the series across the system's assessments up to this one.
public struct SummaryMetricJSON: Codable, Sendable, Equatable {
    /// The metric's id.
    public var id: String
    /// The id of the area it informs; null when the framework does not know the metric.
    @NullWhenAbsent public var area: String?
    /// Its title; null when the framework does not know the metric.
    @NullWhenAbsent public var title: String?
    /// The value exactly as typed.
    public var value: String
    /// The unit.
    public var unit: String
    /// The period; null when not given.
    @NullWhenAbsent public var period: String?
    /// The source; null when not given.
    @NullWhenAbsent public var source: String?
    /// The note; null when none.
    @NullWhenAbsent public var note: String?
    /// The series across the system's assessments up to this one; null when the framework does not know the metric.
    @NullWhenAbsent public var series: MetricSeriesJSON?

    /// Every reading of `report`'s assessment, in the framework's order.
    static func all(_ report: SummaryReport) -> [SummaryMetricJSON] {
        let framework = report.framework
        let order = Dictionary(framework.allMetrics.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let seriesByID = Dictionary(report.metrics.map { ($0.metricID, $0) }, uniquingKeysWith: { first, _ in first })
        return report.assessment.metrics
            .sorted { (order[$0.metricID] ?? .max, $0.metricID) < (order[$1.metricID] ?? .max, $1.metricID) }
            .map { reading in
                SummaryMetricJSON(id: reading.metricID, area: framework.area(ofMetric: reading.metricID)?.id,
                                  title: framework.metric(id: reading.metricID)?.title, value: reading.value.description,
                                  unit: reading.unit, period: reading.period, source: reading.source, note: reading.note,
                                  series: seriesByID[reading.metricID].map { MetricSeriesJSON($0, files: report.metricFiles) })
            }
    }
}
