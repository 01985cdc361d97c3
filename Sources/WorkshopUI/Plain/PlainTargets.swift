import FoundationEssentials
import MaturityFramework
import MaturityModel
import MaturityRules

/// Plain mode's targets (`t` at an area's actions: a stage by name or number, then a year) and the
/// lines said beside a placement: the typical stage for the system's age, and the target's sentence.
extension PlainWorkshop {
    /// "Typical for a system of 4 years: established; placed at emerging (an earlier stage than typical).",
    /// nil when the established date is unknown or the framework gives no ages.
    func typicalLine(for placement: Placement) -> String? {
        assessment.typicalStage(in: framework)?.besidePlacement(placement.stage, stages: framework.stages)
    }

    /// "Target: Established by 2028, on track.", its status paced over the system's earlier assessments;
    /// nil when the area has no target.
    func targetSentence(of area: Area) -> String? {
        guard let target = assessment[area: area.id].target else { return nil }
        let status = assessment.targetStatus(of: area, in: framework, earlier: earlier.map(\.assessment))
        return target.sentence(in: framework, status: status)
    }

    /// The lines said after an area's placement: its typical stage and its target (or how to set one).
    func sayPlacementContext(of area: Area, placement: Placement) {
        if let typical = typicalLine(for: placement) { say(typical) }
        if let sentence = targetSentence(of: area) {
            say(sentence + (assessment.isReadOnly ? "" : " t changes it."))
        } else if !assessment.isReadOnly {
            say("No target: t sets one.")
        }
    }

    /// The years a target may name: the assessment's year to ``Target/maximumYearsAhead`` after it.
    var targetYears: ClosedRange<Int> {
        let year = min(max(assessment.date.year, 1000), 9999)
        return year...min(year + Target.maximumYearsAhead, 9999)
    }

    /// `t`: asks the area's target stage, by name or number, then its year; Enter keeps each.
    mutating func setTarget(of area: Area) throws {
        let current = assessment[area: area.id].target
        let stages = framework.stages
        guard !stages.isEmpty else {
            say("The framework has no stages to aim for.")
            return
        }
        let choices = stages.enumerated().map { "\($0.offset + 1) \($0.element.title)" }.joined(separator: ", ")
        var stage: Stage?
        while stage == nil {
            let keep = current.map { "Enter keeps \($0.phrase(in: framework)); - removes it" } ?? "Enter for none"
            let reply = try prompt("Target stage: \(choices), by number or name (\(keep)): ")
            if reply.isEmpty {
                if current == nil { say("No target set.") }
                return
            }
            if reply == "-" {
                guard current != nil else {
                    say("There is no target to remove.")
                    continue
                }
                assessment[area: area.id].target = nil
                persist()
                say("Target removed.")
                return
            }
            stage = Self.stage(named: reply, in: stages)
            if stage == nil { say("There is no stage '\(PlainText.quoted(reply))': type 1 to \(stages.count) or a stage's name.") }
        }
        guard let stage else { return }
        let years = targetYears
        while true {
            let keep = current.map { "Enter keeps \($0.year)" } ?? "Enter cancels"
            let reply = try prompt("By which year, \(years.lowerBound) to \(years.upperBound) (\(keep)): ")
            let year: Int
            if reply.isEmpty {
                guard let current else {
                    say("No target set.")
                    return
                }
                year = current.year
            } else {
                guard reply.utf8.count == 4, reply.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let typed = Int(reply) else {
                    say("'\(PlainText.quoted(reply))' is not a year; type four digits, e.g. \(min(years.lowerBound + 2, years.upperBound)).")
                    continue
                }
                guard years.contains(typed) else {
                    say("\(typed) is outside \(years.lowerBound) to \(years.upperBound): from the assessment's year to "
                        + "\(Target.maximumYearsAhead) years after it.")
                    continue
                }
                year = typed
            }
            assessment[area: area.id].target = Target(stageID: stage.id, year: year)
            persist()
            say(targetSentence(of: area) ?? "")
            return
        }
    }

    /// The stage `reply` names: its number from 1, its id or its title, in any case.
    static func stage(named reply: String, in stages: [Stage]) -> Stage? {
        if let number = Int(reply), stages.indices.contains(number - 1) { return stages[number - 1] }
        let key = reply.lowercased()
        if let stage = stages.first(where: { $0.id == key }) { return stage }
        let titled = stages.filter { $0.title.lowercased() == key }
        return titled.count == 1 ? titled.first : nil
    }
}
