import MaturityFramework
import MaturityModel
import MaturityStore
import Synchronization

/// The lines of `list` made from glances, each framework prepared once (``FrameworkCriteria``) for
/// all the files answered against it, from every thread.
final class ListLines: Sendable {
    private let catalog: FrameworkCatalog
    private let prepared = Mutex<[String: FrameworkCriteria]>([:])

    /// Lines whose frameworks come from `catalog`.
    init(catalog: FrameworkCatalog) {
        self.catalog = catalog
    }

    /// The line for the assessment seen in `glance`, in the store's file `fileName` (at `path`); or the
    /// failure that ``FrameworkCatalog/framework(for:file:)`` gives for the whole assessment.
    func line(_ glance: AssessmentGlance, fileName: String, path: @autoclosure () -> String) throws(CommandFailure) -> String {
        let criteria: FrameworkCriteria
        if let known = prepared.withLock({ $0[glance.framework.id] }) {
            criteria = known
        } else {
            criteria = FrameworkCriteria(try catalog.installed(glance.framework.id, file: path()))
            prepared.withLock { $0[glance.framework.id] = criteria }
        }
        try FrameworkCatalog.refuse(AssessmentCheck.problems(glance, framework: criteria), file: path())
        return AssessmentSummary.listLine(glance, framework: criteria, fileName: fileName)
    }
}
