import CellGrid
import CursesTerminal
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import MaturityModel
import MaturityFramework
import MaturityReports
import MaturityStore
import WorkshopUI

/// Runs the full-screen workshop: keys in, effects out, frames painted. The draft is written by a
/// ``DraftSaver`` on its own thread, so that no frame waits for the disk; ``SaveSchedule`` decides when,
/// and what the workshop's status bar is told. Whatever is not yet in the store is written before the
/// workshop ends, however it ends: quitting, the terminal gone, or SIGTERM, SIGHUP, SIGINT or SIGQUIT,
/// which are held (see ``TerminalRestorer/holdEndingSignals(wakingThrough:)``) while anything is unsaved.
struct ScreenRunner {
    let store: AssessmentStore
    var state: WorkshopState
    let terminal: CursesTerminal
    /// The lock on the draft being written, once there is one; removed even if a signal ends the workshop.
    var lock: DraftLock? {
        didSet { terminal.removeWhenKilled(lock?.url.path, descriptor: lock?.descriptor ?? -1) }
    }
    /// Writes the draft, or a rescue copy while the store fails: handed to the saver's thread when the workshop runs.
    let writer: DraftWriter
    /// When to write, and what the workshop has been told.
    private var schedule = SaveSchedule()
    /// The ending signal held while saving, to end the process with once the draft is written.
    private var endingSignal: Int32?
    /// How long the end of the workshop waits for the store to finish writing.
    private let finishSeconds = 5
    /// With `MATURITY_FRAME_LOG=FILE`, the monotonic time of each key read, each frame painted for a key
    /// (`frame`), each repaint after a save (`repaint`), and the start and end of each write (`save`, `saved`:
    /// flushed to disk) is appended to FILE, for the benchmark scripts and the tests.
    let frameLog = ProcessEnvironment.variables["MATURITY_FRAME_LOG"].flatMap(FrameLog.init)
    /// The store, read on another thread once the first frame is painted; nil once handed to the workshop.
    var storeRead: BackgroundStoreRead?
    /// While the store is being read, input is waited for this long at most, so that it shows once read.
    let storeReadPollMilliseconds = 10
    /// Files of the store that could not be read, to be named once the terminal is given back.
    var storeProblems: [String] = []
    /// Why the store could not be read at all: the workshop then ends, and the command fails with it.
    var storeFailure: CommandFailure?

    /// A workshop on `terminal`, holding `lock` on the draft it resumes (if any), writing through `writer`.
    init(store: AssessmentStore, state: WorkshopState, terminal: CursesTerminal, lock: DraftLock?, writer: DraftWriter) {
        self.store = store
        self.state = state
        self.terminal = terminal
        self.lock = lock
        self.writer = writer
    }

    mutating func run() {
        let saver = DraftSaver(writer: writer, frameLog: frameLog)
        defer {
            TerminalRestorer.stopHoldingEndingSignals()
            // The lock goes first: once the terminal is given back, a late SIGHUP ends the process at once.
            lock?.release()
            terminal.stop()
            reportUnsavedChanges()
            // A signal held while the workshop was already ending (after q, say) still ends the process as it asked.
            if let endingSignal = endingSignal ?? TerminalRestorer.heldSignal {
                // End as the signal asked, now that everything is written and the terminal is back.
                signal(endingSignal, SIG_DFL)
                raise(endingSignal)
            }
        }
        terminal.removeWhenKilled(lock?.url.path, descriptor: lock?.descriptor ?? -1)
        let size = terminal.size
        _ = send(.resize(width: size.width, height: size.height))
        draw()
        storeRead?.start()
        var failedReads = 0
        var inputWaiting = false
        while true {
            guard takeStoreRead(saver) else {
                finish(saver)
                return
            }
            if takeReports(saver) { draw("repaint") }
            // Ending signals wait while anything is unsaved; one that came ends the workshop once it is written.
            if schedule.hasUnsaved || !saver.isIdle {
                TerminalRestorer.holdEndingSignals(wakingThrough: saver.wakeWriteDescriptor)
            } else {
                TerminalRestorer.stopHoldingEndingSignals()
            }
            if let held = TerminalRestorer.heldSignal {
                endingSignal = held
                finish(saver)
                return
            }
            if let key = terminal.readKey(timeoutMilliseconds: 0) {
                failedReads = 0
                inputWaiting = false
                guard handle(key, saver) else {
                    finish(saver)
                    return
                }
                continue
            }
            if inputWaiting {
                // Input was there, yet no key: the terminal went away (window closed, SSH dropped), or keeps
                // failing. Keep what can be kept, and end.
                failedReads += 1
                if terminal.isGone || failedReads > 100 {
                    finish(saver)
                    return
                }
            }
            let now = Self.milliseconds()
            // While the store is being read, only a short wait, so that it shows once read.
            let wait = storeRead == nil ? schedule.wait(now: now)
                : min(schedule.wait(now: now) ?? storeReadPollMilliseconds, storeReadPollMilliseconds)
            switch terminal.waitForInput(orReadable: saver.wakeDescriptor, timeoutMilliseconds: wait) {
            case .input:
                inputWaiting = true
            case .woken:
                inputWaiting = false
            case .timedOut:
                inputWaiting = false
                if schedule.isDue(now: Self.milliseconds()) { handOver(to: saver) }
            }
        }
    }

