import FoundationEssentials
import MaturityFramework
import MaturityRules
import MaturityModel

/// Plain mode's areas and questions: the stage descriptors, each question, its answer and its note.
extension PlainWorkshop {
    /// Says an area's heading, its stage descriptors, the source and its prompts for discussion.
    func overview(area areaIndex: Int) {
        let area = framework.areas[areaIndex]
        sayAreaHeading(areaIndex)
        for stage in framework.stages {
            say("\(stage.title)\(stage.typicalAge.map { " (\($0))" } ?? ""): \(area.descriptor(atStage: stage.id) ?? "")")
        }
        say("Source: \(framework.source.publisher), \(framework.source.published). \(framework.attribution.text)")
        for prompt in area.prompts { say("To discuss: \(prompt)") }
        if let offer = metricsOffer(for: area) { say(offer) }
    }

    /// "== Area 2 of 3: Ensuring quality local employment ==".
    func sayAreaHeading(_ areaIndex: Int) {
        say("\n== Area \(areaIndex + 1) of \(framework.areas.count): \(inert: framework.areas[areaIndex].title) ==")
    }

    /// Asks one question; returns the step to go to next.
    mutating func ask(area areaIndex: Int, index: Int) throws -> Step {
        let step = Step.question(area: areaIndex, criterion: index)
        let area = framework.areas[areaIndex]
        let criterion = area.criteria[index]
        let stage = framework.stage(id: criterion.stageID)?.title ?? criterion.stageID
        say("\nQuestion \(index + 1) of \(area.criteria.count) (\(stage)): \(inert: criterion.text)")
        if let last = assessment.lastTime {
            let earlierFramework = earlierFrameworks.first { $0.key.hasSuffix("/" + last.file) || $0.key == last.file }?.value
            let answer = "Last time (\(last.date)): "
                + (last.answers[criterion.id].map(\.label) ?? CarryAcrossVersions.unanswered(criterion.id, earlier: earlierFramework, now: framework))
                + CarryAcrossVersions.earlierWording(of: criterion, earlier: earlierFramework, now: framework)
            if let note = last.notes[criterion.id] {
                sayNote(note, after: answer + "; note")
            } else {
                say(answer)
            }
        }
        if let views = assessment.views(on: criterion.id, in: area.id) { sayViews(views) }
        if assessment.isReadOnly {
            say("Answer: \(assessment.answers[criterion.id].map(\.label) ?? "not answered").")
            if let note = assessment[area: area.id].notes[criterion.id] { sayNote(note, after: "Note") }
        }
        while true {
            let current = assessment[area: area.id].answers[criterion.id]
            let reply = try prompt(questionPrompt(current: current, carried: assessment[area: area.id].asLastTime.contains(criterion.id)))
            if let command = PlainCommand(reply) {
                if command == .metrics {
                    try recordMetrics(of: area)
                    continue
                }
                switch try handle(command, at: step, help: PlainHelp.question) {
                case let .moved(target): return target
                case .stayed: break
                case .notHere: say(questionRetry)
                }
                continue
            }
            if assessment.isReadOnly {
                if reply.isEmpty { return next(after: step) }
                say(Self.readOnlyRefusal)
                continue
            }
            let word = reply.lowercased()
            if word == "v" || word == "views" {
                if try viewsRound(on: criterion, of: area) { break }
                continue
            }
            switch word {
            case "":
                assessment[area: area.id].asLastTime.remove(criterion.id)
            case "-":
                guard current != nil else {
                    say("There is no answer to clear.")
                    continue
                }
                assessment[area: area.id].answers[criterion.id] = nil
                assessment[area: area.id].asLastTime.remove(criterion.id)
                say("Answer cleared.")
            default:
                guard let answer = Answer(lenient: word) ?? StepKeys.answer(for: word.first ?? " ").flatMap({ word.count == 1 ? $0 : nil })
                else {
                    say(questionRetry)
                    continue
                }
                assessment[area: area.id].answers[criterion.id] = answer
                assessment[area: area.id].asLastTime.remove(criterion.id)
                // Views gathered beforehand: those whose view differs may have a dissent recorded.
                if let views = assessment.views(on: criterion.id, in: area.id) {
                    persist()
                    try askDissents(from: views.differing(from: answer, participants: assessment.participants),
                                    on: criterion, of: area, agreed: answer, views: views)
                }
            }
            break
        }
        persist()
        try askNote(for: criterion, area: area)
        let following = next(after: step)
        if agenda.last == step { say("That was the last question with views gathered beforehand.") }
        return following
    }

