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
            "# Maturity self-assessment: \(e(assessment.system))", "",
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
            lines.append(row)
        }
        lines += ["", BoardMark.legend(separator: ", ") + ". " + BoardMark.provisionalMeaning, ""]
        for area in report.areas {
            lines += ["## \(e(area.area.title)): \(e(area.placement.titleMarkingProvisional))", "", e(area.placement.explanation), ""]
            lines += ["### Answers", "", "| Stage | Question | Answer | Note |", "|---|---|---|---|"]
            for row in area.criteria {
                let answer = row.answerText + (row.carried.map { $0 == .new ? "" : " (\($0.phrase))" } ?? "")
                lines.append("| \(e(row.stage.title)) | \(e(row.criterion.text)) | \(answer) | \(e(row.note ?? "")) |")
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
                     + "\(e(change.now.map(pointWords) ?? "not assessed")) now: \(change.movement.text).", ""]
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
