import FoundationEssentials
import MaturityFramework

/// The frameworks of the repository's `Frameworks/` folder, built into the binary.
///
/// The EmbedFrameworks build tool reads each file with ``FrameworkLoader`` (the same checks a user's
/// file gets; a problem fails the build) and writes the frameworks out as Swift values, so that the
/// program decodes nothing at launch.
public enum BuiltInFrameworks {
    /// Every built-in framework, sorted by id, with the file it came from.
    public static let entries: [FrameworkCatalog.Entry] = generatedBuiltInFrameworks.map {
        FrameworkCatalog.Entry(framework: $0.framework, origin: .builtIn(fileName: $0.fileName))
    }
}

extension FrameworkCatalog {
    /// The built-in frameworks and those in `userFolder` (which may be missing: it is optional).
    public init(userFolder: URL?) {
        self.init(builtIns: BuiltInFrameworks.entries, userFolder: userFolder)
    }
}
