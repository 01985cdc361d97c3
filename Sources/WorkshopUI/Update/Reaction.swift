import MaturityFramework
import MaturityModel

/// What a key asks of the workshop beyond its own change to the state. Key handlers return these;
/// ``resolve(_:in:)`` alone turns them into moves, saves and effects.
enum Reaction: Equatable {
    /// The assessment changed: save it, with where the board is.
    case changed
    /// Go to this step.
    case go(Step)
    /// Go this many steps on in workshop order (back when negative).
    case move(Int)
    /// Go to this area's overview.
    case goToArea(Int)
    /// End the workshop, after a warning when the store has refused the latest changes.
    case quit
    /// Ask the shell for this effect.
    case effect(WorkshopEffect)

    /// The effects of `reactions`, in order, with one create or save at most.
    static func resolve(_ reactions: [Reaction], in state: inout WorkshopState) -> [WorkshopEffect] {
        var effects: [WorkshopEffect] = []
        for reaction in reactions {
            switch reaction {
            case .changed: effects += persist(&state)
            case let .go(step): effects += go(to: step, in: &state)
            case let .move(offset): effects += move(by: offset, in: &state)
            case let .goToArea(area):
                if state.framework.areas.indices.contains(area) { effects += go(to: .overview(area: area), in: &state) }
            case .quit: effects += quit(&state)
            case let .effect(effect): effects.append(effect)
            }
        }
        return coalesce(effects)
    }

    /// Ends the workshop, or first warns (once) that the latest changes would be lost because the store
    /// refuses them. A change still being written is not a reason to warn: the shell finishes it first.
    private static func quit(_ state: inout WorkshopState) -> [WorkshopEffect] {
        if case .confirmingQuit? = state.overlay { return [.quit] }
        guard state.unsaved, state.storeFailing else { return [.quit] }
        state.overlay = .confirmingQuit(over: state.overlay)
        if let rescueCopy = state.rescueCopy {
            state.message = .init("The store still cannot be written; everything is safe in \(rescueCopy). "
                + "Press q again to quit.", isProblem: true)
        } else {
            state.message = .init("The latest changes are not saved (see above). Press q again to quit anyway.", isProblem: true)
        }
        return []
    }

    /// Shows `step`, remembering it in the assessment so a resumed draft opens there (a complete,
    /// read-only assessment is not written for a move). A move alone is saved later (see
    /// ``WorkshopEffect/savePosition``), and the status bar does not wait for it.
    private static func go(to step: Step, in state: inout WorkshopState) -> [WorkshopEffect] {
        guard state.screen.step != step else { return [] }
        state.show(step)
        guard state.assessment?.isReadOnly == false, let position = state.screen.step?.position(in: state.framework) else { return [] }
        state.assessment?.position = position
        return [.savePosition]
    }

    private static func move(by offset: Int, in state: inout WorkshopState) -> [WorkshopEffect] {
        let steps = Step.all(in: state.framework)
        guard let current = state.screen.step, let index = steps.firstIndex(of: current) else { return [] }
        if let next = DisagreementOrder.move(from: current, by: offset, &state) { return go(to: next, in: &state) }
        let target = index + offset
        guard steps.indices.contains(target) else { return [] }
        return go(to: steps[target], in: &state)
    }

    /// Records the position and asks for the assessment to be written.
    private static func persist(_ state: inout WorkshopState) -> [WorkshopEffect] {
        guard state.assessment != nil, let step = state.screen.step else { return [] }
        state.assessment?.position = step.position(in: state.framework)
        state.unsaved = true
        return [state.draftFile == nil ? .createDraft : .save]
    }

    /// One create or save is enough per update, and it carries the position too.
    private static func coalesce(_ effects: [WorkshopEffect]) -> [WorkshopEffect] {
        var result: [WorkshopEffect] = []
        for effect in effects where !result.contains(effect) {
            if effect == .save, result.contains(.createDraft) { continue }
            result.append(effect)
        }
        if result.contains(.save) || result.contains(.createDraft) { result.removeAll { $0 == .savePosition } }
        return result
    }
}
