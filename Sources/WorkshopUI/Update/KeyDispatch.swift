import CellGrid
import MaturityModel

/// Where a key goes: keys that work everywhere first, then the layer that has the keys (see
/// ``WorkshopState/layer``): a terminal too small, an overlay, or the screen.
enum KeyDispatch {
    static func handle(_ key: Key, in state: inout WorkshopState) -> [Reaction] {
        if key == .resize { return [] }
        if key == .control("z") { return [.effect(.suspend)] }
        if key == .control("c") { return [.quit] }
        if state.layer == .tooSmall { return tooSmall(key, &state) }
        if case let .help(over)? = state.overlay {
            state.overlay = over
            return []
        }
        if key == .help || (key == .character("?") && !typingText(state)) {
            state.overlay = .help(over: state.overlay)
            return []
        }
        // Messages last until the next key, except an unsaved-changes warning.
        if state.message?.isProblem != true || !state.unsaved { state.message = nil }
        if state.overlay != nil, let reactions = answer(key, &state) { return reactions }
        return screen(key, &state)
    }

    /// While the terminal is too small, the screen behind is hidden: only quitting and help work, and
    /// every other key is ignored (the screen says so).
    private static func tooSmall(_ key: Key, _ state: inout WorkshopState) -> [Reaction] {
        switch key {
        case .character("q"), .character("Q"):
            return [.quit]
        case .help, .character("?"):
            if case let .help(over)? = state.overlay {
                state.overlay = over
            } else {
                state.overlay = .help(over: state.overlay)
            }
            return []
        default:
            return []
        }
    }

    /// Whether a `?` typed now is text rather than a request for help.
    private static func typingText(_ state: WorkshopState) -> Bool {
        state.editor != nil || state.round?.askedForDissent != nil || [.system, .date, .established, .participants].contains(state.start?.focus)
    }

    /// The overlay's answer to `key`; nil when the overlay has closed and the key goes on to the screen.
    private static func answer(_ key: Key, _ state: inout WorkshopState) -> [Reaction]? {
        // An editor's text is edited in place: nothing here holds a copy of it.
        if case .editor? = state.overlay { return EditorKeys.handle(key, in: &state) }
        guard let overlay = state.overlay else { return nil }
        switch overlay {
        case let .help(over):
            state.overlay = over
            return []
        case .editor:
            return EditorKeys.handle(key, in: &state)
        case let .statusChoice(choice):
            return ResultKeys.choose(key, choice, in: &state)
        case let .confirmingDelete(action):
            state.overlay = nil
            guard [.character("d"), .character("D"), .delete].contains(key) else { return nil }
            return ResultKeys.delete(action, in: &state)
        case let .confirmingMetricDelete(area, metric):
            state.overlay = nil
            guard [.character("d"), .character("D"), .delete].contains(key) else { return nil }
            return MetricKeys.delete(area: area, metric: metric, in: &state)
        case .confirmingCarried:
            // Any key but y goes back without confirming anything.
            state.overlay = nil
            guard key == .character("y") || key == .character("Y") else { return [] }
            return SummaryKeys.confirmCarried(&state)
        case let .exportOffer(folder):
            state.overlay = nil
            switch key {
            case .character("x"), .character("X"): return [.effect(.exportInto(folder: folder, replacing: true))]
            case .character("n"), .character("N"): return [.effect(.exportInto(folder: folder, replacing: false))]
            default: return nil
            }
        case let .round(round):
            return RoundKeys.handle(key, round, in: &state)
        case .confirmingAnonymous:
            state.overlay = nil
            guard key == .character("y") || key == .character("Y") else {
                state.message = .init("The draft keeps its views as they are (not anonymous).")
                return []
            }
            state.assessment?.makeAnonymous()
            state.message = .init("Anonymous mode is on: views and dissents are kept without names.")
            return [.changed]
        case let .target(form):
            return TargetKeys.handle(key, form, in: &state)
        case let .confirmingQuit(over):
            if key == .character("q") || key == .character("Q") { return [.quit] }
            state.overlay = over
            return over == nil ? nil : answer(key, &state)
        }
    }

    /// Keys for the screen itself, with no overlay open.
    private static func screen(_ key: Key, _ state: inout WorkshopState) -> [Reaction] {
        switch state.screen {
        case let .start(form):
            return StartScreen.handle(key, form: form, in: &state)
        case let .history(selection):
            // Any key (but help) goes back to the summary.
            state.screen = .summary(selection: selection)
            return []
        case .overview, .metrics, .question, .result, .summary:
            break
        }
        let area = state.screen.step?.area
        switch key {
        case .character("q"), .character("Q"): return [.quit]
        case .character("s"), .character("S"): return [.go(.summary)]
        case .character("]"): return [.goToArea((area ?? -1) + 1)]
        case .character("["): return [.goToArea((area ?? state.framework.areas.count) - 1)]
        case .right: return [.move(1)]
        case .left: return [.move(-1)]
        default: break
        }
        switch state.screen {
        case let .overview(area, scroll): return StepKeys.overview(key, area: area, scroll: scroll, in: &state)
        case let .metrics(area, selection): return MetricKeys.handle(key, area: area, selection: selection, in: &state)
        case let .question(area, index, highlight, _): return StepKeys.question(key, area: area, index: index, highlight: highlight, in: &state)
        case let .result(area, selection): return ResultKeys.handle(key, area: area, selection: selection, in: &state)
        case let .summary(selection): return SummaryKeys.handle(key, selection: selection, in: &state)
        case .start, .history: return []
        }
    }
}
