import CellGrid
import MaturityFramework
import MaturityRules
import MaturityModel

/// Keys of a round of views: one key per member (y p n u, Space or Enter to pass, Backspace or ← back a
/// turn), then y p n u for the answer the board agrees, then a one-line dissent for each member whose
/// view differs (Enter records it, an empty Enter skips). Esc leaves the round before the answer is
/// agreed with nothing recorded, and afterwards skips the dissents not yet typed.
enum RoundKeys {
    /// `v` on a question: opens a round among the assessment's participants, or says how to name them.
    static func open(area: Int, index: Int, in state: inout WorkshopState) -> [Reaction] {
        guard let assessment = state.assessment, !state.refusesChanges() else { return [] }
        guard !assessment.participants.isEmpty else {
            state.message = .init("A round of views needs participants, and none are named in this assessment. Name them "
                + "on the start screen (Participants, commas between) when the workshop starts; meanwhile answer "
                + "with y p n u.", isProblem: true)
            return []
        }
        let area = state.framework.areas[area]
        state.overlay = .round(RoundState(area: area.id, criterion: area.criteria[index].id,
                                          participants: assessment.participants, anonymous: assessment.anonymousViews))
        return []
    }

    /// A key while the round is open.
    static func handle(_ key: Key, _ current: RoundState, in state: inout WorkshopState) -> [Reaction] {
        var round = current
        switch round.round.phase {
        case .gathering, .agreeing:
            switch key {
            case .escape:
                state.overlay = nil
                state.message = .init("Round of views left; nothing was recorded.")
                return []
            case .backspace, .left:
                round.round.back()
            case .character(" "), .enter:
                guard case .gathering = round.round.phase else { break }
                round.round.give(nil)
            case let .character(letter):
                guard let answer = Answer(letter: letter) else { break }
                if case .gathering = round.round.phase {
                    round.round.give(answer)
                } else {
                    round.round.agree(answer)
                    return agreed(answer, round, &state)
                }
            default:
                break
            }
            state.overlay = .round(round)
            return []
        case .dissenting:
            return dissent(key, round, &state)
        }
    }

    /// The board has agreed `answer`: the round is recorded (views and answer), and the dissents follow.
    private static func agreed(_ answer: Answer, _ round: RoundState, _ state: inout WorkshopState) -> [Reaction] {
        state.assessment?.record(round.round)
        if case let .question(area, index, _, scroll) = state.screen {
            state.screen = .question(area: area, criterion: index, highlight: answer, lastTimeScroll: scroll)
        }
        guard round.askedForDissent != nil else { return finish(round, &state) }
        state.overlay = .round(round)
        return [.changed]
    }

    private static func dissent(_ key: Key, _ current: RoundState, _ state: inout WorkshopState) -> [Reaction] {
        var round = current
        switch key {
        case .escape:
            return finish(round, &state)
        case .enter:
            var reactions: [Reaction] = []
            let note = round.dissent.text.trimmingSpaces()
            if !note.isEmpty, let member = round.askedForDissent {
                state.assessment?.addDissent(note, by: round.round.anonymous ? nil : member,
                                             on: round.round.criterion, in: round.round.area)
                round.recorded += 1
                reactions.append(.changed)
            }
            round.dissenter += 1
            round.dissent = TextField("", limit: Dissent.noteLimit)
            guard round.askedForDissent != nil else { return reactions + finish(round, &state) }
            state.overlay = .round(round)
            return reactions
        default:
            _ = round.dissent.handle(key, width: 0)
            if round.dissent.wasCut {
                state.message = .init("A dissent is one line of at most \(Dissent.noteLimit) characters; the rest was not added.",
                                      isProblem: true)
            }
            state.overlay = .round(round)
            return []
        }
    }

    /// Closes the round on the question, which now shows the spread, the agreed answer and the dissents.
    private static func finish(_ round: RoundState, _ state: inout WorkshopState) -> [Reaction] {
        state.overlay = nil
        guard case let .dissenting(agreed) = round.round.phase else { return [] }
        let dissents = round.recorded == 0 ? "" : ", \(round.recorded) dissent\(round.recorded == 1 ? "" : "s")"
        state.message = .init("Round recorded: \(agreed.label) agreed\(dissents). Enter goes on.")
        return [.changed]
    }
}
