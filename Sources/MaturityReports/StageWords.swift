import CellGrid
import MaturityFramework
import MaturityModel
import MaturityRules

/// The words `compare` and the roll-up use for a stage, in every format.
enum StageWords {
    /// The stage's title at `level`, e.g. "Established" or "Not yet emerging".
    static func title(_ level: Int, in framework: Framework) -> String {
        PlacementRules.stageTitle(atLevel: level, in: framework)
    }

    /// The stage's id at `level`, e.g. `established` or `not-yet-emerging`.
    static func id(_ level: Int, in framework: Framework) -> String {
        framework.stages.indices.contains(level - 1) ? framework.stages[level - 1].id : framework.belowFirstStageID
    }

    /// The short word for a cell of 80 columns: the stage's title, "Not yet" below the first stage,
    /// with `*` when provisional.
    static func short(_ level: AreaLevel, in framework: Framework) -> String {
        (level.level == 0 ? "Not yet" : title(level.level, in: framework)) + (level.isProvisional ? "*" : "")
    }

    /// The word in a distribution: the stage's title in lower case, "not yet" below the first stage.
    static func counted(_ level: Int, in framework: Framework) -> String {
        level == 0 ? "not yet" : title(level, in: framework).lowercased()
    }

    /// "Economy: 12 emerging, 20 established, 3 expanding, 7 not yet" (and ", 2 not compared").
    static func distribution(_ counts: AreaDistribution, in framework: Framework) -> String {
        let order = Array(1..<counts.counts.count) + [0]
        var parts = order.map { "\(counts.counts[$0]) \(counted($0, in: framework))" }
        if counts.notCompared > 0 { parts.append("\(counts.notCompared) not compared") }
        return parts.joined(separator: ", ")
    }

    /// "5 up, 2 down, 30 same, 5 new" for the changes of one area.
    static func movement(_ changes: [YearChange?]) -> String {
        YearChange.allCases.map { change in "\(changes.filter { $0 == change }.count) \(change.rawValue)" }
            .joined(separator: ", ")
    }

    /// The legend of the cells.
    static let legend = "* provisional; since the year before: ↑ up, ↓ down, = same, new (no complete assessment that year); — not compared"

    /// The sentences on framework versions other than the one compared on.
    static func versionNotes(_ matrix: SystemsMatrix) -> [String] {
        matrix.otherVersions.map { other in
            "Answered against version \(other.version) of the framework (compared on \(matrix.framework.version)): "
                + (other.missingAreas.isEmpty ? "every area matched."
                   : "— marks the areas that version does not have (\(other.missingAreas.joined(separator: "; "))).")
        }
    }

    /// One sentence per system left out.
    static func leftOutNotes(_ matrix: SystemsMatrix) -> [String] {
        matrix.leftOut.map { left in
            if let other = left.otherFramework {
                return "Left out: \(left.system.name): its assessment (\(left.file ?? "")) was answered against another framework, \(other.id) \(other.version)."
            }
            let when = matrix.year.map { "in \($0)" } ?? "yet"
            return "Left out: \(left.system.name): no complete, system-level assessment \(when)."
        }
    }

    /// The lines of a text table for 80 columns: a heading row (`first`, "Date", then `headings`), then
    /// for each row its name (made inert, cut at 20 columns), its date and its cells, each column as wide
    /// as its widest cell plus two spaces.
    static func textTable(first: String, headings: [String], rows: [(name: String, date: String, cells: [String])]) -> [String] {
        let names = rows.map { TextFit.truncate(TerminalText.inert($0.name), to: 20) }
        let nameWidth = max(6, names.map { TextWidth.of($0) }.max() ?? 6) + 2
        let widths = headings.indices.map { index in
            max(TextWidth.of(headings[index]), rows.map { TextWidth.of($0.cells[index]) }.max() ?? 0) + 2
        }
        func line(_ name: String, _ date: String, _ cells: [String]) -> String {
            (TextFit.pad(name, to: nameWidth) + TextFit.pad(date, to: 12) + zip(cells, widths).map { TextFit.pad($0, to: $1) }.joined())
                .trimmingSpaces()
        }
        return [line(first, "Date", headings)] + zip(names, rows).map { line($0, $1.date, $1.cells) }
    }

    /// Text `lines` ending in a newline, each line of prose longer than 80 columns wrapped (the lines in
    /// `table` are left whole); a wrapped line's continuation is indented as the line is, plus two spaces.
    static func wrappedProse(_ lines: [String], table: Range<Int>) -> String {
        lines.enumerated().flatMap { index, line -> [String] in
            guard !table.contains(index), TextWidth.of(line) > 80 else { return [line] }
            let indent = String(line.prefix { $0 == " " })
            return TextFit.paragraph(String(line.dropFirst(indent.count)), width: 80, first: indent, rest: indent + "  ",
                                     splittingLongWords: false)
        }.joined(separator: "\n") + "\n"
    }

    /// "2026" or "the latest complete assessment of each system".
    static func scope(_ year: Int?) -> String {
        year.map { "latest complete assessment of each system in \($0)" } ?? "latest complete assessment of each system"
    }
}
