import FoundationEssentials
import MaturityFramework
import MaturityReports
import MaturityRules
import MaturityModel

/// Plain mode's summary: every area's placement and stages, the tally, completing and reopening,
/// the export, the system's history and the list of every question.
extension PlainWorkshop {
    /// Says the summary, asks whether to complete when `askToComplete`, then takes the summary prompt;
    /// returns the step to go to, or nil when the user finishes (or input ends here).
    mutating func summary(askToComplete: Bool) throws -> Step? {
        saySummary()
        if askToComplete, !assessment.isReadOnly, try confirmYes("Mark the assessment complete? y or n (Enter for no): ") {
            try complete()
        }
        while true {
            let reply: String
            do {
                reply = try prompt(summaryPrompt())
            } catch is EndOfInput {
                // A script that ends on the summary has finished, as Enter would.
                return nil
            }
            if reply.isEmpty { return nil }
            guard let command = PlainCommand(reply) else {
                say("Please type c, x, h, l, b or g, or press Enter to finish (? lists them).")
                continue
            }
            switch command {
            case .quit: return nil
            case .summary: saySummary()
            case .back:
                if let back = cameFrom ?? lastActions { return back }
                say("There is nothing before the summary.")
            case .complete: try assessment.isReadOnly ? reopenFromSummary() : complete()
            case .export: try exportSummary()
            case .history: sayHistory()
            case .list: sayQuestions()
            default:
                switch try handle(command, at: .summary, help: PlainHelp.summary) {
                case let .moved(step): return step
                case .stayed: break
                case .notHere: say("That works at an area's actions, not here; ? lists what works here.")
                }
            }
        }
    }

    /// "Summary: c marks it complete, x exports it, …; Enter or q finishes: ".
    private func summaryPrompt() -> String {
        let back = (cameFrom ?? lastActions).map { "b back to \(name(of: $0))" } ?? "b back"
        let others = "x exports it (md, html, csv, json), h history, l lists every question, \(back), g go to; "
            + "Enter or q finishes; ? help: "
        return assessment.isReadOnly ? "Summary of a complete, read-only assessment: c reopens it, " + others
            : "Summary: c marks it complete, " + others
    }

    /// Every area's placement, how each of its stages stands, its open and unconfirmed questions, and the tally.
    func saySummary() {
        say("\n== Summary: \(inert: assessment.scopeName), \(assessment.date) ==")
        let answers = assessment.answers
        for (index, (area, placement)) in zip(framework.areas, PlacementRules.placeAll(in: framework, answers: answers)).enumerated() {
            let stages = placement.stages.enumerated().map { level, result in
                let state = level < placement.level ? "met"
                    : result.isMet ? "met above a gap (does not count)" : "\(Int((result.progress * 100).rounded()))% of the way"
                return "\(result.stage.title) \(state)"
            }
            var line = "Area \(index + 1), \(inert: area.title): \(placement.titleMarkingProvisional). \(stages.joined(separator: "; "))."
            let open = area.criteria.indices.filter { answers[area.criteria[$0].id] == nil }
            if !open.isEmpty { line += " Not answered: \(Self.questions(open, of: area.criteria.count))." }
            let carried = assessment[area: area.id].asLastTime
            let unconfirmed = area.criteria.indices.filter { carried.contains(area.criteria[$0].id) }
            if !unconfirmed.isEmpty { line += " As last time, not yet confirmed: \(Self.questions(unconfirmed, of: area.criteria.count))." }
            line += viewsSummary(of: area)
            say(line)
            if let typical = typicalLine(for: placement) { say(typical) }
            if let target = targetSentence(of: area) { say(target) }
        }
        say(CarriedList.tally(assessment, in: framework) + ".")
        if splitAnywhere { say("A question is \(Spread.splitRule).") }
        if assessment.isReadOnly { say("This assessment is complete and read-only.") }
    }

    /// " Views: consensus 75% (9 of 12 views matched the agreed answer); split on questions 2 and 5.": an
    /// area's consensus and split questions; empty when it has no views.
    private func viewsSummary(of area: Area) -> String {
        let record = assessment[area: area.id]
        let split = area.criteria.indices.filter { record.views[area.criteria[$0].id]?.spread.isSplit == true }
        let count = record.consensusCount
        var parts: [String] = []
        if let share = count.share {
            parts.append("consensus \(Int((share * 100).rounded()))% (\(count.matched) of \(count.counted) view"
                         + "\(count.counted == 1 ? "" : "s") matched the agreed answer)")
        }
        if !split.isEmpty { parts.append("split on \(Self.questions(split, of: area.criteria.count))") }
        return parts.isEmpty ? "" : " Views: \(parts.joined(separator: "; "))."
    }

    /// Whether any question of the framework has split views.
    private var splitAnywhere: Bool {
        framework.areas.contains { area in
            area.criteria.contains { assessment.views(on: $0.id, in: area.id)?.spread.isSplit == true }
        }
    }

    /// "question 4", "questions 1, 3 to 6 and 9", "all 11 questions" for criterion indices of an area of `count`.
    static func questions(_ indices: [Int], of count: Int) -> String {
        guard indices.count != count || count == 1 else { return "all \(count) questions" }
        var runs: [String] = []
        var index = 0
        while index < indices.count {
            var end = index
            while end + 1 < indices.count, indices[end + 1] == indices[end] + 1 { end += 1 }
            switch end - index {
            case 0: runs.append("\(indices[index] + 1)")
            case 1: runs += ["\(indices[index] + 1)", "\(indices[end] + 1)"]
            default: runs.append("\(indices[index] + 1) to \(indices[end] + 1)")
            }
            index = end + 1
        }
        guard let last = runs.last else { return "" }
        if indices.count == 1 { return "question \(last)" }
        return "questions " + (runs.count == 1 ? last : runs.dropLast().joined(separator: ", ") + " and " + last)
    }

