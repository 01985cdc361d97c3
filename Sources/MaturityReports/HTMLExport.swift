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
            <h1>Maturity self-assessment: \(h(assessment.scopeTitle))</h1>
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
        if report.showsViews { body += disagreements(report) }
        for (index, area) in report.areas.enumerated() {
            body += section(area, change: report.comparison?.areas[index], earlierDate: report.comparison?.earlierDate,
                            views: report.showsViews ? report.assessment.participants : nil)
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Maturity self-assessment: \(h(assessment.scopeTitle)), \(assessment.date)</title>
            <style>\(style)\(report.showsViews ? viewsStyle : "")\(report.metrics.isEmpty ? "" : metricsStyle)</style>
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
        html += "<th scope=\"col\">Placed at</th>" + (report.comparison != nil ? "<th scope=\"col\">Last time</th>" : "")
            + (report.showsViews ? "<th scope=\"col\">Consensus</th>" : "") + "</tr></thead>\n<tbody>\n"
        for (index, area) in report.areas.enumerated() {
            html += "<tr><th scope=\"row\">\(h(area.area.title))</th>"
            for level in area.placement.stages.indices {
                let mark = BoardMark(level: level, in: area.placement)
                html += "<td class=\"\(mark.kind)\">\(h(mark.symbol))</td>"
            }
            // With a consensus column, the words' cells are marked as such (the base style marks the last two).
            let words = report.showsViews ? "<td class=\"words\">" : "<td>"
            html += "\(words)<strong>\(h(area.placement.titleMarkingProvisional))</strong></td>"
            if let change = report.comparison?.areas[index] {
                html += "\(words)\(h(change.then.map(pointWords) ?? "not assessed")) (\(h(change.movement.text)))</td>"
            }
            if report.showsViews {
                html += "\(words)\(h(area.consensus.share.map(ViewsWords.percent) ?? "no views"))</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>"
    }

    /// One area's page; `views` (the participants, in order) when the paper shows views.
    private static func section(_ area: AreaReport, change: AreaChange?, earlierDate: CalendarDate?, views participants: [String]?) -> String {
        let h = Escape.html
        let consensus = participants != nil ? ViewsWords.consensus(area.consensus).map { "<p class=\"consensus\">Consensus: \(h($0)).</p>\n" } ?? "" : ""
        let target: String = (area.typicalLine.map { "<p class=\"typical\">\(h($0))</p>\n" } ?? "")
            + (area.targetLine.map { "<p class=\"target\">\(h($0))</p>\n" } ?? "") + metricsSection(area)
        let viewsHeader = participants != nil ? "<th>Views</th><th>Dissent</th>" : ""
        var html = """
            <section class="area">
            <h2>\(h(area.area.title)): \(h(area.placement.titleMarkingProvisional))</h2>
            <p class="explanation">\(h(area.placement.explanation))</p>
            \(target)\(consensus)<h3>Answers</h3>
            <table><thead><tr><th>Stage</th><th>Question</th><th>Answer</th><th>Note</th>\(viewsHeader)</tr></thead><tbody>

            """
        for row in area.criteria {
            let answer = h(row.answerText) + (row.carried.map { $0 == .new ? "" : " <small>(\(h($0.phrase)))</small>" } ?? "")
            html += "<tr><td>\(h(row.stage.title))</td><td>\(h(row.criterion.text))</td>"
                + "<td class=\"answer\">\(answer)</td><td class=\"note\">\(h(row.note ?? ""))</td>"
                + (participants.map { viewsCells(row.views, participants: $0) } ?? "") + "</tr>\n"
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
                + "\(h(change.now.map(pointWords) ?? "not assessed")) now: \(h(change.movement.text))."
                + "\(h(ProgressExport.versionSentence(change.versionChange)))</p>\n"
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

    /// An area's metrics: per metric with a reading, its chart and a table of its readings across the
    /// system's assessments up to this one (the chart's text alternative); nothing without readings.
    static func metricsSection(_ area: AreaReport) -> String {
        guard !area.metrics.isEmpty else { return "" }
        return "<h3>Metrics</h3>\n" + area.metrics.map { metricFigure($0.metric, $0.series) }.joined()
    }

    /// One metric's figure: its heading, its chart (when a reading is in its unit) and the table of its readings.
    static func metricFigure(_ metric: Metric, _ series: MetricSeries) -> String {
        let h = Escape.html
        return "<figure class=\"metric\">\n<figcaption>\(h(MetricWords.heading(metric)))</figcaption>\n"
            + (MetricChart.svg(series, metric: metric).map { $0 + "\n" } ?? "")
            + "<table><thead><tr>" + MetricWords.tableHeader.map { "<th>\(h($0))</th>" }.joined() + "</tr></thead><tbody>\n"
            + MetricWords.tableRows(series).map { row in
                "<tr>" + row.enumerated().map { $0.offset == 0 ? "<td class=\"date\">\(h($0.element))</td>" : "<td>\(h($0.element))</td>" }.joined()
                    + "</tr>\n"
            }.joined()
            + "</tbody></table>\n</figure>\n"
    }

    /// The board paper's "Where the board disagreed": the most split questions, widest spread first,
    /// with the rule; or that the board was of one mind, or took no views.
    private static func disagreements(_ report: SummaryReport) -> String {
        let h = Escape.html
        var html = "<section class=\"disagreed\">\n<h2>Where the board disagreed</h2>\n"
        let split = report.splitQuestions
        guard !split.isEmpty else { return html + "<p>\(h(ViewsWords.noSplit(hasViews: report.hasViews)))</p>\n</section>\n" }
        html += "<p class=\"legend\">\(h(ViewsWords.splitRuleSentence))</p>\n<ul>\n"
        for (area, row) in split.prefix(SummaryReport.splitQuestionsShown) {
            let spread = row.views?.spread ?? Spread()
            html += "<li><strong>\(h(area.area.shortTitle))</strong>: \(h(row.criterion.text)) — \(h(spread.line)); "
                + "agreed: \(h(row.answerText))\(h(MarkdownExport.dissentCount(row.views))).</li>\n"
        }
        html += "</ul>\n"
        if let more = ViewsWords.more(split.count - SummaryReport.splitQuestionsShown) { html += "<p>\(h(more))</p>\n" }
        return html + "</section>\n"
    }

    /// A criterion's views and dissents as two cells: the spread line (split marked) and, unless
    /// anonymous, who said what; each dissent on a line of its own.
    private static func viewsCells(_ views: CriterionViews?, participants: [String]) -> String {
        let h = Escape.html
        guard let views else { return "<td class=\"views\"></td><td class=\"dissent\"></td>" }
        var cell = ""
        if views.spread.total > 0 {
            cell = h(views.spread.line) + (views.spread.isSplit ? " <strong>(split)</strong>" : "")
            let named = ViewsWords.named(views, participants: participants)
            if !named.isEmpty {
                cell += "<br><small>" + named.map { "\(h($0.name)): \(h($0.answer.label))" }.joined(separator: "; ") + "</small>"
            }
        }
        let dissents = views.dissents.map { "\(h(ViewsWords.author($0))): \(h($0.note))" }.joined(separator: "<br>")
        return "<td class=\"views\">\(cell)</td><td class=\"dissent\">\(dissents)</td>"
    }

    private static func actions(_ actions: [Action], empty: String, status: (Action) -> String = { $0.status.phrase }) -> String {
        let h = Escape.html
        guard !actions.isEmpty else { return "<p>\(h(empty))</p>\n" }
        return "<table><thead><tr><th>What</th><th>Owner</th><th class=\"date\">Due</th><th>Status</th></tr></thead><tbody>\n"
            + actions.map {
                "<tr><td>\(h($0.what))</td><td>\(h($0.owner))</td><td class=\"date\">\($0.due?.description ?? "")</td><td>\(h(status($0)))</td></tr>\n"
            }.joined() + "</tbody></table>\n"
    }
}