    /// Hands the store to the workshop once it has been read, and paints what changes; false when the
    /// store could not be read at all, and the workshop is to end.
    private mutating func takeStoreRead(_ saver: DraftSaver) -> Bool {
        guard let outcome = storeRead?.outcome else { return true }
        storeRead = nil
        switch outcome {
        case let .success(read):
            storeProblems = read.problems
            guard perform(send(.storeRead(read.index)), saver) else { return false }
            draw()
            return true
        case let .failure(failure):
            storeFailure = failure
            return false
        }
    }

    /// Applies `key` (and any keys typed ahead of the frame), carries out the effects, and paints the frame.
    /// Returns false once the workshop is to end.
    private mutating func handle(_ key: Key, _ saver: DraftSaver) -> Bool {
        frameLog?.record("key")
        var effects = send(key)
        // Keys already waiting (a paste, typing ahead) are applied before one save and one frame; a key
        // that asks for anything else (a lock, an export, quitting) is acted on before the next is read.
        while effects.allSatisfy({ [.save, .createDraft, .savePosition].contains($0) }),
              let more = terminal.readKey(timeoutMilliseconds: 0) {
            effects += send(more).filter { !effects.contains($0) }
        }
        guard perform(effects, saver) else { return false }
        draw()
        return true
    }

    private func draw(_ event: String = "frame") {
        terminal.draw(Renderer.render(state))
        frameLog?.record(event)
    }

