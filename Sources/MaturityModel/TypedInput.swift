import MaturityFramework

/// Typed text quoted back in an error message: inert on a terminal, and cut short so that the message
/// stays one readable line whatever was pasted.
enum TypedInput {
    /// The most characters of typed text a message quotes.
    static let quotedLimit = 60

    /// `text` made inert, its first ``quotedLimit`` characters followed by "…" when longer.
    static func quoted(_ text: some StringProtocol) -> String {
        text.count > quotedLimit ? TerminalText.inert(text.prefix(quotedLimit)) + "…" : TerminalText.inert(text)
    }
}
