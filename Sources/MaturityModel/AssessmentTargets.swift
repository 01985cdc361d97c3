import MaturityFramework

extension Assessment {
    /// The status of `area`'s target in this assessment (see ``TargetStatus/rule``): its placement
    /// computed from the answers, the pace measured over `earlier`, the system's other assessments (such
    /// as ``SystemHistory/around(_:file:among:)``'s series; those that did not assess the area, and any
    /// dated after this one, are left out). Nil when the area has no target or `framework` lacks its stage.
    public func targetStatus(of area: Area, in framework: Framework, earlier: [Assessment]) -> TargetStatus? {
        guard let target = self[area: area.id].target, let level = History.stage(of: area, in: self, framework: framework)?.level
        else { return nil }
        let history = earlier.compactMap { other in
            History.stage(of: area, in: other, framework: framework).map { DatedLevel(date: other.date, level: $0.level) }
        }
        return TargetStatus.of(level: level, target: target, framework: framework, date: date, history: history)
    }
}