    /// Milliseconds on the monotonic clock.
    private static func milliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int(now.tv_sec) * 1000 + Int(now.tv_nsec) / 1_000_000
    }

    /// Hands the state to the workshop's update with `event`, takes the new state back, and returns the effects.
    private mutating func send(_ event: WorkshopEvent) -> [WorkshopEffect] {
        Self.handOver(&state, event)
    }

    /// The update, with the state handed over rather than copied (a long note is edited in place).
    private static func handOver(_ state: inout WorkshopState, _ event: WorkshopEvent) -> [WorkshopEffect] {
        let effects: [WorkshopEffect]
        (state, effects) = Workshop.update(consume state, event)
        return effects
    }

    /// A key, with the terminal's new size for a resize.
    private mutating func send(_ key: Key) -> [WorkshopEffect] {
        guard key == .resize else { return send(.key(key)) }
        let size = terminal.size
        return send(.resize(width: size.width, height: size.height))
    }

    /// Carries out the workshop's effects: the one place they are interpreted. A change is handed to the
    /// saver once for the whole batch (with the position); a move alone is noted, to be saved after a
    /// pause. Returns false once the workshop is to end.
    private mutating func perform(_ effects: [WorkshopEffect], _ saver: DraftSaver) -> Bool {
        var queue = effects
        var changed = false
        var next = 0
        while next < queue.count {
            let effect = queue[next]
            next += 1
            switch effect {
            case .save, .createDraft:
                if changed { continue }
                changed = true
                schedule.change()
                handOver(to: saver)
            case .savePosition:
                if !changed { schedule.move(now: Self.milliseconds()) }
            case let .lockDraft(file):
                queue += lockResumedDraft(file)
            case .export:
                queue += export(.ask)
            case let .exportInto(folder, replacing):
                queue += export(replacing ? .replace(folder: folder) : .beside(folder: folder))
            case .suspend:
                // Nothing waits in memory while the process is stopped (it may never be continued).
                saver.waitUntilIdle(seconds: Double(finishSeconds))
                takeReports(saver)
                terminal.suspend()
                // The window may have changed size while the workshop was stopped.
                queue += send(Key.resize)
            case .quit:
                return false
            }
        }
        return true
    }

    /// Hands the state as it must be saved to the saver: every change and move so far.
    private mutating func handOver(to saver: DraftSaver) {
        guard let assessment = state.assessmentToSave else { return }
        let (generation, rescuing) = schedule.handOver()
        saver.submit(DraftSaver.Request(assessment: assessment, framework: state.framework, generation: generation,
                                        draft: state.draftFile, rescuing: rescuing))
    }

    /// Tells the workshop how the finished writes went (and keeps the lock on a draft the saver created);
    /// true if it was told anything.
    @discardableResult
    private mutating func takeReports(_ saver: DraftSaver) -> Bool {
        var told = false
        let now = Self.milliseconds()
        for report in saver.takeReports() {
            if let taken = report.lock { lock = taken }
            for event in schedule.take(report, now: now) {
                _ = send(event)
                told = true
            }
        }
        return told
    }

    /// Before the workshop ends: lets the write under way finish, hands over whatever the store does not
    /// have yet (or tries a failing store once more), and waits until that is written too; a few seconds
    /// at most each time.
    private mutating func finish(_ saver: DraftSaver) {
        var finished = saver.waitUntilIdle(seconds: Double(finishSeconds))
        takeReports(saver)
        if finished, schedule.hasUnsaved {
            handOver(to: saver)
            finished = saver.waitUntilIdle(seconds: Double(finishSeconds))
            takeReports(saver)
        }
        if !finished { schedule.gaveUp(after: finishSeconds) }
    }

    /// Locks the draft the start screen chose and reads it again under the lock (the list was made at
    /// launch), or tells the start screen it is busy.
    private mutating func lockResumedDraft(_ file: URL) -> [WorkshopEffect] {
        do {
            // Let go of (and forget, for the signal handler) any lock held before taking the new one.
            lock = nil
            lock = try DraftLock.acquire(file)
            return send(.lockedDraftRead(try AssessmentStore.load(file), file: file))
        } catch {
            lock?.release()
            lock = nil
            return send(.lockRefused("\(error)"))
        }
    }

    /// Writes the summary in every format beside each other, never into the store (see ``SummaryExport``).
    private mutating func export(_ request: SummaryExport.Request) -> [WorkshopEffect] {
        guard let assessment = state.assessment else { return [] }
        switch WorkshopExport.write(assessment, draftPath: state.draftFile?.path, framework: state.framework, store: store,
                                    request: request) {
        case let .written(paths, note):
            return send(.exported(paths: paths, note: note))
        case let .wouldReplace(folder, existing):
            return send(.exportWouldReplace(folder: folder, existing: existing))
        case let .failed(reason):
            return send(.exportFailed(reason))
        }
    }

    /// After the terminal is back: what to do about changes the store did not take.
    private func reportUnsavedChanges() {
        if let seconds = schedule.gaveUpAfter, state.unsaved {
            Terminal.error("maturity: the store did not finish writing within \(seconds) seconds, so the latest changes "
                + "may not be in \(state.draftFile?.path ?? store.folder.path)")
            return
        }
        guard state.unsaved, let problem = schedule.storeProblem else { return }
        if let copy = state.rescueCopy {
            Terminal.error("maturity: the store could not be written (\(problem)). The assessment is safe in \(copy); "
                + "once the store works, put it back with: cp '\(copy)' '\(store.folder.path)/'")
        } else {
            Terminal.error("maturity: the store could not be written (\(problem)), nor any rescue folder; "
                + "the latest changes were lost")
        }
    }
}
