/// Checks on text typed in plain mode, worded to end "The note …" or "the reason …".
enum PlainText {
    /// Why `text` cannot be kept (too long), or nil when it can.
    static func problem(in text: String, limit: Int) -> String? {
        let count = text.count
        return count > limit ? "is \(count) characters; at most \(limit) are kept" : nil
    }
}
