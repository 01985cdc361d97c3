import CellGrid
import MaturityFramework
import MaturityReports
import MaturityModel

/// The system's history: every area's stage in every assessment, with its movements.
enum HistoryScreen {
    /// Earlier assessments of the system in the archive (the same identity, whatever their names), and this one,
    /// headed by this one's name.
    static func progression(_ state: WorkshopState) -> Progression? {
        guard let assessment = state.assessment else { return nil }
        let id = state.systems.identity(of: assessment, file: state.draftPath ?? "")
        let earlier = state.storeIndex?.history(ofSystem: id, place: assessment.place, framework: state.framework, excluding: state.draftPath) ?? []
        // Each earlier year is placed by the framework version it was answered against, as its board saw it.
        var progression = Progression(entries: earlier + [Progression.Entry(assessment: assessment, file: state.draftPath ?? "~")],
                                      framework: state.framework, system: state.systems.system(id: id),
                                      answeredAgainst: { $0.file == state.draftPath ? nil : state.storeIndex?.packing(path: $0.file) })
        progression.system = assessment.scopeName
        if let rename = assessment.systemRename, !progression.renames.contains(rename) { progression.renames.append(rename) }
        return progression
    }

    static func draw(_ state: WorkshopState, into body: inout BodyWriter) {
        guard let progression = progression(state) else { return }
        body.line()
        body.line("\(progression.system): every assessment, oldest first", style: .title)
        for rename in progression.renames {
            body.paragraph("Renamed from \(rename.from) to \(rename.to) on \(rename.date).", style: .dim)
        }
        if state.storeIndex == nil {
            body.line()
            body.paragraph("Reading the store for the system's earlier assessments…", style: .dim)
            return
        }
        if progression.entries.count < 2 {
            body.line()
            body.paragraph("This is the first assessment of the system in the store; next year's will show the movement here.")
            return
        }
        let shown = Array(progression.entries.indices.suffix(max(1, (body.width - 14) / 20)))
        let areaWidth = 14
        let columnWidth = max(10, (body.width - areaWidth) / shown.count)
        var header = TextFit.pad("Area", to: areaWidth, gap: 1)
        for index in shown { header += TextFit.pad(progression.entries[index].assessment.date.description, to: columnWidth, gap: 1) }
        body.line()
        body.line(header, style: .title)
        for series in progression.areas {
            var line = TextFit.pad(series.area.shortTitle, to: areaWidth, gap: 1)
            for index in shown {
                let point = series.points[index].map { $0.title + ($0.isProvisional ? "*" : "") } ?? "not assessed"
                let arrow = index > 0 ? ["up": "↑ ", "down": "↓ ", "same": "= ", "not-assessed": "  "][series.steps[index - 1].movement.rawValue] ?? ""
                    : "  "
                line += TextFit.pad(arrow + point, to: columnWidth, gap: 1)
            }
            body.line(line)
        }
        body.line()
        body.line("↑ up  ↓ down  = same  * provisional", style: .dim)
        if let last = progression.entries.indices.last, last > 0 {
            body.line()
            body.line("Since \(progression.entries[last - 1].assessment.date):", style: .title)
            for series in progression.areas {
                let step = series.steps[last - 1]
                let met = step.newlyMet.map(\.label)
                let lost = step.newlyLost.map(\.label)
                body.paragraph("\(series.area.shortTitle): newly met: \(met.isEmpty ? "none" : met.joined(separator: "; "))"
                               + (lost.isEmpty ? "" : "; newly lost: \(lost.joined(separator: "; "))")
                               + (step.versionChange == nil ? "" : ".") + ProgressExport.versionSentence(step.versionChange), indent: 2)
            }
        }
    }
}
