import MaturityFramework

extension PlacementRules {
    /// Where the rules place one area, in brief: its ``Placement/level`` (0 below the first stage) and
    /// whether it is provisional, always the same as ``place(_:in:answers:)`` gives, computed without the
    /// explanation, the gap or any list (for a line of `list`, over thousands of assessments).
    /// `answer` gives a criterion's answer by id (nil when unanswered, which counts as unsure).
    public static func level(of area: Area, in framework: Framework, answer: (String) -> Answer?) -> (level: Int, isProvisional: Bool) {
        level(of: area, in: framework) { answer(area.criteria[$0].id) }
    }

    /// ``level(of:in:answer:)``, with `answerAt` giving the answer of the criterion at that index of `area.criteria`.
    public static func level(of area: Area, in framework: Framework, answerAt: (Int) -> Answer?) -> (level: Int, isProvisional: Bool) {
        var metCount = 0
        var stillMet = true
        var unsureUpToNext = false
        for stage in framework.stages {
            var total = 0, yes = 0, partly = 0, unsure = false
            for (index, criterion) in area.criteria.enumerated() where criterion.stageID == stage.id {
                total += 1
                switch answerAt(index) ?? .unsure {
                case .yes: yes += 1
                case .partly: partly += 1
                case .no: break
                case .unsure: unsure = true
                }
            }
            // The stages up to the first unmet one (the next stage) decide whether the placement is provisional.
            if stillMet { unsureUpToNext = unsureUpToNext || unsure }
            if stillMet && isMet(yes: yes, partly: partly, total: total, threshold: stage.threshold) {
                metCount += 1
            } else {
                stillMet = false
            }
        }
        return (metCount, unsureUpToNext)
    }

    /// The title of the stage at `level` (see ``level(of:in:answer:)``), e.g. "Established" or "Not yet emerging".
    public static func stageTitle(atLevel level: Int, in framework: Framework) -> String {
        level > 0 && level <= framework.stages.count ? framework.stages[level - 1].title : framework.belowFirstStageTitle
    }
}
