import CellGrid
import MaturityRules
import MaturityModel

/// The keys of each screen: the one-line hint at the bottom and the `?` overlay come from here.
enum KeyHelp {
    struct Entry {
        var keys: String
        var hint: String
        var help: String
    }

    /// The keys of what has the keys now (see ``WorkshopState/layer``).
    static func entries(_ state: WorkshopState) -> [Entry] { entries(state, for: state.layer) }

    /// The keys of `layer`.
    static func entries(_ state: WorkshopState, for layer: Layer) -> [Entry] {
        switch layer {
        case .tooSmall:
            return [
                Entry(keys: "q Ctrl-C", hint: "quit", help: "quit (all is saved)"),
                Entry(keys: "? F1", hint: "help", help: "open / close help"),
                Entry(keys: "other keys", hint: "wait", help: "wait for more room"),
            ]
        case let .overlay(overlay): return entries(state, overlay: overlay)
        case let .screen(screen): return entries(state, screen: screen)
        }
    }

    /// What lies beneath the help overlay: its keys are the ones the overlay lists.
    static func beneathHelp(_ state: WorkshopState) -> Layer {
        guard state.layer != .tooSmall, case let .help(over)? = state.overlay else { return state.layer }
        return over.map(Layer.overlay) ?? .screen(state.screen)
    }

    private static func entries(_ state: WorkshopState, overlay: Overlay) -> [Entry] {
        switch overlay {
        case .help:
            return [Entry(keys: "any key", hint: "close help", help: "close this help")]
        case .editor(.note):
            return [
                Entry(keys: "Esc", hint: "done", help: "finish the note (it is already saved)"),
                Entry(keys: "Enter", hint: "new line", help: "start a new line"),
                Entry(keys: "arrows Home End", hint: "move", help: "move the cursor"),
                Entry(keys: "Ctrl-U Ctrl-K", hint: "cut line", help: "delete to the start / the end of the line"),
                Entry(keys: "F1", hint: "help", help: "this help"),
            ] + common(quit: false)
        case .editor(.action):
            return [
                Entry(keys: "Tab Enter", hint: "next field", help: "next field (Enter on Status closes the form)"),
                Entry(keys: "Shift-Tab ↑", hint: "back", help: "previous field"),
                Entry(keys: "← → Space", hint: "status", help: "change the status"),
                Entry(keys: "Esc", hint: "done", help: "close the form (it is already saved)"),
                Entry(keys: "F1", hint: "help", help: "this help"),
            ] + common(quit: false)
        case .editor(.metric):
            return [
                Entry(keys: "Tab Enter", hint: "next field", help: "next field (Enter on Note saves the reading)"),
                Entry(keys: "Shift-Tab ↑", hint: "back", help: "previous field"),
                Entry(keys: "Esc", hint: "save", help: "save the reading and close (a value that is not a number is refused; "
                      + "Esc again then closes without saving)"),
                Entry(keys: "F1", hint: "help", help: "this help"),
            ] + common(quit: false)
        case .editor(.reopenReason):
            return [
                Entry(keys: "Enter", hint: "reopen", help: "reopen the assessment as a draft, recording the reason"),
                Entry(keys: "Esc", hint: "cancel", help: "keep the assessment complete and read-only"),
                Entry(keys: "F1", hint: "help", help: "this help"),
            ] + common(quit: false)
        case .statusChoice:
            return [
                Entry(keys: "↑↓", hint: "choose", help: "choose how the action stands now"),
                Entry(keys: "Enter", hint: "set", help: "set the chosen status (the review is recorded)"),
                Entry(keys: "1-4", hint: "set at once", help: "set not started (1), in progress (2), done (3) or dropped (4)"),
                Entry(keys: "Esc", hint: "cancel", help: "leave the action as it was (not reviewed, if it was not)"),
                Entry(keys: "?", hint: "help", help: "this help (F1 too)"),
            ] + common(quit: false)
        case .confirmingDelete:
            return [
                Entry(keys: "d", hint: "delete", help: "delete the action"),
                Entry(keys: "other keys", hint: "keep it", help: "keep the action (the key then does what it does)"),
            ] + common(quit: false)
        case .confirmingMetricDelete:
            return [
                Entry(keys: "d", hint: "remove", help: "remove the metric's reading"),
                Entry(keys: "other keys", hint: "keep it", help: "keep the reading (the key then does what it does)"),
            ] + common(quit: false)
        case .confirmingCarried:
            return [
                Entry(keys: "y", hint: "confirm all", help: "confirm every answer still as last time as unchanged (recorded)"),
                Entry(keys: "other keys", hint: "back", help: "confirm nothing, to confirm them one by one"),
            ] + common(quit: false)
        case .exportOffer:
            return [
                Entry(keys: "x", hint: "replace", help: "replace the summary files there"),
                Entry(keys: "n", hint: "new files", help: "write new files beside them (-2, -3, …)"),
                Entry(keys: "other keys", hint: "leave them", help: "write nothing (the key then does what it does)"),
            ] + common(quit: false)
        case let .round(round):
            return roundEntries(round)
        case .confirmingAnonymous:
            return [
                Entry(keys: "y", hint: "anonymous", help: "turn anonymous mode on for this draft (names of views are dropped for good)"),
                Entry(keys: "other keys", hint: "keep names", help: "keep the draft as it is"),
            ] + common(quit: false)
        case .target:
            return [
                Entry(keys: "← → Space", hint: "stage", help: "choose the target stage"),
                Entry(keys: "0-9 Backspace", hint: "year", help: "type the year by which to reach it"),
                Entry(keys: "Enter", hint: "set", help: "set the target (saved at once)"),
                Entry(keys: "x Delete", hint: "no target", help: "remove the area's target"),
                Entry(keys: "Esc", hint: "cancel", help: "leave the target as it was"),
                Entry(keys: "?", hint: "help", help: "this help (F1 too)"),
            ] + common(quit: false)
        case .confirmingQuit:
            return [
                Entry(keys: "q", hint: "quit anyway", help: "quit although the latest changes are not in the store"),
                Entry(keys: "other keys", hint: "stay", help: "stay in the workshop (the key then does what it does)"),
            ] + common(quit: false)
        }
    }

