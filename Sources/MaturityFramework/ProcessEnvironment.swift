#if canImport(Glibc)
import Glibc
#endif

/// The process's environment variables, read from the C library's `environ` each time they are asked
/// for. At launch this costs a tenth of `ProcessInfo.environment`, which goes through Foundation's
/// machinery (about 1.7 M instructions on the first call, 13% of the workshop's first frame).
public enum ProcessEnvironment {
    /// Every variable by name; when a name appears twice, the first wins, as `getenv` has it.
    public static var variables: [String: String] {
        var result: [String: String] = [:]
        #if canImport(Glibc)
        // `environ` is NULL after `clearenv()`, though Swift imports it as never nil.
        guard var entry = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>(bitPattern: unsafeBitCast(environ, to: Int.self)) else {
            return result
        }
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.utf8.firstIndex(of: UInt8(ascii: "=")) {
                let name = String(text[..<equals])
                if result[name] == nil { result[name] = String(text[text.utf8.index(after: equals)...]) }
            }
            entry += 1
        }
        #endif
        return result
    }
}
