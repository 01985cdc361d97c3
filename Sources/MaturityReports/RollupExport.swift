import CellGrid
import MaturityFramework
import MaturityModel

/// A system's roll-up (`maturity rollup`) as text, Markdown and HTML; see also ``CompareCSV`` and ``RollupJSON``.
public enum RollupExport {
    /// The column's heading: "Whole system" or the place's name.
    static func heading(_ column: SystemRollup.Column) -> String {
        column.place ?? "Whole system"
    }

    /// What a cell says where there is no stage: "no assessment" or "—" (the version lacks the area).
    static func missing(_ column: SystemRollup.Column) -> String {
        column.assessment == nil ? "no assessment" : "—"
    }

    /// "2026" or "no complete assessment yet".
    static func yearWords(_ rollup: SystemRollup) -> String {
        rollup.year.map { "latest complete assessment of each place in \($0)" } ?? "no complete assessment yet"
    }

    /// The notes: other framework versions, and assessments left out for another framework.
    static func notes(_ rollup: SystemRollup) -> [String] {
        let versions = Set(rollup.columns.compactMap { $0.assessment?.framework.version }).subtracting([rollup.framework.version]).sorted()
        return versions.map { "Answered against version \($0) of the framework (shown on \(rollup.framework.version)); — marks an area that version does not have." }
            + rollup.leftOut.map { "Left out: \($0.file) (\($0.place ?? "whole system")), answered against another framework, \($0.framework.id) \($0.framework.version)." }
    }

    /// For a terminal of 80 columns: a row per column of the roll-up (the whole system first, then each
    /// place, names cut to fit) and a column per area headed by its short title, so that many places fit.
    public static func text(_ rollup: SystemRollup) -> String {
        let framework = rollup.framework
        var lines = ["Roll-up of \(inert: rollup.system.name) (\(inert: rollup.system.id)): \(inert: framework.title) \(inert: framework.version)",
                     "Shown: \(yearWords(rollup))", "Credit: \(inert: framework.attribution.text)", ""]
        let shortTitles = framework.areas.map { TerminalText.inert($0.shortTitle) }
        let cells = rollup.columns.map { column in
            framework.areas.indices.map { index in rollup.level(column, area: index).map { StageWords.short($0, in: framework) } ?? missing(column) }
        }
        let tableStart = lines.count
        lines += StageWords.textTable(first: "Place", headings: shortTitles, rows: zip(rollup.columns, cells).map {
            (heading($0), $0.assessment?.date.description ?? "", $1)
        })
        let tableEnd = lines.count
        lines += ["", "* provisional; — not in the assessment's framework version"]
        let notes = notes(rollup)
        if !notes.isEmpty { lines += notes.map { TerminalText.inert($0) } }
        return StageWords.wrappedProse(lines, table: tableStart..<tableEnd)
    }

