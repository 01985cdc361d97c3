import CLibYAML

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
/// every scalar kept as text, and a mapping with the same key twice refused. Keys are the same when their
/// text and tag are (`a` and `!!str a` are; `a` and `!!int a` are not). Unlike Yams, a list or mapping used as
/// a key is never compared (no framework field is one, and the decoder refuses it as a field name), so an
/// alias bomb in keys costs nothing.
///
/// The composer keeps its own stack, so no input can exhaust the thread's stack.
enum YAMLComposer {
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

    /// Refuses a mapping with the same key twice, naming every repeated key (sorted) at the first
    /// appearance of the first of them, as Yams did.
    private static func refuseDuplicateKeys(_ pairs: [(key: YAMLNode, value: YAMLNode)]) throws(YAMLError) {
        guard pairs.count > 1 else { return }
        struct Key: Hashable { var text: String; var tag: String }
        var first: [Key: (line: Int, count: Int)] = [:]
        for pair in pairs {
            guard let text = pair.key.string else { continue }
            let key = Key(text: text, tag: pair.key.tag)
            if let seen = first[key] {
                first[key] = (seen.line, seen.count + 1)
            } else {
                first[key] = (pair.key.line, 1)
            }
        }
        let repeated = first.filter { $0.value.count > 1 }.sorted { ($0.key.text, $0.key.tag) < ($1.key.text, $1.key.tag) }
        guard let firstRepeated = repeated.first else { return }
        let keys = repeated.map { "'\($0.key.text)'" }.joined(separator: ", ")
        throw YAMLError(line: firstRepeated.value.line, message: "the same key appears twice in one mapping: \(keys)")
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
            result.value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)), as: UTF8.self)
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
