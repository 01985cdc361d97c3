import MaturityFramework
import MaturityRules
import MaturityModel

/// A summary as one self-contained HTML file: inline CSS, no scripts, nothing fetched; readable on
/// screen and printed on A4 with each area on a new page.
public enum HTMLExport {
    public static func render(_ report: SummaryReport) -> String {
        let h = Escape.html
        let assessment = report.assessment
        let framework = report.framework
        let renamed = assessment.systemRename.map { "<dt>Renamed</dt><dd>from \(h($0.from)) to \(h($0.to)) on \($0.date)</dd>\n" } ?? ""
        var body = """
            <h1>Maturity self-assessment: \(h(assessment.system))</h1>
            <dl class="facts">
            <dt>Date</dt><dd>\(assessment.date)</dd>
            \(renamed)<dt>Status</dt><dd>\(h(assessment.status.rawValue))</dd>
            <dt>Framework</dt><dd>\(h(framework.title)), version \(h(framework.version))</dd>
            <dt>Source</dt><dd>\(h(framework.source.citation))</dd>
            <dt>Credit</dt><dd>\(h(framework.attribution.text))</dd>
            <dt>Participants</dt><dd>\(assessment.participants.isEmpty ? "not recorded" : h(assessment.participants.joined(separator: ", ")))</dd>
            <dt>Rule (this tool's)</dt><dd>\(h(report.rule))</dd>
            \(RecordWords.lines(assessment).map { "<dt>Record</dt><dd>\(h($0))</dd>" }.joined(separator: "\n"))
            </dl>
            <h2>Summary</h2>
            \(board(report))
            <p class="legend">\(h(BoardMark.legend(separator: " · "))). \(h(BoardMark.provisionalMeaning))</p>

            """
        if let history = report.history {
            body += "<figure class=\"chart\">\n<h2>Stage by year</h2>\n" + HistoryChart.svg(history) + "\n</figure>\n"
        }
        for (index, area) in report.areas.enumerated() {
            body += section(area, change: report.comparison?.areas[index], earlierDate: report.comparison?.earlierDate)
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Maturity self-assessment: \(h(assessment.system)), \(assessment.date)</title>
            <style>\(style)</style>
            </head>
            <body>
            <main>
            \(body)</main>
            </body>
            </html>

            """
    }

    private static func board(_ report: SummaryReport) -> String {
        let h = Escape.html
        var html = "<table class=\"board\">\n<thead><tr><th scope=\"col\">Area</th>"
        for stage in report.framework.stages {
            html += "<th scope=\"col\">\(h(stage.title))" + (stage.typicalAge.map { "<br><small>\(h($0))</small>" } ?? "") + "</th>"
        }
        html += "<th scope=\"col\">Placed at</th>" + (report.comparison != nil ? "<th scope=\"col\">Last time</th>" : "") + "</tr></thead>\n<tbody>\n"
        for (index, area) in report.areas.enumerated() {
            html += "<tr><th scope=\"row\">\(h(area.area.title))</th>"
            for level in area.placement.stages.indices {
                let mark = BoardMark(level: level, in: area.placement)
                html += "<td class=\"\(mark.kind)\">\(h(mark.symbol))</td>"
            }
            html += "<td><strong>\(h(area.placement.titleMarkingProvisional))</strong></td>"
            if let change = report.comparison?.areas[index] {
                html += "<td>\(h(change.then.map(pointWords) ?? "not assessed")) (\(h(change.movement.text)))</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>"
    }

    private static func section(_ area: AreaReport, change: AreaChange?, earlierDate: CalendarDate?) -> String {
        let h = Escape.html
        var html = """
            <section class="area">
            <h2>\(h(area.area.title)): \(h(area.placement.titleMarkingProvisional))</h2>
            <p class="explanation">\(h(area.placement.explanation))</p>
            <h3>Answers</h3>
            <table><thead><tr><th>Stage</th><th>Question</th><th>Answer</th><th>Note</th></tr></thead><tbody>

            """
        for row in area.criteria {
            let answer = h(row.answerText) + (row.carried.map { $0 == .new ? "" : " <small>(\(h($0.phrase)))</small>" } ?? "")
            html += "<tr><td>\(h(row.stage.title))</td><td>\(h(row.criterion.text))</td>"
                + "<td class=\"answer\">\(answer)</td><td class=\"note\">\(h(row.note ?? ""))</td></tr>\n"
        }
        html += "</tbody></table>\n"
        if let next = area.placement.nextStage {
            html += "<h3>Gap to \(h(next.title))</h3>\n<ul>\n"
            html += area.placement.gap.map { "<li>\(h($0.label)): \(h(Answer.label(of: area.answer(to: $0))))</li>\n" }.joined()
            html += "</ul>\n"
        }
        html += "<h3>Agreed actions</h3>\n" + actions(area.actions, empty: "No actions agreed.")
        if let change, let earlierDate {
            html += "<h3>Since \(earlierDate)</h3>\n<p>Placed at \(h(change.then.map(pointWords) ?? "not assessed")) then, "
                + "\(h(change.now.map(pointWords) ?? "not assessed")) now: \(h(change.movement.text)).</p>\n"
            if change.changedAnswers.isEmpty {
                html += "<p>No answer changed.</p>\n"
            } else {
                html += "<table><thead><tr><th>Question</th><th>Then</th><th>Now</th></tr></thead><tbody>\n"
                html += change.changedAnswers.map {
                    "<tr><td>\(h($0.criterion.text))</td><td>\(h(Answer.label(of: $0.then)))</td><td>\(h(Answer.label(of: $0.now)))</td></tr>\n"
                }.joined()
                html += "</tbody></table>\n"
            }
            html += "<h4>Last time's actions</h4>\n" + actions(change.lastActions, empty: "None were agreed.", status: change.review(of:))
        }
        return html + "</section>\n"
    }

    private static func actions(_ actions: [Action], empty: String, status: (Action) -> String = { $0.status.phrase }) -> String {
        let h = Escape.html
        guard !actions.isEmpty else { return "<p>\(h(empty))</p>\n" }
        return "<table><thead><tr><th>What</th><th>Owner</th><th>Due</th><th>Status</th></tr></thead><tbody>\n"
            + actions.map {
                "<tr><td>\(h($0.what))</td><td>\(h($0.owner))</td><td>\($0.due?.description ?? "")</td><td>\(h(status($0)))</td></tr>\n"
            }.joined() + "</tbody></table>\n"
    }

    static let style = """
        body{font-family:"Helvetica Neue",Arial,sans-serif;color:#111;background:#fff;line-height:1.45;margin:0}
        main{max-width:60rem;margin:0 auto;padding:1.5rem}
        h1{font-size:1.7rem;margin:0 0 1rem}h2{font-size:1.3rem;margin:1.6rem 0 .6rem}h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}dt{font-weight:bold}dd{margin:0}
        table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem;font-size:.95rem}
        th,td{border:1px solid #888;padding:.35rem .5rem;text-align:left;vertical-align:top}
        thead th{background:#e8e8e8}
        .board td{text-align:center;font-size:1.1rem}.board td.placed{background:#1d4e89;color:#fff;font-weight:bold}
        .board td.met{background:#d6e4f5}.board td:last-child,.board td:nth-last-child(2){text-align:left;font-size:.95rem}
        td.note{white-space:pre-wrap}.legend{font-size:.9rem;color:#333}
        svg{max-width:100%;height:auto}svg text{font-family:Arial,sans-serif;font-size:12px}
        @page{size:A4;margin:18mm}
        figure.chart{margin:0;break-inside:avoid}
        @media print{main{max-width:none;padding:0}section.area{break-before:page}table{font-size:10pt}
        body{font-size:10pt}h1{margin-top:0;font-size:16pt}h2{font-size:13pt;margin:10pt 0 5pt}
        th,td{padding:3pt 5pt}.board td{font-size:10pt}figure.chart svg{max-height:40mm;width:auto}.legend{font-size:8.5pt}table.board{font-size:9pt}.board td{font-size:9pt}.board th small{display:none}dl.facts{font-size:9pt}
        thead{display:table-header-group}tr{break-inside:avoid}.board td.placed{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
        """
}

/// An inline SVG line chart of each area's stage by assessment date, readable in black and white.
enum HistoryChart {
    static func svg(_ history: Progression) -> String {
        let h = Escape.html
        let stages = history.framework.stages
        let levels = stages.count
        let count = history.entries.count
        let left = 150.0, top = 20.0, rowHeight = 40.0, columnWidth = 110.0
        let width = left + columnWidth * Double(max(count - 1, 1)) + 180
        let height = top + rowHeight * Double(levels) + 50
        func x(_ index: Int) -> Double { left + columnWidth * Double(index) }
        func y(_ level: Int) -> Double { top + rowHeight * Double(levels - level) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
            + "width=\"\(Int(width))\" height=\"\(Int(height))\" aria-label=\"Stage of each area by year\">\n"
        let titles = [history.framework.belowFirstStageTitle] + stages.map(\.title)
        for level in 0...levels {
            svg += "<line x1=\"\(left - 10)\" y1=\"\(y(level))\" x2=\"\(x(count - 1) + 10)\" y2=\"\(y(level))\" stroke=\"#ccc\"/>"
            svg += "<text x=\"\(left - 16)\" y=\"\(y(level) + 4)\" text-anchor=\"end\">\(h(titles[level]))</text>\n"
        }
        for (index, entry) in history.entries.enumerated() {
            svg += "<text x=\"\(x(index))\" y=\"\(height - 12)\" text-anchor=\"middle\">\(entry.assessment.date)</text>\n"
        }
        let dashes = ["", "6 4", "2 3", "10 3 2 3"]
        let colours = ["#1d4e89", "#b5482a", "#2f7d32", "#6a3d9a"]
        for (number, series) in history.areas.enumerated() {
            let colour = colours[number % colours.count]
            let points = series.points.enumerated().compactMap { index, point in point.map { (x(index), y($0.level) + Double(number * 3 - 3)) } }
            let path = points.map { "\($0.0),\($0.1)" }.joined(separator: " ")
            svg += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.5\" stroke-dasharray=\"\(dashes[number % dashes.count])\" points=\"\(path)\"/>\n"
            for point in points {
                svg += "<circle cx=\"\(point.0)\" cy=\"\(point.1)\" r=\"4\" fill=\"\(colour)\"/>"
            }
            if let last = points.last {
                svg += "<text x=\"\(last.0 + 10)\" y=\"\(last.1 + 4)\" fill=\"\(colour)\">\(h(series.area.shortTitle))</text>\n"
            }
        }
        return svg + "</svg>"
    }
}
