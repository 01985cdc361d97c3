import FoundationEssentials
import MaturityFramework
import MaturityRules
import MaturityModel

/// The workshop as plain lines of text, for screen readers, pipes and scripts: the same questions,
/// the same answer letters, and the same file, saved after every answer. One line answers each
/// prompt, and each prompt says what can be typed; areas and questions can be walked in any order.
public struct PlainWorkshop {
    /// Reads one line of input; nil at the end of input.
    public typealias ReadLine = () -> String?
    /// Writes text as it is (prompts end without a newline).
    public typealias Write = (String) -> Void
    /// Saves the assessment (creating the draft the first time).
    public typealias Save = (Assessment) -> SaveResult
    /// Writes the summary of the assessment (saved at the path given, if any) in every export format.
    public typealias Export = (Assessment, String?, ExportRequest) -> ExportOutcome

    /// What a save did.
    public enum SaveResult: Sendable, Equatable {
        /// Saved in the store at `path`.
        case saved(path: String)
        /// The store failed for `problem`; the latest content is in `safeCopy` if there is one.
        case notSaved(problem: String, safeCopy: String?)
    }

    /// What the user asked an export to do.
    public enum ExportRequest: Sendable, Equatable {
        /// Write the files where they belong; if they exist already, say so and write nothing.
        case ask
        /// Write into `folder`, replacing the files there.
        case replace(folder: String)
        /// Write into `folder` beside the files there, under new names.
        case beside(folder: String)
    }

    /// What an export did.
    public enum ExportOutcome: Sendable, Equatable {
        /// These files were written; `note` says why they are not in the current folder, if they are not.
        case written(paths: [String], note: String?)
        /// The files exist in `folder` already (`existing`, their paths): the user chooses.
        case wouldReplace(folder: String, existing: [String])
        /// Nothing was written, for this reason.
        case failed(String)
    }

    let readLine: ReadLine
    let write: Write
    let save: Save
    var framework: Framework
    var assessment: Assessment
    var path: String?
    /// The latest save failed: the problem, and the copy outside the store if there is one.
    var failure: (problem: String, safeCopy: String?)?
    /// Something was written to the store (or a rescue copy) during this run.
    var wroteSomething = false
    /// Where `b` on the summary returns to: the step the user typed `s` at.
    var cameFrom: Step?
    /// Who runs the workshop, when known; recorded with completions and reopenings.
    public var facilitator: String?
    /// The current time as an ISO 8601 timestamp, for the record's events.
    public var clock: () -> String = { LocalTime.utcTimestamp(Date()) }
    /// Writes the summary's files (`x` on the summary); nil when exports cannot be made here.
    public var export: Export?
    /// Earlier assessments of the same system against the same framework, for its history (`h`).
    public var earlier: [Progression.Entry] = []
    /// The framework version each of ``earlier`` was answered against, by file, where known: the history
    /// places each year by its own version.
    public var earlierFrameworks: [String: Framework] = [:]
    /// The system as the store knows it (its name and renames), for the history's heading.
    public var knownSystem: KnownSystem?
    /// The questions with views gathered beforehand, widest spread first, when the board chose to take
    /// them in that order: each leads to the next, and the last to the summary.
    var agenda: [Step] = []

    /// The end of input: the draft is saved, and the user is told how to resume it.
    struct EndOfInput: Error {}
    /// The user asked to stop.
    struct Quit: Error {}

    /// A workshop on `assessment` (new or resumed), saved through `save`.
    public init(framework: Framework, assessment: Assessment, path: String?, readLine: @escaping ReadLine,
                write: @escaping Write, save: @escaping Save) {
        self.framework = framework
        self.assessment = assessment
        self.path = path
        self.readLine = readLine
        self.write = write
        self.save = save
    }

    /// Runs the workshop until the user finishes it on the summary, quits, or input ends; returns the
    /// draft's path, if saved.
    public mutating func run() -> String? {
        if path == nil {
            persist()
            say(establishedLine)
        }
        do {
            var step = Step(position: assessment.position, in: framework) ?? (framework.areas.isEmpty ? .summary : .overview(area: 0))
            if assessment.isReadOnly, try !reopenAtStart() { step = .summary }
            if !assessment.isReadOnly, let first = try offerDisagreementOrder() { step = first }
            try walk(from: step)
            say(closing())
        } catch is Quit {
            say(assessment.isReadOnly && !wroteSomething ? "Stopped; nothing was changed." : "Stopped. Everything is saved" + resumeHint())
        } catch {
            say("\nInput ended. Everything is saved" + resumeHint())
        }
        return path
    }

