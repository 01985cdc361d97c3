/// One node of a composed YAML document, as ``FrameworkDecoder`` reads it: text, a list or a mapping,
/// with the line it starts on. Tags and anchors are resolved by ``YAMLComposer``; every scalar stays text.
struct YAMLNode {
    /// What the node holds.
    enum Content {
        /// Text, with whether it was written plain (unquoted, not a block scalar), where `~` means null.
        case scalar(String, plain: Bool)
        /// A list, in document order.
        case sequence([YAMLNode])
        /// Key and value pairs, in document order.
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    /// What the node holds.
    var content: Content
    /// The 1-based line the node starts on.
    var line: Int
    /// The tag, resolved: as written, or the kind's own (`tag:yaml.org,2002:str` for text); keys are the
    /// same when their text and tag are.
    var tag: String

    /// The text, for a scalar.
    var string: String? {
        if case let .scalar(text, _) = content { return text }
        return nil
    }
}
