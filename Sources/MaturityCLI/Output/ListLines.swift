import MaturityFramework
import MaturityModel
import MaturityRules
import MaturityStore
import Synchronization

/// The lines of `list`, made from glances: each framework is prepared once (its criteria in order, its
/// titles made inert) for all the files answered against it, from every thread.
///
/// A line: `DATE  SYSTEM[ · PLACE]  STATUS  FRAMEWORK VERSION  Short: Stage · Short: Stage (provisional) · …  [FILE]`,
/// every value from the file made inert, line breaks included.
final class ListLines: Sendable {
    /// A framework ready to make lines.
    private struct Prepared: Sendable {
        let criteria: FrameworkCriteria
        /// Each area's short title, made inert.
        let shortTitles: [String]
        /// The stage title at each level (0: below the first stage), made inert.
        let stageTitles: [String]

        init(_ framework: Framework) {
            criteria = FrameworkCriteria(framework)
            shortTitles = framework.areas.map { TerminalText.inert($0.shortTitle) }
            stageTitles = (0...framework.stages.count).map { TerminalText.inert(PlacementRules.stageTitle(atLevel: $0, in: framework)) }
        }
    }

    private let catalog: FrameworkCatalog
    private let prepared = Mutex<[String: Prepared]>([:])

    /// Lines whose frameworks come from `catalog`.
    init(catalog: FrameworkCatalog) {
        self.catalog = catalog
    }

    /// The line for the assessment seen in `glance`, in the store's file `fileName` (at `path`); or the
    /// failure that ``FrameworkCatalog/framework(for:file:)`` gives for the whole assessment.
    func line(_ glance: AssessmentGlance, fileName: String, path: @autoclosure () -> String) throws(CommandFailure) -> String {
        let framework: Prepared
        // By id, version and hash: assessments of one store may use several versions of a framework (issue 16).
        let key = glance.framework.id + "\u{0}" + glance.framework.version + "\u{0}" + (glance.framework.sha256 ?? "")
        if let known = prepared.withLock({ $0[key] }) {
            framework = known
        } else {
            framework = Prepared(try catalog.answered(glance.framework, file: path()))
            prepared.withLock { $0[key] = framework }
        }
        try FrameworkCatalog.refuse(AssessmentCheck.problems(glance, framework: framework.criteria), file: path())
        var line = ""
        line.reserveCapacity(192)
        line += glance.date.description
        line += "  "
        line += TerminalText.inert(glance.system)
        if let place = glance.place {
            line += " · "
            line += TerminalText.inert(place)
        }
        line += "  "
        line += glance.status.rawValue
        line += "  "
        line += TerminalText.inert(glance.framework.id)
        line += " "
        line += TerminalText.inert(glance.framework.version)
        line += "  "
        for (index, placed) in glance.levels(in: framework.criteria).enumerated() {
            if index > 0 { line += " · " }
            line += framework.shortTitles[index]
            line += ": "
            line += framework.stageTitles[placed.level]
            if placed.isProvisional { line += " (provisional)" }
        }
        line += "  ["
        line += TerminalText.inert(fileName)
        line += "]"
        return line
    }
}
