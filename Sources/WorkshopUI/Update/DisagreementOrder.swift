import MaturityFramework
import MaturityRules
import MaturityModel

/// Taking the questions with views gathered beforehand in order of disagreement, widest spread first,
/// so that the meeting spends its time where views differ; then framework order again.
enum DisagreementOrder {
    /// The questions with views and no agreed answer yet, widest spread first.
    static func pending(_ state: WorkshopState) -> [Step] {
        guard let assessment = state.assessment else { return [] }
        let answers = assessment.answers
        let areas = state.framework.areas
        return assessment.criteriaByDisagreement(in: state.framework).compactMap { entry in
            guard answers[entry.criterion] == nil, let area = areas.firstIndex(where: { $0.id == entry.area }),
                  let index = areas[area].criteria.firstIndex(where: { $0.id == entry.criterion }) else { return nil }
            return .question(area: area, criterion: index)
        }
    }

    /// Whether the workshop offers the order (on an area's overview): views not yet agreed, and not
    /// taking them already.
    static func offered(_ state: WorkshopState) -> Bool {
        state.agenda == nil && state.assessment?.isReadOnly == false && !pending(state).isEmpty
    }

    /// `o`: starts taking the questions by disagreement, or stops (back to framework order).
    static func toggle(_ state: inout WorkshopState) -> [Reaction] {
        if state.agenda != nil {
            state.agenda = nil
            state.message = .init("Back to framework order.")
            return []
        }
        let pending = pending(state)
        guard let first = pending.first, !state.refusesChanges() else { return [] }
        state.agenda = pending
        state.message = .init("Taking the \(pending.count) question\(pending.count == 1 ? "" : "s") with views in order of "
            + "disagreement, widest spread first; then framework order again.")
        return [.go(first)]
    }

    /// Where a move of `offset` goes while the agenda is taken from `current`: the next (or previous)
    /// question on it; past the last, the first question without an agreed answer in framework order
    /// (the summary when there is none), and the agenda ends. Nil when `current` is not on the agenda.
    static func move(from current: Step, by offset: Int, _ state: inout WorkshopState) -> Step? {
        guard let agenda = state.agenda, let position = agenda.firstIndex(of: current) else { return nil }
        let target = position + offset
        if agenda.indices.contains(target) { return agenda[target] }
        guard target >= agenda.count else { return current }
        state.agenda = nil
        state.message = .init("Every question with views has been taken; back to framework order.")
        let answers = state.assessment?.answers ?? [:]
        for (area, record) in state.framework.areas.enumerated() {
            if let index = record.criteria.firstIndex(where: { answers[$0.id] == nil }) { return .question(area: area, criterion: index) }
        }
        return .summary
    }

    /// "by disagreement 2 of 12", while the agenda is taken and the question shown is on it.
    static func position(_ state: WorkshopState) -> String? {
        guard let agenda = state.agenda, let index = agenda.firstIndex(of: state.step) else { return nil }
        return "by disagreement \(index + 1) of \(agenda.count)"
    }
}
