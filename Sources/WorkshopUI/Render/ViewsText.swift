import CellGrid
import MaturityRules
import MaturityModel

/// Words for members' views on screen: the spread line, who said what, and dissents.
enum ViewsText {
    /// Who gave each answer, in the order of `participants` (then any others by name); answers no one
    /// gave are left out.
    static func whoSaid(_ named: [String: Answer], participants: [String]) -> [(answer: Answer, names: [String])] {
        let others = named.keys.filter { !participants.contains($0) }.sorted()
        let order = participants.filter { named[$0] != nil } + others
        return Answer.allCases.compactMap { answer in
            let names = order.filter { named[$0] == answer }
            return names.isEmpty ? nil : (answer, names)
        }
    }

    /// The rows "Yes, in place  Ann, Bob" (names wrapped under themselves), one answer each, then the
    /// members who passed, in `width` columns.
    static func whoSaidRows(_ named: [String: Answer], passed: [String] = [], participants: [String],
                            width: Int) -> [(text: String, indent: Int)] {
        let labelWidth = 16
        var groups = whoSaid(named, participants: participants).map { ($0.answer.label, $0.names) }
        if !passed.isEmpty { groups.append(("Passed", passed)) }
        var rows: [(text: String, indent: Int)] = []
        for (label, names) in groups {
            let lines = TextFit.lines(names.joined(separator: ", "), width: max(1, width - 2 - labelWidth))
            for (offset, line) in lines.enumerated() {
                rows.append(((offset == 0 ? TextFit.pad(label, to: labelWidth, gap: 1) : String(repeating: " ", count: labelWidth)) + line, 2))
            }
        }
        return rows
    }

    /// "Ann: we have no plan yet", or the note alone when the dissent has no name.
    static func dissentLine(_ dissent: Dissent) -> String {
        dissent.participant.map { "\($0): \(dissent.note)" } ?? dissent.note
    }

    /// "75%", the share of views that matched the agreed answers.
    static func percent(_ share: Double) -> String {
        "\(Int((share * 100).rounded()))%"
    }
}
