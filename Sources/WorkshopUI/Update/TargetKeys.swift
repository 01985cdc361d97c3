import CellGrid
import MaturityFramework
import MaturityRules
import MaturityModel

/// Keys of the target form over an area's result: ← → or Space choose the stage, digits and Backspace
/// type the year, Enter sets the target, x or Delete removes it, Esc leaves it as it was.
enum TargetKeys {
    /// Opens the form for area number `area` (`t` on its result); a complete assessment refuses.
    static func open(area: Int, in state: inout WorkshopState) -> [Reaction] {
        if state.refusesChanges() { return [] }
        let framework = state.framework
        guard let assessment = state.assessment, !framework.stages.isEmpty, let areaModel = framework.areas[safe: area] else { return [] }
        let level = PlacementRules.place(areaModel, in: framework, answers: assessment.answers).level
        state.overlay = .target(TargetForm(area: area, target: assessment[area: areaModel.id].target, level: level,
                                           framework: framework))
        return []
    }

    static func handle(_ key: Key, _ form: TargetForm, in state: inout WorkshopState) -> [Reaction] {
        var form = form
        form.problem = nil
        let stages = state.framework.stages.count
        switch key {
        case .escape:
            state.overlay = nil
            state.message = .init("The target is as it was.")
            return []
        case .left, .right, .character(" "):
            guard stages > 0 else { return [] }
            form.stageIndex = (form.stageIndex + (key == .left ? stages - 1 : 1)) % stages
        case .enter:
            return set(form, in: &state)
        case .character("x"), .character("X"), .delete:
            return clear(form, in: &state)
        case .backspace, .home, .end, .control("u"), .control("k"), .control("a"), .control("e"), .control("d"):
            _ = form.year.handle(key, width: 0)
        case let .character(character):
            if character.isASCII, character.isNumber {
                _ = form.year.handle(key, width: 0)
                if form.year.wasCut { form.problem = "The year has 4 digits, e.g. \(exampleYear(state)); the rest was not added." }
            } else {
                form.problem = "The year is typed in digits, e.g. \(exampleYear(state)); ← → or Space choose the stage."
            }
        default:
            // A key the form does not use changes nothing, not even the problem shown.
            return []
        }
        state.overlay = .target(form)
        return []
    }

    /// Sets the target after checking the year, or says inside the form what is wrong with it.
    private static func set(_ form: TargetForm, in state: inout WorkshopState) -> [Reaction] {
        var form = form
        guard let assessment = state.assessment, let area = state.framework.areas[safe: form.area],
              let stage = state.framework.stages[safe: form.stageIndex] else {
            state.overlay = nil
            return []
        }
        let earliest = assessment.date.year
        let latest = earliest + Target.maximumYearsAhead
        let typed = form.year.text
        guard typed.count == 4, typed.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(typed) else {
            form.problem = typed.isEmpty ? "Type the year by which to reach \(stage.title), e.g. \(exampleYear(state))."
                : "The year must have 4 digits, e.g. \(exampleYear(state))."
            state.overlay = .target(form)
            return []
        }
        guard year >= earliest else {
            form.problem = "\(year) is before this assessment's year: the year must be \(earliest) or later."
            state.overlay = .target(form)
            return []
        }
        guard year <= latest else {
            form.problem = "\(year) is more than \(Target.maximumYearsAhead) years ahead: the year must be \(latest) at the latest."
            state.overlay = .target(form)
            return []
        }
        let target = Target(stageID: stage.id, year: year)
        state.overlay = nil
        guard assessment[area: area.id].target != target else {
            state.message = .init("\(area.shortTitle): the target stays \(target.phrase(in: state.framework)).")
            return []
        }
        state.assessment?[area: area.id].target = target
        state.message = .init("\(area.shortTitle): target set, \(target.phrase(in: state.framework)).")
        return [.changed]
    }

    /// Removes the area's target, if it has one.
    private static func clear(_ form: TargetForm, in state: inout WorkshopState) -> [Reaction] {
        state.overlay = nil
        guard let area = state.framework.areas[safe: form.area], state.assessment?[area: area.id].target != nil else {
            state.message = .init("The area has no target to remove.")
            return []
        }
        state.assessment?[area: area.id].target = nil
        state.message = .init("\(area.shortTitle): target removed.")
        return [.changed]
    }

    /// A year that reads as an example: two years after the assessment's.
    private static func exampleYear(_ state: WorkshopState) -> Int {
        (state.assessment?.date.year ?? 2026) + 2
    }
}
