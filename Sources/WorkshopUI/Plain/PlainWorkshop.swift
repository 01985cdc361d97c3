import Foundation
import MaturityFramework
import MaturityRules
import MaturityModel

/// The workshop as plain lines of text, for screen readers, pipes and scripts: the same questions,
/// the same answer letters, and the same file, saved after every answer.
public struct PlainWorkshop {
    /// Reads one line of input; nil at the end of input.
    public typealias ReadLine = () -> String?
    /// Writes text as it is (prompts end without a newline).
    public typealias Write = (String) -> Void
    /// Saves the assessment (creating the draft the first time).
    public typealias Save = (Assessment) -> SaveResult

    /// What a save did.
    public enum SaveResult: Sendable, Equatable {
        /// Saved in the store at `path`.
        case saved(path: String)
        /// The store failed for `problem`; the latest content is in `safeCopy` if there is one.
        case notSaved(problem: String, safeCopy: String?)
    }

    private let readLine: ReadLine
    private let write: Write
    private let save: Save
    private var framework: Framework
    private var assessment: Assessment
    private var path: String?
    /// The latest save failed: the problem, and the copy outside the store if there is one.
    private var failure: (problem: String, safeCopy: String?)?
    /// Who runs the workshop, when known; recorded with completions and reopenings.
    public var facilitator: String?
    /// The current time as an ISO 8601 timestamp, for the record's events.
    public var clock: () -> String = { ISO8601DateFormatter().string(from: Date()) }

    /// The end of input: the draft is saved, and the user is told how to resume it.
    struct EndOfInput: Error {}
    /// The user asked to stop.
    struct Quit: Error {}
    /// The user asked to jump to the summary.
    struct Summary: Error {}

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

    /// Runs the workshop to the end (or to the end of input); returns the draft's path, if saved.
    public mutating func run() -> String? {
        if path == nil { persist() }
        do {
            if assessment.isReadOnly, try !reopen() { return path }
            do {
                try walkAreas()
            } catch is Summary {}
            try summary()
        } catch is Quit {
            say("Stopped. Everything is saved" + resumeHint())
        } catch {
            say("\nInput ended. Everything is saved" + resumeHint())
        }
        return path
    }

    private func resumeHint() -> String {
        if let failure {
            guard let copy = failure.safeCopy else { return " in memory only: the store could not be written." }
            return " in \(copy), outside the store, which could not be written (\(failure.problem))."
        }
        guard let path else { return " in memory only: the store could not be written." }
        return " in \(path).\nResume with: maturity workshop --resume \(path)"
    }

    /// Asks whether to reopen a complete assessment, and why; true once it is reopened (and recorded).
    private mutating func reopen() throws -> Bool {
        say("This assessment is complete and read-only. Reopening it is recorded with the date, who reopened it and why.")
        guard try confirmYes("Reopen it as a draft? y or n (Enter for no): ") else {
            say("Not reopened; nothing was changed.")
            return false
        }
        var reason = ""
        while reason.isEmpty {
            reason = try prompt("Why is it reopened? (kept in the file; at most \(Assessment.reasonLimit) characters): ")
            if let problem = PlainText.problem(in: reason, limit: Assessment.reasonLimit) ?? (reason.isEmpty ? "is empty" : nil) {
                say("The reason \(problem); type it again.")
                reason = ""
            }
        }
        assessment.reopen(at: clock(), by: facilitator, reason: reason)
        persist()
        say("Reopened as a draft; the reopening is recorded.")
        return true
    }

    // MARK: - Areas and questions

    private mutating func walkAreas() throws {
        let start = Step(position: assessment.position, in: framework)?.area ?? 0
        var areaIndex = start
        while areaIndex < framework.areas.count {
            let area = framework.areas[areaIndex]
            say("\n== Area \(areaIndex + 1) of \(framework.areas.count): \(inert: area.title) ==")
            for stage in framework.stages {
                say("\(stage.title)\(stage.typicalAge.map { " (\($0))" } ?? ""): \(area.descriptor(atStage: stage.id) ?? "")")
            }
            say("Source: \(framework.source.publisher), \(framework.source.published). \(framework.attribution.text)")
            for prompt in area.prompts { say("To discuss: \(prompt)") }
            var index = 0
            if case let .question(resumedArea, resumedIndex)? = Step(position: assessment.position, in: framework),
               resumedArea == areaIndex { index = resumedIndex }
            while index < area.criteria.count {
                index = try ask(area: areaIndex, index: index)
            }
            try result(area: areaIndex)
            areaIndex += 1
        }
    }

