#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A strict reader of JSON text (RFC 8259) over raw bytes, for the readers that skip what they do not
/// need: it validates everything it passes over (grammar, UTF-8, escapes) and refuses, by setting
/// ``failed``, anything it is not sure a full decoder would read the same way: `\u` escapes, keys with
/// escapes, integers written with a fraction or exponent, nesting deeper than ``maximumDepth``. A
/// refusal means "decode the file in full", never "the file is bad".
struct StrictJSONScanner: JSONByteCursor {
    /// Deeper nesting is refused.
    static let maximumDepth = 64

    /// The raw bytes of a key (it has no escapes), by position.
    struct Key {
        let start: Int
        let end: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0
    private var depth = 0
    /// Set once anything was refused; every later call then does nothing.
    private(set) var failed = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

    /// Refuses the text: the reading stops.
    mutating func fail() {
        failed = true
        at = bytes.count
    }

    /// Whether only white space is left.
    mutating func atEnd() -> Bool {
        skipSpace()
        return !failed && at == bytes.count
    }

    // MARK: - Objects and arrays

    /// Reads `{`; then ``nextKey(_:)`` gives each member's key until it returns nil.
    mutating func beginObject() -> Bool {
        begin(UInt8(ascii: "{"))
    }

    /// The next member's key, with its colon read (the value is next), or nil at the closing brace
    /// (or on refusal). `first` is true before the first member and is cleared.
    mutating func nextKey(_ first: inout Bool) -> Key? {
        guard next(&first, closing: UInt8(ascii: "}")) else { return nil }
        guard let raw = scanString(), !raw.escaped else {
            fail()
            return nil
        }
        skipSpace()
        guard take(UInt8(ascii: ":")) else {
            fail()
            return nil
        }
        skipSpace()
        return Key(start: raw.start, end: raw.end)
    }

    /// The next member's key as text, its escapes read (for keys that are data, such as people's names),
    /// with its colon read; nil at the closing brace or on refusal (a `\u` escape is refused, as in ``string()``).
    mutating func nextKeyText(_ first: inout Bool) -> String? {
        guard next(&first, closing: UInt8(ascii: "}")), let text = string() else { return nil }
        skipSpace()
        guard take(UInt8(ascii: ":")) else {
            fail()
            return nil
        }
        skipSpace()
        return text
    }

    /// Reads `[`; then ``nextElement(_:)`` says whether another element follows.
    mutating func beginArray() -> Bool {
        begin(UInt8(ascii: "["))
    }

    /// Whether another element follows (it is next); false at the closing bracket or on refusal.
    mutating func nextElement(_ first: inout Bool) -> Bool {
        next(&first, closing: UInt8(ascii: "]"))
    }

    private mutating func begin(_ opening: UInt8) -> Bool {
        skipSpace()
        guard take(opening) else {
            fail()
            return false
        }
        depth += 1
        if depth > Self.maximumDepth {
            fail()
            return false
        }
        return true
    }

    private mutating func next(_ first: inout Bool, closing: UInt8) -> Bool {
        if failed { return false }
        skipSpace()
        if take(closing) {
            depth -= 1
            return false
        }
        if first {
            first = false
        } else {
            guard take(UInt8(ascii: ",")) else {
                fail()
                return false
            }
            skipSpace()
        }
        return true
    }

    /// Whether `key` is exactly `name`.
    func key(_ key: Key, is name: StaticString) -> Bool {
        let length = key.end - key.start
        guard length == name.utf8CodeUnitCount, let base = bytes.baseAddress else { return false }
        return memcmp(base + key.start, name.utf8Start, length) == 0
    }

