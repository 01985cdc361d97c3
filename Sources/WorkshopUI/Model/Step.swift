import MaturityFramework
import MaturityModel

/// A place in the workshop. Areas and criteria are indices into the framework.
public enum Step: Sendable, Hashable {
    /// An area's stage descriptors.
    case overview(area: Int)
    /// An area's baseline metrics (step 1 of the framework's four), for areas whose framework names some.
    case metrics(area: Int)
    /// One criterion, asked as a question.
    case question(area: Int, criterion: Int)
    /// Where the rules place an area, and its actions.
    case result(area: Int)
    /// Every area against every stage.
    case summary

    /// Every step in workshop order: per area its overview, its metrics (if it has any), questions and
    /// result, then the summary.
    static func all(in framework: Framework) -> [Step] {
        framework.areas.enumerated().flatMap { index, area in
            [.overview(area: index)] + (area.metrics.isEmpty ? [] : [.metrics(area: index)])
                + area.criteria.indices.map { .question(area: index, criterion: $0) } + [.result(area: index)]
        } + [.summary]
    }

    /// The area the step belongs to, nil for the summary.
    var area: Int? {
        switch self {
        case let .overview(area), let .metrics(area), let .question(area, _), let .result(area): area
        case .summary: nil
        }
    }

    /// The step saved as `position`, if it still exists in `framework`.
    init?(position: WorkshopPosition?, in framework: Framework) {
        guard let position else { return nil }
        if position.step == "summary" {
            self = .summary
            return
        }
        guard let areaIndex = framework.areas.firstIndex(where: { $0.id == position.area }) else { return nil }
        switch position.step {
        case "overview": self = .overview(area: areaIndex)
        case "metrics":
            // An area whose metrics have gone from the framework opens at its overview.
            self = framework.areas[areaIndex].metrics.isEmpty ? .overview(area: areaIndex) : .metrics(area: areaIndex)
        case "result": self = .result(area: areaIndex)
        case "question":
            guard let index = framework.areas[areaIndex].criteria.firstIndex(where: { $0.id == position.criterion }) else { return nil }
            self = .question(area: areaIndex, criterion: index)
        default: return nil
        }
    }

    /// The step as saved in the assessment file.
    func position(in framework: Framework) -> WorkshopPosition {
        switch self {
        case let .overview(area): WorkshopPosition(step: "overview", area: framework.areas[area].id)
        case let .metrics(area): WorkshopPosition(step: "metrics", area: framework.areas[area].id)
        case let .question(area, index):
            WorkshopPosition(step: "question", area: framework.areas[area].id, criterion: framework.areas[area].criteria[index].id)
        case let .result(area): WorkshopPosition(step: "result", area: framework.areas[area].id)
        case .summary: WorkshopPosition(step: "summary")
        }
    }
}
