import FoundationEssentials
import MaturityFramework
import MaturityRules
import MaturityModel

/// Plain mode's round of views on a question: each participant's view in turn (or a pass), the spread,
/// the board's agreed answer, then a one-line dissent for each member whose view differs.
extension PlainWorkshop {
    /// The answer `reply` spells (a letter or a word, in any case), or nil.
    static func answer(in reply: String) -> Answer? {
        let word = reply.lowercased()
        if word.count == 1, let letter = word.first { return Answer(letter: letter) }
        return Answer(lenient: word)
    }

    /// Says the views already given on a question: the spread, who said what (unless anonymous) and
    /// every dissent, so that the board hears them before it agrees.
    func sayViews(_ views: CriterionViews) {
        say("Views: \(views.spread.line)" + (views.spread.isSplit ? " (split)." : "."))
        let said = whoSaidWhat(views)
        if !said.isEmpty { say("Who said what: \(said).") }
        for dissent in views.dissents {
            say("Dissent" + (dissent.participant.map { " of \(inert: $0)" } ?? "") + ": \(inert: dissent.note)")
        }
    }

    /// "Ann: Yes, in place; Bob: Partly": the named views, in the order of the participants; empty when
    /// none is named (an anonymous workshop keeps no names).
    private func whoSaidWhat(_ views: CriterionViews) -> String {
        let others = views.named.keys.filter { !assessment.participants.contains($0) }.sorted()
        return (assessment.participants + others).compactMap { name in
            views.named[name].map { "\(inert: name): \($0.label)" }
        }.joined(separator: "; ")
    }

    /// `v` at a question: runs a round of views on `criterion` of `area`. True when the board agreed an
    /// answer (recorded with the views and any dissent); false when it left the agreement for later (the
    /// views are recorded) or there is no one to ask. Input that ends before the answer is agreed leaves
    /// the round unrecorded, and everything saved before stays saved.
    mutating func viewsRound(on criterion: Criterion, of area: Area) throws -> Bool {
        guard !assessment.participants.isEmpty else {
            say("A round of views asks each participant in turn, and none was named at the start. "
                + "Answer the question directly with \(Answer.letterList).")
            return false
        }
        var round = ViewsRound(area: area.id, criterion: criterion.id, participants: assessment.participants,
                               anonymous: assessment.anonymousViews)
        say("Round of views: each member in turn types \(Answer.letterList), or Enter to pass; b goes back one member.")
        do {
            while let member = round.askedNow {
                let reply = try prompt("\(inert: member)'s view (\(Answer.letters.replacing(" ", with: "/")), Enter to pass): ")
                if reply.isEmpty {
                    round.give(nil)
                } else if let answer = Self.answer(in: reply) {
                    round.give(answer)
                } else if reply.lowercased() == "b" || reply.lowercased() == "back" {
                    if case .gathering(turn: 0) = round.phase { say("This is the first member; there is no one before.") }
                    round.back()
                } else {
                    say("Please type \(Answer.letterList) for \(inert: member)'s view, press Enter to pass, or b for the member before.")
                }
                if round.askedNow == nil { sayRound(round) }
                while round.phase == .agreeing {
                    let reply = try prompt("Agreed answer: \(Answer.letterList) (Enter keeps the views and leaves the answer "
                                           + "for later; b back to the last member): ")
                    if reply.isEmpty {
                        assessment.record(round)
                        persist()
                        say("The views are kept; the answer is not agreed yet.")
                        return false
                    } else if let answer = Self.answer(in: reply) {
                        round.agree(answer)
                    } else if reply.lowercased() == "b" || reply.lowercased() == "back" {
                        round.back()
                    } else {
                        say("Please type \(Answer.letterList) for the board's agreed answer, Enter to agree it later, or b to go back.")
                    }
                }
            }
        } catch is EndOfInput {
            say("\nInput ended before the board agreed; this round of views was not recorded.")
            throw EndOfInput()
        }
        assessment.record(round)
        persist()
        if case let .dissenting(agreed) = round.phase {
            say("Agreed: \(agreed.label).")
            try askDissents(from: round.dissenters, on: criterion, of: area, agreed: agreed, views: round.views)
        }
        return true
    }

    /// The spread of a round once every member has had a turn, who said what and who passed (names only
    /// when the workshop is not anonymous).
    private func sayRound(_ round: ViewsRound) {
        let views = round.views
        say("Spread: \(views.spread.line)" + (views.spread.isSplit ? " (split)." : "."))
        guard !round.anonymous else { return }
        let said = whoSaidWhat(views)
        if !said.isEmpty { say("Who said what: \(said).") }
        let passed = zip(round.participants, round.given).filter { $0.1 == nil }.map { "\(inert: $0.0)" }
        if !passed.isEmpty { say("Passed: \(passed.joined(separator: ", ")).") }
    }

    /// After the board agrees `agreed`, asks each member whose view differs (named, or "Member 2 of 5"
    /// when anonymous) for an optional one-line dissent, recorded and saved one by one.
    mutating func askDissents(from dissenters: [String], on criterion: Criterion, of area: Area, agreed: Answer,
                              views: CriterionViews) throws {
        for member in dissenters {
            let view = views.named[member].map { " (who said \($0.label.lowercased()))" } ?? ""
            while true {
                let note = try prompt("Dissent of \(inert: member)\(view), one line (Enter for none): ")
                if note.isEmpty { break }
                if let problem = PlainText.problem(in: note, limit: Dissent.noteLimit) {
                    say("The dissent \(problem); nothing was kept. Type it again, shorter, or press Enter.")
                    continue
                }
                assessment.addDissent(note, by: assessment.anonymousViews ? nil : member, on: criterion.id, in: area.id)
                persist()
                break
            }
        }
    }

    /// The questions whose views were gathered beforehand and whose answer is not agreed yet (unanswered,
    /// or as last time), widest spread first.
    func questionsByDisagreement() -> [(step: Step, spread: Spread)] {
        assessment.criteriaByDisagreement(in: framework).compactMap { found in
            guard let areaIndex = framework.areas.firstIndex(where: { $0.id == found.area }),
                  let index = framework.areas[areaIndex].criteria.firstIndex(where: { $0.id == found.criterion })
            else { return nil }
            let record = assessment[area: found.area]
            guard record.answers[found.criterion] == nil || record.asLastTime.contains(found.criterion) else { return nil }
            return (.question(area: areaIndex, criterion: index), found.spread)
        }
    }

    /// Offers to take the questions with views in order of disagreement; returns the first of them when
    /// the board agrees (``agenda`` then leads from each to the next, and from the last to the summary).
    mutating func offerDisagreementOrder() throws -> Step? {
        let pending = questionsByDisagreement()
        guard !pending.isEmpty else { return nil }
        let split = pending.filter(\.spread.isSplit).count
        say("Views were gathered beforehand on \(pending.count) question\(pending.count == 1 ? "" : "s") not yet agreed"
            + (split > 0 ? ", \(split) of them split." : "."))
        guard try confirmYes("Take them in order of disagreement, widest spread first? y or n (Enter for no, the usual order): ")
        else { return nil }
        agenda = pending.map(\.step)
        say("The questions come widest spread first; after the last, the summary.")
        return agenda.first
    }
}
