import MaturityFramework
import MaturityModel

/// The form `t` opens over an area's result: a target stage, chosen among the framework's stages, and
/// the year by which to reach it.
public struct TargetForm: Sendable, Equatable {
    /// The area, as an index into the framework.
    public var area: Int
    /// The chosen stage, as an index into the framework's stages.
    public var stageIndex: Int
    /// The year, as typed (digits only).
    public var year: TextField
    /// Why the target cannot be set yet, e.g. a year too far ahead; shown inside the form.
    public var problem: String?

    /// The form for `area`: its current target, or the stage above its placement (`level`, as
    /// ``Placement/level`` counts) and no year yet.
    init(area: Int, target: Target?, level: Int, framework: Framework) {
        self.area = area
        let stages = framework.stages.count
        let current = target.flatMap { target in framework.stages.firstIndex { $0.id == target.stageID } }
        stageIndex = current ?? max(0, min(level, stages - 1))
        year = TextField(current == nil ? "" : target.map { String($0.year) } ?? "", limit: 4)
        problem = nil
    }
}
