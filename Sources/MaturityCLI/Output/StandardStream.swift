#if canImport(Glibc)
import Glibc
#endif

/// Writing bytes to a file descriptor (standard output and error, a log) with the C library, without
/// full Foundation's `FileHandle`.
enum StandardStream {
    /// Writes all of `text` to `descriptor`, again after an interruption or a partial write. A stream that
    /// fails (a closed pipe, a full disk) is left alone: there is nowhere left to say so.
    static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }
}