    /// Visits steps from `start` until the user finishes on the summary.
    private mutating func walk(from start: Step) throws {
        var step = start
        var askToComplete = false
        // Resumed inside an area, the board first hears the area, as when it walked into it.
        if let area = start.area, start != .overview(area: area) { overview(area: area) }
        var currentArea = start.area
        while true {
            // Gone to another area's question or actions directly: which area it is, in one line.
            if let area = step.area, area != currentArea, step != .overview(area: area) { sayAreaHeading(area) }
            currentArea = step.area ?? currentArea
            switch step {
            case let .overview(area):
                overview(area: area)
                step = framework.areas[area].criteria.isEmpty ? .result(area: area) : .question(area: area, criterion: 0)
                continue
            case .metrics:
                // Plain mode does not take metrics here: it goes on to the questions.
                step = next(after: step)
                continue
            case let .question(area, index):
                arrive(at: step)
                step = try ask(area: area, index: index)
            case let .result(area):
                arrive(at: step)
                step = try result(area: area)
            case .summary:
                arrive(at: step)
                guard let next = try summary(askToComplete: askToComplete) else { return }
                // `b` on the next visit goes back to where that visit's `s` was typed, else the last actions.
                cameFrom = nil
                step = next
            }
            // Reaching the summary by walking or by `s` asks whether to complete; resuming there does not.
            askToComplete = true
        }
    }

    /// Records `step` as where the workshop is, so that a resumed draft opens there (a complete,
    /// read-only assessment is not written for a move).
    mutating func arrive(at step: Step) {
        assessment.position = step.position(in: framework)
        if !assessment.isReadOnly { persist() }
    }

    /// The step after `step` in workshop order (questions, then the area's actions, then the next area).
    func next(after step: Step) -> Step {
        switch step {
        case let .overview(area), let .metrics(area): return framework.areas[area].criteria.isEmpty ? .result(area: area) : .question(area: area, criterion: 0)
        case let .question(area, index):
            if let place = agenda.firstIndex(of: step) { return place + 1 < agenda.count ? agenda[place + 1] : .summary }
            return index + 1 < framework.areas[area].criteria.count ? .question(area: area, criterion: index + 1) : .result(area: area)
        case let .result(area): return area + 1 < framework.areas.count ? .overview(area: area + 1) : .summary
        case .summary: return .summary
        }
    }

    /// The step before `step` (the overview is not a stop of its own), nil at the first question.
    func previous(before step: Step) -> Step? {
        if let place = agenda.firstIndex(of: step), place > 0 { return agenda[place - 1] }
        switch step {
        case let .overview(area), let .metrics(area), let .question(area, 0):
            return area > 0 ? .result(area: area - 1) : nil
        case let .question(area, index): return .question(area: area, criterion: index - 1)
        case let .result(area):
            let count = framework.areas[area].criteria.count
            return count > 0 ? .question(area: area, criterion: count - 1) : previous(before: .overview(area: area))
        case .summary: return lastActions
        }
    }

    /// The last area's actions, the step before the summary (nil for a framework without areas).
    var lastActions: Step? {
        framework.areas.isEmpty ? nil : .result(area: framework.areas.count - 1)
    }

    /// "Economy, question 3", "Economy's actions", "the summary": a step as the prompts name it.
    func name(of step: Step) -> String {
        switch step {
        case let .overview(area), let .metrics(area): "\(inert: framework.areas[area].shortTitle)"
        case let .question(area, index): "\(inert: framework.areas[area].shortTitle), question \(index + 1)"
        case let .result(area): "\(inert: framework.areas[area].shortTitle)'s actions"
        case .summary: "the summary"
        }
    }

