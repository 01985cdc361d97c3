import CellGrid
import MaturityFramework
import MaturityRules
import MaturityModel

/// Draws the start screen.
enum StartRender {
    static func draw(_ state: WorkshopState, into body: inout BodyWriter) -> (row: Int, column: Int)? {
        guard let form = state.start else { return nil }
        var cursor: (row: Int, column: Int)?
        // On a short terminal the blanks above and under the title give way, so that Start stays in view.
        let knownRows = state.systems.systems.isEmpty ? 0 : min(state.systems.systems.count, state.height >= 20 ? 4 : 2)
        let fieldRows = StartScreen.fields(state).filter { $0 != .known && $0 != .draft }.count + knownRows
        let framework = "Framework: \(state.framework.title) \(state.framework.version)"
        let frameworkLines = TextFit.lines(framework, width: body.width).count
        // On a terminal too short for every row, the framework line gives way when the Framework row names it.
        let showsFramework = state.frameworks.count == 1 || body.remainingRows > frameworkLines + fieldRows
        // The note on the name and the first draft, under Start: the blanks above give way for them too.
        let note = form.carryOffer == nil && form.waitingForStore == nil ? identityNote(state, form: form, brief: false) : nil
        let below = (note.map { TextFit.lines($0, width: body.width).count } ?? 0) + (state.drafts.isEmpty ? 0 : 2)
        let wanted = fieldRows + (below == 0 ? 0 : below + 1)
        if body.remainingRows > 1 + frameworkLines + wanted { body.line() }
        body.line("A new assessment", style: .title)
        if showsFramework { body.paragraph(framework) }
        if body.remainingRows > wanted { body.line() }
        let labelWidth = 15
        let fieldWidth = max(10, min(44, body.width - labelWidth - 16))
        func field(_ label: String, _ value: TextField, _ which: StartForm.Field, note: String = "") {
            let focused = form.focus == which
            body.line((focused ? "▸ " : "  ") + label, style: focused ? .title : .plain)
            if let row = body.lastVisibleRow {
                let position = InputField.draw(value, row: row, column: Layout.margin + labelWidth, width: fieldWidth,
                                               focused: focused, into: &body.grid)
                if focused { cursor = position }
                if !note.isEmpty {
                    body.grid.put(note, row: row, column: Layout.margin + labelWidth + fieldWidth + 1, style: .dim)
                }
            }
        }
        field("System", form.system, .system)
        knownSystems(state, form: form, labelWidth: labelWidth, into: &body)
        field("Place", form.place, .place, note: "optional")
        field("Date", form.date, .date, note: "YYYY-MM-DD")
        let carried = !form.establishedEdited && StartScreen.carriedEstablished(state, form: form) != nil
        let established = form.establishedEdited ? form.established : TextField(StartScreen.establishedText(state, form: form), limit: 10)
        field("Established", established, .established, note: carried ? "as last time" : "optional")
        field("Participants", form.participants, .participants, note: "commas between")
        let anonymousFocused = form.focus == .anonymous
        body.line((anonymousFocused ? "▸ " : "  ") + "Anonymous", style: anonymousFocused ? .title : .plain)
        if let row = body.lastVisibleRow {
            let text = (form.anonymous ? "[x] views kept without names" : "[ ] views kept with names") + (anonymousFocused ? "  (Space)" : "")
            body.grid.put(text, row: row, column: Layout.margin + labelWidth, style: anonymousFocused ? .selected : .plain,
                          limit: body.width - labelWidth)
        }
        if state.frameworks.count > 1 {
            let focused = form.focus == .framework
            body.line((focused ? "▸ " : "  ") + "Framework", style: focused ? .title : .plain)
            if let row = body.lastVisibleRow {
                let title = "‹ \(StartScreen.frameworkName(state, at: form.frameworkIndex)) ›"
                body.grid.put(title, row: row, column: Layout.margin + labelWidth, style: focused ? .selected : .plain,
                              limit: body.width - labelWidth)
            }
        }
        // On a short terminal the blank before Start gives way, so that Start stays in view, and so that the
        // note on the name and the first draft fit under it.
        if body.remainingRows > 1 + (below == 0 ? 0 : below + 1) { body.line() }
        let startFocused = form.focus == .start
        body.line((startFocused ? "▸ " : "  ") + "[ Start the workshop ]", style: startFocused ? .selected : .title)
        if let problem = form.problem {
            body.line()
            body.paragraph(problem, style: .warning)
        }
        if form.waitingForStore != nil {
            body.line()
            body.paragraph("Starting as soon as the store is read (it says which drafts and earlier assessments the "
                           + "system has). Esc: back to the form.", style: .accent)
            return nil
        }
        if form.carryOffer == nil, let note = identityNote(state, form: form, brief: false) {
            body.line()
            body.paragraph(note, style: .accent)
        }
        if let offer = form.carryOffer, let earlier = state.storeIndex?.entries[safe: offer] {
            let name = state.systems.system(id: state.systems.identity(of: earlier.member))?.name ?? earlier.system
            let note = identityNote(state, form: form, brief: true)
            body.line()
            body.paragraph((note.map { $0 + " It" } ?? name) + " has a complete assessment of \(earlier.date). Start from it? Its answers are "
                           + "filled in and marked \"as last time\" until the board confirms or changes each one, and its "
                           + "actions are listed for review."
                           + CarryAcrossVersions.note(earlier: state.storeIndex?.carryable[earlier.path]?.framework.version ?? state.framework.version,
                                                      now: state.framework.version), style: .accent)
            body.line("y or Enter: start from it    n: start empty    Esc: back to the form", style: .title)
            return nil
        }
        if state.storeIndex == nil {
            // Where the drafts will appear: below the fields, so that they do not move when it is read.
            body.line()
            body.paragraph("Reading the store for drafts to resume and known systems…", style: .dim)
            return cursor
        }
        guard !state.drafts.isEmpty else { return cursor }
        // When rows are short the blank above the drafts gives way, so that at least one draft shows.
        if body.remainingRows > 2 { body.line() }
        body.line("Or resume a draft:", style: .title)
        let visible = max(1, body.remainingRows)
        let first = max(0, min(form.draftIndex - visible + 1, state.drafts.count - visible))
        for index in first..<min(state.drafts.count, first + visible) {
            let draft = state.drafts[index]
            let total = (state.storeIndex?.packing(draft) ?? state.storeIndex?.framework(id: draft.frameworkID))?.allCriteria.count ?? 0
            let carried = draft.unconfirmed > 0 ? ", \(draft.unconfirmed) as last time" : ""
            let selected = form.focus == .draft && index == form.draftIndex
            body.line((selected ? "▸ " : "  ") + "\(draft.date)  \(draft.system)\(draft.member.place.map { " · " + $0 } ?? "")  "
                      + "(\(draft.answered) of \(total) answered\(carried))  \(draft.name)", style: selected ? .selected : .plain)
        }
        return cursor
    }

