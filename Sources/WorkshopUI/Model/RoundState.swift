import MaturityFramework
import MaturityRules
import MaturityModel

/// A round of views open over a question: the model's ``ViewsRound`` (turns, agreeing), and once the
/// answer is agreed, which of those whose view differs is asked for a dissent, and the line being typed.
public struct RoundState: Sendable, Equatable {
    /// The round itself: turns, views, the agreed answer.
    public var round: ViewsRound
    /// The dissenter being asked (an index into ``ViewsRound/dissenters``), once the answer is agreed.
    public var dissenter: Int
    /// The dissent being typed for that member: one line.
    public var dissent: TextField
    /// Dissents recorded in this round so far.
    public var recorded: Int

    /// A round on `criterion` of `area` among `participants`.
    init(area: String, criterion: String, participants: [String], anonymous: Bool) {
        round = ViewsRound(area: area, criterion: criterion, participants: participants, anonymous: anonymous)
        dissenter = 0
        dissent = TextField("", limit: Dissent.noteLimit)
        recorded = 0
    }

    /// The member whose dissent is being asked for; nil before the answer is agreed or after the last.
    public var askedForDissent: String? {
        guard case .dissenting = round.phase else { return nil }
        return round.dissenters[safe: dissenter]
    }

    /// The view of the member asked for a dissent (what they said, which differs from the agreed answer).
    var dissenterView: Answer? {
        guard case let .dissenting(agreed) = round.phase else { return nil }
        let differing = round.participants.indices.filter { round.given[$0].map { $0 != agreed } ?? false }
        return differing[safe: dissenter].flatMap { round.given[$0] }
    }
}
