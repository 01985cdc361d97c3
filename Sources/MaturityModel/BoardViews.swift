import MaturityFramework
import MaturityRules

/// How many views gave each answer.
public struct Spread: Sendable, Hashable {
    /// Views of each answer.
    public var yes = 0, partly = 0, no = 0, unsure = 0

    /// A spread of the counts given.
    public init(yes: Int = 0, partly: Int = 0, no: Int = 0, unsure: Int = 0) {
        (self.yes, self.partly, self.no, self.unsure) = (yes, partly, no, unsure)
    }

    /// The spread of `answers`, one view each.
    public init(_ answers: some Sequence<Answer>) {
        for answer in answers { self[answer] += 1 }
    }

    /// The views that gave `answer`.
    public subscript(answer: Answer) -> Int {
        get {
            switch answer {
            case .yes: yes
            case .partly: partly
            case .no: no
            case .unsure: unsure
            }
        }
        set {
            switch answer {
            case .yes: yes = newValue
            case .partly: partly = newValue
            case .no: no = newValue
            case .unsure: unsure = newValue
            }
        }
    }

    /// Every view counted.
    public var total: Int { yes + partly + no + unsure }

    /// The two spreads counted together.
    public static func + (left: Spread, right: Spread) -> Spread {
        Spread(yes: left.yes + right.yes, partly: left.partly + right.partly, no: left.no + right.no,
               unsure: left.unsure + right.unsure)
    }

    /// The share of views that differ from the commonest answer: 0 when every view agrees (or there are
    /// none), up to 3/4 when the four answers are given equally.
    public var disagreement: Double {
        total == 0 ? 0 : Double(total - commonest) / Double(total)
    }

    /// The views of the commonest answer.
    public var commonest: Int { Answer.allCases.map { self[$0] }.max() ?? 0 }

    /// How many different answers were given.
    public var distinctAnswers: Int { Answer.allCases.filter { self[$0] > 0 }.count }

    /// Whether the board was split: two or more views, and no answer given by at least two in three of
    /// them. The one-sentence rule every screen and export uses.
    public var isSplit: Bool { total >= 2 && 3 * commonest < 2 * total }

    /// "Yes 3 · Partly 2 · No 1 · Not sure 0": the counts as every screen and export says them.
    public var line: String {
        Answer.allCases.map { "\($0.spreadWord) \(self[$0])" }.joined(separator: " · ")
    }

    /// The sentence that defines ``isSplit``, for help screens and exports.
    public static let splitRule = "split: no answer was given by at least two in three of the views"
}

/// A member's disagreement with the agreed answer, kept on the record.
public struct Dissent: Sendable, Hashable, Codable {
    /// The longest dissent, in characters: one line.
    public static let noteLimit = 200

    /// Who dissented; nil in an anonymous workshop.
    public var participant: String?
    /// What they said, one line.
    public var note: String

    /// Creates a dissent.
    public init(participant: String?, note: String) {
        self.participant = participant
        self.note = note
    }
}

/// The members' views on one criterion, gathered in a round or beforehand, beside the agreed answer
/// (which alone the rules use).
public struct CriterionViews: Sendable, Hashable {
    /// Each member's view by participant name (empty when the workshop is anonymous).
    public var named: [String: Answer]
    /// Views given without names (an anonymous workshop): counted only.
    public var unnamed: Spread
    /// Dissents from the agreed answer, in the order recorded.
    public var dissents: [Dissent]

    /// Views and dissents as given.
    public init(named: [String: Answer] = [:], unnamed: Spread = Spread(), dissents: [Dissent] = []) {
        self.named = named
        self.unnamed = unnamed
        self.dissents = dissents
    }

    /// Every view counted, named or not.
    public var spread: Spread { unnamed + Spread(named.values) }

    /// True when nothing was given.
    public var isEmpty: Bool { named.isEmpty && unnamed.total == 0 && dissents.isEmpty }

    /// The same views without names: each named view counted, each dissent kept without its author.
    public func anonymised() -> CriterionViews {
        CriterionViews(unnamed: spread, dissents: dissents.map { Dissent(participant: nil, note: $0.note) })
    }

