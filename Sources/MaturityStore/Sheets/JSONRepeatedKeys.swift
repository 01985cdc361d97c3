/// Finds a key given twice in one object of JSON text that a decoder has already read: a decoder keeps
/// one of the two values and drops the other in silence, which in an answer sheet would change an answer
/// or a member's view unseen. Keys are compared as Swift compares text (escapes read, a name composed
/// and decomposed the same), as the sheet's names and criteria are compared.
enum JSONRepeatedKeys {
    /// The first key given twice in one object, or nil. `bytes` must be valid JSON.
    static func first(in bytes: [UInt8]) -> String? {
        var walker = Walker(bytes: bytes)
        return walker.value()
    }

    private struct Walker {
        let bytes: [UInt8]
        var at = 0

        /// Passes over one value; the first repeated key inside it, if any.
        mutating func value() -> String? {
            skipSpace()
            guard at < bytes.count else { return nil }
            switch bytes[at] {
            case UInt8(ascii: "{"):
                at += 1
                var keys: Set<String> = []
                while true {
                    skipSpace()
                    guard at < bytes.count else { return nil }
                    if bytes[at] == UInt8(ascii: "}") { at += 1; return nil }
                    if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
                    let key = string()
                    if !keys.insert(key).inserted { return key }
                    skipSpace()
                    if at < bytes.count, bytes[at] == UInt8(ascii: ":") { at += 1 }
                    if let repeated = value() { return repeated }
                }
            case UInt8(ascii: "["):
                at += 1
                while true {
                    skipSpace()
                    guard at < bytes.count else { return nil }
                    if bytes[at] == UInt8(ascii: "]") { at += 1; return nil }
                    if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
                    if let repeated = value() { return repeated }
                }
            case UInt8(ascii: "\""):
                _ = string()
                return nil
            default:
                // A number, true, false or null.
                while at < bytes.count, !",]} \t\r\n".utf8.contains(bytes[at]) { at += 1 }
                return nil
            }
        }

        /// Reads a string at `at` (its opening quote), escapes decoded.
        mutating func string() -> String {
            at += 1
            var units: [UInt16] = []
            while at < bytes.count, bytes[at] != UInt8(ascii: "\"") {
                if bytes[at] == UInt8(ascii: "\\"), at + 1 < bytes.count {
                    let escape = bytes[at + 1]
                    at += 2
                    switch escape {
                    case UInt8(ascii: "u"):
                        let hex = at + 4 <= bytes.count ? String(decoding: bytes[at..<at + 4], as: UTF8.self) : ""
                        units.append(UInt16(hex, radix: 16) ?? 0xFFFD)
                        at = min(at + 4, bytes.count)
                    case UInt8(ascii: "n"): units.append(0x0A)
                    case UInt8(ascii: "t"): units.append(0x09)
                    case UInt8(ascii: "r"): units.append(0x0D)
                    case UInt8(ascii: "b"): units.append(0x08)
                    case UInt8(ascii: "f"): units.append(0x0C)
                    default: units.append(UInt16(escape))
                    }
                    continue
                }
                // Plain UTF-8 up to the next quote or escape, as UTF-16.
                let start = at
                while at < bytes.count, bytes[at] != UInt8(ascii: "\""), bytes[at] != UInt8(ascii: "\\") { at += 1 }
                units += String(decoding: bytes[start..<at], as: UTF8.self).utf16
            }
            at += 1
            return String(decoding: units, as: UTF16.self)
        }

        mutating func skipSpace() {
            while at < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[at]) { at += 1 }
        }
    }
}
