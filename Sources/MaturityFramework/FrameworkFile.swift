/// The exact bytes a framework was read from, and their SHA-256: what a store keeps a copy of, and what
/// an assessment's framework reference names by hash.
public struct FrameworkFile: Sendable, Equatable {
    /// The file's bytes, as read.
    public let bytes: [UInt8]
    /// ``ContentHash/sha256(_:)`` of ``bytes``.
    public let sha256: String

    /// The file with these bytes; the hash is computed here.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        self.sha256 = ContentHash.sha256(bytes)
    }
}

extension Framework {
    /// Whether two frameworks say the same: every field but the file they were read from (the same
    /// framework written with other comments or spacing is the same framework).
    public static func == (lhs: Framework, rhs: Framework) -> Bool {
        lhs.id == rhs.id && lhs.version == rhs.version && lhs.title == rhs.title && lhs.summary == rhs.summary
            && lhs.source == rhs.source && lhs.stages == rhs.stages && lhs.areas == rhs.areas
            && lhs.attribution == rhs.attribution
    }

    /// This framework with the file it was read from attached.
    public func reading(from file: FrameworkFile) -> Framework {
        var framework = self
        framework.file = file
        return framework
    }
}

extension Framework {
    /// Whether `other` is this framework in the same version and the same text (id, version and file hash).
    public func isSameText(as other: Framework) -> Bool {
        id == other.id && version == other.version && file?.sha256 == other.file?.sha256
    }

    /// A key naming one version and text of a framework (its id, version and file hash), for tables of them.
    public static func versionKey(id: String, version: String, sha256: String?) -> String {
        "\(id)\u{0}\(version)\u{0}\(sha256 ?? "")"
    }
}
