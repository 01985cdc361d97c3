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
    /// A file to remove too (the draft's lock), as a C string; an old one is never freed, as a handler may be reading it.
    nonisolated(unsafe) private static var fileToRemove: UnsafeMutablePointer<CChar>?
    /// When not -1, the file is removed only while its name still leads to the file open as this descriptor.
    nonisolated(unsafe) private static var fileDescriptor: Int32 = -1

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

    /// Remembers `path` to be removed if the process ends by a signal (nil: nothing); with `descriptor`,
    /// only while the name still leads to the file open as that descriptor (the lock it holds).
    static func removeWhenKilled(_ path: String?, descriptor: Int32 = -1) {
        fileToRemove = nil
        fileDescriptor = descriptor
        fileToRemove = path.map { strdup($0) }
    }

    /// Writes the leaving sequence, restores the terminal modes saved at start, and removes the file.
    static func restore() {
        if sequenceLength > 0 { _ = write(STDOUT_FILENO, sequence, sequenceLength) }
        if haveModes { tcsetattr(STDIN_FILENO, TCSANOW, savedModes) }
        guard let fileToRemove else { return }
        if fileDescriptor >= 0 {
            var open = stat()
            var named = stat()
            guard fstat(fileDescriptor, &open) == 0, lstat(fileToRemove, &named) == 0,
                  open.st_dev == named.st_dev, open.st_ino == named.st_ino else { return }
        }
        unlink(fileToRemove)
    }
}
