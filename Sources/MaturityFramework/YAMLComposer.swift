internal import CLibYAML

/// A YAML syntax error: the line it is on, where known, and what is wrong.
struct YAMLError: Error, Equatable {
    /// 1-based line, when libyaml knows it.
    var line: Int?
    /// libyaml's problem, with its context, e.g. "did not find expected ',' or ']' (while parsing a
    /// flow sequence on line 3)".
    var message: String
}

/// Composes YAML text into ``YAMLNode``s with libyaml's event parser.
///
/// It reads YAML exactly as maturity did when it used Yams (`Yams.compose(yaml:, .basic)`), so a user's
/// framework file gets the same problems on the same lines: one document only ("but found another
/// document"), aliases resolved to the node their anchor names ("found undefined alias" otherwise),
/// every scalar kept as text (less one byte order mark at its start, as Foundation read it), and a mapping
/// with the same key twice refused. Keys are the same when their text and tag are (`a` and `!!str a` are;
/// `a` and `!!int a` are not), or for lists and mappings their items and tags. Unlike Yams, a key of more
/// than ``maximumKeyNodes`` nodes (an alias bomb) is not compared.
///
/// The composer keeps its own stack, so no input can exhaust the thread's stack.
enum YAMLComposer {
    /// Keys larger than this many nodes (only an alias can make one) are not compared: Yams compared them
    /// in full, which an alias bomb makes take forever.
    static let maximumKeyNodes = 10_000

    /// The document in `text`, or nil for a stream without one (empty, or only comments).
    static func compose(_ text: String) throws(YAMLError) -> YAMLNode? {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return nil }
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else { throw YAMLError(line: nil, message: "Memory error") }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        return try bytes.withUnsafeMutableBufferPointer { (buffer) throws(YAMLError) -> YAMLNode? in
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
            var events = EventReader(parser: parser)
            return try events.singleDocument()
        }
    }
}

/// One parser event, copied out of libyaml's event (which is freed at once).
private struct YAMLEvent {
    var type: yaml_event_type_t
    /// 1-based line of the event's start.
    var line: Int
    /// The anchor defined on a node, or named by an alias.
    var anchor: String?
    /// The node's tag as resolved for comparing keys (see ``YAMLComposer``).
    var tag: String
    /// A scalar's text.
    var value: String
    /// A scalar written plain.
    var plain: Bool
}

/// Reads events and builds the single document, as Yams's `Parser.singleRoot()` did.
private struct EventReader {
    static let stringTag = "tag:yaml.org,2002:str"
    static let sequenceTag = "tag:yaml.org,2002:seq"
    static let mappingTag = "tag:yaml.org,2002:map"

    let parser: UnsafeMutablePointer<yaml_parser_t>
    /// The node each anchor names; a later anchor of the same name replaces an earlier one.
    var anchors: [String: YAMLNode] = [:]

    init(parser: UnsafeMutablePointer<yaml_parser_t>) {
        self.parser = parser
    }

    mutating func singleDocument() throws(YAMLError) -> YAMLNode? {
        _ = try next() // the stream's start
        guard parser.pointee.stream_end_produced == 0, try next().type != YAML_STREAM_END_EVENT else { return nil }
        let root = try node(startingWith: next())
        _ = try next() // the document's end
        let after = try next()
        if after.type != YAML_STREAM_END_EVENT {
            throw YAMLError(line: after.line,
                            message: "but found another document (expected a single document in the stream on line 1)")
        }
        return root
    }

    /// A collection being read: its items so far, and for a mapping the key waiting for its value.
    private struct Open {
        var isMapping: Bool
        var line: Int
        var anchor: String?
        var tag: String
        var items: [YAMLNode] = []
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var key: YAMLNode?
    }

    /// The node that starts with `first`, read to its end.
    private mutating func node(startingWith first: YAMLEvent) throws(YAMLError) -> YAMLNode {
        var open: [Open] = []
        var event = first
        while true {
            var done: YAMLNode?
            switch event.type {
            case YAML_ALIAS_EVENT:
                guard let anchor = event.anchor, let node = anchors[anchor] else {
                    throw YAMLError(line: event.line, message: "found undefined alias")
                }
                done = node
            case YAML_SCALAR_EVENT:
                let node = YAMLNode(content: .scalar(event.value, plain: event.plain), line: event.line, tag: event.tag)
                if let anchor = event.anchor { anchors[anchor] = node }
                done = node
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                open.append(Open(isMapping: event.type == YAML_MAPPING_START_EVENT, line: event.line, anchor: event.anchor,
                                 tag: event.tag))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast() else { throw YAMLError(line: event.line, message: "unexpected end of a collection") }
                if closed.isMapping { try Self.refuseDuplicateKeys(closed.pairs) }
                let node = YAMLNode(content: closed.isMapping ? .mapping(closed.pairs) : .sequence(closed.items),
                                    line: closed.line, tag: closed.tag)
                if let anchor = closed.anchor { anchors[anchor] = node }
                done = node
            default:
                throw YAMLError(line: event.line, message: "unexpected event in a document")
            }
            if let node = done {
                guard let last = open.indices.last else { return node }
                if !open[last].isMapping {
                    open[last].items.append(node)
                } else if let key = open[last].key {
                    open[last].pairs.append((key, node))
                    open[last].key = nil
                } else {
                    open[last].key = node
                }
            }
            event = try next()
        }
    }

