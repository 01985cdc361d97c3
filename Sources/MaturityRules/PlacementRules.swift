import MaturityFramework

/// The placement rule: an area sits at the highest stage that is met with every stage below it met.
public enum PlacementRules {
    /// Places one area of `framework` from the board's answers (criterion id to answer; missing means unsure).
    public static func place(_ area: Area, in framework: Framework, answers: [String: Answer]) -> Placement {
        let results = framework.stages.map { stage in
            result(for: stage, criteria: area.criteria(atStage: stage.id), answers: answers)
        }
        let metCount = results.prefix { $0.isMet }.count
        let placed = metCount > 0 ? results[metCount - 1].stage : nil
        let next = metCount < results.count ? results[metCount] : nil
        let metAboveGap = results.dropFirst(metCount + 1).filter(\.isMet).map(\.stage)
        let decisive = results.prefix(min(metCount + 1, results.count))
        let unsure = decisive.flatMap(\.criteria).filter { (answers[$0.id] ?? .unsure) == .unsure }
        let gap = next?.criteria.filter { answers[$0.id] != .yes } ?? []

        var placement = Placement(
            areaID: area.id,
            stage: placed,
            stageID: placed?.id ?? framework.belowFirstStageID,
            stageTitle: placed?.title ?? framework.belowFirstStageTitle,
            level: metCount,
            isProvisional: !unsure.isEmpty,
            nextStage: next?.stage,
            progress: next?.progress,
            gap: gap,
            stages: results,
            metAboveGap: metAboveGap,
            unsureCriteria: unsure,
            explanation: ""
        )
        placement.explanation = PlacementExplanation.text(for: placement, answers: answers)
        return placement
    }

    /// Places every area of `framework`, in framework order.
    public static func placeAll(in framework: Framework, answers: [String: Answer]) -> [Placement] {
        framework.areas.map { place($0, in: framework, answers: answers) }
    }

    /// Whether `yes` and `partly` answers out of `total` criteria reach `threshold`, in exact whole-number arithmetic.
    public static func isMet(yes: Int, partly: Int, total: Int, threshold: Threshold) -> Bool {
        guard total > 0 else { return false }
        return 100 * yes + threshold.partlyPercent * partly >= threshold.atLeastPercent * total
    }

    /// The rule of `framework` in one sentence, for screens and exports.
    public static func ruleSentence(for framework: Framework) -> String {
        let closing = "an area is placed at the highest stage that is met with every stage below it met"
        let thresholds = framework.stages.map(\.threshold)
        if let first = thresholds.first, thresholds.allSatisfy({ $0 == first }) {
            return "A stage is met when \(first.sentence), and \(closing)."
        }
        let clauses = framework.stages.map { "\($0.title) is met when \($0.threshold.sentence)" }
        return clauses.joined(separator: "; ") + "; " + closing + "."
    }

    private static func result(for stage: Stage, criteria: [Criterion], answers: [String: Answer]) -> StageResult {
        var counts: [Answer: Int] = [:]
        for criterion in criteria {
            counts[answers[criterion.id] ?? .unsure, default: 0] += 1
        }
        let yes = counts[.yes] ?? 0
        let partly = counts[.partly] ?? 0
        return StageResult(
            stage: stage, criteria: criteria, yes: yes, partly: partly,
            no: counts[.no] ?? 0, unsure: counts[.unsure] ?? 0,
            isMet: isMet(yes: yes, partly: partly, total: criteria.count, threshold: stage.threshold)
        )
    }
}
