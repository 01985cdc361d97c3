import FoundationEssentials
import MaturityFramework
import MaturityRules
import MaturityModel

/// Plain mode's result of an area: where it is placed and why, the review of last time's actions,
/// and the board's agreed actions (added, edited with their status, deleted).
extension PlainWorkshop {
    /// Says the area's placement, reviews last time's actions, and takes the actions prompt until the
    /// user moves on; returns the step to go to next.
    mutating func result(area areaIndex: Int) throws -> Step {
        let step = Step.result(area: areaIndex)
        let area = framework.areas[areaIndex]
        let placement = PlacementRules.place(area, in: framework, answers: assessment.answers)
        say("\n\(inert: area.title): \(placement.titleMarkingProvisional)")
        say(placement.explanation)
        sayPlacementContext(of: area, placement: placement)
        try review(area: area)
        sayActions(of: area)
        while true {
            let reply = try prompt(actionsPrompt(areaIndex))
            if reply.isEmpty { return next(after: step) }
            let command = PlainCommand(reply)
            if command == .metrics {
                try recordMetrics(of: area)
                continue
            }
            if let command {
                switch try handle(command, at: step, help: PlainHelp.actions) {
                case let .moved(target): return target
                case .stayed: continue
                case .notHere: break
                }
            }
            if assessment.isReadOnly {
                say(Self.readOnlyRefusal)
                continue
            }
            switch command {
            case .add?: try addAction(to: area, what: nil)
            case let .edit(number)?: try editAction(of: area, number: number)
            case let .delete(number)?: try deleteAction(of: area, number: number)
            case .target?:
                try setTarget(of: area)
                continue
            case .some:
                say("That command works on the summary (s), not here. ? lists what works here; to add an action "
                    + "of that name, type a, then the name.")
                continue
            case nil:
                guard reply.count > 1 else {
                    say("Please say what is to be done in words (or b, g, s, q; ? lists them).")
                    continue
                }
                try addAction(to: area, what: reply)
            }
            sayActions(of: area)
        }
    }

    /// "Add an agreed action: type what is to be done (Enter goes on to area 2; b back; …): ".
    private func actionsPrompt(_ areaIndex: Int) -> String {
        let onward = areaIndex + 1 < framework.areas.count ? "area \(areaIndex + 2)" : "the summary"
        let moves = "b back; g go to; s summary; q quit; ? help"
        if assessment.isReadOnly { return "Read-only: Enter goes on to \(onward); \(moves): " }
        let count = assessment[area: framework.areas[areaIndex].id].actions.count
        switch count {
        case 0: return "Add an agreed action: type what is to be done (Enter goes on to \(onward); \(moves)): "
        case 1:
            return "Type what is to be done to add another action; e 1 edits action 1 (its status too), d 1 deletes it "
                + "(Enter goes on to \(onward); \(moves)): "
        default:
            return "Type what is to be done to add another action; e N edits action N (its status too), d N deletes it, "
                + "N from 1 to \(count) (Enter goes on to \(onward); \(moves)): "
        }
    }

    /// Says the area's agreed actions, numbered from 1.
    private func sayActions(of area: Area) {
        let actions = assessment[area: area.id].actions
        if actions.isEmpty {
            say("Agreed actions: none yet.")
            return
        }
        say("Agreed actions:")
        for (number, action) in actions.enumerated() { say("  \(number + 1). \(inert: ResultScreen.describe(action))") }
    }