    private static func entries(_ state: WorkshopState, screen: Screen) -> [Entry] {
        let readOnly = state.assessment?.isReadOnly == true
        let move = [Entry(keys: "s", hint: "summary", help: "the summary board")] + common(quit: true)
            + [Entry(keys: "[ ]", hint: "area", help: "previous / next area")]
        switch screen {
        case let .start(form):
            return startEntries(state, form: form)
        case .history:
            return [Entry(keys: "any key", hint: "back to the summary", help: "close the history")]
        case let .overview(area, _):
            let next = state.framework.areas[area].metrics.isEmpty ? "questions" : "metrics"
            let byDisagreement = DisagreementOrder.offered(state) ? [
                Entry(keys: "o", hint: "widest spread first", help: "take the questions with views not yet agreed in order "
                      + "of disagreement, widest spread first, then framework order again"),
            ] : state.agenda != nil ? [Entry(keys: "o", hint: "framework order", help: "stop taking questions by disagreement")] : []
            return [
                Entry(keys: "Enter", hint: next, help: "go to the area's \(next)"),
            ] + byDisagreement + [
                Entry(keys: "← →", hint: "back/next", help: "previous / next step"),
                Entry(keys: "↑↓ PgUp PgDn", hint: "scroll", help: "scroll the stage descriptions"),
            ] + move
        case .metrics where readOnly:
            return [
                Entry(keys: "→", hint: "questions", help: "go on to the area's questions (the assessment is complete and read-only)"),
                Entry(keys: "←", hint: "back", help: "back to the overview"),
                Entry(keys: "↑↓", hint: "choose", help: "choose a metric to read"),
            ] + move
        case let .metrics(area, selection):
            let metrics = state.framework.areas[area].metrics
            let recorded = metrics[safe: selection].flatMap { state.assessment?.reading(of: $0.id) } != nil
            return [
                Entry(keys: "Enter", hint: recorded ? "edit" : "record", help: "record or edit the selected metric's value, "
                      + "period, source and note (e too)"),
                Entry(keys: "→", hint: "questions", help: "go on to the area's questions (nothing here is required)"),
            ] + (recorded ? [Entry(keys: "d", hint: "remove", help: "remove the selected metric's reading (d twice)")] : []) + [
                Entry(keys: "↑↓", hint: "choose", help: "choose a metric"),
                Entry(keys: "←", hint: "back", help: "back to the overview"),
            ] + move
        case .question where readOnly:
            return [
                Entry(keys: "Enter", hint: "next", help: "go on (the assessment is complete and read-only)"),
                Entry(keys: "← →", hint: "back/next", help: "previous / next question"),
            ] + move
        case let .question(area, index, _, _):
            let criterionID = state.framework.areas[area].criteria[index].id
            let carried = state.assessment?[area: state.framework.areas[area].id].asLastTime.contains(criterionID) == true
            return [
                Entry(keys: Answer.letters, hint: "answer", help: "answer " + Answer.labelChoices + ", and go on"),
                carried ? Entry(keys: "Enter", hint: "confirm", help: "confirm the answer carried from last time, and go on")
                    : Entry(keys: "Enter", hint: "next", help: "go on (recording the answer chosen with ↑↓, if any)"),
                Entry(keys: "v", hint: "views", help: "a round of views: each member's view in turn, then the spread, "
                      + "the agreed answer and any dissent"),
                Entry(keys: "e", hint: "note", help: "write or edit a note or evidence for this question"),
                Entry(keys: "← →", hint: "back/next", help: state.agenda == nil ? "previous / next question (the answer stays)"
                      : "previous / next question in order of disagreement (the answer stays)"),
            ] + move + [
                Entry(keys: "↑↓", hint: "choose", help: "choose an answer with the selection bar"),
                Entry(keys: "Backspace", hint: "clear", help: "clear this question's answer"),
            ]
        case let .result(area, selection):
            let last = area == state.framework.areas.count - 1
            let onward = last ? Entry(keys: "Enter", hint: "summary", help: "go on to the summary board (→ too)")
                : Entry(keys: "Enter", hint: "next area", help: "go on to the next area (→ too)")
            if readOnly {
                return [onward, Entry(keys: "←", hint: "back", help: "back to the last question")] + move
            }
            let record = state.assessment?[area: state.framework.areas[area].id]
            let reviewed = record?.reviewedActions.count ?? 0
            let own = record?.actions.count ?? 0
            var entries = [Entry(keys: "a", hint: "add action", help: "add an agreed action (what, owner, due date)")]
            if (reviewed..<reviewed + own).contains(selection) {
                entries.append(Entry(keys: "e d", hint: "edit/delete", help: "edit / delete the selected action"))
            }
            if selection < reviewed {
                entries.append(Entry(keys: "r", hint: "review", help: "choose how the selected action from last time stands now"))
            }
            entries.append(Entry(keys: "t", hint: "target", help: "set or remove the area's target: a stage and a year"))
            entries += [onward, Entry(keys: "←", hint: "back", help: "back to the last question")] + move
            if reviewed + own > 1 { entries.append(Entry(keys: "↑↓", hint: "select", help: "select an action")) }
            return entries
        case .summary:
            return [
                Entry(keys: "↑↓", hint: "choose", help: "choose an area or a question"),
                Entry(keys: "Enter", hint: "go there", help: "go to the chosen area or question"),
                readOnly ? Entry(keys: "c", hint: "reopen", help: "reopen the complete assessment as a draft, saying why (recorded)")
                    : Entry(keys: "c", hint: "complete", help: "mark the assessment complete (it is then read-only)"),
                Entry(keys: "x", hint: "export", help: "export the summary as md, html, csv, json (never into the store)"),
                Entry(keys: "h", hint: "history", help: "the system's history: every area's stage in every assessment"),
                Entry(keys: "←", hint: "back", help: "back to the last area"),
            ] + move
        }
    }

