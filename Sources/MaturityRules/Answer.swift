/// A board's answer to one criterion. An unanswered criterion counts as ``unsure``.
public enum Answer: String, Sendable, CaseIterable, Codable, Comparable {
    /// In place.
    case yes
    /// Partly in place.
    case partly
    /// Not in place.
    case no
    /// Not sure yet; the placement stays provisional.
    case unsure

    /// How much the answer shows the criterion in place: yes 2, partly 1, no and unsure 0.
    ///
    /// Lowering an answer in this order never raises a placement.
    public var strength: Int {
        switch self {
        case .yes: 2
        case .partly: 1
        case .no, .unsure: 0
        }
    }

    /// Orders by ``strength``, then no below unsure so that the order is total.
    public static func < (lhs: Answer, rhs: Answer) -> Bool {
        (lhs.strength, lhs == .unsure ? 1 : 0) < (rhs.strength, rhs == .unsure ? 1 : 0)
    }

    /// How the answer reads in sentences and tables: "yes", "partly", "no", "not sure".
    public var phrase: String {
        switch self {
        case .yes: "yes"
        case .partly: "partly"
        case .no: "no"
        case .unsure: "not sure"
        }
    }

    /// Reads an answer as people write it in survey files: the four words in any case,
    /// or "not sure"; surrounding spaces are ignored.
    public init?(lenient text: String) {
        let word = text.trimmingSpaces().lowercased()
        if let answer = Answer(rawValue: word) {
            self = answer
        } else if word == "not sure" || word == "not-sure" {
            self = .unsure
        } else {
            return nil
        }
    }
}
