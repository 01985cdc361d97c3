import MaturityFramework
import MaturityRules
import MaturityModel

/// A summary as Markdown: headings and pipe tables that render in pandoc and on code hosts.
public enum MarkdownExport {
    public static func render(_ report: SummaryReport) -> String {
        let assessment = report.assessment
        let framework = report.framework
        let e = Escape.markdown
        var lines = [
            "# Maturity self-assessment: \(e(assessment.scopeTitle))", "",
            "- **Date:** \(assessment.date)",
        ] + (assessment.systemRename.map { ["- **Renamed:** from \(e($0.from)) to \(e($0.to)) on \($0.date)"] } ?? []) + [
            "- **Status:** \(assessment.status.rawValue)",
            "- **Framework:** \(e(framework.title)), version \(e(framework.version))",
            "- **Source:** \(e(framework.source.citation))",
            "- **Credit:** \(e(framework.attribution.text))",
            "- **Participants:** \(assessment.participants.isEmpty ? "not recorded" : e(assessment.participants.joined(separator: ", ")))",
            "- **Rule (this tool's):** \(e(report.rule))",
        ]
        lines += RecordWords.lines(assessment).map { "- **Record:** \(e($0))" }
        lines += ["", "## Summary", ""]
        var header = "| Area |"
        var rule = "|---|"
        for stage in framework.stages {
            header += " \(e(stage.title)) |"
            rule += ":---:|"
        }
        header += " Placed at |"
        rule += "---|"
        if report.comparison != nil {
            header += " Last time |"
            rule += "---|"
        }
        if report.showsViews {
            header += " Consensus |"
            rule += "---|"
        }
        lines += [header, rule]
        for (index, area) in report.areas.enumerated() {
            var row = "| \(e(area.area.title)) |"
            for level in area.placement.stages.indices {
                row += " \(BoardMark(level: level, in: area.placement).symbol) |"
            }
            row += " **\(e(area.placement.titleMarkingProvisional))** |"
            if let change = report.comparison?.areas[index] {
                row += " \(e(change.then.map(pointWords) ?? "not assessed")) (\(change.movement.text)) |"
            }
            if report.showsViews {
                row += " \(area.consensus.share.map(ViewsWords.percent) ?? "no views") |"
            }
            lines.append(row)
        }
        lines += ["", BoardMark.legend(separator: ", ") + ". " + BoardMark.provisionalMeaning, ""]
        if report.showsViews { lines += disagreements(report) }
        for area in report.areas {
            lines += ["## \(e(area.area.title)): \(e(area.placement.titleMarkingProvisional))", "", e(area.placement.explanation), ""]
            if let typicalLine = area.typicalLine { lines += [e(typicalLine), ""] }
            if let targetLine = area.targetLine { lines += [e(targetLine), ""] }
            lines += metricsSection(area)
            if report.showsViews, let consensus = ViewsWords.consensus(area.consensus) {
                lines += ["Consensus: \(consensus).", ""]
            }
            lines += ["### Answers", ""]
            lines += report.showsViews ? ["| Stage | Question | Answer | Note | Views | Dissent |", "|---|---|---|---|---|---|"]
                : ["| Stage | Question | Answer | Note |", "|---|---|---|---|"]
            for row in area.criteria {
                let answer = row.answerText + (row.carried.map { $0 == .new ? "" : " (\($0.phrase))" } ?? "")
                let views = report.showsViews ? " \(viewsCell(row.views, participants: report.assessment.participants)) |"
                    + " \(dissentCell(row.views)) |" : ""
                lines.append("| \(e(row.stage.title)) | \(e(row.criterion.text)) | \(answer) | \(e(row.note ?? "")) |" + views)
            }
            lines.append("")
            if let next = area.placement.nextStage {
                lines += ["### Gap to \(e(next.title))", ""]
                lines += area.placement.gap.map { "- \(e($0.label)): \(Answer.label(of: area.answer(to: $0)))" }
                lines.append("")
            }
            lines += ["### Agreed actions", ""]
            lines += actionTable(area.actions, empty: "No actions agreed.")
            if let change = report.comparison?.areas.first(where: { $0.area.id == area.area.id }) {
                lines += comparisonSection(change, date: report.comparison!.earlierDate)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// An area's metrics: per metric with a reading, a table of its readings across the system's
    /// assessments up to this one, with the change from each to the next; nothing without readings.
    static func metricsSection(_ area: AreaReport) -> [String] {
        guard !area.metrics.isEmpty else { return [] }
        let e = Escape.markdown
        var lines = ["### Metrics", ""]
        for (metric, series) in area.metrics {
            lines += ["**\(e(MetricWords.heading(metric)))**", "",
                      "| " + MetricWords.tableHeader.joined(separator: " | ") + " |",
                      "|" + String(repeating: "---|", count: MetricWords.tableHeader.count)]
            lines += MetricWords.tableRows(series).map { "| " + $0.map(e).joined(separator: " | ") + " |" }
            lines.append("")
        }
        return lines
    }

    /// The board paper's "Where the board disagreed": the most split questions, widest spread first,
    /// with the rule; or that the board was of one mind, or took no views.
    static func disagreements(_ report: SummaryReport) -> [String] {
        let e = Escape.markdown
        var lines = ["## Where the board disagreed", ""]
        let split = report.splitQuestions
        guard !split.isEmpty else { return lines + [ViewsWords.noSplit(hasViews: report.hasViews), ""] }
        lines += [e(ViewsWords.splitRuleSentence), ""]
        for (area, row) in split.prefix(SummaryReport.splitQuestionsShown) {
            let spread = row.views?.spread ?? Spread()
            lines.append("- **\(e(area.area.shortTitle))**: \(e(row.criterion.text)) — \(spread.line); agreed: \(row.answerText)"
                         + dissentCount(row.views) + ".")
        }
        if let more = ViewsWords.more(split.count - SummaryReport.splitQuestionsShown) { lines += ["", more] }
        return lines + [""]
    }

    /// "; 2 dissents recorded", or nothing.
    static func dissentCount(_ views: CriterionViews?) -> String {
        let count = views?.dissents.count ?? 0
        return count == 0 ? "" : "; \(count) dissent\(count == 1 ? "" : "s") recorded"
    }

    /// A criterion's views in a table cell: the spread line (split marked) and, unless anonymous, who said what.
    static func viewsCell(_ views: CriterionViews?, participants: [String]) -> String {
        let e = Escape.markdown
        guard let views, views.spread.total > 0 else { return "" }
        let named = ViewsWords.named(views, participants: participants)
        return views.spread.line + (views.spread.isSplit ? " (split)" : "")
            + (named.isEmpty ? "" : "<br>" + named.map { "\(e($0.name)): \($0.answer.label)" }.joined(separator: "; "))
    }

    /// A criterion's dissents in a table cell, one a line: "Ann: note".
    static func dissentCell(_ views: CriterionViews?) -> String {
        let e = Escape.markdown
        return (views?.dissents ?? []).map { "\(e(ViewsWords.author($0))): \(e($0.note))" }.joined(separator: "<br>")
    }

    /// A table of actions; `status` words each one's status (by default, as it stands).
    static func actionTable(_ actions: [Action], empty: String, status: (Action) -> String = { $0.status.phrase }) -> [String] {
        let e = Escape.markdown
        guard !actions.isEmpty else { return [empty, ""] }
        return ["| What | Owner | Due | Status |", "|---|---|---|---|"]
            + actions.map { "| \(e($0.what)) | \(e($0.owner)) | \($0.due?.description ?? "") | \(status($0)) |" } + [""]
    }

    private static func comparisonSection(_ change: AreaChange, date: CalendarDate) -> [String] {
        let e = Escape.markdown
        var lines = ["### Since \(date)", "",
                     "Placed at \(e(change.then.map(pointWords) ?? "not assessed")) then, "
                     + "\(e(change.now.map(pointWords) ?? "not assessed")) now: \(change.movement.text)."
                     + e(ProgressExport.versionSentence(change.versionChange)), ""]
        if change.changedAnswers.isEmpty {
            lines += ["No answer changed.", ""]
        } else {
            lines += ["| Question | Then | Now |", "|---|---|---|"]
            lines += change.changedAnswers.map { "| \(e($0.criterion.text)) | \(Answer.label(of: $0.then)) | \(Answer.label(of: $0.now)) |" }
            lines.append("")
        }
        lines += ["Last time's actions:", ""]
        lines += actionTable(change.lastActions, empty: "None were agreed.", status: change.review(of:))
        return lines
    }
}

/// Shared words for stages over time.
func pointWords(_ point: StagePoint) -> String {
    point.title + (point.isProvisional ? " (provisional)" : "")
}
