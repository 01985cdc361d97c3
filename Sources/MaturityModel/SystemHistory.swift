import MaturityFramework

/// Finds the other assessments of the same system in a store: the same identity (``SystemDirectory``),
/// whatever the name they were saved under.
public enum SystemHistory {
    /// The latest assessment before `assessment` (by date, then file name), and the series of every
    /// assessment of the system up to and including it, among `entries`: those of the same system and
    /// the same place (or, for a system-level assessment, the system level only).
    public static func around(_ assessment: Assessment, file: String, among entries: [FiledAssessment])
        -> (earlier: Comparison.Earlier?, series: [Progression.Entry]) {
        let (directory, id) = identity(of: assessment, file: file, among: entries)
        let others = entries.filter {
            $0.url.lastPathComponent != file
                && directory.belongs($0.assessment, file: $0.url.lastPathComponent, to: id, place: assessment.place,
                                     framework: assessment.framework.id)
        }
        let before = others.filter { order($0.assessment, $0.url.lastPathComponent) < order(assessment, file) }
            .sorted { order($0.assessment, $0.url.lastPathComponent) < order($1.assessment, $1.url.lastPathComponent) }
        let earlier = before.last.map { Comparison.Earlier(assessment: $0.assessment, file: $0.url.lastPathComponent) }
        let series = before.map { Progression.Entry(assessment: $0.assessment, file: $0.url.lastPathComponent) }
            + [Progression.Entry(assessment: assessment, file: file)]
        return (earlier, series)
    }

    /// The directory of `entries` and `assessment` (saved as `file`), and the identity of its system.
    public static func identity(of assessment: Assessment, file: String, among entries: [FiledAssessment])
        -> (directory: SystemDirectory, id: String) {
        var members = entries.filter { $0.url.lastPathComponent != file }
            .map { SystemDirectory.Member($0.assessment, file: $0.url.lastPathComponent) }
        members.append(SystemDirectory.Member(assessment, file: file))
        let directory = SystemDirectory(members)
        return (directory, directory.identity(of: assessment, file: file))
    }

    /// Date, then the order files of one day were created in (`x.json` before `x-2.json`).
    static func order(_ assessment: Assessment, _ file: String) -> (CalendarDate, Int, String) {
        let stem = file.hasSuffix(".json") ? String(file.dropLast(5)) : file
        let suffix = stem.split(separator: "-").last.flatMap { Int($0) }.map { $0 < 1000 ? $0 : 1 } ?? 1
        return (assessment.date, suffix, file)
    }

    /// The known system `name` means among `entries` (by its current name, else a former one), and
    /// every assessment of it; nil when no system of that name is known.
    public static func system(named name: String, among entries: [FiledAssessment])
        -> (system: KnownSystem, entries: [FiledAssessment])? {
        let directory = SystemDirectory(entries.map { SystemDirectory.Member($0.assessment, file: $0.url.lastPathComponent) })
        guard let system = directory.match(name) else { return nil }
        return (system, entries.filter { directory.belongs($0.assessment, file: $0.url.lastPathComponent, to: system.id) })
    }

    /// Every assessment of the system named `system` among `entries` (see ``system(named:among:)``).
    public static func series(of system: String, among entries: [FiledAssessment]) -> [FiledAssessment] {
        self.system(named: system, among: entries)?.entries ?? []
    }
}
