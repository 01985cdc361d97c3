import CellGrid
import CNcursesw
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The terminal, driven through ncursesw: paints frames, reads keys, and always restores itself.
///
/// This is the only type in `maturity` that calls ncurses. Create one with ``start(colors:)`` and
/// call ``stop()`` when done; signals and crashes restore the terminal through ``TerminalRestorer``.
public final class CursesTerminal {
    private var painted: Grid?
    private var stopped = false

    private init() {}

    /// Takes over the terminal: alternate screen, raw keys, no echo, short Escape delay; nil when
    /// ncurses cannot drive this terminal type. With `colors` false (or a terminal without colours)
    /// only bold and reverse video are used.
    public static func start(colors: Bool) -> CursesTerminal? {
        setlocale(LC_ALL, "")
        TerminalRestorer.saveTerminalModes()
        guard let screen = maturity_new_screen() else { return nil }
        set_term(screen)
        raw()
        noecho()
        nonl()
        keypad(maturity_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        StylePalette.setUp(colors: colors && has_colors())
        TerminalRestorer.install(restoreSequence: restoreSequence())
        return CursesTerminal()
    }

    /// Columns and rows as ncurses knows them (updated on resize).
    public var size: (width: Int, height: Int) {
        (Int(maturity_cols()), Int(maturity_lines()))
    }

    /// Paints `frame`, writing only the cells that changed since the last frame; ncurses then sends
    /// the terminal only what differs.
    public func draw(_ frame: Frame) {
        let grid = frame.grid
        let previous = painted.flatMap { $0.width == grid.width && $0.height == grid.height ? $0 : nil }
        if previous == nil { erase() }
        var scalars = [wchar_t](repeating: 0, count: 6)
        /// Paints code points at a cell; writing the bottom-right cell moves the cursor off screen, and
        /// ncurses reports ERR, harmlessly.
        func paint(_ glyph: [Unicode.Scalar], row: Int, column: Int, style: Style) {
            for (index, scalar) in glyph.prefix(CellGlyph.maximumScalars).enumerated() { scalars[index] = wchar_t(bitPattern: scalar.value) }
            scalars[min(glyph.count, CellGlyph.maximumScalars)] = 0
            let (attributes, pair) = StylePalette.attributes(for: style)
            _ = maturity_put_cell(Int32(row), Int32(column), scalars, attributes, pair)
        }
        let width: ((Unicode.Scalar) -> Int)? = Self.isUTF8 ? { Self.libraryWidth($0) } : nil
        for row in 0..<grid.height {
            for column in 0..<grid.width {
                let cell = grid[row, column]
                if cell.isContinuation { continue }
                if let previous {
                    if previous[row, column] == cell { continue }
                } else if cell.text == " ", StylePalette.isPlain(cell.style) {
                    continue  // erase() blanked it
                }
                let columns = column + 1 < grid.width && grid[row, column + 1].isContinuation ? 2 : 1
                if columns == 1, let byte = CellGlyph.printableASCII(cell.text) {
                    // Most cells: one printable ASCII character, painted as it is.
                    scalars[0] = wchar_t(byte)
                    scalars[1] = 0
                    let (attributes, pair) = StylePalette.attributes(for: cell.style)
                    _ = maturity_put_cell(Int32(row), Int32(column), scalars, attributes, pair)
                    continue
                }
                let glyph = CellGlyph(cell.text, columns: columns, width: width)
                paint(glyph.scalars, row: row, column: column, style: cell.style)
                if glyph.blanksNext { paint([" "], row: row, column: column + 1, style: cell.style) }
            }
        }
        painted = grid
        if let cursor = frame.cursor {
            move(Int32(cursor.row), Int32(cursor.column))
            curs_set(1)
        } else {
            curs_set(0)
        }
        refresh()
    }

    /// Forgets what is on screen so the next ``draw(_:)`` repaints every cell (after a resize or a suspend).
    public func invalidate() {
        painted = nil
        clearok(maturity_stdscr(), true)
    }

    /// The next key, waiting at most `milliseconds` (nil: wait as long as it takes); nil on timeout.
    /// Bytes that are not valid UTF-8 are dropped.
    public func readKey(timeoutMilliseconds milliseconds: Int? = nil) -> Key? {
        wtimeout(maturity_stdscr(), Int32(milliseconds ?? -1))
        var decoder = UTF8Assembler()
        while true {
            let code = maturity_get_byte()
            if code == ERR {
                if decoder.isEmpty { return nil }
                // The rest of a character never came: drop it, and wait briefly for what follows.
                decoder = UTF8Assembler()
                wtimeout(maturity_stdscr(), 0)
                continue
            }
            if code >= maturity_key_min() {
                guard let key = KeyDecoder.key(code: code, isKeyCode: true) else { continue }
                if key == .resize { invalidate() }
                return key
            }
            guard let scalar = decoder.add(UInt8(truncatingIfNeeded: code)) else {
                // Within a character, the next byte follows at once.
                if !decoder.isEmpty { wtimeout(maturity_stdscr(), 50) }
                continue
            }
            if let key = KeyDecoder.key(code: Int32(bitPattern: scalar.value), isKeyCode: false) { return key }
            wtimeout(maturity_stdscr(), Int32(milliseconds ?? -1))
        }
    }

    /// Has `path` (the draft's lock) removed if the process is ended by a signal or a crash; nil forgets it.
    /// With `descriptor` (the one holding the lock), only while the name still leads to that open file, so
    /// that a lock file another process has taken since is never removed.
    public func removeWhenKilled(_ path: String?, descriptor: Int32 = -1) {
        TerminalRestorer.removeWhenKilled(path, descriptor: descriptor)
    }

    /// The terminal has hung up or closed (its window shut, the SSH connection dropped).
    public var isGone: Bool {
        var input = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&input, 1, 0) >= 0 else { return errno != EINTR }
        return input.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// Stops the process as Ctrl-Z would in a shell, and takes the terminal back when it continues.
    public func suspend() {
        endwin()
        signal(SIGTSTP, SIG_DFL)
        kill(getpid(), SIGTSTP)
        // Execution resumes here after `fg`.
        refresh()
        invalidate()
    }

    /// Gives the terminal back: normal screen, cursor shown, keys echoed.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        if !Self.hasAlternateScreen {
            // Without an alternate screen (vt100, the Linux console) the workshop would stay on screen.
            erase()
            refresh()
        }
        curs_set(1)
        endwin()
        TerminalRestorer.uninstall()
    }

    deinit {
        stop()
    }

    /// Whether the locale's character set is UTF-8 (checked when the terminal starts, after `setlocale`).
    private static var isUTF8: Bool {
        String(cString: nl_langinfo(nl_item(CODESET))) == "UTF-8"
    }

    /// The C library's width of a code point, as ncurses counts it (-1: not printable).
    private static func libraryWidth(_ scalar: Unicode.Scalar) -> Int {
        Int(wcwidth(wchar_t(bitPattern: scalar.value)))
    }

    /// Whether the terminal has a separate screen for full-screen programs (smcup).
    private static var hasAlternateScreen: Bool {
        guard let value = tigetstr("smcup") else { return false }
        return Int(bitPattern: value) != -1
    }

    /// What ncurses itself would send to leave: attributes off, cursor shown, keypad off, normal screen.
    private static func restoreSequence() -> [UInt8] {
        var bytes: [UInt8] = []
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            guard let value = tigetstr(capability), Int(bitPattern: value) != -1 else { continue }
            bytes += Array(String(cString: value).utf8)
        }
        return bytes + Array("\r\n".utf8)
    }
}

