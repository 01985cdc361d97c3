/// One metric's value as a board recorded it in one assessment: e.g. 41,200 tCO2e for 2025/26,
/// from the ICS green plan.
public struct MetricReading: Sendable, Hashable {
    /// The framework's id of the metric.
    public var metricID: String
    /// The value, exactly as typed.
    public var value: ExactDecimal
    /// The unit, e.g. "tCO2e" or "people"; the framework's unit for the metric.
    public var unit: String
    /// The period the value covers, as the board writes it, e.g. "2025/26"; nil when not given.
    public var period: String?
    /// Where the value comes from, e.g. "ICB annual report"; nil when not given.
    public var source: String?
    /// The board's note on the value; nil when none.
    public var note: String?

    /// Creates a reading.
    public init(metricID: String, value: ExactDecimal, unit: String, period: String? = nil, source: String? = nil,
                note: String? = nil) {
        self.metricID = metricID
        self.value = value
        self.unit = unit
        self.period = period
        self.source = source
        self.note = note
    }
}
