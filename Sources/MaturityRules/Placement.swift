import MaturityFramework

/// Where the rules place one area, with everything needed to explain it.
public struct Placement: Sendable, Equatable {
    /// The area placed.
    public var areaID: String
    /// The placed stage, or nil when the area is below the first stage ("not yet emerging").
    public var stage: Stage?
    /// The stage id, or the framework's below-first-stage id such as `not-yet-emerging`.
    public var stageID: String
    /// The stage title, or e.g. "Not yet emerging".
    public var stageTitle: String
    /// 0 below the first stage, 1 at the first stage, and so on: comparable across assessments.
    public var level: Int
    /// True when an answer that could change the placement is still `unsure` (or missing).
    public var isProvisional: Bool
    /// The stage above the placement, nil at the top stage.
    public var nextStage: Stage?
    /// Progress towards the next stage, (yes + ½·partly) / criteria, 0 to 1; nil at the top stage.
    public var progress: Double?
    /// The next stage's criteria not yet answered yes, in framework order.
    public var gap: [Criterion]
    /// Per stage, in order: how its criteria were answered and whether it is met.
    public var stages: [StageResult]
    /// Stages met above the first unmet stage; they do not count towards the placement.
    public var metAboveGap: [Stage]
    /// The criteria whose `unsure` makes the placement provisional.
    public var unsureCriteria: [Criterion]
    /// One to three plain sentences saying why.
    public var explanation: String

    /// The stage title, marked when provisional: "Emerging (provisional)".
    public var titleMarkingProvisional: String {
        stageTitle + (isProvisional ? " (provisional)" : "")
    }
}

/// How one stage of an area was answered.
public struct StageResult: Sendable, Equatable {
    /// The stage.
    public var stage: Stage
    /// Its criteria in framework order.
    public var criteria: [Criterion]
    /// Criteria answered yes.
    public var yes: Int
    /// Criteria answered partly.
    public var partly: Int
    /// Criteria answered no.
    public var no: Int
    /// Criteria answered unsure, or not answered.
    public var unsure: Int
    /// Whether the stage's threshold is reached.
    public var isMet: Bool

    /// (yes + ½·partly) / criteria.
    public var progress: Double {
        criteria.isEmpty ? 0 : (Double(yes) + 0.5 * Double(partly)) / Double(criteria.count)
    }
}
