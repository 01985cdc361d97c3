import CellGrid
import CNcursesw

/// How each ``Style`` looks: attributes that work everywhere, colours only where wanted and available.
enum StylePalette {
    nonisolated(unsafe) private static var useColors = false

    static func setUp(colors: Bool) {
        useColors = colors
        guard colors else { return }
        start_color()
        use_default_colors()
        init_pair(1, Int16(COLOR_MAGENTA), -1)
        init_pair(2, Int16(COLOR_GREEN), -1)
        init_pair(3, Int16(COLOR_RED), -1)
    }

    /// Whether `style` looks like a cell that `erase()` blanked: no attributes, no colour.
    static func isPlain(_ style: Style) -> Bool {
        style == .plain || style == .dim
    }

    static func attributes(for style: Style) -> (attr_t, Int16) {
        let bold = maturity_a_bold()
        switch style {
        case .plain, .dim: return (maturity_a_normal(), 0)
        case .title: return (bold, 0)
        case .bar: return (maturity_a_reverse(), 0)
        case .selected: return (maturity_a_reverse() | bold, 0)
        case .accent: return (bold, useColors ? 1 : 0)
        case .good: return (bold, useColors ? 2 : 0)
        case .warning: return (bold | (useColors ? 0 : maturity_a_underline()), useColors ? 3 : 0)
        case .input: return (maturity_a_underline(), 0)
        }
    }
}
