/// The record's events in words, for every export and `show`.
public enum RecordWords {
    /// One sentence per event, oldest first: "Reopened on 2026-11-23 by alice: late evidence".
    public static func lines(_ assessment: Assessment) -> [String] {
        assessment.events.map(\.sentence)
    }

    /// An action's status as reviewed: "done", or "not reviewed (last time: in progress)".
    public static func review(_ action: Action, reviewed: Bool) -> String {
        reviewed ? action.status.phrase : "not reviewed (last time: \(action.status.phrase))"
    }
}
