/// Something deliberate that happened to an assessment's record, kept in its file so that a
/// complete assessment can never change without trace: completed, reopened, carried answers confirmed.
public struct RecordEvent: Sendable, Hashable, Codable {
    /// What happened: one of the kinds below, or a kind written by a newer `maturity`, kept as it is.
    public struct Kind: RawRepresentable, Sendable, Hashable, Codable {
        /// The kind as written in the file.
        public var rawValue: String

        /// A kind by its name in the file.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// The board marked the assessment complete.
        public static let completed = Kind(rawValue: "completed")
        /// A complete assessment was opened for changes again.
        public static let reopened = Kind(rawValue: "reopened")
        /// The board confirmed, in one step, every answer still as last time.
        public static let confirmedCarried = Kind(rawValue: "confirmed-carried")
    }

    /// What happened.
    public var kind: Kind
    /// When, as an ISO 8601 timestamp.
    public var at: String
    /// Who, when known (the login name of whoever ran `maturity`).
    public var by: String?
    /// Why, for a reopening.
    public var reason: String?
    /// The criteria concerned, for a confirmation of carried answers.
    public var criteria: [String]?

    /// Creates an event.
    public init(_ kind: Kind, at: String, by: String? = nil, reason: String? = nil, criteria: [String]? = nil) {
        self.kind = kind
        self.at = at
        self.by = by
        self.reason = reason
        self.criteria = criteria
    }

    /// The event's day: the timestamp's first ten characters ("2026-11-23").
    public var day: String { String(at.prefix(10)) }

    /// One line for people: "Reopened on 2026-11-23 by alice: a late answer from the council".
    public var sentence: String {
        let who = by.map { " by \($0)" } ?? ""
        switch kind {
        case .completed: return "Marked complete on \(day)\(who)"
        case .reopened: return "Reopened on \(day)\(who)" + (reason.map { ": \($0)" } ?? "")
        case .confirmedCarried:
            let count = criteria?.count ?? 0
            return "Confirmed \(count) unchanged answer\(count == 1 ? "" : "s") from last time in one step on \(day)\(who)"
        default: return "\(kind.rawValue.capitalized) on \(day)\(who)" + (reason.map { ": \($0)" } ?? "")
        }
    }
}

/// How this year's answer to a criterion stands against last time's, in an assessment carried forward.
public enum CarriedAnswer: String, Sendable, Codable, CaseIterable {
    /// Still as last time: the board has not confirmed it yet.
    case unconfirmed
    /// Confirmed by the board, the same as last time.
    case confirmedUnchanged = "confirmed-unchanged"
    /// Answered differently from last time.
    case changed
    /// Last time had no answer to this criterion.
    case new

    /// How it reads in tables: "not yet confirmed", "confirmed, unchanged", "changed", "new".
    public var phrase: String {
        switch self {
        case .unconfirmed: "as last time, not yet confirmed"
        case .confirmedUnchanged: "confirmed, unchanged"
        case .changed: "changed"
        case .new: "new"
        }
    }
}