    /// Markdown: areas × places (the whole system first) as a pipe table.
    public static func markdown(_ rollup: SystemRollup) -> String {
        let e = Escape.markdown
        let framework = rollup.framework
        var lines = ["# Roll-up: \(e(rollup.system.name))", "",
                     "- **Framework:** \(e(framework.title)) \(e(framework.version))",
                     "- **Source:** \(e(framework.source.citation))",
                     "- **Credit:** \(e(framework.attribution.text))",
                     "- **Shown:** \(e(yearWords(rollup)))", ""]
        lines.append("| Area | " + rollup.columns.map { e(heading($0)) }.joined(separator: " | ") + " |")
        lines.append("|---|" + String(repeating: "---|", count: rollup.columns.count))
        lines.append("| *Date* | " + rollup.columns.map { $0.assessment?.date.description ?? "" }.joined(separator: " | ") + " |")
        for (index, area) in framework.areas.enumerated() {
            let cells = rollup.columns.map { column in
                rollup.level(column, area: index).map {
                    e(StageWords.title($0.level, in: framework)) + ($0.isProvisional ? " (provisional)" : "")
                } ?? missing(column)
            }
            lines.append("| \(e(area.title)) | " + cells.joined(separator: " | ") + " |")
        }
        lines += notes(rollup).map { "\n" + e($0) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A self-contained HTML page: areas × places as a heat map (as ``CompareHTML``'s), the whole system first.
    public static func html(_ rollup: SystemRollup) -> String {
        let h = Escape.html
        let framework = rollup.framework
        var table = "<table class=\"heat\"><thead><tr><th>Area</th>" + rollup.columns.map { "<th>\(h(heading($0)))</th>" }.joined()
            + "</tr><tr><th>Date</th>" + rollup.columns.map { "<th class=\"date\">\($0.assessment?.date.description ?? "")</th>" }.joined()
            + "</tr></thead><tbody>\n"
        for (index, area) in framework.areas.enumerated() {
            table += "<tr><th scope=\"row\">\(h(area.title))</th>"
            for column in rollup.columns {
                table += column.assessment == nil ? "<td class=\"none\">no assessment</td>"
                    : CompareHTML.cell(rollup.level(column, area: index), change: nil, framework: framework)
            }
            table += "</tr>\n"
        }
        table += "</tbody></table>\n"
        let notes = notes(rollup).map { "<p class=\"note\">\(h($0))</p>\n" }.joined()
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Roll-up: \(h(rollup.system.name))</title><style>\(HTMLExport.style)\(CompareHTML.heatStyle(stages: framework.stages.count))</style></head>
            <body><main>
            <h1>Roll-up: \(h(rollup.system.name))</h1>
            <dl class="facts"><dt>Framework</dt><dd>\(h(framework.title)) \(h(framework.version))</dd>
            <dt>Source</dt><dd>\(h(framework.source.citation))</dd>
            <dt>Credit</dt><dd>\(h(framework.attribution.text))</dd>
            <dt>Shown</dt><dd>\(h(yearWords(rollup)))</dd></dl>
            \(table)<p class="legend">* provisional; — not in the assessment's framework version</p>
            \(notes)</main></body>
            </html>

            """
    }
}

/// A system's roll-up as JSON (`"kind": "maturity-rollup"`, `"schemaVersion": 1`); absent values are `null`.
public struct RollupJSON: Codable, Sendable, Equatable {
    /// One column: the whole system (`place` null) or a place, and its assessment.
    public struct ColumnLine: Codable, Sendable, Equatable {
        /// The place; null for the whole system.
        @NullWhenAbsent public var place: String?
        /// The assessment's date; null when the place has none in the year.
        @NullWhenAbsent public var date: String?
        /// Its file name; null likewise.
        @NullWhenAbsent public var file: String?
        /// The framework version it was answered against; null likewise.
        @NullWhenAbsent public var frameworkVersion: String?
    }

    /// One area's stage in one column.
    public struct StageLine: Codable, Sendable, Equatable {
        /// The place; null for the whole system.
        @NullWhenAbsent public var place: String?
        /// The stage's id; null when not assessed or not in its framework version.
        @NullWhenAbsent public var stage: String?
        /// The stage's title; null likewise.
        @NullWhenAbsent public var stageTitle: String?
        /// Whether provisional; null likewise.
        @NullWhenAbsent public var provisional: Bool?
    }

    /// One area across the columns.
    public struct AreaLine: Codable, Sendable, Equatable {
        /// The area's id.
        public var id: String
        /// Its title.
        public var title: String
        /// One per column, in the columns' order.
        public var stages: [StageLine]
    }

    /// Always `maturity-rollup`.
    public var kind = "maturity-rollup"
    /// The shape's version, 1.
    public var schemaVersion = 1
    /// The system's current name.
    public var system: String
    /// Its identity.
    public var systemID: String
    /// The year shown; null when the system has no complete assessment.
    @NullWhenAbsent public var year: Int?
    /// The framework.
    public var framework: SummaryJSON.FrameworkRef
    /// Its credit.
    public var attribution: SummaryJSON.Credit
    /// The whole system first, then each place by name.
    public var columns: [ColumnLine]
    /// Per area, in the framework's order.
    public var areas: [AreaLine]
    /// The files left out for another framework.
    public var leftOut: [String]

    /// The JSON of `rollup`.
    public init(_ rollup: SystemRollup) {
        let framework = rollup.framework
        system = rollup.system.name
        systemID = rollup.system.id
        year = rollup.year
        self.framework = SummaryJSON.FrameworkRef(id: framework.id, version: framework.version, title: framework.title,
                                                  source: framework.source.citation)
        attribution = SummaryJSON.Credit(fromSource: framework.attribution.fromSource, ownWork: framework.attribution.ownWork)
        columns = rollup.columns.map {
            ColumnLine(place: $0.place, date: $0.assessment?.date.description, file: $0.assessment?.file,
                       frameworkVersion: $0.assessment?.framework.version)
        }
        areas = framework.areas.enumerated().map { index, area in
            AreaLine(id: area.id, title: area.title, stages: rollup.columns.map { column in
                let level = rollup.level(column, area: index)
                return StageLine(place: column.place, stage: level.map { StageWords.id($0.level, in: framework) },
                                 stageTitle: level.map { StageWords.title($0.level, in: framework) }, provisional: level?.isProvisional)
            })
        }
        leftOut = rollup.leftOut.map(\.file)
    }
}
