import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Timestamps and dates in the local time zone as the C library knows it (`TZ`, else `/etc/localtime`).
///
/// FoundationEssentials alone knows no time zone but GMT (`TimeZone.current` is GMT whatever `TZ` says),
/// and full Foundation, which knows them, brings ICU's 30 MB of data into the binary.
public enum LocalTime {
    /// The local time zone at `date`, as its offset from GMT then.
    public static func zone(at date: Date) -> TimeZone {
        TimeZone(secondsFromGMT: fields(of: date, local: true).offset) ?? TimeZone(secondsFromGMT: 0) ?? .gmt
    }

    /// `date` in ISO 8601 with the local offset, e.g. `2026-11-19T00:06:40+13:00`, or with `Z` where the
    /// offset is zero: the form Foundation's `ISO8601DateFormatter` gives in the local time zone.
    public static func timestamp(_ date: Date) -> String {
        format(fields(of: date, local: true))
    }

    /// `date` in ISO 8601 in UTC, e.g. `2026-11-18T11:06:40Z`: the form of Foundation's
    /// `ISO8601DateFormatter().string(from:)`.
    public static func utcTimestamp(_ date: Date) -> String {
        format(fields(of: date, local: false))
    }

    /// The local calendar date of `date`: year, month (1-12) and day.
    static func day(of date: Date) -> (year: Int, month: Int, day: Int) {
        let parts = fields(of: date, local: true)
        return (parts.year, parts.month, parts.day)
    }

    private struct Fields {
        var year, month, day, hour, minute, second, offset: Int
    }

    private static func fields(of date: Date, local: Bool) -> Fields {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        if local {
            localtime_r(&seconds, &parts)
        } else {
            gmtime_r(&seconds, &parts)
        }
        return Fields(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday),
                      hour: Int(parts.tm_hour), minute: Int(parts.tm_min), second: Int(parts.tm_sec),
                      offset: local ? Int(parts.tm_gmtoff) : 0)
    }

    private static func format(_ parts: Fields) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        var year = String(parts.year)
        while year.count < 4 { year = "0" + year }
        var text = "\(year)-\(two(parts.month))-\(two(parts.day))T\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))"
        if parts.offset == 0 { return text + "Z" }
        let minutes = abs(parts.offset) / 60
        text += (parts.offset < 0 ? "-" : "+") + two(minutes / 60) + ":" + two(minutes % 60)
        return text
    }
}