    /// Every question, numbered as `g` takes it ("1.4"), with its answer.
    private func sayQuestions() {
        let answers = assessment.answers
        for (areaNumber, area) in framework.areas.enumerated() {
            say("Area \(areaNumber + 1), \(inert: area.title):")
            let carried = assessment[area: area.id].asLastTime
            for (index, criterion) in area.criteria.enumerated() {
                let answer = answers[criterion.id].map(\.label) ?? "not answered"
                let marks = (carried.contains(criterion.id) ? ", as last time" : "")
                    + (assessment[area: area.id].notes[criterion.id] == nil ? "" : ", with a note")
                    + (assessment.views(on: criterion.id, in: area.id)?.spread.isSplit == true ? ", split" : "")
                say("  \(areaNumber + 1).\(index + 1) \(answer)\(marks): \(inert: criterion.text)")
            }
        }
    }

    /// Marks the assessment complete, first offering to confirm in one recorded step any answers still
    /// as last time.
    mutating func complete() throws {
        let unconfirmed = assessment.unconfirmedCriteria(in: framework)
        if !unconfirmed.isEmpty {
            say("\(unconfirmed.count) answer\(unconfirmed.count == 1 ? " is" : "s are") as last time and not yet confirmed:")
            for criterion in unconfirmed {
                say("  \(criterion.label): \(assessment.answers[criterion.id].map(\.label) ?? "no answer")")
            }
            let question = "Confirm \(unconfirmed.count == 1 ? "it" : "all \(unconfirmed.count)") as unchanged now "
                + "(recorded)? y or n (Enter for no): "
            guard try confirmYes(question) else {
                say("Not complete: confirm each at its question (g, then its number), or type c and answer y here.")
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

    /// Asks whether to reopen a complete assessment, and why; true once it is reopened (and recorded).
    mutating func reopenAtStart() throws -> Bool {
        say("This assessment is complete and read-only. Reopening it is recorded with the date, who reopened it and why.")
        guard try confirmYes("Reopen it as a draft? y or n (Enter for no): ") else {
            say("Not reopened; nothing was changed. It can be read, and exported from the summary.")
            return false
        }
        return try reopen(cancellable: false)
    }

    /// `c` on the summary of a complete assessment: asks why, and reopens it (Enter cancels).
    private mutating func reopenFromSummary() throws {
        say("Reopening is recorded with the date, who reopened it and why.")
        _ = try reopen(cancellable: true)
    }

    /// Asks for the reason and reopens; false when cancelled.
    private mutating func reopen(cancellable: Bool) throws -> Bool {
        while true {
            let reason = try prompt("Why is it reopened? (kept in the file; at most \(Assessment.reasonLimit) characters"
                                    + (cancellable ? "; Enter cancels): " : "): "))
            if reason.isEmpty, cancellable {
                say("Not reopened; nothing was changed.")
                return false
            }
            if let problem = PlainText.problem(in: reason, limit: Assessment.reasonLimit) ?? (reason.isEmpty ? "is empty" : nil) {
                say("The reason \(problem); type it again.")
                continue
            }
            assessment.reopen(at: clock(), by: facilitator, reason: reason)
            persist()
            say("Reopened as a draft; the reopening is recorded.")
            return true
        }
    }

    /// `x`: writes the summary in every format and says where, one path a line; when the files exist
    /// already, asks whether to replace them or write new ones beside them.
    private mutating func exportSummary() throws {
        guard let export else {
            say("Exports cannot be written from here; use maturity export.")
            return
        }
        var outcome = export(assessment, path, .ask)
        if case let .wouldReplace(folder, existing) = outcome {
            let names = existing.map { URL(fileURLWithPath: $0).lastPathComponent }
            // "STEM.md, .html, .csv and .json", as the full screen says it.
            let endings = names.dropFirst().map { "." + ($0.split(separator: ".").last.map(String.init) ?? $0) }
            let listed = ([names.first ?? ""] + endings).map { TerminalText.inert($0) }
            let spoken = listed.count == 1 ? listed[0] : listed.dropLast().joined(separator: ", ") + " and " + (listed.last ?? "")
            say("\(spoken) \(names.count == 1 ? "exists" : "exist") in \(inert: folder) already.")
            let reply = try prompt("r replaces \(names.count == 1 ? "it" : "them"), n writes new files beside "
                                   + "\(names.count == 1 ? "it" : "them"), Enter leaves \(names.count == 1 ? "it" : "them"): ").lowercased()
            switch reply {
            case "r", "x", "replace": outcome = export(assessment, path, .replace(folder: folder))
            case "n", "new": outcome = export(assessment, path, .beside(folder: folder))
            default:
                say("Not exported; the files were left as they are.")
                return
            }
        }
        switch outcome {
        case let .written(paths, note):
            say("Exported the summary\(note.map { " (\(inert: $0))" } ?? "") to:")
            for path in paths { say("  \(inert: path)") }
        case let .wouldReplace(folder, _):
            say("Not exported: the files in \(inert: folder) changed meanwhile; type x again.")
        case let .failed(reason):
            say("Not exported: \(inert: reason)")
        }
    }

    /// `h`: each area's stage in every assessment of the system, oldest first, with its movement.
    private func sayHistory() {
        var progression = Progression(entries: earlier + [Progression.Entry(assessment: assessment, file: path ?? "")],
                                      framework: framework, system: knownSystem, answeredAgainst: { earlierFrameworks[$0.file] })
        progression.system = assessment.scopeName
        if let rename = assessment.systemRename, !progression.renames.contains(rename) { progression.renames.append(rename) }
        write("\n" + ProgressExport.text(progression))
    }
}
