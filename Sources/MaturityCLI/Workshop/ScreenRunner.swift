import CellGrid
import CursesTerminal
import FoundationEssentials
import MaturityModel
import MaturityFramework
import MaturityReports
import MaturityStore
import WorkshopUI

/// Runs the full-screen workshop: keys in, effects out, frames painted.
struct ScreenRunner {
    let store: AssessmentStore
    var state: WorkshopState
    let terminal: CursesTerminal
    /// The lock on the draft being written, once there is one; removed even if a signal ends the workshop.
    var lock: DraftLock? {
        didSet { terminal.removeWhenKilled(lock?.url.path, descriptor: lock?.descriptor ?? -1) }
    }
    /// Writes the draft, or a rescue copy while the store fails.
    var writer: DraftWriter
    /// Why the store failed last, while it does.
    var storeProblem: String?
    /// While changes are waiting for the store, it is tried again this often.
    let retryMilliseconds = 2000
    /// With `MATURITY_FRAME_LOG=FILE`, the monotonic time of each key read and each frame painted
    /// is appended to FILE, for the benchmark script.
    let frameLog = ProcessInfo.processInfo.environment["MATURITY_FRAME_LOG"].flatMap(FrameLog.init)
    /// The store, read on another thread once the first frame is painted; nil once handed to the workshop.
    var storeRead: BackgroundStoreRead?
    /// While the store is being read, keys are waited for this long at most, so that it shows once read.
    let storeReadPollMilliseconds = 10
    /// Files of the store that could not be read, to be named once the terminal is given back.
    var storeProblems: [String] = []
    /// Why the store could not be read at all: the workshop then ends, and the command fails with it.
    var storeFailure: CommandFailure?

    mutating func run() {
        defer {
            // The lock goes first: once the terminal is given back, a late SIGHUP ends the process at once.
            lock?.release()
            terminal.stop()
            reportUnsavedChanges()
        }
        terminal.removeWhenKilled(lock?.url.path, descriptor: lock?.descriptor ?? -1)
        let size = terminal.size
        _ = send(.resize(width: size.width, height: size.height))
        draw()
        storeRead?.start()
        var failedReads = 0
        while true {
            guard takeStoreRead() else { return }
            let retrying = state.unsaved && storeProblem != nil
            let waitsForStore = storeRead != nil
            guard let key = terminal.readKey(timeoutMilliseconds: waitsForStore ? storeReadPollMilliseconds
                                                 : retrying ? retryMilliseconds : nil) else {
                // Only a look at the store's read, unless the terminal has gone.
                if waitsForStore, !terminal.isGone { continue }
                failedReads += retrying ? 0 : 1
                // The terminal went away (window closed, SSH dropped): keep what can be kept, and end.
                if terminal.isGone || failedReads > 100 {
                    if state.unsaved { save() }
                    return
                }
                if retrying {
                    guard perform([.save]) else { return }
                    draw()
                }
                continue
            }
            failedReads = 0
            frameLog?.record("key")
            var effects = send(key)
            // Keys already waiting (a paste, typing ahead) are applied before one save and one frame; a key
            // that asks for anything else (a lock, an export, quitting) is acted on before the next is read.
            while effects.allSatisfy({ $0 == .save || $0 == .createDraft }), let more = terminal.readKey(timeoutMilliseconds: 0) {
                effects += send(more).filter { !effects.contains($0) }
            }
            guard perform(effects) else { return }
            draw()
        }
    }

    /// Hands the store to the workshop once it has been read, and paints what changes; false when the
    /// store could not be read at all, and the workshop is to end.
    private mutating func takeStoreRead() -> Bool {
        guard let outcome = storeRead?.outcome else { return true }
        storeRead = nil
        switch outcome {
        case let .success(read):
            storeProblems = read.problems
            guard perform(send(.storeRead(read.index))) else { return false }
            draw()
            return true
        case let .failure(failure):
            storeFailure = failure
            return false
        }
    }

    private func draw() {
        terminal.draw(Renderer.render(state))
        frameLog?.record("frame")
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

    /// Carries out the workshop's effects: the one place they are interpreted. The draft is created or
    /// saved once for the whole batch. Returns false once the workshop is to end.
    private mutating func perform(_ effects: [WorkshopEffect]) -> Bool {
        var queue = effects
        var saved = false
        var next = 0
        while next < queue.count {
            let effect = queue[next]
            next += 1
            switch effect {
            case .save, .createDraft:
                if saved { continue }
                saved = true
                queue += save()
            case let .lockDraft(file):
                queue += lockResumedDraft(file)
            case .export:
                queue += export(.ask)
            case let .exportInto(folder, replacing):
                queue += export(replacing ? .replace(folder: folder) : .beside(folder: folder))
            case .suspend:
                terminal.suspend()
                // The window may have changed size while the workshop was stopped.
                queue += send(Key.resize)
            case .quit:
                return false
            }
        }
        return true
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

    /// Creates or saves the draft, and reports how it went to the workshop.
    @discardableResult
    private mutating func save() -> [WorkshopEffect] {
        guard let assessment = state.assessmentToSave else { return [] }
        frameLog?.record("save")
        defer { frameLog?.record("saved") }
        writer.draft = state.draftFile
        switch writer.write(assessment, framework: state.framework) {
        case let .created(url):
            storeProblem = nil
            lock = try? DraftLock.acquire(url)
            return send(.draftCreated(url))
        case .saved:
            storeProblem = nil
            return send(.saved)
        case let .rescued(reason, copy):
            storeProblem = reason
            return send(.storeFailed(reason: reason, rescueCopy: copy.path))
        case let .failed(reason):
            storeProblem = reason
            return send(.storeFailed(reason: reason, rescueCopy: nil))
        }
    }

    /// After the terminal is back: what to do about changes the store did not take.
    private func reportUnsavedChanges() {
        guard state.unsaved, let problem = storeProblem else { return }
        if let copy = state.rescueCopy {
            Terminal.error("maturity: the store could not be written (\(problem)). The assessment is safe in \(copy); "
                + "once the store works, put it back with: cp '\(copy)' '\(store.folder.path)/'")
        } else {
            Terminal.error("maturity: the store could not be written (\(problem)), nor any rescue folder; "
                + "the latest changes were lost")
        }
    }
}
