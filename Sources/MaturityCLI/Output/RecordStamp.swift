import FoundationEssentials
import MaturityFramework
#if canImport(Glibc)
import Glibc
#endif
import MaturityModel

/// Who is running `maturity` and when: what the record's events (completed, reopened, confirmed) keep.
enum RecordStamp {
    /// The login name of the user running the command, when the system knows it.
    static var person: String? {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            let login = String(cString: name)
            if !login.isEmpty { return login }
        }
        let environment = ProcessEnvironment.variables
        return (environment["LOGNAME"] ?? environment["USER"]).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Now, as an ISO 8601 timestamp in the local time zone.
    @Sendable static func now() -> String {
        LocalTime.timestamp(Date())
    }
}
