import CellGrid
import MaturityFramework
import MaturityRules
import MaturityModel

/// One criterion as a question: its stage, the answers to choose from, last time's answer and note,
/// and this time's note. This time's answer and note always stay in view: last time's note gives way,
/// folded to the rows left and scrolled with PgDn and PgUp.
enum QuestionScreen {
    /// How last time's answer and note fit: its lines, the first one shown, and how many are shown.
    struct LastTimeWindow: Equatable {
        var lines: [String]
        var first: Int
        var shown: Int
        /// The furthest PgDn can take it.
        var maximumScroll: Int { max(0, lines.count - shown) }
    }

    @discardableResult
    static func draw(_ state: WorkshopState, area areaIndex: Int, index: Int, into body: inout BodyWriter) -> LastTimeWindow? {
        let area = state.framework.areas[areaIndex]
        let criterion = area.criteria[index]
        let stage = state.framework.stage(id: criterion.stageID)
        let atStage = area.criteria(atStage: criterion.stageID)
        let position = (atStage.firstIndex(of: criterion) ?? 0) + 1
        let record = state.assessment?[area: area.id]
        let current = record?.answers[criterion.id]
        body.line()
        body.paragraph(area.title, style: .dim)
        let order = DisagreementOrder.position(state).map { " · \($0)" } ?? ""
        body.line("\(stage?.title ?? criterion.stageID) · question \(position) of \(atStage.count) at this stage\(order)", style: .accent)
        body.line()
        body.paragraph(criterion.text, style: .title)
        body.line()
        let asLastTime = record?.asLastTime.contains(criterion.id) == true
        for answer in StepKeys.answerOrder {
            let highlighted = state.highlight == answer
            let mark = current == answer ? "(●)" : "( )"
            var text = "\(highlighted ? "▸" : " ") \(mark) \(answer.letter)  \(answer.label)"
            if current == answer, asLastTime { text += "   as last time: Enter confirms, a letter changes it" }
            body.line(text, style: highlighted ? .selected : (current == answer ? .title : .plain))
        }
        let note = record?.notes[criterion.id]
        let noteLines = note.map { TextFit.lines($0, width: max(1, body.width - 2)) } ?? []
        if let views = state.assessment?.views(on: criterion.id, in: area.id) {
            drawViews(views, agreed: current, state: state, leaving: 2 + min(2, noteLines.count), into: &body)
        }
        var lastLines: [String] = []
        if let last = state.assessment?.lastTime {
            let answer = last.answers[criterion.id].map(\.label)
                ?? CarryAcrossVersions.unanswered(criterion.id, earlier: state.lastTimeFramework, now: state.framework)
            let lastNote = last.notes[criterion.id].map { " — note: \($0)" } ?? ""
            let wording = CarryAcrossVersions.earlierWording(of: criterion, earlier: state.lastTimeFramework, now: state.framework)
            lastLines = TextFit.lines("Last time (\(last.date)): \(answer)\(wording)\(lastNote)", width: body.width)
        }
        // Rows for this time's note (a blank, the heading, its lines) come first; last time's block (a
        // blank and its lines) keeps at least a blank, one line and the marker.
        let room = body.remainingRows
        let noteWanted = 2 + noteLines.count
        let lastWanted = lastLines.isEmpty ? 0 : 1 + lastLines.count
        let lastRows = lastWanted + noteWanted <= room ? lastWanted : min(lastWanted, max(3, room - noteWanted))
        var window: LastTimeWindow?
        if !lastLines.isEmpty {
            let rows = max(1, lastRows - 1)
            let shown = lastLines.count <= rows ? lastLines.count : max(1, rows - 1)
            let first = max(0, min(state.scroll, lastLines.count - shown))
            window = LastTimeWindow(lines: lastLines, first: first, shown: shown)
            body.line()
            for line in lastLines.dropFirst(first).prefix(shown) { body.line(line, style: .dim) }
            if let marker = marker(first: first, shown: shown, count: lastLines.count) { body.line(marker, style: .dim, indent: 2) }
        }
        body.line()
        body.line(note == nil ? "Note: none (e to add one)" : "Note (e to edit):", style: .dim)
        let noteRoom = body.remainingRows
        for (offset, line) in noteLines.prefix(noteRoom).enumerated() {
            let isLastShown = offset == noteRoom - 1 && noteLines.count > noteRoom
            body.line(isLastShown ? "… (\(noteLines.count - offset) more lines: e to read and edit)" : line,
                      style: isLastShown ? .dim : .plain, indent: 2)
        }
        return window
    }

    /// The members' views: the spread ("split" when it is; "not yet agreed" before the board agrees), who
    /// said what unless the workshop is anonymous, and the dissents, one line each. The block leaves
    /// `reserve` rows for the note below it; what does not fit is counted ("… 2 more dissents").
    private static func drawViews(_ views: CriterionViews, agreed: Answer?, state: WorkshopState, leaving reserve: Int,
                                  into body: inout BodyWriter) {
        let spread = views.spread
        var rows: [(text: String, indent: Int, style: Style)] = []
        if spread.total > 0 {
            var line = "Views: " + spread.line
            if spread.isSplit { line += " · split" }
            if agreed == nil { line += " · not yet agreed" }
            rows.append((line, 0, .accent))
            let named = ViewsText.whoSaidRows(views.named, participants: state.assessment?.participants ?? [], width: body.width)
            rows += named.map { ($0.text, $0.indent, .plain) }
        }
        rows += views.dissents.map { ("Dissent · " + ViewsText.dissentLine($0), 2, .plain) }
        guard !rows.isEmpty else { return }
        let room = max(2, body.remainingRows - 1 - reserve)
        body.line()
        for (offset, row) in rows.enumerated() {
            if offset == room - 1, rows.count > room {
                let dissents = rows.dropFirst(offset).filter { $0.text.hasPrefix("Dissent") }.count
                let more = dissents == rows.count - offset
                    ? "… \(dissents) more dissent\(dissents == 1 ? "" : "s") (a larger terminal shows them)"
                    : "… \(rows.count - offset) more lines of views (a larger terminal shows them)"
                body.line(more, style: .dim, indent: 2)
                return
            }
            body.line(TextFit.truncate(row.text, to: max(1, body.width - row.indent)), style: row.style, indent: row.indent)
        }
    }

    /// "↓ 4 more lines of last time: PgDn", when last time's answer and note do not fit.
    private static func marker(first: Int, shown: Int, count: Int) -> String? {
        let below = count - first - shown
        guard first > 0 || below > 0 else { return nil }
        if below > 0 {
            return "↓ \(below) more line\(below == 1 ? "" : "s") of last time: PgDn" + (first > 0 ? " · PgUp back" : "")
        }
        return "↑ the start of last time: PgUp"
    }

    /// Last time's block as the question screen of `state` shows it, for PgDn and PgUp; nil when there is none.
    static func lastTimeWindow(_ state: WorkshopState) -> LastTimeWindow? {
        guard case let .question(area, index) = state.step else { return nil }
        var body = BodyWriter(grid: Grid(width: state.width, height: state.height), top: 1,
                              bottom: state.height - 1 - max(1, Renderer.statusLines(state).count), scroll: 0,
                              width: Layout.contentWidth(state))
        return draw(state, area: area, index: index, into: &body)
    }
}
