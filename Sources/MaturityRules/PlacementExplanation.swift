import MaturityFramework

/// Words for a placement: one to three sentences naming what is met and what is missing.
enum PlacementExplanation {
    static func text(for placement: Placement, answers: [String: Answer]) -> String {
        var sentences = [placedSentence(placement)]
        if let next = placement.stages.first(where: { $0.stage == placement.nextStage }) {
            sentences.append(gapSentence(next, gap: placement.gap, answers: answers))
        }
        if let caveat = caveatSentence(placement) {
            sentences.append(caveat)
        }
        return sentences.joined(separator: " ")
    }

    private static func placedSentence(_ placement: Placement) -> String {
        let met = placement.stages.prefix(placement.level).map(\.stage.title)
        guard let first = placement.stages.first else { return "\(placement.stageTitle), because the framework has no stages." }
        if met.isEmpty {
            return "\(placement.stageTitle), because \(first.stage.title) is not met (\(count(first)))."
        }
        if met.count == placement.stages.count {
            return "Placed at \(placement.stageTitle), because "
                + (met.count == 1 ? "its only stage is met." : "every stage is met.")
        }
        return "Placed at \(placement.stageTitle), because \(Prose.list(met)) \(met.count == 1 ? "is" : "are") met."
    }

    private static func gapSentence(_ next: StageResult, gap: [Criterion], answers: [String: Answer]) -> String {
        var target = "To reach \(next.stage.title)"
        if !next.stage.threshold.isAllInPlace {
            let score = Int((next.progress * 100).rounded())
            target += " (\(next.stage.threshold.atLeastPercent)% needed, \(score)% now)"
        }
        let missing = gap.map { "\($0.label) (\((answers[$0.id] ?? .unsure).phrase))" }
        return "\(target), still needed: \(missing.joined(separator: "; "))."
    }

    private static func caveatSentence(_ placement: Placement) -> String? {
        let above = placement.metAboveGap.map(\.title)
        let unsure = placement.unsureCriteria.count
        let unsurePhrase = unsure == 1 ? "1 answer is" : "\(unsure) answers are"
        switch (above.isEmpty, unsure == 0) {
        case (true, true):
            return nil
        case (true, false):
            return "This is provisional while \(unsurePhrase) not sure or not given."
        case (false, true):
            return "\(Prose.list(above)) \(above.count == 1 ? "is" : "are") met too, but a stage counts only when every stage below it is met."
        case (false, false):
            return "\(Prose.list(above)) \(above.count == 1 ? "is" : "are") met too but cannot count above the gap, "
                + "and this is provisional while \(unsurePhrase) not sure or not given."
        }
    }

    private static func count(_ result: StageResult) -> String {
        let total = result.criteria.count
        var text = "\(result.yes) of \(total) \(total == 1 ? "criterion" : "criteria") in place"
        if result.partly > 0 { text += ", \(result.partly) partly" }
        return text
    }
}

/// Joining words as English does.
public enum Prose {
    /// "a", "a and b", "a, b and c".
    public static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }
}