    private static func startEntries(_ state: WorkshopState, form start: StartForm) -> [Entry] {
        if start.carryOffer != nil {
            return [
                Entry(keys: "y Enter", hint: "start from last time", help: "carry last time's answers forward"),
                Entry(keys: "n", hint: "start empty", help: "start with no answers"),
                Entry(keys: "Esc", hint: "back", help: "back to the form"),
            ] + common(quit: false)
        }
        var entries = [
            Entry(keys: "Tab ↓", hint: "next", help: "next field (↓ also moves through the drafts)"),
            Entry(keys: "↑", hint: "back", help: "previous field (Shift-Tab too)"),
            Entry(keys: "Enter", hint: start.focus == .draft ? "resume" : (start.focus == .known ? "pick" : "next/start"),
                  help: "next field; on Start, start the workshop; on a known system, use its name; on a draft, resume it"),
        ]
        if start.focus == .known {
            entries.append(Entry(keys: "r", hint: "rename", help: "rename the known system (recorded in the assessment)"))
        }
        if start.focus == .established {
            entries.append(Entry(keys: "Ctrl-U", hint: "clear", help: "clear the date the system was established (blank: "
                                 + "not known; it is carried forward each year)"))
        }
        if start.focus == .anonymous {
            entries.append(Entry(keys: "Space", hint: "anonymous on/off", help: "views and dissents without names (a draft "
                                 + "resumed with it on asks first)"))
        }
        if state.frameworks.count > 1 { entries.append(Entry(keys: "← →", hint: "framework", help: "choose the framework")) }
        entries.append(start.renaming != nil ? Entry(keys: "Esc", hint: "cancel rename", help: "keep the system's name")
            : Entry(keys: "Esc", hint: "quit", help: "quit without starting"))
        return entries + [Entry(keys: "F1", hint: "help", help: "this help (? too, outside the text fields)")]
            + common(quit: false)
    }

