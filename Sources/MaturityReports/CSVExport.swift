import FoundationEssentials
import MaturityFramework
import MaturityRules
import MaturityModel

/// A summary as CSV for analysts: RFC 4180, UTF-8 (with a byte-order mark, so spreadsheets read
/// accents right), CRLF line ends, a header row and one row per criterion.
public enum CSVExport {
    /// The columns, in order.
    public static let header = [
        "system", "date", "status", "framework", "framework_version", "area_id", "area", "stage_id", "stage",
        "criterion_id", "question", "answer", "as_last_time", "note", "placement", "provisional", "last_time_answer",
        "carried", "record", "system_id", "framework_source", "attribution",
        "views_yes", "views_partly", "views_no", "views_unsure", "views", "split", "dissent", "consensus",
        "target_stage", "target_year", "target_status",
    ]

    public static func render(_ report: SummaryReport) -> String {
        let assessment = report.assessment
        let last = report.assessment.lastTime
        let record = RecordWords.lines(assessment).joined(separator: "; ")
        var rows = [header]
        for area in report.areas {
            for row in area.criteria {
                rows.append([
                    assessment.system, assessment.date.description, assessment.status.rawValue, report.framework.id,
                    report.framework.version, area.area.id, area.area.title, row.stage.id, row.stage.title, row.criterion.id,
                    row.criterion.text, row.answer?.rawValue ?? "", row.isAsLastTime ? "yes" : "no", row.note ?? "",
                    area.placement.stageID, area.placement.isProvisional ? "yes" : "no",
                    last.flatMap { $0.answers[row.criterion.id]?.rawValue } ?? "",
                    row.carried?.rawValue ?? "", record,
                    report.systemID, report.framework.source.citation, report.framework.attribution.text,
                ] + viewsCells(row.views, participants: assessment.participants) + [
                    area.consensus.share.map { String(($0 * 1000).rounded() / 1000) } ?? "",
                    area.target?.stageID ?? "", area.target.map { String($0.year) } ?? "", area.targetStatus?.rawValue ?? "",
                ])
            }
        }
        return table(rows)
    }

    /// A criterion's view columns: the four counts, who said what ("Ann: yes; Bob: partly", empty when
    /// anonymous), `yes` when split, and the dissents, one a line ("Ann: note", "A member: note").
    static func viewsCells(_ views: CriterionViews?, participants: [String]) -> [String] {
        let spread = views?.spread ?? Spread()
        let named = views.map { ViewsWords.named($0, participants: participants) } ?? []
        return Answer.allCases.map { String(spread[$0]) } + [
            named.map { "\($0.name): \($0.answer.rawValue)" }.joined(separator: "; "),
            spread.isSplit ? "yes" : "no",
            (views?.dissents ?? []).map { "\(ViewsWords.author($0)): \($0.note)" }.joined(separator: "\n"),
        ]
    }

    /// Rows of cells as CSV text with a byte-order mark.
    static func table(_ rows: [[String]]) -> String {
        "\u{FEFF}" + rows.map { $0.map(Escape.csv).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
