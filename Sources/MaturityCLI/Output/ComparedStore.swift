import FoundationEssentials
import MaturityFramework
import MaturityModel
import MaturityRules
import MaturityStore

/// What `compare` and `rollup` read of a store: every assessment's glance (from the scan index where it
/// is current, never a file decoded in full unless its glance is unsure), which system each belongs to,
/// and each placed against one framework.
struct ComparedStore {
    /// One file's glance.
    struct Seen: Sendable {
        var fileName: String
        var path: String
        var glance: AssessmentGlance
    }

    /// The glances, newest first.
    let seen: [Seen]
    /// Which system each belongs to.
    let directory: SystemDirectory

    /// Reads `store` (only the files that may be `system`'s when one is named); the files that cannot
    /// be read are named on standard error.
    init(_ store: AssessmentStore, system: String? = nil) throws(CommandFailure) {
        let scanned: (results: [AssessmentStore.Scanned<Seen>], problems: [String])
        do {
            scanned = try store.scanGlances(system: system) { Seen(fileName: $0.fileName, path: $0.url.path, glance: $0.glance) }
        } catch {
            throw CommandFailure("maturity: \(error.message)")
        }
        for problem in scanned.problems { Terminal.error("maturity: \(problem)") }
        seen = scanned.results.map(\.value)
        directory = SystemDirectory(seen.map { SystemDirectory.Member($0.glance, file: $0.fileName) })
    }

    /// The known system `name` means, or a one-line failure.
    func system(named name: String, in store: AssessmentStore) throws(CommandFailure) -> KnownSystem {
        guard let known = directory.match(name) else {
            throw CommandFailure("maturity: no system called '\(inert: name)' in \(store.folder.path) (see 'maturity list')")
        }
        return known
    }

    /// The glances of `systems` (all when nil), each with its system's identity.
    func of(_ systems: Set<String>?) -> [(id: String, seen: Seen)] {
        seen.compactMap { item in
            let id = directory.identity(of: SystemDirectory.Member(item.glance, file: item.fileName))
            return systems.map { $0.contains(id) } == false ? nil : (id, item)
        }
    }

    /// Each of `chosen` as compared on `framework`: levels only for those answered against it (an
    /// assessment of another version is placed by the criteria the two share, and an area its file
    /// does not have is left unplaced); a file of the same version that does not fit the framework is
    /// named on standard error and left out.
    static func compared(_ chosen: [(id: String, seen: Seen)], on framework: Framework) -> [ComparedAssessment] {
        let criteria = FrameworkCriteria(framework)
        return chosen.compactMap { id, item -> ComparedAssessment? in
            let glance = item.glance
            var levels: [AreaLevel?] = []
            if glance.framework.id == framework.id {
                if glance.framework.version == framework.version {
                    let problems = AssessmentCheck.problems(glance, framework: criteria)
                    guard problems.isEmpty else {
                        for problem in problems { Terminal.error("maturity: \(inert: item.path): \(problem)") }
                        return nil
                    }
                }
                let present = Set(glance.areas.map(\.id))
                levels = zip(framework.areas, glance.levels(in: criteria)).map { area, placed in
                    present.contains(area.id) ? AreaLevel(level: placed.level, isProvisional: placed.isProvisional) : nil
                }
            }
            return ComparedAssessment(systemID: id, file: item.fileName, date: glance.date, isComplete: glance.status == .complete,
                                      place: glance.place, framework: glance.framework, levels: levels)
        }
    }
}