    /// What a command typed at a command prompt did.
    enum Handled {
        /// It moves the workshop to this step.
        case moved(Step)
        /// It was done here, or said why it could not be (help, a move that cannot be made): ask again.
        case stayed
        /// It is not one of the commands every prompt takes: the prompt's own handling decides.
        case notHere
    }

    /// Does the commands every command prompt takes (`b`, `g`, `s`, `q` and `?`, whose text is `help`)
    /// at `step`; throws ``Quit`` for `q`.
    mutating func handle(_ command: PlainCommand, at step: Step, help: String) throws -> Handled {
        switch command {
        case .help:
            say(help)
            return .stayed
        case .back:
            guard let back = previous(before: step) else {
                say("This is the first question; there is nothing before it.")
                return .stayed
            }
            return .moved(back)
        case let .go(target):
            return try go(target).map(Handled.moved) ?? .stayed
        case .summary:
            cameFrom = step
            return .moved(.summary)
        case .quit:
            if !assessment.isReadOnly { persist() }
            throw Quit()
        case let .established(reply):
            try setEstablished(reply)
            return .stayed
        default:
            return .notHere
        }
    }

    /// The step `target` names, asking for it when not given; nil (said why) when there is none.
    mutating func go(_ target: PlainTarget?) throws -> Step? {
        var target = target
        if target == nil {
            let reply = try prompt("Go to: an area number (1 to \(framework.areas.count)), or area.question such as 2.4 "
                                   + "(Enter stays here): ")
            if reply.isEmpty { return nil }
            target = PlainTarget(reply)
            if target == nil {
                say("That is not an area or a question: type 2 for area 2, or 2.4 for its question 4.")
                return nil
            }
        }
        guard let target else { return nil }
        switch target.step(in: framework) {
        case let .success(step): return step
        case let .failure(problem):
            say(problem.text)
            return nil
        }
    }

    /// What is said when the workshop ends on the summary.
    private func closing() -> String {
        if assessment.isReadOnly, !wroteSomething { return "Finished; nothing was changed." }
        return failure == nil && path != nil ? "Saved to \(path ?? "")." : "Saved" + resumeHint()
    }

    func resumeHint() -> String {
        if let failure {
            guard let copy = failure.safeCopy else { return " in memory only: the store could not be written." }
            return " in \(copy), outside the store, which could not be written (\(failure.problem))."
        }
        guard let path else { return " in memory only: the store could not be written." }
        return " in \(path).\nResume with: maturity workshop --resume \(path)"
    }

    // MARK: - Input and output

    func say(_ text: String) {
        write(text + "\n")
    }

    /// The reply to `text`, trimmed; a reply holding a control character or a bidirectional override
    /// is refused and the question asked again, as every input field does.
    func prompt(_ text: String) throws -> String {
        try line(text).trimmingSpaces()
    }

    /// The reply to `text` as typed (only trailing spaces dropped), refused and asked
    /// again like ``prompt(_:)`` when it holds a control character or a bidirectional override.
    func line(_ text: String) throws -> String {
        while true {
            write(text)
            guard let line = readLine() else { throw EndOfInput() }
            var kept = Substring(line)
            while let last = kept.last, last == " " { kept = kept.dropLast() }
            if !TerminalText.containsUnsafe(kept) { return String(kept) }
            say("That reply holds a control character (such as a tab or an escape) or a bidirectional override, "
                + "shown as \(inert: line); please type it again without.")
        }
    }

    func confirmYes(_ question: String) throws -> Bool {
        let reply = try prompt(question).lowercased()
        return reply == "y" || reply == "yes"
    }

    mutating func persist() {
        switch save(assessment) {
        case let .saved(saved):
            if failure != nil { say("Saved in the store again.") }
            path = saved
            failure = nil
            wroteSomething = true
        case let .notSaved(problem, safeCopy):
            wroteSomething = wroteSomething || safeCopy != nil
            // The same failure again is said once only.
            if let failure, failure.problem == problem, failure.safeCopy == safeCopy { return }
            failure = (problem, safeCopy)
            if let safeCopy {
                say("Not saved in the store: \(problem). A copy is safe in \(safeCopy); the store is tried again with each answer.")
            } else {
                say("Not saved: \(problem). Your answers are kept in memory and saved again with the next one.")
            }
        }
    }
}
