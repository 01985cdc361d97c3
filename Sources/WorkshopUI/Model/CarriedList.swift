import MaturityFramework
import MaturityModel

/// Words for answers carried from last time: where they are, and how far the board has confirmed them.
enum CarriedList {
    /// "Economy 1, 3; Climate 2": the criteria by area short title and question number; past `areaLimit`
    /// areas, "and 4 more areas".
    static func describe(_ criterionIDs: [String], in framework: Framework, areaLimit: Int = 3) -> String {
        let wanted = Set(criterionIDs)
        let parts = framework.areas.compactMap { area -> String? in
            let numbers = area.criteria.indices.filter { wanted.contains(area.criteria[$0].id) }.map { "\($0 + 1)" }
            return numbers.isEmpty ? nil : "\(area.shortTitle) \(numbers.joined(separator: ", "))"
        }
        guard parts.count > areaLimit else { return parts.joined(separator: "; ") }
        let more = parts.count - areaLimit
        return parts.prefix(areaLimit).joined(separator: "; ") + "; and \(more) more area\(more == 1 ? "" : "s")"
    }

    /// "30 of 30 answered" for a first assessment; for one carried forward, "18 confirmed this year ·
    /// 12 as last time, not yet confirmed · 0 open".
    static func tally(_ assessment: Assessment, in framework: Framework) -> String {
        let criteria = framework.allCriteria
        let answers = assessment.answers
        let open = criteria.filter { answers[$0.id] == nil }.count
        guard assessment.lastTime != nil else { return "\(criteria.count - open) of \(criteria.count) questions answered" }
        let unconfirmed = assessment.unconfirmedCriteria(in: framework).count
        let confirmed = criteria.count - open - unconfirmed
        return "\(confirmed) confirmed this year · \(unconfirmed) as last time, not yet confirmed · \(open) open"
    }
}
