#if canImport(Glibc)
import Glibc
#endif

/// Appends `EVENT NANOSECONDS` lines (CLOCK_MONOTONIC) to a file; safe to use from the draft saver's
/// thread and the workshop's at once (each line is one append to a file opened with O_APPEND).
final class FrameLog: Sendable {
    private let descriptor: Int32

    init?(path: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    func record(_ event: String) {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        StandardStream.write("\(event) \(Int(now.tv_sec) * 1_000_000_000 + Int(now.tv_nsec))\n", to: descriptor)
    }
}
