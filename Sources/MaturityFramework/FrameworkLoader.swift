import FoundationEssentials

/// Reads framework files (YAML, or JSON, which YAML reads too) and validates them completely.
public enum FrameworkLoader {
    /// Framework files are small; anything larger is refused before parsing.
    public static let maximumFileSize = 1 << 20
    /// Frameworks nest about six levels; far deeper input is refused before parsing.
    public static let maximumNesting = 64

    /// Loads and validates the file at `url`, naming it `displayName` in problem reports.
    public static func load(contentsOf url: URL, displayName: String? = nil) -> Result<Framework, FrameworkProblems> {
        let name = displayName ?? url.path
        switch LocalFiles.read(url, limit: maximumFileSize) {
        case let .success(data):
            return parse(data, fileName: name)
        case let .failure(failure):
            return .failure(FrameworkProblems([FrameworkProblem(file: name, line: nil, message: failure.description)]))
        }
    }

    /// Parses and validates framework text; every problem found is returned together.
    public static func parse(_ data: Data, fileName: String) -> Result<Framework, FrameworkProblems> {
        func failure(_ line: Int?, _ message: String) -> Result<Framework, FrameworkProblems> {
            .failure(FrameworkProblems([FrameworkProblem(file: fileName, line: line, message: message)]))
        }
        if data.isEmpty { return failure(nil, "is empty; a framework needs id, version, title, source, stages and areas") }
        if data.count > maximumFileSize {
            return failure(nil, "is \(data.count) bytes; a framework file may be at most \(maximumFileSize) bytes")
        }
        if LocalFiles.isBinary(data) { return failure(nil, "is binary (it contains NUL bytes), not YAML or JSON text") }
        guard let text = String(validating: data, as: UTF8.self) else {
            return failure(nil, "is not UTF-8 text")
        }
        if let line = lineExceedingNesting(text) {
            return failure(line, "nesting is deeper than \(maximumNesting) levels; a framework needs far fewer")
        }
        let root: YAMLNode?
        do {
            // Every scalar is read as text (the decoder wants text), so no YAML type resolution runs.
            root = try YAMLComposer.compose(text)
        } catch {
            return failure(error.line, "is not valid YAML: \(error.message)")
        }
        guard let root else { return failure(nil, "is empty; a framework needs id, version, title, source, stages and areas") }
        var decoder = FrameworkDecoder(file: fileName)
        let framework = decoder.decodeFramework(root)
        if let framework, decoder.problems.isEmpty { return .success(framework.reading(from: FrameworkFile(bytes: Array(data)))) }
        if decoder.problems.isEmpty { return failure(nil, "could not be read as a framework") }
        let sorted = decoder.problems.enumerated().sorted { a, b in
            (a.element.line ?? 0, a.offset) < (b.element.line ?? 0, b.offset)
        }.map(\.element)
        return .failure(FrameworkProblems(sorted))
    }

    /// The first line whose nesting (indentation, leading dashes, open brackets) exceeds the limit.
    ///
    /// Nothing recurses per level any more (``YAMLComposer`` keeps its own stack), but this bound still
    /// refuses absurd input early, with one clear message, before libyaml builds its stacks. It follows YAML's quoting and comment rules closely enough to
    /// over-estimate depth, which is harmless for real frameworks.
    static func lineExceedingNesting(_ text: String) -> Int? {
        // Every character that matters here is ASCII, so the UTF-8 bytes are read directly: the bytes of
        // other characters are never mistaken for them.
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), doubleQuote = UInt8(ascii: "\""), singleQuote = UInt8(ascii: "'")
        var flowDepth = 0
        var lineNumber = 0
        var quote: UInt8?
        var escaped = false
        var bytes = Array(text.utf8)
        bytes.append(UInt8(ascii: "\n"))
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            var index = lineStart
            var depth = 0
            if quote == nil {
                while index < lineEnd, bytes[index] == space { index += 1 }
                depth = index - lineStart
                while index < lineEnd, [UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":")].contains(bytes[index]),
                      index + 1 == lineEnd || bytes[index + 1] == space {
                    depth += 1
                    index += 1
                    while index < lineEnd, bytes[index] == space { index += 1 }
                }
            }
            var previous = space
            while index < lineEnd {
                let byte = bytes[index]
                index += 1
                defer { previous = byte }
                if let open = quote {
                    if escaped { escaped = false; continue }
                    if open == doubleQuote, byte == UInt8(ascii: "\\") { escaped = true; continue }
                    if byte == open {
                        if open == singleQuote, index < lineEnd, bytes[index] == singleQuote { index += 1; continue }
                        quote = nil
                    }
                    continue
                }
                let startsScalar = previous == space || previous == tab || previous == UInt8(ascii: "[")
                    || previous == UInt8(ascii: "{") || previous == UInt8(ascii: ",") || previous == UInt8(ascii: ":")
                if (byte == doubleQuote || byte == singleQuote) && startsScalar {
                    quote = byte
                } else if byte == UInt8(ascii: "#") && (previous == space || previous == tab) {
                    break
                } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                    flowDepth += 1
                } else if (byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}")) && flowDepth > 0 {
                    flowDepth -= 1
                }
                if depth + flowDepth > maximumNesting { return lineNumber }
            }
            if depth + flowDepth > maximumNesting { return lineNumber }
        }
        return nil
    }
}
