import MaturityFramework
import MaturityRules

/// A round of views on one question: each participant in turn gives a view or passes, then the board
/// agrees the answer, then those whose view differs may have a dissent recorded. The same round runs
/// on the full screen and in plain mode.
public struct ViewsRound: Sendable, Equatable {
    /// Where the round is.
    public enum Phase: Sendable, Equatable {
        /// Waiting for the view of `participants[turn]`.
        case gathering(turn: Int)
        /// Every participant has had a turn; the board agrees the answer.
        case agreeing
        /// The answer is agreed; dissents may be recorded for ``dissenters``.
        case dissenting(agreed: Answer)
    }

    /// The area and criterion the round is on.
    public let area: String, criterion: String
    /// Who gives a view, in turn: the workshop's participants.
    public let participants: [String]
    /// Whether views are taken without names.
    public let anonymous: Bool
    /// Each participant's view so far (nil: passed, or not yet asked).
    public private(set) var given: [Answer?]
    /// Where the round is.
    public private(set) var phase: Phase

    /// A round on `criterion` of `area` among `participants` (at least one); a name given twice is asked
    /// once, since views are kept by name and a second view would replace the first.
    public init(area: String, criterion: String, participants: [String], anonymous: Bool) {
        self.area = area
        self.criterion = criterion
        var seen: Set<String> = []
        let participants = participants.filter { seen.insert($0).inserted }
        self.participants = participants
        self.anonymous = anonymous
        given = Array(repeating: nil, count: participants.count)
        phase = participants.isEmpty ? .agreeing : .gathering(turn: 0)
    }

    /// Who is asked now: the name, or "Member 2 of 8" when anonymous; nil once every turn is taken.
    public var askedNow: String? {
        guard case let .gathering(turn) = phase else { return nil }
        return anonymous ? "Member \(turn + 1) of \(participants.count)" : participants[turn]
    }

    /// Records the current participant's view (nil: a pass) and moves to the next, or to agreeing.
    public mutating func give(_ view: Answer?) {
        guard case let .gathering(turn) = phase else { return }
        given[turn] = view
        phase = turn + 1 < participants.count ? .gathering(turn: turn + 1) : .agreeing
    }

    /// Goes back one turn (to correct a view), or out of agreeing to the last turn.
    public mutating func back() {
        switch phase {
        case let .gathering(turn) where turn > 0: phase = .gathering(turn: turn - 1)
        case .agreeing where !participants.isEmpty: phase = .gathering(turn: participants.count - 1)
        default: break
        }
    }

    /// The views given so far, as the file keeps them (named, or counted only when anonymous).
    public var views: CriterionViews {
        var named: [String: Answer] = [:]
        for (participant, view) in zip(participants, given) { if let view { named[participant] = view } }
        let views = CriterionViews(named: named)
        return anonymous ? views.anonymised() : views
    }

    /// Agrees the board's answer; then dissents may be recorded.
    public mutating func agree(_ answer: Answer) {
        guard phase == .agreeing else { return }
        phase = .dissenting(agreed: answer)
    }

    /// Those whose view differs from the agreed answer, in turn order (once agreed; empty before). In an
    /// anonymous round they are "Member N of M", and a dissent is kept without the name.
    public var dissenters: [String] {
        guard case let .dissenting(agreed) = phase else { return [] }
        return participants.indices.compactMap { index in
            guard let view = given[index], view != agreed else { return nil }
            return anonymous ? "Member \(index + 1) of \(participants.count)" : participants[index]
        }
    }
}

extension Assessment {
    /// Keeps what a round gathered: its views replace the criterion's earlier ones, and once agreed,
    /// the agreed answer is the criterion's answer (confirmed, if it was carried from last time).
    /// Earlier dissents are kept only when the round gathered no views.
    public mutating func record(_ round: ViewsRound) {
        var record = self[area: round.area]
        var views = round.views
        if views.spread.total == 0 { views.dissents = record.views[round.criterion]?.dissents ?? [] }
        record.views[round.criterion] = views.isEmpty ? nil : views
        if case let .dissenting(agreed) = round.phase {
            record.answers[round.criterion] = agreed
            record.asLastTime.remove(round.criterion)
        }
        self[area: round.area] = record
    }

    /// Records a dissent on `criterion` of `area`: one line, by `participant` (nil when anonymous, and
    /// dropped when the workshop is anonymous). A blank note records nothing; a longer one is cut to
    /// ``Dissent/noteLimit`` characters, and line breaks become spaces.
    public mutating func addDissent(_ note: String, by participant: String?, on criterion: String, in area: String) {
        let line = String(note.map { $0.isNewline ? " " : $0 }.prefix(Dissent.noteLimit)).trimmingSpaces()
        guard !line.isEmpty else { return }
        var views = self[area: area].views[criterion] ?? CriterionViews()
        views.dissents.append(Dissent(participant: anonymousViews ? nil : participant, note: line))
        self[area: area].views[criterion] = views
    }
}
