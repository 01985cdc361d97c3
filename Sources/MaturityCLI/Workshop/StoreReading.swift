import Dispatch
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import MaturityFramework
import MaturityModel
import MaturityStore
import Synchronization
import WorkshopUI

/// Reads what the full-screen workshop needs of the store: a summary of each assessment (see
/// ``StoreIndex``), and in full only the latest complete assessment of each system, which a new workshop
/// may carry forward. The assessments themselves are never all held in memory at once.
enum StoreReading {
    /// What a read gives: the index, and one line for each file that could not be read.
    struct Outcome: Sendable {
        /// What the workshop needs of the store.
        var index: StoreIndex
        /// Files that could not be read, one line each, to be named on standard error.
        var problems: [String]
    }

    /// The assessments of the store whose framework is available (only those that may be `system`'s, or
    /// have identity `systemID`, when either is given, and those that may be called `otherName` too), with
    /// the drafts of `draftsOf` at `place` offered (nil: its system-level drafts; every draft when
    /// `draftsOf` is nil). A store folder that cannot be read fails.
    static func read(_ store: AssessmentStore, catalog: FrameworkCatalog, system: String?, systemID: String? = nil,
                     otherName: String? = nil, draftsOf: String?, place: String? = nil) -> Result<Outcome, CommandFailure> {
        var entries: [StoreIndex.Entry] = []
        var problems: [String] = []
        do {
            var seen: Set<String> = []
            // The assessments of one system share its name and identity: each is kept once, not once a file.
            var names: [String: String] = [:]
            func shared(_ text: String) -> String {
                if let kept = names[text] { return kept }
                names[text] = text
                return text
            }
            // Each framework's criteria, prepared once, for checking glances: by id, version and text (each
            // version the store keeps or this machine has), and by id for a version neither has.
            let versions = catalog.entries.map(\.framework) + catalog.setAsideEntries.map(\.framework)
            let prepared = Dictionary(versions.map { ($0.id, FrameworkCriteria($0)) }, uniquingKeysWith: { first, _ in first })
            let preparedVersions = Dictionary(versions.map { (Framework.versionKey(id: $0.id, version: $0.version, sha256: $0.file?.sha256), FrameworkCriteria($0)) },
                                              uniquingKeysWith: { first, _ in first })
            for (name, id) in [(system, systemID)] + (otherName.map { [($0, nil)] } ?? []) {
                // Each file through the glance reader (and the scan index): a complete assessment's glance is all
                // the index needs of it; a draft, which the start screen offers to resume, is read in full.
                let scanned = try store.scanGlances(system: name, systemID: id) { glanced -> StoreIndex.Entry? in
                    let reference = glanced.glance.framework
                    guard let criteria = preparedVersions[Framework.versionKey(id: reference.id, version: reference.version, sha256: reference.sha256)]
                            ?? prepared[reference.id],
                          AssessmentCheck.problems(glanced.glance, framework: criteria).isEmpty else { return nil }
                    let path = glanced.url.path
                    guard glanced.glance.status == .draft else {
                        return StoreIndex.Entry(path: path, assessment: glanced.glance.assessment, framework: criteria.framework)
                    }
                    // Read again now, so checked again: the file may have changed since its glance was taken.
                    let assessment = try AssessmentStore.load(glanced.url)
                    guard AssessmentCheck.problems(assessment, framework: criteria.framework).isEmpty else { return nil }
                    return StoreIndex.Entry(path: path, assessment: assessment, framework: criteria.framework)
                }
                entries.reserveCapacity(entries.count + scanned.results.count)
                for result in scanned.results {
                    guard var entry = result.value, seen.insert(entry.path).inserted else { continue }
                    entry.member.name = shared(entry.member.name)
                    entry.member.systemID = entry.member.systemID.map(shared)
                    entries.append(entry)
                }
                problems += scanned.problems.filter { !problems.contains($0) }
            }
        } catch {
            return .failure(CommandFailure("maturity: \(error.message)"))
        }
        if otherName != nil { entries.sort { ($0.date, $0.name) > ($1.date, $1.name) } }
        var index = StoreIndex(entries: entries, frameworks: catalog.entries.map(\.framework) + catalog.setAsideEntries.map(\.framework),
                               offeringDraftsOf: draftsOf, place: place)
        let candidates = index.carryCandidates.map(\.path)
        let loaded = Parallel.map(candidates) { path in Result { () throws(StoreError) in try AssessmentStore.load(URL(fileURLWithPath: path)) } }
        for (path, outcome) in zip(candidates, loaded) {
            switch outcome {
            case let .success(assessment): index.carry(assessment, from: path)
            case let .failure(error): problems.append(error.message)
            }
        }
        return .success(Outcome(index: index, problems: problems.sorted()))
    }
}

/// A read of the store on another thread, started once the first frame is painted; the key loop asks
/// for its outcome between keys.
final class BackgroundStoreRead: Sendable {
    private let work: @Sendable () -> Result<StoreReading.Outcome, CommandFailure>
    private let finished = Mutex<Result<StoreReading.Outcome, CommandFailure>?>(nil)

    /// A read that `start()` runs.
    init(_ work: @escaping @Sendable () -> Result<StoreReading.Outcome, CommandFailure>) {
        self.work = work
    }

    /// Starts the read on another thread.
    func start() {
        DispatchQueue.global(qos: .userInitiated).async {
            let outcome = self.work()
            Self.returnFreedMemory()
            self.finished.withLock { $0 = outcome }
        }
    }

    /// Gives the pages the read freed back to the system: glibc keeps a thread's freed memory otherwise.
    /// (Swift's Glibc module lacks `malloc.h`: `malloc_trim` is looked up in the C library.)
    private static func returnFreedMemory() {
        #if canImport(Glibc)
        typealias MallocTrim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(nil, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        #endif
    }

    /// The outcome, once the read has finished; nil until then.
    var outcome: Result<StoreReading.Outcome, CommandFailure>? {
        finished.withLock { $0 }
    }
}
