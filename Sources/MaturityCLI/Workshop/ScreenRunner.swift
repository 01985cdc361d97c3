import CellGrid
import CursesTerminal
import Foundation
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

    mutating func run() {
        defer {
            // The lock goes first: once the terminal is given back, a late SIGHUP ends the process at once.
            lock?.release()
            terminal.stop()
            reportUnsavedChanges()
        }
        terminal.removeWhenKilled(lock?.url.path, descriptor: lock?.descriptor ?? -1)
        (state.width, state.height) = terminal.size
        terminal.draw(Renderer.render(state))
        frameLog?.record("frame")
        var failedReads = 0
        while !state.hasQuit {
            let retrying = state.unsaved && storeProblem != nil
            guard let key = terminal.readKey(timeoutMilliseconds: retrying ? retryMilliseconds : nil) else {
                failedReads += retrying ? 0 : 1
                // The terminal went away (window closed, SSH dropped): keep what can be kept, and end.
                if terminal.isGone || failedReads > 100 {
                    if state.unsaved { save() }
                    break
                }
                if retrying {
                    save()
                    terminal.draw(Renderer.render(state))
                }
                continue
            }
            failedReads = 0
            frameLog?.record("key")
            var effects = Set(handle(key, terminal))
            // Keys already waiting (a paste, typing ahead) are applied before one save and one frame.
            while !state.hasQuit, !effects.contains(.suspend), let more = terminal.readKey(timeoutMilliseconds: 0) {
                effects.formUnion(handle(more, terminal))
            }
            perform(effects)
            if effects.contains(.lock) { lockResumedDraft() }
            for effect in effects {
                switch effect {
                case .export: export(.ask)
                case let .exportInto(folder, replacing): export(replacing ? .replace(folder: folder) : .beside(folder: folder))
                default: break
                }
            }
            if effects.contains(.suspend) {
                terminal.suspend()
                // The window may have changed size while the workshop was stopped.
                _ = handle(.resize, terminal)
            }
            if state.hasQuit { break }
            terminal.draw(Renderer.render(state))
            frameLog?.record("frame")
        }
    }

    private mutating func handle(_ key: Key, _ terminal: CursesTerminal) -> [WorkshopEffect] {
        if key == .resize {
            let size = terminal.size
            return Workshop.apply(.resize(width: size.width, height: size.height), to: &state)
        }
        return Workshop.apply(.key(key), to: &state)
    }

    /// Locks the draft the start screen resumed and reads it again under the lock (the list was made
    /// at launch), or sends the user back to the start screen.
    private mutating func lockResumedDraft() {
        guard let path = state.draftPath else { return }
        do {
            // Let go of (and forget, for the signal handler) any lock held before taking the new one.
            lock = nil
            lock = try DraftLock.acquire(URL(fileURLWithPath: path))
            _ = Workshop.apply(.lockedDraftRead(try AssessmentStore.load(URL(fileURLWithPath: path))), to: &state)
        } catch {
            lock?.release()
            lock = nil
            _ = Workshop.apply(.lockRefused("\(error)"), to: &state)
        }
    }

    /// Writes the summary in every format beside each other, never into the store (see ``SummaryExport``).
    private mutating func export(_ request: SummaryExport.Request) {
        guard let assessment = state.assessment else { return }
        let file = state.draftPath.map { URL(fileURLWithPath: $0).lastPathComponent } ?? AssessmentStore.fileName(for: assessment)
        let base = String(file.dropLast(".json".count)) + "-summary"
        let report: SummaryReport
        do {
            report = try Reports.summary(of: assessment, file: file, framework: state.framework, store: store).report
        } catch {
            _ = Workshop.apply(.exportFailed(error.message), to: &state)
            return
        }
        let files: [(ending: String, data: Data)]
        do {
            files = try ReportFormat.allCases.filter { $0 != .text }.map { format in
                (format.rawValue, Data(try Reports.render(report, as: format).utf8))
            }
        } catch {
            _ = Workshop.apply(.exportFailed("\(error)"), to: &state)
            return
        }
        let exporter = SummaryExport(
            candidates: SummaryExport.defaultCandidates(environment: ProcessInfo.processInfo.environment,
                                                        currentFolder: FileManager.default.currentDirectoryPath),
            stores: OutputFile.storeFolders(store, also: state.draftPath.map { [URL(fileURLWithPath: $0).deletingLastPathComponent()] } ?? []))
        switch exporter.write(files, stem: base, request: request) {
        case let .written(paths, note):
            _ = Workshop.apply(.exported(paths: paths, note: note), to: &state)
        case let .wouldReplace(folder, existing):
            _ = Workshop.apply(.exportWouldReplace(folder: folder, existing: existing), to: &state)
        case let .failed(reason):
            _ = Workshop.apply(.exportFailed(reason), to: &state)
        }
    }

    /// Creates or saves the draft once for the whole batch, and reports back to the state.
    private mutating func perform(_ effects: Set<WorkshopEffect>) {
        guard effects.contains(.save) || effects.contains(.createDraft) else { return }
        save()
    }

    private mutating func save() {
        guard let assessment = state.assessmentToSave else { return }
        frameLog?.record("save")
        defer { frameLog?.record("saved") }
        writer.draft = state.draftPath.map { URL(fileURLWithPath: $0) }
        switch writer.write(assessment, framework: state.framework) {
        case let .created(url):
            storeProblem = nil
            lock = try? DraftLock.acquire(url)
            _ = Workshop.apply(.draftCreated(path: url.path), to: &state)
        case .saved:
            storeProblem = nil
            _ = Workshop.apply(.saved, to: &state)
        case let .rescued(reason, copy):
            storeProblem = reason
            _ = Workshop.apply(.storeFailed(reason: reason, rescueCopy: copy.path), to: &state)
        case let .failed(reason):
            storeProblem = reason
            _ = Workshop.apply(.storeFailed(reason: reason, rescueCopy: nil), to: &state)
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
