import CellGrid
import MaturityFramework
import MaturityRules
import MaturityModel

/// Every area against every stage, the placement marked, and every question to jump to.
enum SummaryScreen {
    /// A row of the list under the board: an area, or one of its questions.
    struct Row: Equatable {
        var area: Int
        var criterion: Int?
    }

    static func rows(_ framework: Framework) -> [Row] {
        framework.areas.enumerated().flatMap { index, area in
            [Row(area: index, criterion: nil)] + area.criteria.indices.map { Row(area: index, criterion: $0) }
        }
    }

    static func draw(_ state: WorkshopState, into body: inout BodyWriter) {
        let framework = state.framework
        let answers = state.assessment?.answers ?? [:]
        let placements = PlacementRules.placeAll(in: framework, answers: answers)
        body.line()
        if let context = ageContext(state) { body.paragraph(context, style: .dim) }
        drawBoard(state, placements: placements, answers: answers, into: &body)
        let splits = splitQuestions(state)
        body.paragraph(BoardMark.legend(separator: "  ") + "  * provisional  "
                       + "Open: questions not answered" + (splits.isEmpty ? "" : "  " + Spread.splitRule), style: .dim)
        body.line()
        let list = rows(framework)
        let visible = max(1, body.remainingRows)
        let first = max(0, min(state.selection - visible / 2, list.count - visible))
        var writer = BodyWriter(grid: body.grid, top: body.top + body.row, bottom: body.bottom, scroll: first, width: body.width)
        for (number, row) in list.enumerated() {
            let selected = number == state.selection
            let area = framework.areas[row.area]
            let text: String
            if let index = row.criterion {
                let criterion = area.criteria[index]
                let answer = answers[criterion.id].map(\.label) ?? "—"
                let mark = splits.isEmpty ? "" : TextFit.pad(splits.contains(criterion.id) ? "split" : "", to: 6, gap: 1)
                text = "  " + TextFit.pad("\(index + 1).", to: 4, gap: 1) + TextFit.pad(answer, to: 15, gap: 1) + mark + criterion.text
            } else {
                text = "\(area.title)"
            }
            writer.line((selected ? "▸ " : "  ") + text, style: selected ? .selected : (row.criterion == nil ? .title : .plain))
        }
        body.grid = writer.grid
    }

    /// The system's age and the framework's typical stage for it, once for the board: "Established
    /// 2022-07-01: a system of 4 years; typical stage: established (a guide, not a deadline)." Nil when the
    /// established date is unknown or the framework gives its stages no ages.
    static func ageContext(_ state: WorkshopState) -> String? {
        guard let assessment = state.assessment, let established = assessment.established,
              let typical = assessment.typicalStage(in: state.framework) else { return nil }
        return "Established \(established): a system of \(typical.ageText); typical stage: "
            + "\(typical.stage.title.lowercased()) (a guide, not a deadline)."
    }

    /// How `area` stands against its target, nil without one.
    private static func status(of area: Area, _ state: WorkshopState, earlier: [Assessment]) -> TargetStatus? {
        state.assessment?.targetStatus(of: area, in: state.framework, earlier: earlier)
    }

    /// The criteria whose views were split (see ``Spread/isSplit``).
    static func splitQuestions(_ state: WorkshopState) -> Set<String> {
        guard let assessment = state.assessment else { return [] }
        var found: Set<String> = []
        for area in state.framework.areas {
            for (criterion, views) in assessment[area: area.id].views where views.spread.isSplit { found.insert(criterion) }
        }
        return found
    }

    private static func drawBoard(_ state: WorkshopState, placements: [Placement], answers: [String: Answer],
                                  into body: inout BodyWriter) {
        let framework = state.framework
        let earlier = state.assessment.map { _ in state.earlierAssessments } ?? []
        let areaWidth = min(16, max(8, framework.areas.map { TextWidth.of($0.shortTitle) }.max() ?? 8) + 2)
        let countWidth = 5
        let placedWidth = 20
        let stageWidth = max(5, (body.width - areaWidth - placedWidth - countWidth) / max(1, framework.stages.count))
        var header = TextFit.pad("Area", to: areaWidth, gap: 1)
        for stage in framework.stages { header += TextFit.pad(stage.title, to: stageWidth, gap: 1) }
        header += TextFit.pad("Placed at", to: placedWidth, gap: 1) + "Open"
        body.line(header, style: .title)
        for (area, placement) in zip(framework.areas, placements) {
            var line = TextFit.pad(area.shortTitle, to: areaWidth, gap: 1)
            for level in placement.stages.indices {
                line += TextFit.pad(BoardMark(level: level, in: placement).symbolAndWord, to: stageWidth, gap: 1)
            }
            let open = area.criteria.filter { answers[$0.id] == nil }.count
            line += TextFit.pad(placement.stageTitle + (placement.isProvisional ? "*" : ""), to: placedWidth, gap: 1) + "\(open)"
            body.line(line)
            if let index = framework.areas.firstIndex(where: { $0.id == area.id }),
               let target = state.targetSentence(area: index, earlier: earlier) {
                body.line("  " + target, style: status(of: area, state, earlier: earlier) == .behind ? .warning : .dim)
            }
        }
        // The consensus per area (the share of views that matched the agreed answers), once there are views.
        let consensus = framework.areas.compactMap { area in
            state.assessment?[area: area.id].consensus.map { "\(area.shortTitle) consensus \(ViewsText.percent($0))" }
        }
        if !consensus.isEmpty {
            body.paragraph(consensus.joined(separator: " · ") + " (views that matched the agreed answer)", style: .accent)
        }
    }
}
