import FoundationEssentials

extension AssessmentFile {
    /// The top-level `"system"` of a JSON object, found without decoding the rest, so that a large
    /// store can be searched for one system quickly. Nil when the text is not simple enough to be
    /// sure (malformed, or the name has escapes): the caller then decodes the whole file.
    public static func peekSystem(in data: Data) -> String? {
        data.withUnsafeBytes { raw in
            var scanner = TopLevelScanner(bytes: raw.bindMemory(to: UInt8.self))
            return scanner.system()
        }
    }

    /// The top-level `"system"` and `"systemID"` (nil when the file has none), found as
    /// ``peekSystem(in:)`` finds the name; nil when the text is not simple enough to be sure.
    public static func peekIdentity(in data: Data) -> (name: String, id: String?)? {
        data.withUnsafeBytes { raw in
            var scanner = TopLevelScanner(bytes: raw.bindMemory(to: UInt8.self))
            return scanner.identity()
        }
    }
}

/// Walks the members of a top-level JSON object, skipping every value but the one wanted.
private struct TopLevelScanner: JSONByteCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

    mutating func identity() -> (name: String, id: String?)? {
        guard let found = strings(["system", "systemID"]), let name = found["system"] else { return nil }
        return (name, found["systemID"])
    }

    /// The string values of `keys` among the top-level members, read to the end of the object; nil when
    /// the text is not simple enough to be sure, or when a wanted value is not a plain string.
    private mutating func strings(_ keys: Set<String>) -> [String: String]? {
        var found: [String: String] = [:]
        skipSpace()
        guard take(UInt8(ascii: "{")) else { return nil }
        skipSpace()
        if take(UInt8(ascii: "}")) { return found }
        while true {
            skipSpace()
            guard let key = string() else { return nil }
            skipSpace()
            guard take(UInt8(ascii: ":")) else { return nil }
            skipSpace()
            let name = String(decoding: key, as: UTF8.self)
            if keys.contains(name) {
                guard found[name] == nil, let value = string(), !value.contains(Self.backslash) else { return nil }
                found[name] = String(decoding: value, as: UTF8.self)
                if found.count == keys.count { return found }
            } else {
                guard skipValue() else { return nil }
            }
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            skipSpace()
            return take(UInt8(ascii: "}")) ? found : nil
        }
    }

    mutating func system() -> String? {
        skipSpace()
        guard take(UInt8(ascii: "{")) else { return nil }
        while true {
            skipSpace()
            guard let key = string() else { return nil }
            skipSpace()
            guard take(UInt8(ascii: ":")) else { return nil }
            skipSpace()
            if key.elementsEqual("system".utf8) {
                guard let value = string(), !value.contains(Self.backslash) else { return nil }
                return String(decoding: value, as: UTF8.self)
            }
            guard skipValue() else { return nil }
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            return nil
        }
    }

    /// The raw bytes between a string's quotes.
    private mutating func string() -> UnsafeBufferPointer<UInt8>.SubSequence? {
        guard take(Self.quote) else { return nil }
        let start = at
        while at < bytes.count {
            switch bytes[at] {
            case Self.backslash: at += 2
            case Self.quote:
                at += 1
                return bytes[start..<(at - 1)]
            default: at += 1
            }
        }
        return nil
    }

    /// Skips a value of any kind, counting brackets outside strings.
    private mutating func skipValue() -> Bool {
        var depth = 0
        while at < bytes.count {
            switch bytes[at] {
            case Self.quote:
                guard string() != nil else { return false }
                if depth == 0 { return true }
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return true }
                depth -= 1
                if depth == 0 {
                    at += 1
                    return true
                }
            case UInt8(ascii: ","): if depth == 0 { return true }
            default: break
            }
            at += 1
        }
        return false
    }
}
