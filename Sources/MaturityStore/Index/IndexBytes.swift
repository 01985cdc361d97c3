/// Bytes written for the scan index: little-endian integers, variable-length unsigned numbers (seven
/// bits a byte), and length-prefixed UTF-8 text.
struct IndexWriter {
    private(set) var bytes: [UInt8] = []

    mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    mutating func fixed(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func number(_ value: Int) {
        var rest = UInt64(clamping: value)
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func text(_ value: String) {
        number(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func append(_ other: some Collection<UInt8>) {
        bytes.append(contentsOf: other)
    }

    /// A check value of the bytes so far, appended last: a file cut short or changed is noticed.
    mutating func seal() {
        fixed(IndexReader.checksum(bytes[...]))
    }
}

/// Reads what ``IndexWriter`` wrote, refusing (nil) anything that runs past the end or is too large.
struct IndexReader {
    let bytes: ArraySlice<UInt8>
    var at: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        at = bytes.startIndex
    }

    var isAtEnd: Bool { at == bytes.endIndex }

    mutating func byte() -> UInt8? {
        guard at < bytes.endIndex else { return nil }
        defer { at += 1 }
        return bytes[at]
    }

    mutating func fixed() -> UInt64? {
        guard bytes.endIndex - at >= 8 else { return nil }
        var value: UInt64 = 0
        for offset in (0..<8).reversed() { value = value << 8 | UInt64(bytes[at + offset]) }
        at += 8
        return value
    }

    /// A variable-length number, at most `limit`.
    mutating func number(limit: Int = Int(Int32.max)) -> Int? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while let byte = byte() {
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value <= UInt64(limit) ? Int(value) : nil }
            shift += 7
            if shift > 35 { return nil }
        }
        return nil
    }

    mutating func text() -> String? {
        guard let count = number(), bytes.endIndex - at >= count else { return nil }
        defer { at += count }
        return String(decoding: bytes[at..<at + count], as: UTF8.self)
    }

    /// `count` raw bytes.
    mutating func slice(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, bytes.endIndex - at >= count else { return nil }
        defer { at += count }
        return bytes[at..<at + count]
    }

    /// A 64-bit check value of `bytes` (FNV-1a over eight-byte words, then the remaining bytes).
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        let prime: UInt64 = 0x0000_0100_0000_01B3
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset + 8 <= raw.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* prime
                hash ^= hash >> 29
                offset += 8
            }
            while offset < raw.count {
                hash = (hash ^ UInt64(raw[offset])) &* prime
                offset += 1
            }
        }
        return hash
    }
}
