/// Checks on text typed in plain mode, worded to end "The note …" or "the reason …" (control and
/// bidi characters are refused earlier, by every prompt).
enum PlainText {
    /// Why `text` cannot be kept (too long), or nil when it can.
    static func problem(in text: String, limit: Int) -> String? {
        let count = text.count
        return count > limit ? "is \(count) characters; at most \(limit) are kept" : nil
    }
}