    /// The known systems, under the system field: a list to pick from, the selected one marked when focused.
    private static func knownSystems(_ state: WorkshopState, form: StartForm, labelWidth: Int, into body: inout BodyWriter) {
        let systems = state.systems.systems
        guard !systems.isEmpty else { return }
        let focused = form.focus == .known
        let visible = min(systems.count, state.height >= 20 ? 4 : 2)
        let first = max(0, min(form.knownIndex - visible + 1, systems.count - visible))
        for index in first..<(first + visible) {
            let label = index == first ? (focused ? "▸ " : "  ") + "Known" : ""
            body.line(label, style: focused ? .title : .plain)
            guard let row = body.lastVisibleRow else { continue }
            let system = systems[index]
            if focused, index == form.knownIndex {
                body.grid.put("▸", row: row, column: Layout.margin + labelWidth - 2, style: .title)
            }
            var text = "\(system.name) · \(system.latestDate)"
            if index == first + visible - 1, first + visible < systems.count { text += "  (↓ \(systems.count - first - visible) more)" }
            body.grid.put(text, row: row, column: Layout.margin + labelWidth,
                          style: focused && index == form.knownIndex ? .selected : .plain, limit: body.width - labelWidth)
        }
    }

    /// What the name in the form means, when it is not plain: a known system under another spelling
    /// (whose name is kept), or a rename under way.
    /// `brief` leaves out the how-to, for the carry-forward offer.
    static func identityNote(_ state: WorkshopState, form: StartForm, brief: Bool) -> String? {
        let typed = form.system.text.trimmingSpaces()
        if let id = form.renaming, let known = state.systems.system(id: id) {
            if typed == known.name { return nil }
            return brief ? "\(known.name) is renamed \(typed), and the rename is recorded."
                : "Renaming \(known.name): the name above becomes its new name, and the rename is recorded in this "
                    + "assessment. Esc cancels the rename."
        }
        guard !typed.isEmpty, let known = state.systems.match(typed), known.name != typed else { return nil }
        if brief { return "\u{201C}\(typed)\u{201D} is the known system \(known.name), whose name is kept." }
        return "\u{201C}\(typed)\u{201D} is the known system \(known.name), last assessed \(known.latestDate): the assessment "
            + "keeps that name. To rename the system, choose it under Known and press r."
    }
}
