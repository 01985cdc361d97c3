import Foundation

/// Appends `EVENT NANOSECONDS` lines (CLOCK_MONOTONIC) to a file; safe to use from the draft saver's
/// thread and the workshop's at once.
final class FrameLog: @unchecked Sendable {
    private let handle: FileHandle
    private let lock = NSLock()

    init?(path: String) {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else { return nil }
        handle.seekToEndOfFile()
        self.handle = handle
    }

    func record(_ event: String) {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let line = Data("\(event) \(Int(now.tv_sec) * 1_000_000_000 + Int(now.tv_nsec))\n".utf8)
        lock.lock()
        defer { lock.unlock() }
        handle.write(line)
    }
}
