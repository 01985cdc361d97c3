import MaturityRules
import MaturityModel

/// The words every export uses for the board's views: the spread line, who said what, dissents and
/// consensus. Plain text; each format escapes it.
public enum ViewsWords {
    /// Who dissented, as the exports name them: the participant, or "A member" when anonymous.
    public static func author(_ dissent: Dissent) -> String {
        dissent.participant ?? "A member"
    }

    /// The named views, the participants' first (in the order the assessment lists them), then any others by name.
    public static func named(_ views: CriterionViews, participants: [String]) -> [(name: String, answer: Answer)] {
        let listed = participants.filter { views.named[$0] != nil }
        var seen = Set(listed)
        let others = views.named.keys.filter { !seen.contains($0) }.sorted()
        seen.formUnion(others)
        return (listed + others).compactMap { name in views.named[name].map { (name, $0) } }
    }

    /// A share as a whole percentage: "80%". Only a share of 1 reads 100%, and only 0 reads 0% (199 of
    /// 200 is 99%, not a board of one mind).
    public static func percent(_ share: Double) -> String {
        guard share > 0 else { return "0%" }
        guard share < 1 else { return "100%" }
        return "\(min(max(Int((share * 100).rounded()), 1), 99))%"
    }

    /// "80% of 10 views matched the agreed answers", or nil when no view was counted.
    public static func consensus(_ count: ConsensusCount) -> String? {
        guard count.counted > 0 else { return nil }
        return count.share.map { "\(percent($0)) of \(count.counted) view\(count.counted == 1 ? "" : "s") matched the agreed answers" }
    }

    /// The rule that defines a split question, as a sentence: "Split: no answer was given by …".
    public static var splitRuleSentence: String {
        let rule = Spread.splitRule
        return (rule.first.map { String($0).uppercased() + rule.dropFirst() } ?? rule) + "."
    }

    /// What the board paper says when no question was split: of one mind, or no views taken.
    public static func noSplit(hasViews: Bool) -> String {
        hasViews ? "The board was of one mind: no question was split." : "The board took no views."
    }

    /// "… and 3 more split questions." when `hidden` are left off the list.
    public static func more(_ hidden: Int) -> String? {
        hidden > 0 ? "… and \(hidden) more split question\(hidden == 1 ? "" : "s")." : nil
    }
}
