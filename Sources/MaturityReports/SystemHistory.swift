import MaturityFramework
import MaturityStore

/// Finds the other assessments of the same system in a store.
public enum SystemHistory {
    /// The latest assessment before `assessment` (by date, then file name), and the series of every
    /// assessment of the system up to and including it, among `entries`.
    public static func around(_ assessment: Assessment, file: String, among entries: [AssessmentStore.Entry])
        -> (earlier: Comparison.Earlier?, series: [Progression.Entry]) {
        let key = Slug.matchKey(for: assessment.system)
        let others = entries.filter {
            $0.url.lastPathComponent != file && Slug.matchKey(for: $0.assessment.system) == key
                && $0.assessment.framework.id == assessment.framework.id
        }
        let before = others.filter { order($0.assessment, $0.url.lastPathComponent) < order(assessment, file) }
            .sorted { order($0.assessment, $0.url.lastPathComponent) < order($1.assessment, $1.url.lastPathComponent) }
        let earlier = before.last.map { Comparison.Earlier(assessment: $0.assessment, file: $0.url.lastPathComponent) }
        let series = before.map { Progression.Entry(assessment: $0.assessment, file: $0.url.lastPathComponent) }
            + [Progression.Entry(assessment: assessment, file: file)]
        return (earlier, series)
    }

    /// Date, then the order files of one day were created in (`x.json` before `x-2.json`).
    static func order(_ assessment: Assessment, _ file: String) -> (CalendarDate, Int, String) {
        let stem = file.hasSuffix(".json") ? String(file.dropLast(5)) : file
        let suffix = stem.split(separator: "-").last.flatMap { Int($0) }.map { $0 < 1000 ? $0 : 1 } ?? 1
        return (assessment.date, suffix, file)
    }

    /// Every assessment of the system named `system` answered against `frameworkID` (or the most used framework).
    public static func series(of system: String, among entries: [AssessmentStore.Entry]) -> [AssessmentStore.Entry] {
        let key = Slug.matchKey(for: system)
        return entries.filter { Slug.matchKey(for: $0.assessment.system) == key }
    }
}
