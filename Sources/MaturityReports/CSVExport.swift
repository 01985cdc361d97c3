import Foundation
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
                ])
            }
        }
        return table(rows)
    }

    /// Rows of cells as CSV text with a byte-order mark.
    static func table(_ rows: [[String]]) -> String {
        "\u{FEFF}" + rows.map { $0.map(Escape.csv).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}

/// A summary as JSON: the data of every other format, with a schema version.
public enum JSONExport {
    /// The summary format's version; raised when a field changes meaning or is removed.
    public static let schemaVersion = 1

    public static func render(_ report: SummaryReport) -> [String: Any] {
        let assessment = report.assessment
        let framework = report.framework
        var object: [String: Any] = [
            "kind": "maturity-summary",
            "schemaVersion": schemaVersion,
            "system": assessment.system,
            "date": assessment.date.description,
            "status": assessment.status.rawValue,
            "participants": assessment.participants,
            "framework": ["id": framework.id, "version": framework.version, "title": framework.title,
                          "source": framework.source.citation] as [String: Any],
            "rule": report.rule,
            "areas": report.areas.map(area),
            "systemID": report.systemID,
            "attribution": ["fromSource": framework.attribution.fromSource, "ownWork": framework.attribution.ownWork],
        ]
        object["systemRename"] = assessment.systemRename.map {
            ["from": $0.from, "to": $0.to, "date": $0.date.description] as [String: Any]
        } ?? NSNull()
        object["comparison"] = report.comparison.map(comparison) ?? NSNull()
        object["events"] = assessment.events.map { event -> [String: Any] in
            ["kind": event.kind.rawValue, "at": event.at, "by": event.by ?? NSNull(), "reason": event.reason ?? NSNull(),
             "criteria": event.criteria ?? NSNull(), "text": event.sentence]
        }
        return object
    }

    private static func area(_ area: AreaReport) -> [String: Any] {
        let placement = area.placement
        return [
            "id": area.area.id, "title": area.area.title,
            "stage": placement.stageID, "stageTitle": placement.stageTitle, "provisional": placement.isProvisional,
            "nextStage": placement.nextStage?.id ?? NSNull(),
            "progress": placement.progress.map { ($0 * 1000).rounded() / 1000 } ?? NSNull(),
            "gap": placement.gap.map(\.id),
            "explanation": placement.explanation,
            "criteria": area.criteria.map { row -> [String: Any] in
                ["id": row.criterion.id, "stage": row.stage.id, "question": row.criterion.text,
                 "answer": row.answer?.rawValue ?? NSNull(), "note": row.note ?? NSNull(),
                 "asLastTime": row.isAsLastTime, "carried": row.carried?.rawValue ?? NSNull()]
            },
            "actions": area.actions.map(action),
            "reviewedActions": area.reviewedActions.map { reviewed -> [String: Any] in
                var object = action(reviewed)
                object["reviewed"] = !area.unreviewedActions.contains(reviewed.id)
                return object
            },
        ]
    }

    private static func comparison(_ comparison: Comparison) -> [String: Any] {
        [
            "date": comparison.earlierDate.description, "file": comparison.earlierFile,
            "areas": comparison.areas.map { change -> [String: Any] in
                [
                    "id": change.area.id,
                    "then": change.then?.stageID ?? NSNull(),
                    "now": change.now?.stageID ?? NSNull(),
                    "movement": change.movement.rawValue,
                    "changedAnswers": change.changedAnswers.map {
                        ["id": $0.criterion.id, "then": $0.then?.rawValue ?? NSNull(),
                         "now": $0.now?.rawValue ?? NSNull()] as [String: Any]
                    },
                    "lastActions": change.lastActions.map { last -> [String: Any] in
                        var object = action(last)
                        object["reviewed"] = change.reviewedIDs.contains(last.id)
                        return object
                    },
                ]
            },
        ]
    }

    static func action(_ action: Action) -> [String: Any] {
        ["id": action.id, "what": action.what, "owner": action.owner,
         "due": action.due?.description ?? NSNull(), "status": action.status.rawValue]
    }
}
