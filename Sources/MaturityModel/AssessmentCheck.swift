import MaturityFramework

/// Checks an assessment against the framework it names.
public enum AssessmentCheck {
    /// Problems that make the assessment unusable with `framework`, one line each. Answers to
    /// areas or criteria the framework lacks are accepted when the versions differ (they come from
    /// another version of the framework and are kept, though not placed), and refused when the
    /// versions are the same.
    public static func problems(_ assessment: Assessment, framework: Framework) -> [String] {
        guard assessment.framework.id == framework.id else {
            return ["answered against framework '\(inert: assessment.framework.id)', not '\(framework.id)'"]
        }
        guard assessment.framework.version == framework.version else { return [] }
        var problems: [String] = []
        for record in assessment.areas {
            guard let area = framework.area(id: record.id) else {
                problems.append("area '\(inert: record.id)' is not in \(framework.id) \(framework.version)")
                continue
            }
            let known = Set(area.criteria.map(\.id))
            for criterion in Set(record.answers.keys).union(record.notes.keys).sorted() where !known.contains(criterion) {
                problems.append("criterion '\(inert: criterion)' is not in area '\(area.id)' of \(framework.id) \(framework.version)")
            }
        }
        return problems
    }
}