    /// Asks the status of each of last time's actions (read-only: says them).
    private mutating func review(area: Area) throws {
        let record = assessment[area: area.id]
        if assessment.isReadOnly {
            for action in record.reviewedActions {
                let status = RecordWords.review(action, reviewed: !record.unreviewedActions.contains(action.id))
                say("Last time's action: \(inert: ResultScreen.describe(action, status: status))")
            }
            return
        }
        for index in record.reviewedActions.indices {
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
    }

    /// Adds an action: `what` as typed at the actions prompt (asked when nil), then its owner and due
    /// date. It is saved as soon as it has a description, and again with each field.
    private mutating func addAction(to area: Area, what typed: String?) throws {
        var what = typed ?? ""
        while true {
            if what.isEmpty {
                what = try prompt("What is to be done (Enter cancels): ")
                if what.isEmpty {
                    say("No action added.")
                    return
                }
            }
            guard let problem = PlainText.problem(in: what, limit: PlainText.actionLimit) else { break }
            say("The description \(problem); type it again, shorter.")
            what = ""
        }
        assessment[area: area.id].actions.append(Action(id: assessment.nextActionID(), what: what, owner: ""))
        let index = assessment[area: area.id].actions.count - 1
        persist()
        assessment[area: area.id].actions[index].owner = try askOwner("")
        persist()
        assessment[area: area.id].actions[index].due = try askDue(nil)
        persist()
        say("Action \(index + 1) added, not started: \(inert: ResultScreen.describe(assessment[area: area.id].actions[index])). "
            + "e \(index + 1) changes it, its status too.")
    }

    /// Edits action `number` (asked when nil) field by field; Enter keeps each field. Saved with each field.
    private mutating func editAction(of area: Area, number: Int?) throws {
        guard let index = try actionIndex(of: area, number: number, doing: "edit") else { return }
        say("Action \(index + 1): \(inert: ResultScreen.describe(assessment[area: area.id].actions[index]))")
        while true {
            let what = try prompt("What is to be done (Enter keeps it): ")
            if what.isEmpty { break }
            if let problem = PlainText.problem(in: what, limit: PlainText.actionLimit) {
                say("The description \(problem); type it again, shorter, or press Enter to keep it.")
                continue
            }
            assessment[area: area.id].actions[index].what = what
            persist()
            break
        }
        assessment[area: area.id].actions[index].owner = try askOwner(assessment[area: area.id].actions[index].owner)
        persist()
        assessment[area: area.id].actions[index].due = try askDue(assessment[area: area.id].actions[index].due)
        persist()
        assessment[area: area.id].actions[index].status = try askStatus(assessment[area: area.id].actions[index].status)
        persist()
        say("Action \(index + 1) is now: \(inert: ResultScreen.describe(assessment[area: area.id].actions[index])).")
    }

    /// Deletes action `number` (asked when nil) once the user confirms it.
    private mutating func deleteAction(of area: Area, number: Int?) throws {
        guard let index = try actionIndex(of: area, number: number, doing: "delete") else { return }
        let action = assessment[area: area.id].actions[index]
        guard try confirmYes("Delete action \(index + 1), \"\(inert: action.what)\"? y or n (Enter for no): ") else {
            say("Kept.")
            return
        }
        assessment[area: area.id].actions.remove(at: index)
        persist()
        say("Action \(index + 1) deleted.")
    }

    /// The index of action `number` (from 1), asked when nil and there is more than one; nil, said why,
    /// when there is no such action.
    private func actionIndex(of area: Area, number: Int?, doing verb: String) throws -> Int? {
        let count = assessment[area: area.id].actions.count
        guard count > 0 else {
            say("There are no agreed actions to \(verb) yet; type what is to be done to add one.")
            return nil
        }
        var number = number
        if number == nil, count == 1 { number = 1 }
        if number == nil {
            let reply = try prompt("Which action, 1 to \(count)? (Enter for none): ")
            if reply.isEmpty { return nil }
            number = Int(reply)
        }
        guard let number, (1...count).contains(number) else {
            say(count == 1 ? "There is only action 1." : "The actions are numbered 1 to \(count).")
            return nil
        }
        return number - 1
    }

    /// Asks for an owner: Enter keeps `current` (none for a new action), `-` removes it.
    private func askOwner(_ current: String) throws -> String {
        while true {
            let reply = try prompt(current.isEmpty ? "Owner (Enter for none): " : "Owner (Enter keeps \"\(inert: current)\"; - removes it): ")
            if reply.isEmpty { return current }
            if reply == "-" { return "" }
            guard let problem = PlainText.problem(in: reply, limit: PlainText.ownerLimit) else { return reply }
            say("The owner \(problem); type it again, shorter.")
        }
    }

    /// Asks for a due date: Enter keeps `current` (none for a new action), `-` removes it.
    private func askDue(_ current: CalendarDate?) throws -> CalendarDate? {
        while true {
            let text = try prompt(current.map { "Due date, YYYY-MM-DD (Enter keeps \($0); - removes it): " }
                ?? "Due date, YYYY-MM-DD (Enter for none): ")
            if text.isEmpty { return current }
            if text == "-" { return nil }
            if let date = CalendarDate(text) { return date }
            say("That is not a date written YYYY-MM-DD, e.g. 2027-03-31.")
        }
    }

    /// Asks for a status: Enter keeps `current`.
    private func askStatus(_ current: ActionStatus) throws -> ActionStatus {
        let statuses: [String: ActionStatus] = ["n": .notStarted, "i": .inProgress, "d": .done, "x": .dropped]
        while true {
            let reply = try prompt("Status: n not started, i in progress, d done, x dropped (Enter keeps \(current.phrase)): ")
                .lowercased()
            if reply.isEmpty { return current }
            if let status = statuses[reply] ?? ActionStatus(rawValue: reply.replacing(" ", with: "-")) {
                return status
            }
            say("Please type n, i, d or x, or press Enter.")
        }
    }
}
