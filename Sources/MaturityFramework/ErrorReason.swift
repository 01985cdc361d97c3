import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Why a file operation failed, in the system's words.
public enum ErrorReason {
    /// The C library's message for the system error underneath `error` (e.g. "Permission denied"), or
    /// the error as Swift prints it when there is none. (Full Foundation's `localizedDescription`
    /// brings ICU into the binary, and said less: "The operation could not be completed.")
    public static func text(for error: any Error) -> String {
        if let posix = error as? POSIXError { return message(for: posix.code.rawValue) }
        if let cocoa = error as? CocoaError, let posix = cocoa.underlying as? POSIXError { return message(for: posix.code.rawValue) }
        return String(describing: error)
    }

    /// The C library's message for `code`, e.g. "No such file or directory".
    public static func message(for code: Int32) -> String {
        String(cString: strerror(code))
    }
}
