import Foundation
import Yams

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
        if data.contains(0) { return failure(nil, "is binary (it contains NUL bytes), not YAML or JSON text") }
        guard let text = String(validating: data, as: UTF8.self) else {
            return failure(nil, "is not UTF-8 text")
        }
        if let line = lineExceedingNesting(text) {
            return failure(line, "nesting is deeper than \(maximumNesting) levels; a framework needs far fewer")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            let (line, message) = describe(error)
            return failure(line, "is not valid YAML: \(message)")
        } catch {
            return failure(nil, "is not valid YAML")
        }
        guard let root else { return failure(nil, "is empty; a framework needs id, version, title, source, stages and areas") }
        var decoder = FrameworkDecoder(file: fileName)
        let framework = decoder.decodeFramework(root)
        if let framework, decoder.problems.isEmpty { return .success(framework) }
        if decoder.problems.isEmpty { return failure(nil, "could not be read as a framework") }
        let sorted = decoder.problems.enumerated().sorted { a, b in
            (a.element.line ?? 0, a.offset) < (b.element.line ?? 0, b.offset)
        }.map(\.element)
        return .failure(FrameworkProblems(sorted))
    }

    /// The first line whose nesting (indentation, leading dashes, open brackets) exceeds the limit.
    ///
    /// The YAML composer recurses once per level, so this bound keeps hostile input from
    /// exhausting the stack. It follows YAML's quoting and comment rules closely enough to
    /// over-estimate depth, which is harmless for real frameworks.
    static func lineExceedingNesting(_ text: String) -> Int? {
        var flowDepth = 0
        var lineNumber = 0
        var quote: Unicode.Scalar?
        var escaped = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let scalars = Array(line.unicodeScalars)
            var index = 0
            var depth = 0
            if quote == nil {
                while index < scalars.count, scalars[index] == " " { index += 1 }
                depth = index
                while index < scalars.count, scalars[index] == "-" || scalars[index] == "?" || scalars[index] == ":",
                      index + 1 == scalars.count || scalars[index + 1] == " " {
                    depth += 1
                    index += 1
                    while index < scalars.count, scalars[index] == " " { index += 1 }
                }
            }
            var previous: Unicode.Scalar = " "
            while index < scalars.count {
                let scalar = scalars[index]
                index += 1
                defer { previous = scalar }
                if let open = quote {
                    if escaped { escaped = false; continue }
                    if open == "\"", scalar == "\\" { escaped = true; continue }
                    if scalar == open {
                        if open == "'", index < scalars.count, scalars[index] == "'" { index += 1; continue }
                        quote = nil
                    }
                    continue
                }
                let startsScalar = " \t[{,:".unicodeScalars.contains(previous)
                if (scalar == "\"" || scalar == "'") && startsScalar {
                    quote = scalar
                } else if scalar == "#" && (previous == " " || previous == "\t") {
                    break
                } else if scalar == "[" || scalar == "{" {
                    flowDepth += 1
                } else if (scalar == "]" || scalar == "}") && flowDepth > 0 {
                    flowDepth -= 1
                }
                if depth + flowDepth > maximumNesting { return lineNumber }
            }
            if depth + flowDepth > maximumNesting { return lineNumber }
        }
        return nil
    }

    /// The line and a readable message for a YAML syntax error.
    static func describe(_ error: YamlError) -> (Int?, String) {
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var message = problem
            if let context { message += " (\(context.text) on line \(context.mark.line))" }
            return (mark.line, message)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return (context.mark.line, "the same key appears twice in one mapping: \(keys)")
        case let .reader(problem, _, _, _):
            return (nil, problem)
        default:
            return (nil, String(describing: error))
        }
    }
}
