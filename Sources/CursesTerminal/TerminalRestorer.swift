#if canImport(Glibc)
import Glibc
#endif

/// Puts the terminal back when the process ends by a signal or a crash, using only
/// async-signal-safe calls: write the leaving sequence, restore the saved modes, re-raise.
public enum TerminalRestorer {
    nonisolated(unsafe) private static var savedModes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    nonisolated(unsafe) private static var haveModes = false
    nonisolated(unsafe) private static var sequence = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    nonisolated(unsafe) private static var sequenceLength = 0

    /// Signals after which the terminal is restored before the process ends.
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV]

    static func saveTerminalModes() {
        haveModes = tcgetattr(STDIN_FILENO, savedModes) == 0
    }

    static func install(restoreSequence: [UInt8]) {
        sequenceLength = min(restoreSequence.count, 256)
        for (index, byte) in restoreSequence.prefix(256).enumerated() { sequence[index] = byte }
        for number in signals {
            signal(number) { received in
                TerminalRestorer.restore()
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    static func uninstall() {
        for number in signals { signal(number, SIG_DFL) }
    }

    /// Writes the leaving sequence and restores the terminal modes saved at start.
    static func restore() {
        if sequenceLength > 0 { _ = write(STDOUT_FILENO, sequence, sequenceLength) }
        if haveModes { tcsetattr(STDIN_FILENO, TCSANOW, savedModes) }
    }
}
