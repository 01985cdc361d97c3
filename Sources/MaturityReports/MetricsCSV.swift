import MaturityFramework
import MaturityModel

/// Metrics as CSV (`--format metrics-csv`): one row per metric per assessment, with the CSV
/// conventions of ``CSVExport`` (byte-order mark, CRLF, RFC 4180, text cells a spreadsheet would read
/// as formulas neutralised). `value` and `change` are exact decimals as typed ("-1100.50"), written as
/// they are so that a spreadsheet reads them as numbers: they hold only digits, a point and a minus sign.
public enum MetricsCSV {
    /// The columns, in order.
    public static let header = ["system", "date", "file", "area_id", "metric_id", "metric", "value", "unit", "period", "source", "note",
                                "change", "direction"]

    /// The metrics of a summary: every assessment of the system up to and including the summarised one.
    public static func render(_ report: SummaryReport) -> String {
        render(report.metrics, framework: report.framework, system: report.assessment.system, files: report.metricFiles)
    }

    /// The metrics of a progression: every assessment of the system.
    public static func render(_ progression: Progression) -> String {
        render(progression.metrics, framework: progression.framework, system: progression.system,
               files: progression.entries.map(\.file))
    }

    /// The header, then per metric (framework order) one row per point, oldest first; `files` names
    /// each point's assessment file, in order. The change is into a row from the one before it.
    static func render(_ metrics: [MetricSeries], framework: Framework, system: String, files: [String]) -> String {
        var lines = [header.map(Escape.csv).joined(separator: ",")]
        for series in metrics {
            let metric = framework.metric(id: series.metricID)
            let area = framework.area(ofMetric: series.metricID)
            for (index, point) in series.points.enumerated() {
                let reading = point.reading
                let change = index > 0 ? series.changes[index - 1] : nil
                let text = [system, point.date.description, index < files.count ? files[index] : "", area?.id ?? "", series.metricID,
                            metric?.title ?? ""].map(Escape.csv)
                let value = reading?.value.description ?? ""
                let details = [reading?.unit ?? "", reading?.period ?? "", reading?.source ?? "", reading?.note ?? ""].map(Escape.csv)
                lines.append((text + [value] + details + [change?.difference.description ?? "",
                                                         change?.direction.rawValue ?? ""]).joined(separator: ","))
            }
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}
