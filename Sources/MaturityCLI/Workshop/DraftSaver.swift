import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import MaturityFramework
import MaturityModel
import MaturityStore

/// Writes the workshop's draft on a thread of its own, so that no frame waits for the disk. It always
/// writes the latest state handed to it: states handed over while a write is under way replace one
/// another, and only the last of them is written next. Each finished write is reported, and a byte on
/// ``wakeDescriptor`` tells the workshop's loop that a report is waiting.
///
/// The ``DraftWriter`` (the draft's name, the rescue copy) belongs to the thread from the start.
final class DraftSaver: @unchecked Sendable {
    /// A state to write.
    struct Request: Sendable {
        /// What to write.
        var assessment: Assessment
        /// Its framework (for the placements written beside the answers).
        var framework: Framework
        /// How many changes (not counting moves) the workshop had made when it handed this state over.
        var generation: Int
        /// The draft's file when the workshop knows it (a draft resumed from the start screen); nil keeps the
        /// saver's own (none until it has created the draft).
        var draft: URL?
        /// Whether a failing store sends the content to a rescue copy: not for a state that differs from
        /// what the store holds by its position alone.
        var rescuing: Bool
    }

    /// A finished write.
    struct Report: Sendable {
        /// The request's generation.
        var generation: Int
        /// The request's `rescuing`.
        var rescuing: Bool
        /// What the write did.
        var outcome: DraftWriter.Outcome
        /// The lock taken on a draft the write created (see ``DraftLock``), if it could be taken.
        var lock: DraftLock?
    }

    private let condition = ThreadCondition()
    private var writer: DraftWriter
    private var pending: Request?
    private var writing = false
    private var reports: [Report] = []
    private let frameLog: FrameLog?
    private let pipe: (read: Int32, write: Int32)
    private var threaded = false

    /// The descriptor that becomes readable when a report is waiting (see ``takeReports()``).
    var wakeDescriptor: Int32 { pipe.read }
    /// A byte written here wakes the workshop's loop too (a signal handler does, for a held signal).
    var wakeWriteDescriptor: Int32 { pipe.write }

    /// Starts the saver's thread with `writer`, which it owns from now on. `frameLog` gets a `save` line as
    /// each write starts and `saved` as it ends (flushed to disk).
    init(writer: DraftWriter, frameLog: FrameLog?) {
        self.writer = writer
        self.frameLog = frameLog
        var ends: [Int32] = [-1, -1]
        if Glibc.pipe(&ends) == 0 {
            // Neither end is handed to a child process, nor ever blocks: a full pipe already says "wake up".
            for end in ends {
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
                _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            }
        }
        pipe = (ends[0], ends[1])
        // Without a thread of its own (the system refused one), each state is written as it is handed over.
        threaded = startDetachedThread { [self] in run() }
    }

    /// Hands `request` over to be written as soon as the thread is free, replacing any state still waiting.
    func submit(_ request: Request) {
        condition.lock()
        pending = request
        condition.signal()
        condition.unlock()
        if !threaded { writeNext() }
    }

    /// Nothing is waiting or being written.
    var isIdle: Bool {
        condition.lock()
        defer { condition.unlock() }
        return pending == nil && !writing
    }

    /// Waits until nothing is waiting or being written, at most `seconds`; false if time ran out.
    @discardableResult
    func waitUntilIdle(seconds: Double) -> Bool {
        let deadline = MonotonicDeadline(secondsFromNow: seconds)
        condition.lock()
        defer { condition.unlock() }
        while pending != nil || writing {
            if !condition.wait(until: deadline) { return pending == nil && !writing }
        }
        return true
    }

    /// The reports of writes finished since the last call, oldest first.
    func takeReports() -> [Report] {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(pipe.read, &buffer, buffer.count) > 0 {}
        condition.lock()
        defer { condition.unlock() }
        let taken = reports
        reports = []
        return taken
    }

    private func run() {
        Self.leaveSignalsToTheWorkshop()
        while true {
            condition.lock()
            while pending == nil { condition.wait() }
            condition.unlock()
            writeNext()
        }
    }

    /// Writes the state waiting, if any, and reports it.
    private func writeNext() {
        condition.lock()
        guard let request = pending else {
            condition.unlock()
            return
        }
        pending = nil
        writing = true
        condition.unlock()

        if let draft = request.draft { writer.draft = draft }
        frameLog?.record("save")
        let outcome = writer.write(request.assessment, framework: request.framework, rescuing: request.rescuing)
        frameLog?.record("saved")
        var lock: DraftLock?
        if case let .created(url) = outcome { lock = try? DraftLock.acquire(url) }

        condition.lock()
        reports.append(Report(generation: request.generation, rescuing: request.rescuing, outcome: outcome, lock: lock))
        writing = false
        condition.broadcast()
        condition.unlock()
        var byte: UInt8 = 1
        _ = write(pipe.write, &byte, 1)
    }

    /// Blocks, on this thread, the signals the workshop's thread handles (ending signals, a resize), so
    /// that the kernel delivers them there and its wait for keys is interrupted.
    private static func leaveSignalsToTheWorkshop() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for number in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGWINCH, SIGTSTP, SIGCONT] { sigaddset(&signals, number) }
        pthread_sigmask(SIG_BLOCK, &signals, nil)
    }
}
