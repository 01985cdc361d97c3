import CellGrid
import MaturityFramework
import MaturityRules
import MaturityModel

/// A round of views in the question's place: whose turn it is, then the spread for the board to agree
/// on, then the dissents. While views are gathered, earlier views are not listed (a later member is not
/// swayed by the screen); only the last one is repeated, so that a wrong key can be seen and corrected.
enum RoundRender {
    static func draw(_ state: WorkshopState, _ round: RoundState, area areaIndex: Int, index: Int,
                     into body: inout BodyWriter) -> (row: Int, column: Int)? {
        let area = state.framework.areas[areaIndex]
        let criterion = area.criteria[index]
        let stage = state.framework.stage(id: criterion.stageID)?.title ?? criterion.stageID
        // On a short terminal the question closes up to one line, so that the round's prompts stay in view.
        let compact = body.remainingRows < 18
        if compact {
            body.line(TextFit.truncate(criterion.text, to: body.width), style: .title)
        } else {
            body.line()
            body.line(TextFit.truncate("\(stage) · \(area.title)", to: body.width), style: .dim)
            body.paragraph(criterion.text, style: .title)
            body.line()
        }
        let views = round.round
        let count = views.participants.count
        switch views.phase {
        case let .gathering(turn):
            body.line("Round of views · turn \(turn + 1) of \(count)", style: .accent)
            body.line(TextFit.truncate("\(views.askedNow ?? ""), your view:", to: body.width), style: .title)
            body.line("  " + choices + "   Space pass", style: .plain)
            body.line()
            let given = views.given.prefix(turn)
            let passes = given.filter { $0 == nil }.count
            body.line("\(given.count - passes) of \(count) views given" + (passes > 0 ? ", \(passes) passed" : ""), style: .dim)
            if turn > 0 {
                let who = views.anonymous ? "Member \(turn) of \(count)" : views.participants[turn - 1]
                let said = views.given[turn - 1].map { "said \($0.label)" } ?? "passed"
                body.paragraph("\(who) \(said). Backspace goes back to change it.", style: .dim)
            }
            return nil
        case .agreeing:
            body.line("Round of views · every member has had a turn", style: .accent)
            spread(views, leaving: compact ? 2 : 3, into: &body)
            if !compact { body.line() }
            body.line(TextFit.truncate("The board agrees:  " + choices, to: body.width), style: .title)
            body.line("Backspace goes back a turn · Esc leaves the round, recording nothing", style: .dim)
            return nil
        case let .dissenting(agreed):
            body.line(TextFit.truncate("Agreed: \(agreed.label)", to: body.width), style: .accent)
            spread(views, leaving: compact ? 4 : 5, into: &body)
            if !compact { body.line() }
            let dissenters = views.dissenters
            let member = round.askedForDissent ?? ""
            let said = round.dissenterView.map { " said \($0.label)" } ?? ""
            let prompt = "Dissent \(round.dissenter + 1) of \(dissenters.count) · \(member)\(said). Their dissent, one line:"
            if compact {
                body.line(TextFit.truncate(prompt, to: body.width), style: .title)
            } else {
                body.paragraph(prompt, style: .title)
            }
            var cursor: (row: Int, column: Int)?
            body.line()
            if let row = body.lastVisibleRow {
                cursor = InputField.draw(round.dissent, row: row, column: Layout.margin + 2, width: max(4, body.width - 2),
                                         into: &body.grid)
            }
            body.line("Enter records it · Enter on an empty line skips · Esc skips the rest", style: .dim)
            return cursor
        }
    }

    /// "y Yes, in place   p Partly   n No   u Not sure".
    private static var choices: String {
        Answer.allCases.map { "\($0.letter) \($0.label)" }.joined(separator: "   ")
    }

    /// The spread line (marked "split" when it is), then who said what unless the round is anonymous,
    /// folded so that `reserve` rows stay for what follows (the prompt to agree, or the dissent).
    private static func spread(_ round: ViewsRound, leaving reserve: Int, into body: inout BodyWriter) {
        let spread = round.views.spread
        let passed = round.participants.indices.filter { round.given[$0] == nil }
        var line = spread.line
        if !passed.isEmpty { line += " · \(passed.count) passed" }
        if spread.isSplit { line += " · split" }
        body.paragraph(line, style: .title)
        guard !round.anonymous else { return }
        let rows = ViewsText.whoSaidRows(round.views.named, passed: passed.map { round.participants[$0] },
                                         participants: round.participants, width: body.width)
        let room = max(1, body.remainingRows - reserve)
        for (offset, row) in rows.enumerated() {
            if offset == room - 1, rows.count > room {
                body.line("… \(rows.count - offset) more lines of names (a larger terminal shows them)", style: .dim, indent: 2)
                return
            }
            body.line(row.text, indent: row.indent)
        }
    }
}
