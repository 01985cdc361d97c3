import MaturityModel

/// The checks on a metric value as the assessment file keeps it, shared by the decoder, the glance
/// reader, the metric sheets and plain mode, so that all of them refuse the same values.
public enum MetricFile {
    /// The longest unit, period or source, in characters.
    public static let textLimit = MetricReading.textLimit

    /// What is wrong with `reading` as a file may hold it; nil when nothing is.
    public static func problem(_ reading: MetricReading) -> String? {
        if reading.metricID.trimmingSpaces().isEmpty { return "metric: must not be empty" }
        for (field, text) in [("unit", reading.unit as String?), ("period", reading.period), ("source", reading.source)] {
            if let text, let problem = MetricReading.textProblem(text) { return "\(field): \(problem)" }
        }
        if let note = reading.note, let problem = MetricReading.noteProblem(note) { return "note: \(problem)" }
        return nil
    }

    /// The problem with a list of readings: one reading's, or a metric given twice.
    static func problem(_ readings: [MetricReading]) -> String? {
        var seen: Set<String> = []
        for (index, reading) in readings.enumerated() {
            if let problem = problem(reading) { return "metrics[\(index)].\(problem)" }
            if !seen.insert(reading.metricID).inserted { return "metrics[\(index)]: metric '\(reading.metricID)' is given twice" }
        }
        return nil
    }
}
