import FoundationEssentials
import MaturityModel

/// What happened to an assessment's file, as a commit message says it.
public enum RecordChange: String, Sendable, Equatable, CaseIterable {
    /// Marked complete.
    case completed
    /// A complete assessment reopened as a draft.
    case reopened
    /// The system renamed, from this assessment on.
    case renamed
    /// A draft created.
    case draftStarted = "draft started"
    /// A draft changed (in a workshop).
    case draftSaved = "draft saved"
    /// The file removed from the store.
    case removed

    /// What happened between the committed version of a file (`before`, nil for a new file) and its
    /// content now: the record's new events (completed, reopened), a rename recorded, or a draft's save.
    public static func between(_ before: Assessment?, _ after: Assessment) -> [RecordChange] {
        var changes: [RecordChange] = []
        let earlier = before?.events.count ?? 0
        for event in after.events.dropFirst(min(earlier, after.events.count)) {
            if event.kind == .completed, !changes.contains(.completed) { changes.append(.completed) }
            if event.kind == .reopened, !changes.contains(.reopened) { changes.append(.reopened) }
        }
        if after.systemRename != nil, before?.systemRename == nil { changes.append(.renamed) }
        if changes.isEmpty { changes.append(before == nil ? .draftStarted : .draftSaved) }
        if before == nil, after.status == .complete, !changes.contains(.completed) { changes.insert(.completed, at: 0) }
        return changes
    }
}

/// Commit messages for a git store: one line naming the system, the place (when the assessment has
/// one), the date and what happened, then the file. Text from people (names) has every control
/// character replaced by a space, so no message holds a line break, escape or other raw control.
public enum GitCommitMessage {
    /// "West Yorkshire ICS (Leeds), 2026-11-22: completed" and the file's name on a line of its own.
    public static func subject(for assessment: Assessment, changes: [RecordChange]) -> String {
        var scope = clean(assessment.system)
        if let place = assessment.place.map(clean), !place.isEmpty { scope += " (\(place))" }
        return "\(scope), \(assessment.date): \(changes.map(\.rawValue).joined(separator: ", "))"
    }

    /// The whole message for one or more files' subjects: one subject is the message; several are
    /// listed under a line that counts them.
    public static func message(_ subjects: [String]) -> String {
        let lines = subjects.map(clean)
        guard lines.count > 1 else { return lines.first ?? "maturity: store changed" }
        return "\(lines.count) files changed\n\n" + lines.map { "- " + $0 }.joined(separator: "\n")
    }

    /// `text` on one line: controls (C0, DEL, C1), line and paragraph separators and bidirectional
    /// overrides become spaces; runs of spaces are kept as typed; ends are trimmed.
    public static func clean(_ text: String) -> String {
        let scalars = text.unicodeScalars.map { scalar -> Unicode.Scalar in
            let value = scalar.value
            let control = value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F
            return control ? " " : scalar
        }
        var result = String(String.UnicodeScalarView(scalars))
        while result.hasPrefix(" ") { result.removeFirst() }
        while result.hasSuffix(" ") { result.removeLast() }
        return result
    }
}