    /// Refuses a mapping with the same key twice, naming every repeated key (sorted; a list or mapping as
    /// `<uncovertable>`, Yams's word) at the first appearance of the first of them, as Yams did.
    private static func refuseDuplicateKeys(_ pairs: [(key: YAMLNode, value: YAMLNode)]) throws(YAMLError) {
        guard pairs.count > 1 else { return }
        var seen: [String: (index: Int, count: Int)] = [:]
        var keys: [(node: YAMLNode, signature: String)] = []
        for pair in pairs {
            var budget = YAMLComposer.maximumKeyNodes
            guard let signature = signature(of: pair.key, budget: &budget) else { continue }
            if let first = seen[signature] {
                seen[signature] = (first.index, first.count + 1)
            } else {
                seen[signature] = (keys.count, 1)
                keys.append((pair.key, signature))
            }
        }
        let repeated = keys.filter { (seen[$0.signature]?.count ?? 0) > 1 }.map(\.node).sorted { a, b in
            (a.string == nil ? 1 : 0, a.string ?? "") < (b.string == nil ? 1 : 0, b.string ?? "")
        }
        guard let first = repeated.first else { return }
        let names = repeated.map { "'\($0.string ?? "<uncovertable>")'" }.joined(separator: ", ")
        throw YAMLError(line: first.line, message: "the same key appears twice in one mapping: \(names)")
    }

    /// A key's identity for comparison: its tag and text, or its tag and items, each length-prefixed so
    /// that no two different keys share one; nil when the key is larger than `budget` nodes.
    private static func signature(of node: YAMLNode, budget: inout Int) -> String? {
        budget -= 1
        guard budget >= 0 else { return nil }
        let tag = "\(node.tag.utf8.count):\(node.tag)"
        switch node.content {
        case let .scalar(text, _):
            return "s\(tag)\(text.utf8.count):\(text)"
        case let .sequence(items):
            var result = "q\(tag)["
            for item in items {
                guard let part = signature(of: item, budget: &budget) else { return nil }
                result += part
            }
            return result + "]"
        case let .mapping(pairs):
            var result = "m\(tag){"
            for pair in pairs {
                guard let key = signature(of: pair.key, budget: &budget),
                      let value = signature(of: pair.value, budget: &budget) else { return nil }
                result += key + value
            }
            return result + "}"
        }
    }

    /// The next event, or the parser's error worded as before: the problem, its context and the line.
    private mutating func next() throws(YAMLError) -> YAMLEvent {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw Self.error(of: parser.pointee) }
        defer { yaml_event_delete(&event) }
        var result = YAMLEvent(type: event.type, line: Int(event.start_mark.line) + 1, anchor: nil, tag: Self.stringTag,
                               value: "", plain: false)
        switch event.type {
        case YAML_ALIAS_EVENT:
            result.anchor = Self.string(event.data.alias.anchor)
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            result.anchor = Self.string(scalar.anchor)
            result.value = Self.text(UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)))
            result.plain = scalar.style == YAML_PLAIN_SCALAR_STYLE
            result.tag = scalar.quoted_implicit == 1 ? Self.stringTag : Self.resolved(Self.string(scalar.tag), default: Self.stringTag)
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            result.anchor = Self.string(start.anchor)
            result.tag = Self.resolved(start.implicit != 0 ? nil : Self.string(start.tag), default: Self.sequenceTag)
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            result.anchor = Self.string(start.anchor)
            result.tag = Self.resolved(start.implicit != 0 ? nil : Self.string(start.tag), default: Self.mappingTag)
        default:
            break
        }
        return result
    }

    /// An explicit tag as written (libyaml expands `!!str` to `tag:yaml.org,2002:str`); none, or the
    /// non-specific `!`, is the kind's default.
    private static func resolved(_ tag: String?, default kind: String) -> String {
        guard let tag, !tag.isEmpty, tag != "!" else { return kind }
        return tag
    }

    /// A scalar's text. Like Yams (through Foundation's `String(bytes:encoding:)`), one byte order mark at
    /// its start is dropped.
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        if bytes.starts(with: byteOrderMark) { return String(decoding: bytes.dropFirst(3), as: UTF8.self) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func error(of parser: yaml_parser_t) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return YAMLError(line: nil, message: "Memory error")
        case YAML_READER_ERROR:
            return YAMLError(line: nil, message: problem)
        default:
            var message = problem
            if let context = parser.context {
                message += " (\(String(cString: context)) on line \(Int(parser.context_mark.line) + 1))"
            }
            return YAMLError(line: Int(parser.problem_mark.line) + 1, message: message)
        }
    }
}