/// Assembles UTF-8 bytes into code points, dropping any byte that cannot be part of valid UTF-8.
struct UTF8Assembler {
    private var bytes: [UInt8] = []
    private var expected = 0

    var isEmpty: Bool { bytes.isEmpty }

    /// Adds a byte; returns a code point when one is complete.
    mutating func add(_ byte: UInt8) -> Unicode.Scalar? {
        if bytes.isEmpty {
            switch byte {
            case 0..<0x80: return Unicode.Scalar(byte)
            case 0xC2...0xDF: expected = 2
            case 0xE0...0xEF: expected = 3
            case 0xF0...0xF4: expected = 4
            default: return nil
            }
            bytes = [byte]
            return nil
        }
        guard byte & 0xC0 == 0x80 else {
            // Not a continuation: the character so far is broken; start again from this byte.
            bytes = []
            return add(byte)
        }
        bytes.append(byte)
        guard bytes.count == expected else { return nil }
        defer { bytes = [] }
        return String(validating: bytes, as: UTF8.self)?.unicodeScalars.first
    }
}

/// Key codes and characters from ncurses, as ``Key`` values.
enum KeyDecoder {
    static func key(code: Int32, isKeyCode: Bool) -> Key? {
        if isKeyCode {
            switch code {
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_PPAGE: return .pageUp
            case KEY_NPAGE: return .pageDown
            case KEY_BACKSPACE: return .backspace
            case KEY_DC: return .delete
            case KEY_ENTER: return .enter
            case KEY_BTAB: return .backTab
            case KEY_RESIZE: return .resize
            case KEY_F0 + 1: return .help
            default: return nil
            }
        }
        switch code {
        case 10, 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 27: return .escape
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(96 + code))))
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(UInt32(bitPattern: code)) else { return nil }
            return .character(Character(scalar))
        }
    }
}

/// What ended ``CursesTerminal/waitForInput(orReadable:timeoutMilliseconds:)``.
public enum InputWait: Sendable, Equatable {
    /// The terminal has something to read (or has hung up: ``CursesTerminal/isGone`` tells).
    case input
    /// The other descriptor is readable, or a signal (a resize) interrupted the wait.
    case woken
    /// The time ran out.
    case timedOut
}

extension CursesTerminal {
    /// Waits until the terminal has input, `descriptor` is readable, or `milliseconds` have passed (nil:
    /// no limit), so that a program can wait for keys and for another thread at once. Call it only once
    /// ``readKey(timeoutMilliseconds:)`` with 0 has returned nil: ncurses may hold bytes it has already
    /// read, which no wait on the terminal would see.
    public func waitForInput(orReadable descriptor: Int32, timeoutMilliseconds milliseconds: Int?) -> InputWait {
        var descriptors = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&descriptors, 2, Int32(clamping: milliseconds.map { max(0, $0) } ?? -1))
        if ready == 0 { return .timedOut }
        if ready < 0 || descriptors[0].revents == 0 { return .woken }
        return .input
    }
}
