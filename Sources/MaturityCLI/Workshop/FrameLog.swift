import Foundation

/// Appends `EVENT NANOSECONDS` lines (CLOCK_MONOTONIC) to a file.
final class FrameLog {
    private let handle: FileHandle

    init?(path: String) {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else { return nil }
        handle.seekToEndOfFile()
        self.handle = handle
    }

    func record(_ event: String) {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        handle.write(Data("\(event) \(Int(now.tv_sec) * 1_000_000_000 + Int(now.tv_nsec))\n".utf8))
    }
}
