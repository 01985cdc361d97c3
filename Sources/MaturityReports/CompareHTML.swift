import MaturityFramework
import MaturityModel

/// Systems side by side as one self-contained HTML page: a heat map of systems × areas (inline CSS, no
/// script, nothing fetched; prints on A4 with its colours), then the distribution, movement and notes.
public enum CompareHTML {
    /// The page for `matrix`.
    public static func render(_ matrix: SystemsMatrix) -> String {
        let h = Escape.html
        let framework = matrix.framework
        var table = "<table class=\"heat\"><thead><tr><th>System</th><th class=\"date\">Date</th>"
            + framework.areas.map { "<th>\(h($0.title))</th>" }.joined() + "</tr></thead><tbody>\n"
        for row in matrix.rows {
            table += "<tr><th scope=\"row\">\(h(row.system.name))</th><td class=\"date\">\(row.current.date)</td>"
            for index in framework.areas.indices {
                table += cell(matrix.level(row, area: index), change: row.changes[index], framework: framework)
            }
            table += "</tr>\n"
        }
        table += "</tbody></table>\n"
        var key = "<p class=\"legend\">"
        for level in 0...framework.stages.count {
            key += "<span class=\"key l\(level)\">\(h(StageWords.title(level, in: framework)))</span> "
        }
        key += "<br>\(h(StageWords.legend))</p>\n"
        let notes = StageWords.versionNotes(matrix).map { "<p class=\"note\">\(h($0))</p>\n" }.joined()
        var summary = "<h2>Distribution (\(matrix.rows.count) system\(matrix.rows.count == 1 ? "" : "s"))</h2>\n<ul>\n"
        for (index, area) in framework.areas.enumerated() {
            summary += "<li><strong>\(h(area.title))</strong>: \(h(StageWords.distribution(matrix.distribution[index], in: framework)))</li>\n"
        }
        summary += "</ul>\n<h2>Movement since the year before</h2>\n<ul>\n"
        for (index, area) in framework.areas.enumerated() {
            summary += "<li><strong>\(h(area.title))</strong>: \(h(StageWords.movement(matrix.rows.map { $0.changes[index] })))</li>\n"
        }
        summary += "</ul>\n"
        let leftOut = StageWords.leftOutNotes(matrix).map { "<li>\(h($0))</li>\n" }.joined()
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Systems compared: \(h(framework.title))</title><style>\(HTMLExport.style)\(heatStyle(stages: framework.stages.count))</style></head>
            <body><main>
            <h1>Systems compared</h1>
            <dl class="facts"><dt>Framework</dt><dd>\(h(framework.title)) \(h(framework.version))</dd>
            <dt>Source</dt><dd>\(h(framework.source.citation))</dd>
            <dt>Credit</dt><dd>\(h(framework.attribution.text))</dd>
            <dt>Assessments</dt><dd>\(h(StageWords.scope(matrix.year)))</dd></dl>
            \(table)\(key)\(notes)\(summary)\(leftOut.isEmpty ? "" : "<ul class=\"left-out\">\n\(leftOut)</ul>\n")</main></body>
            </html>

            """
    }

    /// One cell of the heat map, shaded by level (``heatStyle(stages:)``).
    static func cell(_ level: AreaLevel?, change: YearChange?, framework: Framework) -> String {
        guard let level else { return "<td class=\"none\">—</td>" }
        let title = Escape.html(StageWords.title(level.level, in: framework))
        return "<td class=\"l\(level.level)\(level.isProvisional ? " provisional" : "")\">\(title)"
            + (level.isProvisional ? "*" : "") + (change.map { " <small>\(Escape.html($0.symbol))</small>" } ?? "") + "</td>"
    }

    /// The heat map's shades: level 0 palest, the last stage darkest (white text), printed in colour.
    static func heatStyle(stages: Int) -> String {
        var css = """
            table.heat td{text-align:center;white-space:nowrap}table.heat td.none{color:#555;background:#fff}
            table.heat td.provisional{font-style:italic}.key{display:inline-block;padding:.1rem .5rem;border:1px solid #888}
            table.heat td,.key{-webkit-print-color-adjust:exact;print-color-adjust:exact}
            """
        let count = max(stages, 1)
        for level in 0...count {
            let lightness = 96 - (level * 62) / count
            css += "table.heat td.l\(level),.key.l\(level){background:hsl(212,55%,\(lightness)%);color:\(lightness < 55 ? "#fff" : "#111")}"
        }
        return css
    }
}