    /// The key as text.
    func text(of key: Key) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[key.start..<key.end]), as: UTF8.self)
    }

    // MARK: - Values

    /// Reads `null` if it is next.
    mutating func takeNull() -> Bool {
        skipSpace()
        return takeWord("null")
    }

    /// A string's text.
    mutating func string() -> String? {
        skipSpace()
        guard let raw = scanString() else {
            fail()
            return nil
        }
        let slice = UnsafeBufferPointer(rebasing: bytes[raw.start..<raw.end])
        guard raw.escaped else { return String(decoding: slice, as: UTF8.self) }
        var text: [UInt8] = []
        text.reserveCapacity(slice.count)
        var index = slice.startIndex
        while index < slice.endIndex {
            var byte = slice[index]
            if byte == Self.backslash {
                index += 1
                // scanString let only these escapes through.
                switch slice[index] {
                case UInt8(ascii: "b"): byte = 0x08
                case UInt8(ascii: "f"): byte = 0x0C
                case UInt8(ascii: "n"): byte = 0x0A
                case UInt8(ascii: "r"): byte = 0x0D
                case UInt8(ascii: "t"): byte = 0x09
                default: byte = slice[index]
                }
            }
            text.append(byte)
            index += 1
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// A string that is a day written `YYYY-MM-DD`, as ``CalendarDate/init(_:)`` reads it: its year,
    /// month and day, or nil (and refused) for anything else. A string with escapes is refused too.
    mutating func dayParts() -> (year: Int, month: Int, day: Int)? {
        skipSpace()
        guard let raw = scanString(), !raw.escaped, raw.end - raw.start == 10 else {
            fail()
            return nil
        }
        func number(_ from: Int, _ length: Int) -> Int? {
            var value = 0
            for index in raw.start + from..<raw.start + from + length {
                let digit = bytes[index] &- 0x30
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard bytes[raw.start + 4] == UInt8(ascii: "-"), bytes[raw.start + 7] == UInt8(ascii: "-"),
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2) else {
            fail()
            return nil
        }
        return (year, month, day)
    }

    /// A string exactly equal to one of `words` (no escapes), by its index in `words`.
    mutating func word(_ words: [StaticString]) -> Int? {
        skipSpace()
        guard let raw = scanString(), !raw.escaped, let base = bytes.baseAddress else {
            fail()
            return nil
        }
        let length = raw.end - raw.start
        for (index, word) in words.enumerated()
        where word.utf8CodeUnitCount == length && memcmp(base + raw.start, word.utf8Start, length) == 0 {
            return index
        }
        fail()
        return nil
    }

    /// Passes over a string, checking it.
    mutating func skipString() {
        skipSpace()
        if scanString() == nil { fail() }
    }

    /// A whole number written as digits only (at most nine, an optional minus sign), as every decoder reads it.
    mutating func int() -> Int? {
        skipSpace()
        let negative = take(UInt8(ascii: "-"))
        let start = at
        var value = 0
        while at < bytes.count, bytes[at] &- 0x30 < 10, at - start < 10 {
            value = value * 10 + Int(bytes[at] &- 0x30)
            at += 1
        }
        let digits = at - start
        guard digits > 0, digits < 10, !(digits > 1 && bytes[start] == 0x30), !continuesNumber() else {
            fail()
            return nil
        }
        return negative ? -value : value
    }

    /// `true` or `false`.
    mutating func bool() -> Bool? {
        skipSpace()
        if takeWord("true") { return true }
        if takeWord("false") { return false }
        fail()
        return nil
    }

    /// Passes over a value of any kind, checking it.
    mutating func skipValue() {
        skipSpace()
        guard at < bytes.count else { return fail() }
        switch bytes[at] {
        case Self.quote:
            if scanString() == nil { fail() }
        case UInt8(ascii: "{"):
            guard beginObject() else { return }
            var first = true
            while nextKey(&first) != nil { skipValue() }
        case UInt8(ascii: "["):
            guard beginArray() else { return }
            var first = true
            while nextElement(&first) { skipValue() }
        case UInt8(ascii: "t"): if !takeWord("true") { fail() }
        case UInt8(ascii: "f"): if !takeWord("false") { fail() }
        case UInt8(ascii: "n"): if !takeWord("null") { fail() }
        default: skipNumber()
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func skipNumber() {
        _ = take(UInt8(ascii: "-"))
        if take(UInt8(ascii: "0")) {
            // No digit may follow a leading zero.
        } else if digits() == 0 {
            return fail()
        }
        if take(UInt8(ascii: ".")), digits() == 0 { return fail() }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
            if digits() == 0 { return fail() }
        }
        if at < bytes.count, bytes[at] &- 0x30 < 10 { fail() }
    }

    private mutating func digits() -> Int {
        let start = at
        while at < bytes.count, bytes[at] &- 0x30 < 10 { at += 1 }
        return at - start
    }

    /// Whether a digit, fraction or exponent follows (so a number is not a plain integer).
    private func continuesNumber() -> Bool {
        guard at < bytes.count else { return false }
        let byte = bytes[at]
        return byte &- 0x30 < 10 || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    // MARK: - Bytes

    /// The positions of a string's text between its quotes, and whether it has escapes. Nil for
    /// anything but a well-formed string of valid UTF-8 without control characters or `\u` escapes.
    private mutating func scanString() -> (start: Int, end: Int, escaped: Bool)? {
        guard take(Self.quote) else { return nil }
        let start = at
        var escaped = false
        let count = bytes.count
        while at < count {
            // Eight bytes at a time while none of them needs a look (most of a note's text).
            if at + 8 <= count, let base = bytes.baseAddress,
               !Self.needsALook(UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self)) {
                at += 8
                continue
            }
            let byte = bytes[at]
            // Printable ASCII but the quote and the backslash: the common case.
            if byte &- 0x20 < 0x60 && byte != Self.quote && byte != Self.backslash {
                at += 1
                continue
            }
            if byte == Self.quote {
                at += 1
                return (start, at - 1, escaped)
            }
            if byte == Self.backslash {
                guard at + 1 < count else { return nil }
                switch bytes[at + 1] {
                case Self.quote, Self.backslash, UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    escaped = true
                    at += 2
                    continue
                default:
                    return nil
                }
            }
            if byte < 0x20 { return nil }
            guard let length = utf8Sequence(at: at) else { return nil }
            at += length
        }
        return nil
    }

    /// Whether any of the eight bytes in `word` is a quote, a backslash, a control character or
    /// not ASCII (the bytes a string's scan must look at one by one).
    private static func needsALook(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let belowSpace = (word &- 0x2020_2020_2020_2020) & ~word & highs != 0
        return word & highs != 0 || belowSpace || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
    }

    /// The length of the valid UTF-8 sequence of two to four bytes starting at `index`, else nil.
    private func utf8Sequence(at index: Int) -> Int? {
        let lead = bytes[index]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        let second = bytes[index + 1]
        guard second >= low, second <= high else { return nil }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return nil }
        return length
    }

    private mutating func takeWord(_ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard at + length <= bytes.count, let base = bytes.baseAddress, memcmp(base + at, word.utf8Start, length) == 0 else {
            return false
        }
        // A literal must end there: `nullx` is not null.
        if at + length < bytes.count, case let next = bytes[at + length], next &- 0x61 < 26 || next &- 0x30 < 10 {
            return false
        }
        at += length
        return true
    }
}