    /// Asks one question; returns the index of the question to ask next.
    private mutating func ask(area areaIndex: Int, index: Int) throws -> Int {
        let area = framework.areas[areaIndex]
        let criterion = area.criteria[index]
        assessment.position = Step.question(area: areaIndex, criterion: index).position(in: framework)
        let stage = framework.stage(id: criterion.stageID)?.title ?? criterion.stageID
        say("\nQuestion \(index + 1) of \(area.criteria.count) (\(stage)): \(inert: criterion.text)")
        let current = assessment[area: area.id].answers[criterion.id]
        if let last = assessment.lastTime {
            say("Last time (\(last.date)): \(last.answers[criterion.id].map(\.label) ?? "not answered")"
                + (last.notes[criterion.id].map { "; note: \(inert: $0)" } ?? ""))
        }
        while true {
            let carried = assessment[area: area.id].asLastTime.contains(criterion.id) ? " (as last time)" : ""
            let keep = current.map { carried.isEmpty ? "Enter keeps \($0.label.lowercased())"
                : "Enter confirms \($0.label.lowercased())\(carried)" } ?? "Enter leaves it unanswered"
            let reply = try prompt("Answer \(Answer.letterChoices); \(keep); b back; s summary; q quit: ")
            let word = reply.lowercased()
            switch word {
            case "": assessment[area: area.id].asLastTime.remove(criterion.id)
            case "b", "back": return max(0, index - 1)
            case "s", "summary": throw Summary()
            case "q", "quit": persist(); throw Quit()
            default:
                guard let answer = Answer(lenient: word) ?? StepKeys.answer(for: word.first ?? " ").flatMap({ word.count == 1 ? $0 : nil })
                else {
                    say("Please type \(Answer.letterList) (or b, s, q).")
                    continue
                }
                assessment[area: area.id].answers[criterion.id] = answer
                assessment[area: area.id].asLastTime.remove(criterion.id)
            }
            break
        }
        persist()
        let note = assessment[area: area.id].notes[criterion.id]
        var noteReply: String
        while true {
            noteReply = try prompt(note == nil ? "Note or evidence (Enter for none): "
                                               : "Note (Enter keeps \"\(inert: note ?? "")\"; - removes it): ")
            guard let problem = PlainText.problem(in: noteReply, limit: Assessment.noteLimit) else { break }
            say("The note \(problem); nothing was kept. Type it again, shorter, or press Enter.")
        }
        if noteReply == "-" {
            assessment[area: area.id].notes[criterion.id] = nil
            persist()
        } else if !noteReply.isEmpty {
            assessment[area: area.id].notes[criterion.id] = noteReply
            persist()
        }
        return index + 1
    }

