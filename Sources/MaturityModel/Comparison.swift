import MaturityFramework
import MaturityRules

/// What changed since the latest earlier assessment of the same system.
public struct Comparison: Sendable {
    /// An earlier assessment and its file name.
    public typealias Earlier = Progression.Entry

    /// The earlier assessment's date.
    public var earlierDate: CalendarDate
    /// Its file name.
    public var earlierFile: String
    /// Per area of the framework.
    public var areas: [AreaChange]

    /// Compares `now` with `earlier` (criteria are matched by id). `earlier` is placed by `earlierFramework`,
    /// the version it was answered against, when given (else by `framework`); answers are compared only
    /// on the criteria both versions ask, and each area names what one version has and the other lacks.
    public init(now: Assessment, earlier: Earlier, framework: Framework, earlierFramework: Framework? = nil) {
        earlierDate = earlier.assessment.date
        earlierFile = earlier.file
        let before = earlier.assessment
        let thenVersion = earlierFramework.flatMap { $0.id == framework.id ? $0 : nil } ?? framework
        areas = framework.areas.map { area in
            let thenArea = thenVersion.areas.first { $0.id == area.id }
            let then = thenArea.flatMap { History.stage(of: $0, in: before, framework: thenVersion) }
            let current = History.stage(of: area, in: now, framework: framework)
            let askedThen = Set((thenArea?.criteria ?? []).map(\.id))
            let changed = area.criteria.filter { askedThen.contains($0.id) }.compactMap { criterion -> AnswerChange? in
                let old = before.answers[criterion.id]
                let new = now.answers[criterion.id]
                return old == new ? nil : AnswerChange(criterion: criterion, then: old, now: new)
            }
            let record = now[area: area.id]
            // Reviews refer to the actions of the assessment carried forward from, and to no other's.
            let reviewsThisOne = now.lastTime?.file == earlier.file
            let reviewed = reviewsThisOne ? record.reviewedActions.filter { !record.unreviewedActions.contains($0.id) } : []
            let lastActions = before[area: area.id].actions.map { action in
                reviewed.first { $0.id == action.id } ?? action
            }
            return AreaChange(area: area, then: then, now: current, changedAnswers: changed, lastActions: lastActions,
                              reviewedIDs: Set(reviewed.map(\.id)),
                              versionChange: .between((thenArea, thenVersion), (area, framework)))
        }
    }
}

/// One area then and now.
public struct AreaChange: Sendable {
    /// The area.
    public var area: Area
    /// Its stage then; nil when it was not assessed.
    public var then: StagePoint?
    /// Its stage now; nil when it is not assessed.
    public var now: StagePoint?
    /// Criteria whose answer differs.
    public var changedAnswers: [AnswerChange]
    /// Last time's actions, with their status as reviewed now (or as they were, if not reviewed).
    public var lastActions: [Action]
    /// Ids of last time's actions the board has reviewed this time.
    public var reviewedIDs: Set<String>
    /// What the earlier assessment's framework version asked of the area that this one's does not, and
    /// the reverse; nil when both were answered against one version.
    public var versionChange: Progression.VersionChange? = nil

    /// The status of one of last time's actions in words: as reviewed, or "not reviewed (last time: …)".
    public func review(of action: Action) -> String {
        RecordWords.review(action, reviewed: reviewedIDs.contains(action.id))
    }

    /// Up, down, same, or not assessed.
    public var movement: Movement { Movement(from: then, to: now) }
}

/// A criterion answered differently.
public struct AnswerChange: Sendable {
    /// The criterion.
    public var criterion: Criterion
    /// The answer then (nil: not answered).
    public var then: Answer?
    /// The answer now (nil: not answered).
    public var now: Answer?
}

/// An area's stage in one assessment.
public struct StagePoint: Sendable, Equatable {
    /// 0 below the first stage, 1 at the first, and so on.
    public var level: Int
    /// The stage id, or e.g. `not-yet-emerging`.
    public var stageID: String
    /// The stage title, or e.g. "Not yet emerging".
    public var title: String
    /// Whether it was provisional.
    public var isProvisional: Bool
}

/// How an area moved between two assessments.
public enum Movement: String, Sendable {
    case up, down, same
    case notAssessed = "not-assessed"

    /// The movement from `then` to `now`.
    public init(from then: StagePoint?, to now: StagePoint?) {
        guard let then, let now else {
            self = .notAssessed
            return
        }
        self = now.level > then.level ? .up : (now.level < then.level ? .down : .same)
    }

    /// "↑ up", "↓ down", "= same", "not assessed".
    public var text: String {
        switch self {
        case .up: "↑ up"
        case .down: "↓ down"
        case .same: "= same"
        case .notAssessed: "not assessed"
        }
    }
}

/// Shared rules for reading an assessment against a framework over the years.
enum History {
    /// The area's stage in `assessment`, or nil when the assessment did not assess the area.
    static func stage(of area: Area, in assessment: Assessment, framework: Framework) -> StagePoint? {
        stage(of: area, in: assessment, answers: assessment.answers, framework: framework)
    }

    /// ``stage(of:in:framework:)`` with the assessment's answers already merged.
    static func stage(of area: Area, in assessment: Assessment, answers: [String: Answer], framework: Framework) -> StagePoint? {
        guard assessment.areas.contains(where: { $0.id == area.id }) else { return nil }
        let placement = PlacementRules.place(area, in: framework, answers: answers)
        return StagePoint(level: placement.level, stageID: placement.stageID, title: placement.stageTitle,
                          isProvisional: placement.isProvisional)
    }
}