    /// The keys of a round of views, by where it is.
    private static func roundEntries(_ round: RoundState) -> [Entry] {
        switch round.round.phase {
        case .gathering:
            return [
                Entry(keys: Answer.letters, hint: "view", help: "this member's view: " + Answer.labelChoices),
                Entry(keys: "Space Enter", hint: "pass", help: "this member passes (no view)"),
                Entry(keys: "Backspace ←", hint: "back a turn", help: "back to the member before, to change their view"),
                Entry(keys: "Esc", hint: "leave", help: "leave the round; nothing is recorded"),
                Entry(keys: "?", hint: "help", help: "this help (F1 too)"),
            ] + common(quit: false)
        case .agreeing:
            return [
                Entry(keys: Answer.letters, hint: "agree", help: "the answer the board agrees (the one the rules use)"),
                Entry(keys: "Backspace ←", hint: "back a turn", help: "back to the last member, to change their view"),
                Entry(keys: "Esc", hint: "leave", help: "leave the round; nothing is recorded"),
                Entry(keys: "?", hint: "help", help: "this help (F1 too); " + Spread.splitRule),
            ] + common(quit: false)
        case .dissenting:
            return [
                Entry(keys: "Enter", hint: "record", help: "record this member's dissent (one line); on an empty line, skip them"),
                Entry(keys: "Esc", hint: "done", help: "skip the dissents not yet typed (the agreed answer is recorded)"),
                Entry(keys: "F1", hint: "help", help: "this help"),
            ] + common(quit: false)
        }
    }

    private static func common(quit: Bool) -> [Entry] {
        (quit ? [Entry(keys: "?", hint: "help", help: "this help (F1 too)"), Entry(keys: "q", hint: "quit", help: "quit (everything is already saved)")]
              : []) + [Entry(keys: "Ctrl-C", hint: "quit", help: "quit from anywhere (everything is already saved)")]
    }

    /// As many hints as fit in `width`, in order; "? help" is kept when the screen has it.
    static func hintLine(_ state: WorkshopState, width: Int) -> String {
        let entries = entries(state)
        let pieces = entries.filter { $0.keys != "Ctrl-C" || !entries.contains { $0.keys == "q" || $0.keys == "Esc" } }
            .map { "\($0.keys) \($0.hint)" }
        let helpPiece = pieces.first { $0.hasPrefix("? ") || $0.hasPrefix("F1 ") }
        var line = ""
        for piece in pieces where piece != helpPiece {
            let candidate = line.isEmpty ? piece : line + "  " + piece
            let reserve = helpPiece.map { TextWidth.of($0) + 2 } ?? 0
            if TextWidth.of(candidate) + reserve > width { continue }
            line = candidate
        }
        if let helpPiece { line += (line.isEmpty ? "" : "  ") + helpPiece }
        return line
    }
}

/// The `?` overlay: every key of the current screen, each description wrapped under itself; when the
/// screen is too short for all of them, the last row says how many more there are.
enum HelpOverlay {
    static func draw(_ state: WorkshopState, into grid: inout Grid) {
        let entries = KeyHelp.entries(state, for: KeyHelp.beneathHelp(state))
        let keyWidth = min(18, (entries.map { TextWidth.of($0.keys) }.max() ?? 4) + 2)
        let width = min(state.width - 4, 72)
        let helpWidth = width - keyWidth - 4
        guard width >= 24, helpWidth >= 8 else { return }
        let wrapped = entries.map { TextFit.lines($0.help, width: helpWidth) }
        let height = min(state.height - 2, wrapped.map(\.count).reduce(0, +) + 4)
        guard height >= 5 else { return }
        let left = (state.width - width) / 2
        let top = max(1, (state.height - height) / 2)
        OverlayBox.draw(title: " Keys on this screen ", top: top, left: left, width: width, height: height, into: &grid)
        let rows = height - 4
        var row = 0
        for (index, (entry, lines)) in zip(entries, wrapped).enumerated() {
            let fits = row + lines.count <= rows && (index == entries.count - 1 || row + lines.count < rows)
            guard fits else {
                grid.put("… \(entries.count - index) more: a larger terminal shows them", row: top + 1 + row, column: left + 2,
                         style: .dim, limit: width - 4)
                break
            }
            grid.put(entry.keys, row: top + 1 + row, column: left + 2, style: .title, limit: keyWidth)
            for line in lines {
                grid.put(line, row: top + 1 + row, column: left + 2 + keyWidth, limit: helpWidth)
                row += 1
            }
        }
        grid.put(state.layer == .tooSmall ? "? closes this help." : "Press any key to close.", row: top + height - 2,
                 column: left + 2, style: .dim, limit: width - 4)
    }
}
