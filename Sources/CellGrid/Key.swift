/// A key the user pressed, or a change of terminal size.
public enum Key: Sendable, Hashable {
    /// A printable character.
    case character(Character)
    /// Control and a letter, as the lowercase letter (Ctrl-C is `.control("c")`).
    case control(Character)
    case enter, tab, backTab, backspace, delete, escape
    case up, down, left, right, home, end, pageUp, pageDown
    /// The F1 key: help, even where ? would be typed as text.
    case help
    /// The terminal was resized.
    case resize
}
