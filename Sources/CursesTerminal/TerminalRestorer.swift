#if canImport(Glibc)
import Glibc
#endif
import Synchronization

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
    /// While not -1, the first ending signal is held rather than acted on, and a byte is written here.
    private static let wakeDescriptor = Atomic<Int32>(-1)
    /// The ending signal held, or 0.
    private static let held = Atomic<Int32>(0)

    static func saveTerminalModes() {
        haveModes = tcgetattr(STDIN_FILENO, savedModes) == 0
    }

    static func install(restoreSequence: [UInt8]) {
        sequenceLength = min(restoreSequence.count, 256)
        for (index, byte) in restoreSequence.prefix(256).enumerated() { sequence[index] = byte }
        _ = wakeDescriptor.load(ordering: .relaxed)
        _ = held.load(ordering: .relaxed)
        for number in signals {
            signal(number) { received in
                if TerminalRestorer.holds(received) { return }
                TerminalRestorer.restore()
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    static func uninstall() {
        for number in signals { signal(number, SIG_DFL) }
    }

    /// From now on, the first SIGINT, SIGTERM, SIGHUP or SIGQUIT is held instead of ending the process
    /// at once: it is noted (see ``heldSignal``) and a byte is written to `descriptor`, so that the
    /// program can finish writing what must not be lost and then end as the signal asks. A second
    /// such signal ends the process at once. Crashes are never held.
    public static func holdEndingSignals(wakingThrough descriptor: Int32) {
        wakeDescriptor.store(descriptor, ordering: .sequentiallyConsistent)
    }

    /// Ending signals end the process at once again (one already held stays noted).
    public static func stopHoldingEndingSignals() {
        wakeDescriptor.store(-1, ordering: .sequentiallyConsistent)
    }

    /// The ending signal held since ``holdEndingSignals(wakingThrough:)``, if one came.
    public static var heldSignal: Int32? {
        let signal = held.load(ordering: .sequentiallyConsistent)
        return signal == 0 ? nil : signal
    }

    /// In a signal handler: notes `signal` and wakes the program, if ending signals are held and none
    /// is noted yet. Only atomics and write(2): async-signal-safe.
    private static func holds(_ signal: Int32) -> Bool {
        guard signal == SIGINT || signal == SIGTERM || signal == SIGHUP || signal == SIGQUIT else { return false }
        let descriptor = wakeDescriptor.load(ordering: .sequentiallyConsistent)
        guard descriptor >= 0, held.compareExchange(expected: 0, desired: signal, ordering: .sequentiallyConsistent).exchanged
        else { return false }
        var byte: UInt8 = 1
        _ = write(descriptor, &byte, 1)
        return true
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
