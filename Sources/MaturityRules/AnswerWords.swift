/// The words and keys of the four answers, the one place every screen, plain mode and export takes them from.
extension Answer {
    /// The key that records the answer: "y", "p", "n", "u".
    public var letter: Character {
        switch self {
        case .yes: "y"
        case .partly: "p"
        case .no: "n"
        case .unsure: "u"
        }
    }

    /// The answer whose ``letter`` this is, in either case; nil for any other character.
    public init?(letter: Character) {
        guard let answer = Answer.allCases.first(where: { String($0.letter) == letter.lowercased() }) else { return nil }
        self = answer
    }

    /// The answer as a choice and in tables: "Yes, in place", "Partly", "No", "Not sure".
    public var label: String {
        switch self {
        case .yes: "Yes, in place"
        case .partly: "Partly"
        case .no: "No"
        case .unsure: "Not sure"
        }
    }

    /// What tables show for a criterion with no answer.
    public static let unansweredLabel = "Not answered"

    /// Every answer's letter, in order: "y p n u".
    public static var letters: String {
        allCases.map { String($0.letter) }.joined(separator: " ")
    }

    /// Every answer's letter, as a choice: "y, p, n or u".
    public static var letterList: String {
        orList(allCases.map { String($0.letter) })
    }

    /// Every answer as files write it, as a choice: "yes, partly, no or unsure".
    public static var fileWordList: String {
        orList(allCases.map(\.rawValue))
    }

    /// "a, b, c or d".
    private static func orList(_ words: [String]) -> String {
        words.count < 2 ? words.joined() : words.dropLast().joined(separator: ", ") + " or " + (words.last ?? "")
    }

    /// Every answer's letter with its label, for prompts: "y (yes, in place), p (partly), n (no), u (not sure)".
    public static var letterChoices: String {
        allCases.map { "\($0.letter) (\($0.label.lowercased()))" }.joined(separator: ", ")
    }

    /// Every label, lowercased, for help: "yes, in place / partly / no / not sure".
    public static var labelChoices: String {
        allCases.map { $0.label.lowercased() }.joined(separator: " / ")
    }

    /// ``label`` of `answer`, or ``unansweredLabel`` when there is none.
    public static func label(of answer: Answer?) -> String {
        answer?.label ?? unansweredLabel
    }
}
