/// JSON text written byte by byte exactly as Foundation's `JSONEncoder` writes it with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`: two spaces of indentation, `"key" : value`,
/// keys in the order of their UTF-8 bytes, empty containers as `{\n\n}`, strings escaped as it escapes
/// them. The caller writes an object's keys in that order (see ``AssessmentFile``'s writer); maps of
/// strings are sorted here. It is several times faster than the encoder, which builds a tree of values
/// through the `Encodable` protocols first.
struct PrettyJSON {
    /// The text so far.
    private(set) var bytes: [UInt8] = []
    private var depth = 0
    /// No element written yet in the innermost open container.
    private var atFirst = true

    /// An empty text with room for `capacity` bytes.
    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Opens an object (`{`) as the next value.
    mutating func beginObject() {
        open(0x7B)
    }

    /// Closes the innermost object.
    mutating func endObject() {
        close(0x7D)
    }

    /// Opens an array (`[`) as the next value.
    mutating func beginArray() {
        open(0x5B)
    }

    /// Closes the innermost array.
    mutating func endArray() {
        close(0x5D)
    }

    /// Starts the next member of the innermost object: `"key" : `, then the value is to be written.
    mutating func key(_ name: String) {
        nextElement()
        string(name)
        bytes.append(contentsOf: [0x20, 0x3A, 0x20])
    }

    /// Starts the next element of the innermost array.
    mutating func nextElement() {
        if !atFirst { bytes.append(contentsOf: [0x2C, 0x0A]) }
        atFirst = false
        indent()
    }

    /// A string value, escaped: runs of bytes that need no escape are copied whole.
    mutating func string(_ text: String) {
        bytes.append(0x22)
        var text = text
        text.withUTF8 { utf8 in
            var run = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index]))
                escape(byte)
                run = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
        bytes.append(0x22)
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
        case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
        case 0x08: bytes.append(contentsOf: [0x5C, 0x62])
        case 0x0C: bytes.append(contentsOf: [0x5C, 0x66])
        case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
        case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
        case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
        default: bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, Self.hex(byte >> 4), Self.hex(byte & 0xF)])
        }
    }

    /// An integer value.
    mutating func number(_ value: Int) {
        bytes.append(contentsOf: value.description.utf8)
    }

    /// A floating-point value, as the encoder writes it: its description, without a trailing `.0`.
    mutating func number(_ value: Double) {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    /// `true` or `false`.
    mutating func bool(_ value: Bool) {
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// `null`.
    mutating func null() {
        bytes.append(contentsOf: "null".utf8)
    }

    /// An object of strings, its keys sorted by their UTF-8 bytes.
    mutating func stringMap(_ map: [String: String]) {
        beginObject()
        for (key, value) in map.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            self.key(key)
            string(value)
        }
        endObject()
    }

    /// An array of strings, in their order.
    mutating func stringArray(_ array: [String]) {
        beginArray()
        for element in array {
            nextElement()
            string(element)
        }
        endArray()
    }

    /// Appends a line feed after the top-level value.
    mutating func newline() {
        bytes.append(0x0A)
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        bytes.append(0x0A)
        depth += 1
        atFirst = true
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(0x0A)
        depth -= 1
        indent()
        bytes.append(bracket)
        atFirst = false
    }

    private mutating func indent() {
        for _ in 0..<depth { bytes.append(contentsOf: [0x20, 0x20]) }
    }

    private static func hex(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 0x30 + nibble : 0x61 + nibble - 10
    }
}