    private var questionRetry: String { "Please type \(Answer.letterList) (or b, g, s, q; ? lists them)." }

    /// "Answer y (yes, in place), …; Enter keeps partly; - clears it; b back; g go to; s summary; q quit; ? help: ".
    private func questionPrompt(current: Answer?, carried: Bool) -> String {
        let moves = "b back; g go to; s summary; q quit; ? help: "
        if assessment.isReadOnly { return "Read-only: Enter goes on; " + moves }
        let keep = current.map { carried ? "Enter confirms \($0.label.lowercased()) (as last time)"
            : "Enter keeps \($0.label.lowercased())" } ?? "Enter leaves it unanswered"
        return "Answer \(Answer.letterChoices); \(keep); "
            + (current == nil ? "" : "- clears it; ") + (assessment.participants.isEmpty ? "" : "v round of views; ") + moves
    }

    /// Asks for the note of `criterion`: Enter keeps it, `-` removes it, `+` takes several lines.
    private mutating func askNote(for criterion: Criterion, area: Area) throws {
        while true {
            let note = assessment[area: area.id].notes[criterion.id]
            let reply: String
            if let note, !note.contains("\n"), note.count <= 80 {
                reply = try prompt("Note (Enter keeps \"\(inert: note)\"; - removes it; + for several lines): ")
            } else if let note {
                sayNote(note, after: "The note now")
                reply = try prompt("Note (Enter keeps it; - removes it; + for several lines; or type a new one): ")
            } else {
                reply = try prompt("Note or evidence (Enter for none; + for several lines): ")
            }
            let text: String
            switch reply {
            case "": return
            case "-":
                if note != nil {
                    assessment[area: area.id].notes[criterion.id] = nil
                    persist()
                }
                return
            case "+":
                switch try severalLines(savingInto: criterion, area: area) {
                case nil: return
                case let .success(typed)?: text = typed
                case let .failure(tooLong)?:
                    say("The note \(tooLong.text); nothing was kept. Type it again, shorter, or press Enter.")
                    continue
                }
            default:
                text = reply
            }
            if let problem = PlainText.problem(in: text, limit: Assessment.noteLimit) {
                say("The note \(problem); nothing was kept. Type it again, shorter, or press Enter.")
                continue
            }
            assessment[area: area.id].notes[criterion.id] = text
            persist()
            return
        }
    }

    /// A note of several lines, ended by a line holding only a full stop; nil when nothing was typed, and
    /// why not when it is too long (past the limit, lines are counted, not kept). If input ends first, the
    /// lines typed so far are kept as the note (when they fit) and saved.
    private mutating func severalLines(savingInto criterion: Criterion, area: Area) throws -> Result<String, PlainProblem>? {
        say("Type the note line by line; a line holding only a full stop (.) ends it.")
        var lines: [String] = []
        var characters = 0
        var number = 1
        while true {
            let typed: String
            do {
                typed = try line("Line \(number): ")
            } catch {
                let text = PlainText.trimmedNote(lines)
                if !text.isEmpty, characters <= Assessment.noteLimit {
                    assessment[area: area.id].notes[criterion.id] = text
                    persist()
                }
                throw error
            }
            if typed.trimmingSpaces() == "." { break }
            characters += (number > 1 ? 1 : 0) + typed.count
            number += 1
            if characters <= Assessment.noteLimit { lines.append(typed) }
        }
        if let problem = PlainText.problem(count: characters, limit: Assessment.noteLimit) { return .failure(PlainProblem(problem)) }
        let text = PlainText.trimmedNote(lines)
        if text.isEmpty {
            say("Nothing was typed; the note is unchanged.")
            return nil
        }
        return .success(text)
    }

    /// Says a note: on the same line as `heading` when it is one line, else line by line, each headed
    /// "Line N:" as it was typed (so no line of a note can pass for a line of the workshop's own).
    func sayNote(_ note: String, after heading: String) {
        let lines = PlainText.lines(of: note)
        if lines.count == 1 {
            say("\(heading): \(lines[0])")
        } else {
            say("\(heading), \(lines.count) lines:")
            for (number, line) in lines.enumerated() { say("  Line \(number + 1): \(line)") }
        }
    }
}
