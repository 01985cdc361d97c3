import CellGrid
import MaturityFramework
import MaturityRules
import MaturityModel

/// Keys of an area's overview and of its questions: reading the ladder, answering with one key.
enum StepKeys {
    static let answerOrder: [Answer] = [.yes, .partly, .no, .unsure]

    static func overview(_ key: Key, area: Int, scroll: Int, in state: inout WorkshopState) -> [Reaction] {
        let page = OverviewScreen.page(state)
        var scroll = scroll
        switch key {
        case .enter: return [.move(1)]
        case .down: scroll += 1
        case .up: scroll -= 1
        case .pageDown, .character(" "): scroll += page
        case .pageUp: scroll -= page
        case .home: scroll = 0
        case .character("o"), .character("O"): return DisagreementOrder.toggle(&state)
        default: return []
        }
        state.screen = .overview(area: area, scroll: max(0, min(scroll, OverviewScreen.maximumScroll(state))))
        return []
    }

    /// A letter records the answer and goes on to the next question (← comes back to change it); Enter
    /// records the answer chosen with ↑↓, or confirms an answer carried from last time, and goes on.
    static func question(_ key: Key, area: Int, index: Int, highlight: Answer?, in state: inout WorkshopState) -> [Reaction] {
        let criterion = state.framework.areas[area].criteria[index]
        let areaID = state.framework.areas[area].id
        if key == .pageDown || key == .pageUp, let window = QuestionScreen.lastTimeWindow(state) {
            // PgDn and PgUp move through last time's answer and note when they are folded.
            let page = max(1, window.shown)
            let scroll = max(0, min(window.maximumScroll, window.first + (key == .pageDown ? page : -page)))
            state.screen = .question(area: area, criterion: index, highlight: highlight, lastTimeScroll: scroll)
            return []
        }
        if state.assessment?.isReadOnly == true {
            switch key {
            case .enter: return [.move(1)]
            case .character("e"), .character("E"), .tab:
                // The note can be read, not changed.
                if state.assessment?[area: areaID].notes[criterion.id] != nil { return openNote(criterion, area: area, &state) }
                _ = state.refusesChanges()
                return []
            case .character, .up, .down, .backspace, .delete:
                _ = state.refusesChanges()
                return []
            default: return []
            }
        }
        switch key {
        case let .character(letter):
            guard let answer = answer(for: letter) else {
                if letter == "e" || letter == "E" { return openNote(criterion, area: area, &state) }
                if letter == "v" || letter == "V" { return RoundKeys.open(area: area, index: index, in: &state) }
                if (letter == "o" || letter == "O"), state.agenda != nil { return DisagreementOrder.toggle(&state) }
                return []
            }
            return record(answer, for: criterion, area: area, index: index, &state) + [.move(1)]
        case .tab:
            return openNote(criterion, area: area, &state)
        case .down, .up:
            let position = highlight.flatMap { answerOrder.firstIndex(of: $0) } ?? (key == .down ? -1 : answerOrder.count)
            let next = answerOrder[(position + (key == .down ? 1 : answerOrder.count - 1)) % answerOrder.count]
            state.screen = .question(area: area, criterion: index, highlight: next)
            return []
        case .enter:
            if let highlight, highlight != state.currentAnswer {
                return record(highlight, for: criterion, area: area, index: index, &state) + [.move(1)]
            }
            if state.assessment?[area: areaID].asLastTime.contains(criterion.id) == true {
                // Enter on an answer carried from last time confirms it.
                state.assessment?[area: areaID].asLastTime.remove(criterion.id)
                return [.changed, .move(1)]
            }
            return [.move(1)]
        case .backspace, .delete:
            guard state.currentAnswer != nil else { return [] }
            state.assessment?[area: areaID].answers[criterion.id] = nil
            state.assessment?[area: areaID].asLastTime.remove(criterion.id)
            state.screen = .question(area: area, criterion: index, highlight: nil)
            state.message = .init("Answer cleared.")
            return [.changed]
        default:
            return []
        }
    }

    static func answer(for letter: Character) -> Answer? {
        Answer(letter: letter)
    }

    /// Records `answer` (confirming it, if it was carried from last time) and says so on the next screen.
    private static func record(_ answer: Answer, for criterion: Criterion, area: Int, index: Int,
                               _ state: inout WorkshopState) -> [Reaction] {
        let areaID = state.framework.areas[area].id
        state.assessment?[area: areaID].answers[criterion.id] = answer
        state.assessment?[area: areaID].asLastTime.remove(criterion.id)
        state.screen = .question(area: area, criterion: index, highlight: answer)
        let count = state.framework.areas[area].criteria.count
        state.message = .init("Question \(index + 1) of \(count) recorded: \(answer.label). ← goes back to change it.")
        return [.changed]
    }

    private static func openNote(_ criterion: Criterion, area: Int, _ state: inout WorkshopState) -> [Reaction] {
        let note = state.assessment?[area: state.framework.areas[area].id].notes[criterion.id] ?? ""
        state.overlay = .editor(.note(criterionID: criterion.id, field: TextField(note, singleLine: false, limit: EditorKeys.noteLimit)))
        return []
    }
}
