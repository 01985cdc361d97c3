extension MetricReading {
    /// The longest unit, period or source, in characters, wherever a reading is typed, imported or read.
    public static let textLimit = 200

    /// What is wrong with one of a reading's short texts (its unit, period or source): nil when nothing
    /// is, else the problem in a few words ("must be one line"). Shared by the file, the sheets and the
    /// workshop, so that all of them refuse the same texts.
    public static func textProblem(_ text: String) -> String? {
        if text.trimmingSpaces().isEmpty { return "must not be empty" }
        if text.count > textLimit { return "is \(text.count) characters; at most \(textLimit)" }
        if text.contains(where: \.isNewline) { return "must be one line" }
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "must not contain control characters such as tabs or escapes"
        }
        return nil
    }

    /// What is wrong with a reading's note: nil when nothing is, else the problem in a few words.
    public static func noteProblem(_ note: String) -> String? {
        note.count > Assessment.noteLimit ? "is \(note.count) characters; at most \(Assessment.noteLimit)" : nil
    }
}
