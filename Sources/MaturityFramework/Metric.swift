/// A baseline measure the board can record for an area year by year (step 1 of the source's four
/// steps), e.g. the carbon footprint of the NHS organisations in the system, in tCO2e a year.
///
/// A metric names what is measured and in which unit; the values themselves belong to assessments.
public struct Metric: Sendable, Equatable {
    /// Stable identifier, unique among the framework's metrics, e.g. `carbon-footprint`.
    public var id: String
    /// What is measured, e.g. "Carbon footprint of the NHS organisations in the system".
    public var title: String
    /// The one unit every value is given in, e.g. "tCO2e a year"; a value in another unit is refused.
    public var unit: String
    /// True when a rise is progress (staff living locally), false when a fall is (carbon footprint).
    public var higherIsBetter: Bool
    /// Optional short note on what to count, e.g. "Scope 1 and 2 emissions of every NHS trust".
    public var description: String?

    /// Creates a metric.
    public init(id: String, title: String, unit: String, higherIsBetter: Bool, description: String? = nil) {
        self.id = id
        self.title = title
        self.unit = unit
        self.higherIsBetter = higherIsBetter
        self.description = description
    }

    /// Which way is progress, in words: "higher is better" or "lower is better".
    public var directionText: String {
        higherIsBetter ? "higher is better" : "lower is better"
    }
}

extension Framework {
    /// Every metric of every area, in workshop order (areas in order, each area's metrics in file order).
    public var allMetrics: [Metric] {
        areas.flatMap(\.metrics)
    }

    /// The metric with this id, if the framework has one.
    public func metric(id: String) -> Metric? {
        allMetrics.first { $0.id == id }
    }

    /// The area whose metrics include the metric with this id, if any.
    public func area(ofMetric metricID: String) -> Area? {
        areas.first { area in area.metrics.contains { $0.id == metricID } }
    }
}
