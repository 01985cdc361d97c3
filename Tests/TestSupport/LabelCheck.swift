import Foundation

/// Whether criterion labels stand alone. A label is shown without its question (in explanations, gaps,
/// history and `progress`), so it must name what it is about. This catches the patterns that have
/// needed their question: a pronoun or demonstrative ("People Plan guided by them"), "the plan" or
/// "the policies" with nothing saying which, a relation with nothing to relate to ("estates aligned"),
/// an abstract noun with no owner at the start ("progress measured", "delivery tracked jointly"),
/// fewer than three words, and two criteria of one framework with the same label.
public enum LabelCheck {
    /// Words that point at something the label itself does not name.
    static let pointingWords: Set<String> = ["it", "its", "them", "they", "their", "this", "that", "these", "those"]
    /// Nouns that, after a bare "the", leave the reader asking "which one?".
    static let unnamedNouns: Set<String> = ["plan", "plans", "policy", "policies", "strategy", "aims", "baseline", "charter"]
    /// Endings that relate the subject to something, and so need that something.
    static let relations = ["aligned", "guided", "linked", "referred to", "compared", "based on", "measured against"]
    /// Nouns that cannot start a label alone: progress, delivery, the strategy… of what, or whose? ("delivery of
    /// the shared aims" says.)
    static let ownerlessStarts: Set<String> = ["progress", "delivery", "practice", "contribution", "benefit", "strategy",
                                               "strategies", "plan", "plans", "policy", "policies"]

    /// One line per problem among `labels` (criterion id and label, in one framework).
    public static func problems(_ labels: [(id: String, label: String)]) -> [String] {
        var problems: [String] = []
        var seen: [String: String] = [:]
        for (id, label) in labels {
            let words = label.lowercased().split { !$0.isLetter && $0 != "'" && $0 != "-" }.map(String.init)
            let say = { (why: String) in problems.append("\(id): \"\(label)\" \(why)") }
            if let word = words.first(where: pointingWords.contains) { say("points at something it does not name (\"\(word)\")") }
            for (index, word) in words.enumerated().dropLast() where word == "the" && unnamedNouns.contains(words[index + 1]) {
                say("does not say which \(words[index + 1]) (\"the \(words[index + 1])\")")
            }
            if let relation = relations.first(where: { label.lowercased().hasSuffix($0) }) {
                say("does not say what it is \(relation) with or to")
            }
            if let first = words.first, ownerlessStarts.contains(first), words.dropFirst().first != "of" {
                say("does not say whose \(first) it is")
            }
            if words.count < 3 { say("is too short to stand alone (fewer than three words)") }
            if let other = seen[label.lowercased()] { say("is also the label of \(other)") }
            seen[label.lowercased()] = id
        }
        return problems
    }
}
