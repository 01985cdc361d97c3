import CellGrid
import FoundationEssentials
import MaturityFramework
import MaturityRules
import MaturityModel

/// A progression in each output format.
public enum ProgressExport {
    /// For people at a terminal; names and titles are made inert, line breaks included.
    public static func text(_ progression: Progression) -> String {
        var lines = ["Progression of \(inert: progression.system): \(inert: progression.framework.title)"]
        lines += progression.renames.map { TerminalText.inert(renameSentence($0)) }
        lines += ["Credit: \(inert: progression.framework.attribution.text)", ""]
        let cells = progression.areas.map { series in
            series.points.enumerated().map { index, point in
                (point.map(pointWords) ?? "not assessed") + (index > 0 ? " (\(series.steps[index - 1].movement.text))" : "")
                    + consensusCell(series, index)
            }
        }
        let areaWidth = (progression.areas.map { TextWidth.of(TerminalText.inert($0.area.shortTitle)) }.max() ?? 8) + 2
        let cellWidth = max(12, (cells.flatMap { $0 }.map { TextWidth.of($0) }.max() ?? 10) + 2)
        lines.append((TextFit.pad("Area", to: areaWidth)
                      + progression.entries.map { TextFit.pad($0.assessment.date.description, to: cellWidth) }.joined())
            .trimmingSpaces())
        for (series, row) in zip(progression.areas, cells) {
            lines.append((TextFit.pad(TerminalText.inert(series.area.shortTitle), to: areaWidth) + row.map { TextFit.pad($0, to: cellWidth) }.joined())
                .trimmingSpaces())
        }
        for (index, pair) in zip(progression.entries, progression.entries.dropFirst()).enumerated() {
            lines += ["", "\(pair.0.assessment.date) → \(pair.1.assessment.date)"]
            for series in progression.areas {
                let step = series.steps[index]
                lines.append("  \(inert: series.area.shortTitle): \(step.movement.text). Newly met: "
                             + (step.newlyMet.isEmpty ? "none" : Prose.list(step.newlyMet.map(\.label)))
                             + ". Newly lost: " + (step.newlyLost.isEmpty ? "none" : Prose.list(step.newlyLost.map(\.label))) + "."
                             + consensusStep(series, index) + versionStep(step))
            }
        }
        if progression.entries.count < 2 { lines += ["", "Only one assessment so far: progression shows from the second."] }
        lines += metricsText(progression)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Markdown, with a table of stages by date.
    public static func markdown(_ progression: Progression) -> String {
        let e = Escape.markdown
        var lines = ["# Progression: \(e(progression.system))", ""]
        lines += progression.renames.map { "- " + e(renameSentence($0)) }
        lines += ["- **Framework:** \(e(progression.framework.title))", "- **Source:** \(e(progression.framework.source.citation))",
                  "- **Credit:** \(e(progression.framework.attribution.text))", ""]
        lines.append("| Area | " + progression.entries.map { "\($0.assessment.date)" }.joined(separator: " | ") + " |")
        lines.append("|---|" + String(repeating: "---|", count: progression.entries.count))
        for series in progression.areas {
            let cells = series.points.enumerated().map { index, point in
                e(point.map(pointWords) ?? "not assessed") + (index > 0 ? " (\(series.steps[index - 1].movement.text))" : "")
                    + consensusCell(series, index)
            }
            lines.append("| \(e(series.area.title)) | " + cells.joined(separator: " | ") + " |")
        }
        for (index, pair) in zip(progression.entries, progression.entries.dropFirst()).enumerated() {
            lines += ["", "## \(pair.0.assessment.date) → \(pair.1.assessment.date)", ""]
            for series in progression.areas {
                let step = series.steps[index]
                lines.append("- **\(e(series.area.title))**: \(step.movement.text). Newly met: "
                             + (step.newlyMet.isEmpty ? "none" : e(Prose.list(step.newlyMet.map(\.label))))
                             + ". Newly lost: " + (step.newlyLost.isEmpty ? "none" : e(Prose.list(step.newlyLost.map(\.label)))) + "."
                             + consensusStep(series, index) + versionStep(step))
            }
        }
        lines += metricsMarkdown(progression)
        return lines.joined(separator: "\n") + "\n"
    }

    /// A self-contained HTML page with the table and the chart.
    public static func html(_ progression: Progression) -> String {
        let h = Escape.html
        var table = "<table><thead><tr><th>Area</th>" + progression.entries.map { "<th class=\"date\">\($0.assessment.date)</th>" }.joined()
            + "</tr></thead><tbody>\n"
        for series in progression.areas {
            table += "<tr><th scope=\"row\">\(h(series.area.title))</th>"
            for (index, point) in series.points.enumerated() {
                table += "<td>\(h(point.map(pointWords) ?? "not assessed"))"
                    + (index > 0 ? " <small>(\(h(series.steps[index - 1].movement.text)))</small>" : "")
                    + (series.consensus[index].map { "<br><small>consensus \(h(ViewsWords.percent($0)))</small>" } ?? "") + "</td>"
            }
            table += "</tr>\n"
        }
        table += "</tbody></table>\n"
        var changes = ""
        for (index, pair) in zip(progression.entries, progression.entries.dropFirst()).enumerated() {
            changes += "<h2>\(pair.0.assessment.date) → \(pair.1.assessment.date)</h2>\n<ul>\n"
            for series in progression.areas {
                let step = series.steps[index]
                changes += "<li><strong>\(h(series.area.title))</strong>: \(h(step.movement.text)). Newly met: "
                    + h(step.newlyMet.isEmpty ? "none" : Prose.list(step.newlyMet.map(\.label))) + ". Newly lost: "
                    + h(step.newlyLost.isEmpty ? "none" : Prose.list(step.newlyLost.map(\.label))) + "." + h(consensusStep(series, index) + versionStep(step)) + "</li>\n"
            }
            changes += "</ul>\n"
        }
        let chart = progression.entries.count > 1 ? HistoryChart.svg(progression) + "\n" : ""
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Progression: \(h(progression.system))</title><style>\(HTMLExport.style)\(progression.metrics.isEmpty ? "" : HTMLExport.metricsStyle)</style></head>
            <body><main>
            <h1>Progression: \(h(progression.system))</h1>
            \(progression.renames.map { "<p>\(h(renameSentence($0)))</p>\n" }.joined())<p>Framework: \(h(progression.framework.title))</p>
            <p>Source: \(h(progression.framework.source.citation))</p>
            <p>Credit: \(h(progression.framework.attribution.text))</p>
            \(table)\(chart)\(changes)\(metricsHTML(progression))</main></body>
            </html>

            """
    }

    /// One row per area and assessment.
    public static func csv(_ progression: Progression) -> String {
        var rows = [["system", "date", "file", "area_id", "area", "stage_id", "stage", "provisional", "movement", "newly_met", "newly_lost",
                     "system_id", "system_as_named", "attribution", "consensus",
                     "framework_version", "newly_asked", "no_longer_asked"]]
        for series in progression.areas {
            for (index, entry) in progression.entries.enumerated() {
                let point = series.points[index]
                let step = index > 0 ? series.steps[index - 1] : nil
                rows.append([
                    progression.system, entry.assessment.date.description, entry.file, series.area.id, series.area.title,
                    point?.stageID ?? "not-assessed", point?.title ?? "not assessed", point.map { $0.isProvisional ? "yes" : "no" } ?? "",
                    step?.movement.rawValue ?? "", step.map { $0.newlyMet.map(\.id).joined(separator: " ") } ?? "",
                    step.map { $0.newlyLost.map(\.id).joined(separator: " ") } ?? "",
                    progression.systemID ?? entry.assessment.systemID ?? Slug.identity(for: entry.assessment.system),
                    entry.assessment.system, progression.framework.attribution.text,
                    series.consensus[index].map { String(($0 * 1000).rounded() / 1000) } ?? "",
                    entry.assessment.framework.version,
                    step?.versionChange.map { $0.added.map(\.id).joined(separator: " ") } ?? "",
                    step?.versionChange.map { $0.removed.map(\.id).joined(separator: " ") } ?? "",
                ])
            }
        }
        return CSVExport.table(rows)
    }

    /// The data, with a schema version.
    public static func json(_ progression: Progression) -> ProgressionJSON {
        ProgressionJSON(progression)
    }

    /// Each metric's series for the text: a heading, then a line per assessment with the reading and the
    /// change into it; nothing when no assessment has a reading.
    static func metricsText(_ progression: Progression) -> [String] {
        guard !progression.metrics.isEmpty else { return [] }
        var lines = ["", "Metrics"]
        for series in progression.metrics {
            guard let metric = MetricWords.metric(of: series, in: progression.framework) else { continue }
            lines.append("  \(inert: MetricWords.heading(metric))")
            for (index, point) in series.points.enumerated() {
                let change = MetricWords.change(into: index, of: series).map { ": \($0)" } ?? ""
                lines.append("    \(point.date): \(inert: MetricWords.reading(point.reading))\(change)")
            }
        }
        return lines
    }

    /// Each metric's series in Markdown: a table per metric; nothing when no assessment has a reading.
    static func metricsMarkdown(_ progression: Progression) -> [String] {
        guard !progression.metrics.isEmpty else { return [] }
        let e = Escape.markdown
        var lines = ["", "## Metrics"]
        for series in progression.metrics {
            guard let metric = MetricWords.metric(of: series, in: progression.framework) else { continue }
            lines += ["", "**\(e(MetricWords.heading(metric)))**", "",
                      "| " + MetricWords.tableHeader.joined(separator: " | ") + " |",
                      "|" + String(repeating: "---|", count: MetricWords.tableHeader.count)]
            lines += MetricWords.tableRows(series).map { "| " + $0.map(e).joined(separator: " | ") + " |" }
        }
        return lines
    }

    /// Each metric's chart and table in HTML; nothing when no assessment has a reading.
    static func metricsHTML(_ progression: Progression) -> String {
        guard !progression.metrics.isEmpty else { return "" }
        return "<h2>Metrics</h2>\n" + progression.metrics.compactMap { series in
            MetricWords.metric(of: series, in: progression.framework).map { HTMLExport.metricFigure($0, series) }
        }.joined()
    }

    /// " · consensus 80%" after an area's stage in one assessment, when it had views; else nothing.
    static func consensusCell(_ series: Progression.AreaSeries, _ index: Int) -> String {
        series.consensus[index].map { " · consensus \(ViewsWords.percent($0))" } ?? ""
    }

    /// " Consensus 40% → 100%." for the step after assessment `index`, when either side had views; else nothing.
    static func consensusStep(_ series: Progression.AreaSeries, _ index: Int) -> String {
        let before = series.consensus[index], after = series.consensus[index + 1]
        guard before != nil || after != nil else { return "" }
        return " Consensus \(before.map(ViewsWords.percent) ?? "no views") → \(after.map(ViewsWords.percent) ?? "no views")."
    }

    /// " Framework version 1.0.0 → 1.1.0: newly asked: spend reported; no longer asked: spend steered.", or
    /// "" when the two assessments of the step were answered against the same version.
    static func versionStep(_ step: Progression.Step) -> String {
        versionSentence(step.versionChange)
    }

    /// ``versionStep(_:)`` of one area's change between two framework versions (nil: "").
    public static func versionSentence(_ change: Progression.VersionChange?) -> String {
        guard let change else { return "" }
        let parts = (change.added.isEmpty ? [] : ["newly asked: " + Prose.list(change.added.map(\.label))])
            + (change.removed.isEmpty ? [] : ["no longer asked: " + Prose.list(change.removed.map(\.label))])
        return " Framework version \(change.from) → \(change.to): " + parts.joined(separator: "; ") + "."
    }

    /// "Renamed from Ynys Môn & Gwynedd ICS to North Wales ICS on 2027-11-20."
    static func renameSentence(_ rename: SystemRename) -> String {
        "Renamed from \(rename.from) to \(rename.to) on \(rename.date)."
    }
}
