/// What ncurses is given for one cell of a grid. ncurses places a character by the C library's
/// `wcwidth`, and the grid by ``TextWidth``; the two agree (a test compares them), but a C library
/// with older or newer Unicode tables can still count a character differently. Then the cell is
/// painted so that both keep to the grid's columns: nothing is left stale, nothing is pushed along.
struct CellGlyph: Equatable {
    /// The replacement for a character the C library counts wider than the grid, or cannot print.
    static let replacement: Unicode.Scalar = "\u{FFFD}"
    /// At most this many code points go into one ncurses cell (CCHARW_MAX is 5, one for the end).
    static let maximumScalars = 4

    /// The byte of `text` when it is one printable ASCII character (which every C library counts one
    /// column wide), else nil.
    static func printableASCII(_ text: String) -> UInt8? {
        var bytes = text.utf8.makeIterator()
        guard let byte = bytes.next(), bytes.next() == nil, (0x20..<0x7F).contains(byte) else { return nil }
        return byte
    }

    /// The code points to paint.
    var scalars: [Unicode.Scalar]
    /// Whether the grid's continuation cell after this one must be painted blank, because the C library
    /// counts this glyph one column narrower than the grid does.
    var blanksNext: Bool

    /// The glyph for a cell holding `text` that the grid gives `columns` columns (1, or 2 for a wide
    /// grapheme); `width` is the C library's width of a code point (-1: not printable), nil when the
    /// terminal's character set is not UTF-8 (then the text is painted as it is).
    init(_ text: String, columns: Int, width: ((Unicode.Scalar) -> Int)?) {
        var scalars = Array(text.unicodeScalars.prefix(Self.maximumScalars))
        guard let width, let first = scalars.first else {
            self.scalars = scalars
            blanksNext = false
            return
        }
        let counted = width(first)
        if counted < 1 || counted > columns {
            // Unknown to the C library, or wider there than on the grid: one narrow stand-in.
            self.scalars = [Self.replacement]
            blanksNext = columns == 2
            return
        }
        if counted == 1 {
            // A narrow character asked to look like an emoji (U+FE0F) is shown as text: a terminal that
            // widened it would push the rest of the row one column along.
            scalars.removeAll { $0 == "\u{FE0F}" }
        }
        self.scalars = scalars
        blanksNext = counted < columns
    }
}
