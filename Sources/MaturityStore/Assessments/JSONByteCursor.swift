/// A position in the bytes of a JSON document, as the store's two hand-written readers walk it
/// (``StrictJSONScanner`` and the top-level peek): JSON's white space and single punctuation bytes.
protocol JSONByteCursor {
    /// The document.
    var bytes: UnsafeBufferPointer<UInt8> { get }
    /// The index of the next byte to read.
    var at: Int { get set }
}

extension JSONByteCursor {
    /// Moves past JSON's white space (space, line feed, carriage return, tab).
    mutating func skipSpace() {
        while at < bytes.count {
            switch bytes[at] {
            case 0x20, 0x0A, 0x0D, 0x09: at += 1
            default: return
            }
        }
    }

    /// Moves past `byte` if it is next; false, without moving, if it is not.
    mutating func take(_ byte: UInt8) -> Bool {
        guard at < bytes.count, bytes[at] == byte else { return false }
        at += 1
        return true
    }
}
