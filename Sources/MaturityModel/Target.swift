import MaturityFramework

/// A board's target for one area: a stage of the framework to reach by a year, e.g. "Established by 2027".
public struct Target: Sendable, Hashable {
    /// How many years after the assessment's year a target may be set; the framework's ladder spans about ten.
    public static let maximumYearsAhead = 20

    /// The framework's id of the target stage, e.g. `established`.
    public var stageID: String
    /// The year by which the board means to reach it.
    public var year: Int

    /// Creates a target.
    public init(stageID: String, year: Int) {
        self.stageID = stageID
        self.year = year
    }

    /// The target in words with `framework`'s stage title, e.g. "Established by 2027"; the stage id
    /// when the framework has no such stage.
    public func phrase(in framework: Framework) -> String {
        "\(framework.stage(id: stageID)?.title ?? stageID) by \(year)"
    }

    /// The one sentence every screen and export gives a target: "Target: Established by 2028, on track."
    /// (plain text; each format escapes it). Without a status: "Target: Established by 2028."
    public func sentence(in framework: Framework, status: TargetStatus?) -> String {
        "Target: \(phrase(in: framework))" + (status.map { ", \($0.phrase)." } ?? ".")
    }

    /// The stage's level in `framework` (1 for the first stage, as ``Placement/level`` counts), or nil
    /// when the framework has no such stage.
    public func level(in framework: Framework) -> Int? {
        framework.stages.firstIndex { $0.id == stageID }.map { $0 + 1 }
    }
}
