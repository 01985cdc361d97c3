import MaturityFramework
import MaturityModel

/// The words every format uses for a metric's readings and changes (plain text; each format escapes
/// them). Values are always written exactly as typed (``ExactDecimal/description``), never rounded.
public enum MetricWords {
    /// "Carbon footprint (tCO2e a year; lower is better)".
    public static func heading(_ metric: Metric) -> String {
        "\(metric.title) (\(metric.unit); \(metric.directionText))"
    }

    /// "41200 tCO2e a year", or "no reading".
    public static func value(_ reading: MetricReading?) -> String {
        reading.map { "\($0.value) \($0.unit)" } ?? "no reading"
    }

    /// "2025/26, ICB annual report" (period, source and note that are given), or "".
    public static func detail(_ reading: MetricReading?) -> String {
        guard let reading else { return "" }
        return [reading.period, reading.source, reading.note].compactMap { $0 }.joined(separator: ", ")
    }

    /// "41200 tCO2e a year (2025/26, ICB annual report)", or "no reading".
    public static func reading(_ reading: MetricReading?) -> String {
        let detail = detail(reading)
        return value(reading) + (detail.isEmpty ? "" : " (\(detail))")
    }

    /// The change into point `index` (from the one before): "-1100, better"; "not comparable (units
    /// differ)" when both have readings in different units; nil for the first point or a missing reading.
    public static func change(into index: Int, of series: MetricSeries) -> String? {
        guard index > 0, index < series.points.count,
              let before = series.points[index - 1].reading, let after = series.points[index].reading else { return nil }
        guard let change = series.changes[index - 1] else {
            return before.unit == after.unit ? nil : "not comparable (units differ)"
        }
        return "\(signed(change.difference)), \(change.direction.rawValue)"
    }

    /// "+1100", "-1100" or "0": the difference with its sign.
    public static func signed(_ difference: ExactDecimal) -> String {
        (difference.signum > 0 ? "+" : "") + difference.description
    }

    /// The metric of `series` in `framework` (nil only for a series made of an id the framework lacks).
    static func metric(of series: MetricSeries, in framework: Framework) -> Metric? {
        framework.metric(id: series.metricID)
    }
}

extension MetricWords {
    /// The columns of a metric's table in the Markdown and HTML exports.
    static let tableHeader = ["Date", "Value", "Unit", "Period", "Source", "Note", "Change"]

    /// One row per point of `series`, oldest first, as plain text cells under ``tableHeader``.
    static func tableRows(_ series: MetricSeries) -> [[String]] {
        series.points.enumerated().map { index, point in
            let reading = point.reading
            return [point.date.description, reading?.value.description ?? "no reading", reading?.unit ?? "", reading?.period ?? "",
                    reading?.source ?? "", reading?.note ?? "", change(into: index, of: series) ?? ""]
        }
    }
}
