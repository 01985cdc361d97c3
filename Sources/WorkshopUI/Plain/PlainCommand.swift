import MaturityFramework

/// A command typed at one of plain mode's command prompts (a question, an area's actions, the summary):
/// one letter, or its word, with a number where it needs one ("g 2.4", "e 1", "delete 2").
enum PlainCommand: Equatable {
    /// `b`: the previous step (from the summary: where the board came from).
    case back
    /// `g`, `g N`, `g N.M`: go to an area or a question; without a target, the target is asked.
    case go(PlainTarget?)
    /// `s`: the summary.
    case summary
    /// `q`: stop (everything is saved); on the summary, finish.
    case quit
    /// `?`: every command of the prompt, in words.
    case help
    /// `a`: add an action (its description is asked).
    case add
    /// `e`, `e N`: edit action N (asked when not given).
    case edit(Int?)
    /// `d`, `d N`: delete action N (asked when not given).
    case delete(Int?)
    /// `c`: mark the assessment complete, or reopen a complete one.
    case complete
    /// `x`: export the summary in every format.
    case export
    /// `h`: the system's history.
    case history
    /// `l`: every question with its answer.
    case list
    /// `m`: the area's metrics (the letter only: a word could be an action's description).
    case metrics
    /// `t`: the area's target (the letter only: a word could be an action's description).
    case target
    /// `established`, `established YYYY-MM-DD` or `established -`: the day the system was established
    /// (asked when not given; `-` leaves it unknown). A word, not a question at the start, so that
    /// scripts written for earlier versions keep every line in place.
    case established(String?)

    /// The command `reply` spells, or nil when it is not one (then it may be an answer or a description).
    /// Letters and words are taken in any case; a number may follow the letter with or without a space.
    init?(_ reply: String) {
        let words = reply.lowercased().split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        if words.first == "established" {
            let rest = reply.split(separator: " ", omittingEmptySubsequences: true).dropFirst().joined(separator: " ")
            self = .established(rest.isEmpty ? nil : rest)
            return
        }
        guard let first = words.first, words.count <= 2 else { return nil }
        var name = first
        var argument = words.count == 2 ? words[1] : nil
        // "g2.4", "e1": a letter and its number written together.
        if argument == nil, let letter = first.first, "ged".contains(letter), first.count > 1,
           first.dropFirst().allSatisfy({ $0.isNumber || $0 == "." }) {
            name = String(letter)
            argument = String(first.dropFirst())
        }
        switch (name, argument) {
        case ("b", nil), ("back", nil): self = .back
        case ("s", nil), ("summary", nil): self = .summary
        case ("q", nil), ("quit", nil): self = .quit
        case ("?", nil), ("help", nil): self = .help
        case ("a", nil), ("add", nil): self = .add
        case ("c", nil), ("complete", nil): self = .complete
        case ("x", nil), ("export", nil): self = .export
        case ("h", nil), ("history", nil): self = .history
        case ("l", nil), ("list", nil): self = .list
        case ("m", nil): self = .metrics
        case ("t", nil): self = .target
        case ("g", nil), ("go", nil): self = .go(nil)
        case let ("g", target?), let ("go", target?):
            guard let parsed = PlainTarget(target) else { return nil }
            self = .go(parsed)
        case ("e", nil), ("edit", nil): self = .edit(nil)
        case let ("e", number?), let ("edit", number?):
            guard let value = Int(number) else { return nil }
            self = .edit(value)
        case ("d", nil), ("delete", nil): self = .delete(nil)
        case let ("d", number?), let ("delete", number?):
            guard let value = Int(number) else { return nil }
            self = .delete(value)
        default: return nil
        }
    }
}

/// Where `g` goes: an area (its descriptors, then its first question) or one question, numbered from 1
/// as the prompts number them ("Area 2 of 3", "Question 4 of 10").
struct PlainTarget: Equatable {
    /// The area's number, from 1.
    var area: Int
    /// The question's number within the area, from 1; nil for the area itself.
    var question: Int?

    /// "2" (area 2) or "2.4" (area 2, question 4); nil for anything else.
    init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let area = Int(parts[0]) else { return nil }
        self.area = area
        if parts.count == 2 {
            guard let question = Int(parts[1]) else { return nil }
            self.question = question
        }
    }

    /// The step in `framework`, or why there is none ("There is no area 5: the areas are 1 to 3.").
    func step(in framework: Framework) -> Result<Step, PlainProblem> {
        let areas = framework.areas
        guard areas.indices.contains(area - 1) else {
            return .failure(PlainProblem("There is no area \(area): the areas are 1 to \(areas.count)."))
        }
        guard let question else { return .success(.overview(area: area - 1)) }
        let count = areas[area - 1].criteria.count
        guard (1...max(1, count)).contains(question), count > 0 else {
            return .failure(PlainProblem("Area \(area) has questions 1 to \(count); there is no question \(question)."))
        }
        return .success(.question(area: area - 1, criterion: question - 1))
    }
}

/// A sentence telling the user why a command cannot be done, said before the prompt is asked again.
struct PlainProblem: Error, Equatable {
    /// The sentence.
    var text: String

    init(_ text: String) {
        self.text = text
    }
}
