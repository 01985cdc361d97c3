import MaturityFramework
import MaturityModel

/// Systems side by side as CSV for analysts, and a system's roll-up: one row per system (or place) per
/// area, with ``CSVExport``'s conventions (byte-order mark, CRLF, RFC 4180, formula guard).
public enum CompareCSV {
    /// The columns of ``render(_:)``.
    public static let header = ["system", "system_id", "date", "file", "framework_version", "area_id", "area", "stage_id",
                                "stage", "provisional", "previous_stage_id", "movement"]

    /// One row per system per area; an area the assessment's version lacks has `stage_id` `not-compared`.
    public static func render(_ matrix: SystemsMatrix) -> String {
        let framework = matrix.framework
        var rows = [header]
        for row in matrix.rows {
            for (index, area) in framework.areas.enumerated() {
                let level = matrix.level(row, area: index)
                let previous = row.previous?.level(ofArea: index)
                rows.append([
                    row.system.name, row.system.id, row.current.date.description, row.current.file, row.current.framework.version,
                    area.id, area.title, level.map { StageWords.id($0.level, in: framework) } ?? "not-compared",
                    level.map { StageWords.title($0.level, in: framework) } ?? "not compared",
                    level.map { $0.isProvisional ? "yes" : "no" } ?? "",
                    previous.map { StageWords.id($0.level, in: framework) } ?? "", row.changes[index]?.rawValue ?? "",
                ])
            }
        }
        return CSVExport.table(rows)
    }

    /// The columns of the roll-up's ``render(_:)``.
    public static let rollupHeader = ["system", "system_id", "place", "date", "file", "framework_version", "area_id", "area",
                                      "stage_id", "stage", "provisional"]

    /// One row per column (the whole system, then each place; `place` empty for the whole system) per
    /// area; a place without an assessment in the year has `stage_id` `not-assessed`.
    public static func render(_ rollup: SystemRollup) -> String {
        let framework = rollup.framework
        var rows = [rollupHeader]
        for column in rollup.columns {
            for (index, area) in framework.areas.enumerated() {
                let level = rollup.level(column, area: index)
                let missing = column.assessment == nil ? "not-assessed" : "not-compared"
                rows.append([
                    rollup.system.name, rollup.system.id, column.place ?? "", column.assessment?.date.description ?? "",
                    column.assessment?.file ?? "", column.assessment?.framework.version ?? "", area.id, area.title,
                    level.map { StageWords.id($0.level, in: framework) } ?? missing,
                    level.map { StageWords.title($0.level, in: framework) } ?? (column.assessment == nil ? "not assessed" : "not compared"),
                    level.map { $0.isProvisional ? "yes" : "no" } ?? "",
                ])
            }
        }
        return CSVExport.table(rows)
    }
}
