import CellGrid
import MaturityFramework
import MaturityModel

/// Systems side by side (`maturity compare`) as text and Markdown; see also ``CompareHTML``,
/// ``CompareCSV`` and ``ComparisonJSON``.
public enum CompareExport {
    /// For a terminal of 80 columns: a row per system (name cut to fit), a column per area headed by its
    /// short title, each cell the stage (`*` provisional) and its change since the year before; then the
    /// distribution and movement per area, and the notes. Every name and title is made inert.
    public static func text(_ matrix: SystemsMatrix) -> String {
        let framework = matrix.framework
        var lines = ["Systems compared: \(inert: framework.title) \(inert: framework.version)",
                     "Shown: \(StageWords.scope(matrix.year))",
                     "Credit: \(inert: framework.attribution.text)", ""]
        let shortTitles = framework.areas.map { TerminalText.inert($0.shortTitle) }
        let cells = matrix.rows.map { row in
            framework.areas.indices.map { index in
                matrix.level(row, area: index).map { StageWords.short($0, in: framework) + " " + (row.changes[index]?.symbol ?? "") } ?? "—"
            }
        }
        let tableStart = lines.count
        if matrix.rows.isEmpty {
            lines.append("No system has a complete, system-level assessment to compare.")
        } else {
            lines += StageWords.textTable(first: "System", headings: shortTitles, rows: zip(matrix.rows, cells).map {
                ($0.system.name, $0.current.date.description, $1)
            })
        }
        let tableEnd = lines.count
        if !matrix.rows.isEmpty {
            lines += ["", StageWords.legend]
        }
        lines += StageWords.versionNotes(matrix).map { TerminalText.inert($0) }
        lines += ["", "Distribution (\(matrix.rows.count) system\(matrix.rows.count == 1 ? "" : "s")):"]
        for (index, area) in shortTitles.enumerated() {
            lines.append("  \(area): \(StageWords.distribution(matrix.distribution[index], in: framework))")
        }
        lines += ["", "Movement since the year before:"]
        for (index, area) in shortTitles.enumerated() {
            lines.append("  \(area): \(StageWords.movement(matrix.rows.map { $0.changes[index] }))")
        }
        let leftOut = StageWords.leftOutNotes(matrix)
        if !leftOut.isEmpty { lines += [""] + leftOut.map { TerminalText.inert($0) } }
        return StageWords.wrappedProse(lines, table: tableStart..<tableEnd)
    }

    /// Markdown: the matrix as a pipe table, then the distribution, the movement and the notes.
    public static func markdown(_ matrix: SystemsMatrix) -> String {
        let e = Escape.markdown
        let framework = matrix.framework
        var lines = ["# Systems compared", "",
                     "- **Framework:** \(e(framework.title)) \(e(framework.version))",
                     "- **Source:** \(e(framework.source.citation))",
                     "- **Credit:** \(e(framework.attribution.text))",
                     "- **Assessments:** \(e(StageWords.scope(matrix.year)))", ""]
        lines.append("| System | Date | " + framework.areas.map { e($0.title) }.joined(separator: " | ") + " |")
        lines.append("|---|---|" + String(repeating: "---|", count: framework.areas.count))
        for row in matrix.rows {
            let cells = framework.areas.indices.map { index in
                matrix.level(row, area: index).map { level in
                    e(StageWords.title(level.level, in: framework)) + (level.isProvisional ? " (provisional)" : "")
                        + " " + (row.changes[index]?.symbol ?? "")
                } ?? "—"
            }
            lines.append("| \(e(row.system.name)) | \(row.current.date) | " + cells.joined(separator: " | ") + " |")
        }
        lines += ["", e(StageWords.legend)]
        lines += StageWords.versionNotes(matrix).map { "" + e($0) }
        lines += ["", "## Distribution", ""]
        for (index, area) in framework.areas.enumerated() {
            lines.append("- **\(e(area.title))**: \(e(StageWords.distribution(matrix.distribution[index], in: framework)))")
        }
        lines += ["", "## Movement since the year before", ""]
        for (index, area) in framework.areas.enumerated() {
            lines.append("- **\(e(area.title))**: \(StageWords.movement(matrix.rows.map { $0.changes[index] }))")
        }
        let leftOut = StageWords.leftOutNotes(matrix)
        if !leftOut.isEmpty { lines += [""] + leftOut.map { "- " + e($0) } }
        return lines.joined(separator: "\n") + "\n"
    }
}
