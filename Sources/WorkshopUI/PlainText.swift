/// Checks on text typed in plain mode, worded to end "The note …" or "the reason …".
enum PlainText {
    /// Why `text` cannot be kept (too long, or holding control or bidi-override characters), or nil when it can.
    static func problem(in text: String, limit: Int) -> String? {
        let count = text.count
        if count > limit { return "is \(count) characters; at most \(limit) are kept" }
        if text.unicodeScalars.contains(where: isRefused) {
            return "holds control or text-direction characters, which are not kept"
        }
        return nil
    }

    /// Control characters (C0, C1, DEL) and bidi overrides and isolates, refused in typed text.
    static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || (0x202A...0x202E).contains(scalar.value)
            || (0x2066...0x2069).contains(scalar.value)
    }
}