    /// The participants (of `participants`, in that order, then any others by name) whose view differs
    /// from `agreed`: those who may have a dissent recorded.
    public func differing(from agreed: Answer, participants: [String]) -> [String] {
        let others = named.keys.filter { !participants.contains($0) }.sorted()
        return (participants + others).filter { named[$0].map { $0 != agreed } ?? false }
    }
}

/// How far an area's views matched the board's agreed answers.
public struct ConsensusCount: Sendable, Hashable {
    /// Views that gave the answer the board agreed.
    public var matched: Int
    /// Views on criteria the board has agreed an answer to.
    public var counted: Int

    /// Creates a count.
    public init(matched: Int = 0, counted: Int = 0) {
        self.matched = matched
        self.counted = counted
    }

    /// The share of views that matched (0–1); nil when there are none.
    public var share: Double? { counted == 0 ? nil : Double(matched) / Double(counted) }
}

extension AreaRecord {
    /// How far this area's views matched the agreed answers, over the criteria with both.
    public var consensusCount: ConsensusCount {
        var count = ConsensusCount()
        for (criterion, views) in views {
            guard let agreed = answers[criterion] else { continue }
            let spread = views.spread
            count.matched += spread[agreed]
            count.counted += spread.total
        }
        return count
    }

    /// The share of this area's views that matched the agreed answer, over the criteria with both;
    /// nil when no criterion has views and an agreed answer.
    public var consensus: Double? { consensusCount.share }
}

extension Assessment {
    /// The views on `criterion` in `area`, if any were given.
    public func views(on criterion: String, in area: String) -> CriterionViews? {
        self[area: area].views[criterion].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The criteria of `framework` that have views, widest spread first (most disagreement, then most
    /// different answers, then framework order): the order in which a board spends its time where views
    /// differ.
    public func criteriaByDisagreement(in framework: Framework) -> [(area: String, criterion: String, spread: Spread)] {
        var found: [(area: String, criterion: String, spread: Spread, order: Int)] = []
        var order = 0
        for area in framework.areas {
            let record = self[area: area.id]
            for criterion in area.criteria {
                order += 1
                guard let views = record.views[criterion.id], views.spread.total > 0 else { continue }
                found.append((area.id, criterion.id, views.spread, order))
            }
        }
        found.sort { first, second in
            if first.spread.disagreement != second.spread.disagreement { return first.spread.disagreement > second.spread.disagreement }
            if first.spread.distinctAnswers != second.spread.distinctAnswers {
                return first.spread.distinctAnswers > second.spread.distinctAnswers
            }
            return first.order < second.order
        }
        return found.map { ($0.area, $0.criterion, $0.spread) }
    }

    /// Turns anonymous mode on: every view and dissent recorded so far loses its name, and later ones are
    /// taken without names. (Names once dropped cannot come back, so there is no turning it off.)
    /// A member's comment from an answer sheet, filed in the note as "Name: comment", loses its name too
    /// when that member gave a view or dissent on the question.
    public mutating func makeAnonymous() {
        anonymousViews = true
        for index in areas.indices {
            for (criterion, views) in areas[index].views {
                guard let note = areas[index].notes[criterion] else { continue }
                let names = Set(views.named.keys).union(views.dissents.compactMap(\.participant))
                areas[index].notes[criterion] = Self.withoutNames(names, note)
            }
            areas[index].views = areas[index].views.mapValues { $0.anonymised() }
        }
    }

    /// `note` with each line that starts "Name: " for one of `names` (as an answer sheet files a member's
    /// comment) cut to the comment.
    private static func withoutNames(_ names: Set<String>, _ note: String) -> String {
        guard !names.isEmpty else { return note }
        let prefixes = names.map { "\($0): " }.sorted { $0.count > $1.count }
        return note.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            guard let prefix = prefixes.first(where: { line.hasPrefix($0) }) else { return line }
            return line.dropFirst(prefix.count)
        }.joined(separator: "\n")
    }
}

extension Answer {
    /// The answer as a spread counts it: "Yes", "Partly", "No", "Not sure".
    public var spreadWord: String { self == .yes ? "Yes" : label }
}
