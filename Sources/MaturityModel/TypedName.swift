import MaturityFramework

/// The check on names people type or import (systems, participants, reasons): trimmed, not empty, at
/// most ``maximumLength`` characters, and free of control characters and bidirectional overrides. The
/// command line and answer sheets share it, so a name is accepted or refused alike wherever it comes from.
public enum TypedName {
    /// The longest name accepted, in characters.
    public static let maximumLength = 200

    /// Why a name is refused.
    public enum Problem: Error, Sendable, Equatable {
        /// Nothing but white space.
        case empty
        /// Longer than ``TypedName/maximumLength``, by its length in characters.
        case tooLong(Int)
        /// Holds a control character or a bidirectional override (``TerminalText/isUnsafe(_:)``).
        case unsafe

        /// The sentence after the name of the field, e.g. "must not be empty".
        public var sentence: String {
            switch self {
            case .empty: "must not be empty"
            case let .tooLong(length): "is \(length) characters; at most \(TypedName.maximumLength) are allowed"
            case .unsafe: "must not contain control characters such as tabs, line breaks or escapes, nor bidirectional overrides"
            }
        }
    }

    /// `text` trimmed of white space and line breaks, or why it cannot be a name.
    public static func checked(_ text: String) -> Result<String, Problem> {
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty { return .failure(.empty) }
        let length = trimmed.count
        if length > maximumLength { return .failure(.tooLong(length)) }
        if TerminalText.containsUnsafe(trimmed) { return .failure(.unsafe) }
        return .success(trimmed)
    }
}
