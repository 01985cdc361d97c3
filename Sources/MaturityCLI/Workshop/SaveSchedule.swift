import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import MaturityStore
import WorkshopUI

/// When the screen runner writes the draft, and what it tells the workshop about the writes: the
/// bookkeeping only, without threads or disk (the writes are ``DraftSaver``'s).
///
/// Every change (an answer, a note, an action: anything but a move) is handed to the saver at once and
/// numbered; a write reports the number it carried. The workshop hears "saved" only from the write
/// of the latest change, and "the store failed" only then too (an older write's failure is followed
/// by a newer write anyway), so that its status bar never says "saved" while a change is on its way.
/// A move alone is written once no key has come for ``positionPause`` milliseconds (at most
/// ``positionLimit`` after the first one), or with the next change, which carries it.
struct SaveSchedule {
    /// A move is saved after this long without keys...
    static let positionPause = 250
    /// ...and at most this long after the first move not yet saved.
    static let positionLimit = 1000
    /// While the store fails, the latest change is tried again this often.
    static let retryInterval = 2000

    /// How many changes have been made.
    private(set) var changes = 0
    /// The latest change the store is known to hold.
    private(set) var stored = 0
    /// A move has not been handed over yet (or its write failed).
    private(set) var positionUnsaved = false
    /// Why the store failed the latest change, while it does.
    private(set) var storeProblem: String?
    private var firstMove: Int?
    private var positionDue: Int?
    private var retryDue: Int?
    /// The draft a write created, while the workshop has not been told of it (a newer change was pending).
    private var created: URL?

    /// Something is not in the store yet: a change or a move.
    var hasUnsaved: Bool { changes > stored || positionUnsaved }

    /// Counts a change, to be handed over at once.
    mutating func change() {
        changes += 1
    }

    /// Notes a move at `now` (milliseconds), to be handed over after a pause.
    mutating func move(now: Int) {
        positionUnsaved = true
        let first = firstMove ?? now
        firstMove = first
        positionDue = min(first + Self.positionLimit, now + Self.positionPause)
    }

    /// The state is being handed to the saver: it carries every change and move so far. Returns the
    /// request's generation, and whether a failing store must rescue it.
    mutating func handOver() -> (generation: Int, rescuing: Bool) {
        positionUnsaved = false
        firstMove = nil
        positionDue = nil
        retryDue = nil
        return (changes, changes > stored)
    }

    /// Milliseconds from `now` until a write falls due; nil when none will.
    func wait(now: Int) -> Int? {
        [positionDue, retryDue].compactMap { $0 }.min().map { max(0, $0 - now) }
    }

    /// Whether a write is due at `now`: a retry while the store fails, or a pause after moves (which,
    /// while the store fails, waits for the retry).
    mutating func isDue(now: Int) -> Bool {
        if let retryDue, retryDue <= now { return true }
        guard let positionDue, positionDue <= now else { return false }
        if storeProblem != nil {
            self.positionDue = nil
            return false
        }
        return true
    }

    /// Takes `report` into account, and returns what to tell the workshop (see the type's description).
    mutating func take(_ report: DraftSaver.Report, now: Int) -> [WorkshopEvent] {
        let latest = report.generation == changes
        switch report.outcome {
        case let .created(url):
            created = url
            return stored(report, latest: latest)
        case .saved:
            return stored(report, latest: latest)
        case let .rescued(reason, copy):
            return failed(report, reason: reason, copy: copy.path, latest: latest, now: now)
        case let .failed(reason):
            return failed(report, reason: reason, copy: nil, latest: latest, now: now)
        }
    }

    private mutating func stored(_ report: DraftSaver.Report, latest: Bool) -> [WorkshopEvent] {
        storeProblem = nil
        stored = max(stored, report.generation)
        // A write that only moved the position tells nothing: the workshop already knows the rest is saved.
        guard latest, report.rescuing else { return [] }
        return [tellCreated() ?? .saved]
    }

    private mutating func failed(_ report: DraftSaver.Report, reason: String, copy: String?, latest: Bool, now: Int)
        -> [WorkshopEvent] {
        guard report.rescuing else {
            // Only the position was refused: it goes with the next write.
            positionUnsaved = true
            return []
        }
        storeProblem = reason
        guard latest else { return [] }
        retryDue = now + Self.retryInterval
        return [tellCreated(), .storeFailed(reason: reason, rescueCopy: copy)].compactMap { $0 }
    }

    private mutating func tellCreated() -> WorkshopEvent? {
        defer { created = nil }
        return created.map { .draftCreated($0) }
    }

    /// How long the end of the workshop waited for a write that did not finish (a store that hangs), if it
    /// gave up with a change not known to be in the store.
    private(set) var gaveUpAfter: Int?

    /// The saver did not finish within `seconds` before the workshop ended.
    mutating func gaveUp(after seconds: Int) {
        if changes > stored { gaveUpAfter = seconds }
    }
}