    private mutating func result(area areaIndex: Int) throws {
        let area = framework.areas[areaIndex]
        assessment.position = Step.result(area: areaIndex).position(in: framework)
        persist()
        let placement = PlacementRules.place(area, in: framework, answers: assessment.answers)
        say("\n\(inert: area.title): \(placement.titleMarkingProvisional)")
        say(placement.explanation)
        for index in assessment[area: area.id].reviewedActions.indices {
            let action = assessment[area: area.id].reviewedActions[index]
            let statuses: [String: ActionStatus] = ["d": .done, "i": .inProgress, "n": .notStarted, "x": .dropped,
                                                    "k": action.status]
            let reviewed = !assessment[area: area.id].unreviewedActions.contains(action.id)
            while true {
                let reply = try prompt("Last time's action: \(inert: ResultScreen.describe(action))\(reviewed ? "" : ", not reviewed yet"). "
                                       + "Status now? d done, i in progress, n not started, x dropped, k still "
                                       + "\(action.status.phrase) (Enter to leave it \(reviewed ? "as reviewed" : "not reviewed")): ")
                    .lowercased()
                if reply.isEmpty { break }
                if let status = statuses[reply] {
                    assessment[area: area.id].reviewedActions[index].status = status
                    assessment[area: area.id].unreviewedActions.remove(action.id)
                    persist()
                    break
                }
                say("Please type d, i, n, x or k.")
            }
        }
        for action in assessment[area: area.id].actions { say("Action: \(inert: ResultScreen.describe(action))") }
        while true {
            let what = try prompt("Add an agreed action? What is to be done (Enter for none): ")
            if what.isEmpty { return }
            let owner = try prompt("Owner: ")
            var due: CalendarDate?
            while true {
                let text = try prompt("Due date, YYYY-MM-DD (Enter for none): ")
                if text.isEmpty { break }
                if let date = CalendarDate(text) {
                    due = date
                    break
                }
                say("That is not a date written YYYY-MM-DD, e.g. 2027-03-31.")
            }
            assessment[area: area.id].actions.append(Action(id: assessment.nextActionID(), what: what, owner: owner, due: due))
            persist()
            say("Action added.")
        }
    }

    private mutating func summary() throws {
        assessment.position = Step.summary.position(in: framework)
        persist()
        say("\n== Summary: \(inert: assessment.system), \(assessment.date) ==")
        let answers = assessment.answers
        for (area, placement) in zip(framework.areas, PlacementRules.placeAll(in: framework, answers: answers)) {
            let open = area.criteria.filter { answers[$0.id] == nil }.count
            say("\(inert: area.title): \(placement.titleMarkingProvisional)\(open > 0 ? " (\(open) unanswered)" : "")")
        }
        say(CarriedList.tally(assessment, in: framework) + ".")
        if !assessment.isReadOnly, try confirmYes("Mark the assessment complete? y or n (Enter for no): ") {
            try complete()
        }
        say(failure == nil && path != nil ? "Saved to \(path ?? "")." : "Saved" + resumeHint())
    }

    /// Marks the assessment complete, first offering to confirm in one recorded step any answers still
    /// as last time.
    private mutating func complete() throws {
        let unconfirmed = assessment.unconfirmedCriteria(in: framework)
        if !unconfirmed.isEmpty {
            say("\(unconfirmed.count) answer\(unconfirmed.count == 1 ? " is" : "s are") as last time and not yet confirmed:")
            for criterion in unconfirmed {
                say("  \(criterion.label): \(assessment.answers[criterion.id].map(\.label) ?? "no answer")")
            }
            let question = "Confirm \(unconfirmed.count == 1 ? "it" : "all \(unconfirmed.count)") as unchanged now "
                + "(recorded)? y or n (Enter for no): "
            guard try confirmYes(question) else {
                say("Not complete: confirm each with maturity workshop --resume, or answer y here next time.")
                return
            }
            assessment.confirmAllCarried(in: framework, at: clock(), by: facilitator)
            persist()
        }
        do {
            try assessment.complete(in: framework, at: clock(), by: facilitator)
            persist()
            say("Marked complete (recorded). It is now read-only until reopened.")
        } catch {
            say("Not complete: answers are still as last time.")
        }
    }

    private func confirmYes(_ question: String) throws -> Bool {
        let reply = try prompt(question).lowercased()
        return reply == "y" || reply == "yes"
    }

    // MARK: - Input and output

    private func say(_ text: String) {
        write(text + "\n")
    }

    /// The reply to `text`, trimmed; a reply holding a control character or a bidirectional override
    /// is refused and the question asked again, as every input field does.
    private func prompt(_ text: String) throws -> String {
        while true {
            write(text)
            guard let line = readLine() else { throw EndOfInput() }
            if !TerminalText.containsUnsafe(line) { return line.trimmingCharacters(in: .whitespaces) }
            say("That reply holds a control character (such as a tab or an escape) or a bidirectional override, "
                + "shown as \(inert: line); please type it again without.")
        }
    }

    private mutating func persist() {
        switch save(assessment) {
        case let .saved(saved):
            if failure != nil { say("Saved in the store again.") }
            path = saved
            failure = nil
        case let .notSaved(problem, safeCopy):
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
