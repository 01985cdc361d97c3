import MaturityFramework

/// Checks an assessment against the framework it names.
public enum AssessmentCheck {
    /// Problems that make the assessment unusable with `framework`, one line each. Answers (or notes,
    /// or members' views) to areas or criteria the framework lacks are accepted when the versions differ (they come from
    /// another version of the framework and are kept, though not placed), and refused when the
    /// versions are the same.
    public static func problems(_ assessment: Assessment, framework: Framework) -> [String] {
        problems(answeredAgainst: assessment.framework, framework: framework) {
            assessment.areas.map { area in
                (area.id, Set(area.answers.keys).union(area.notes.keys).union(area.views.filter { !$0.value.isEmpty }.keys))
            }
        }
    }

    /// ``problems(_:framework:)`` of the assessment seen in `glance`, against the prepared framework: the same lines.
    public static func problems(_ glance: AssessmentGlance, framework criteria: FrameworkCriteria) -> [String] {
        let framework = criteria.framework
        // Most files answer only what their framework asks: that is seen by walking sorted lists.
        let asked = glance.framework.id == framework.id && glance.areas.allSatisfy { record in
            guard let index = framework.areas.firstIndex(where: { $0.id == record.id }) else { return false }
            return criteria.area(index, has: record.answers.lazy.map(\.criterion)) && criteria.area(index, has: record.noteCriteria)
                && criteria.area(index, has: record.viewCriteria)
        }
        if asked { return [] }
        return problems(answeredAgainst: glance.framework, framework: framework) {
            glance.areas.map { ($0.id, Set($0.answers.map(\.criterion)).union($0.noteCriteria).union($0.viewCriteria)) }
        }
    }

    /// The problems of areas (each an id and the criteria answered or noted) answered against `reference`.
    private static func problems(answeredAgainst reference: FrameworkReference, framework: Framework,
                                 areas: () -> [(id: String, criteria: Set<String>)]) -> [String] {
        guard reference.id == framework.id else {
            return ["answered against framework '\(inert: reference.id)', not '\(framework.id)'"]
        }
        guard reference.version == framework.version else { return [] }
        var problems: [String] = []
        for record in areas() {
            guard let area = framework.area(id: record.id) else {
                problems.append("area '\(inert: record.id)' is not in \(framework.id) \(framework.version)")
                continue
            }
            let known = Set(area.criteria.map(\.id))
            for criterion in record.criteria.sorted() where !known.contains(criterion) {
                problems.append("criterion '\(inert: criterion)' is not in area '\(area.id)' of \(framework.id) \(framework.version)")
            }
        }
        return problems
    }
}
