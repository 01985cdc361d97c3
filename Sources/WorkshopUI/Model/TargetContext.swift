import MaturityFramework
import MaturityRules
import MaturityModel

extension WorkshopState {
    /// The system's other assessments in the store index (as the history screen reads them: answers
    /// only), for the pace behind a target's status; empty until the store is read.
    var earlierAssessments: [Assessment] {
        guard let assessment else { return [] }
        let id = systems.identity(of: assessment, file: draftPath ?? "")
        return storeIndex?.history(ofSystem: id, place: assessment.place, framework: framework, excluding: draftPath).map(\.assessment) ?? []
    }

    /// The target sentence of area number `index` ("Target: Established by 2028, on track."), nil without a target.
    func targetSentence(area index: Int, earlier: [Assessment]) -> String? {
        guard let assessment, let area = framework.areas[safe: index], let target = assessment[area: area.id].target else { return nil }
        return target.sentence(in: framework, status: assessment.targetStatus(of: area, in: framework, earlier: earlier))
    }

    /// The typical stage beside area number `index`'s placement (see ``TypicalStage/besidePlacement(_:stages:)``);
    /// nil when the established date is unknown or the framework gives its stages no ages.
    func typicalBesidePlacement(area index: Int) -> String? {
        guard let assessment, let area = framework.areas[safe: index], let typical = assessment.typicalStage(in: framework)
        else { return nil }
        let placement = PlacementRules.place(area, in: framework, answers: assessment.answers)
        return typical.besidePlacement(placement.stage, stages: framework.stages)
    }
}
