import CellGrid
import MaturityFramework
import MaturityRules
import MaturityStore

/// Draws the start screen.
enum StartRender {
    static func draw(_ state: WorkshopState, into body: inout BodyWriter) -> (row: Int, column: Int)? {
        guard let form = state.start else { return nil }
        var cursor: (row: Int, column: Int)?
        body.line()
        body.line("A new assessment", style: .title)
        body.paragraph("Framework: \(state.framework.title) \(state.framework.version)")
        body.line()
        let labelWidth = 15
        let fieldWidth = max(10, min(44, body.width - labelWidth - 16))
        func field(_ label: String, _ value: TextField, _ which: StartForm.Field, note: String = "") {
            let focused = form.focus == which
            body.line((focused ? "▸ " : "  ") + label, style: focused ? .title : .plain)
            if let row = body.lastVisibleRow {
                let position = InputField.draw(value, row: row, column: Layout.margin + labelWidth, width: fieldWidth, into: &body.grid)
                if focused { cursor = position }
                if !note.isEmpty {
                    body.grid.put(note, row: row, column: Layout.margin + labelWidth + fieldWidth + 1, style: .dim)
                }
            }
        }
        field("System", form.system, .system)
        field("Date", form.date, .date, note: "YYYY-MM-DD")
        field("Participants", form.participants, .participants, note: "commas between")
        if state.frameworks.count > 1 {
            let focused = form.focus == .framework
            body.line((focused ? "▸ " : "  ") + "Framework", style: focused ? .title : .plain)
            if let row = body.lastVisibleRow {
                let title = "‹ \(state.frameworks[form.frameworkIndex].title) ›"
                body.grid.put(title, row: row, column: Layout.margin + labelWidth, style: focused ? .selected : .plain,
                              limit: body.width - labelWidth)
            }
        }
        body.line()
        let startFocused = form.focus == .start
        body.line((startFocused ? "▸ " : "  ") + "[ Start the workshop ]", style: startFocused ? .selected : .title)
        if let problem = form.problem {
            body.line()
            body.paragraph(problem, style: .warning)
        }
        if let offer = form.carryOffer {
            let earlier = state.archive[offer].assessment
            body.line()
            body.paragraph("\(earlier.system) has a complete assessment of \(earlier.date). Start from it? Its answers are "
                           + "filled in and marked \"as last time\" until the board confirms or changes each one, and its "
                           + "actions are listed for review.", style: .accent)
            body.line("y or Enter: start from it    n: start empty    Esc: back to the form", style: .title)
            return nil
        }
        guard !state.drafts.isEmpty else { return cursor }
        body.line()
        body.line("Or resume a draft:", style: .title)
        let visible = max(1, body.remainingRows)
        let first = max(0, min(form.draftIndex - visible + 1, state.drafts.count - visible))
        for index in first..<min(state.drafts.count, first + visible) {
            let draft = state.drafts[index]
            let unconfirmed = draft.assessment.unconfirmedCriteria(in: draft.framework).count
            let total = draft.framework.allCriteria.count
            let answered = draft.framework.allCriteria.filter { draft.assessment.answers[$0.id] != nil }.count - unconfirmed
            let carried = unconfirmed > 0 ? ", \(unconfirmed) as last time" : ""
            let selected = form.focus == .draft && index == form.draftIndex
            let name = draft.path.split(separator: "/").last.map(String.init) ?? draft.path
            body.line((selected ? "▸ " : "  ") + "\(draft.assessment.date)  \(draft.assessment.system)  "
                      + "(\(answered) of \(total) answered\(carried))  \(name)", style: selected ? .selected : .plain)
        }
        return cursor
    }
}
