import FoundationEssentials

/// The frameworks `maturity` can use: those built into the binary, then those in the user's folder.
///
/// The built-in ones come from the `BuiltInFrameworks` module (`FrameworkCatalog(userFolder:)` there),
/// which holds them as Swift values, decoded and validated when maturity is built.
public struct FrameworkCatalog: Sendable {
    /// The framework used when none is named.
    public static let defaultFrameworkID = "ics-social-economic-development"

    /// Where a framework came from.
    public enum Origin: Sendable, Equatable, CustomStringConvertible {
        /// Embedded in the binary from the repository's `Frameworks/` folder.
        case builtIn(fileName: String)
        /// A file in the user's frameworks folder, or named on the command line.
        case file(path: String)
        /// A copy the store keeps in its `frameworks/` folder (issue 16).
        case store(path: String)

        /// "built-in", the file's path, or "store: " and the copy's path.
        public var description: String {
            switch self {
            case .builtIn: "built-in"
            case let .file(path): path
            case let .store(path): "store: " + path
            }
        }
    }

    /// A usable framework and where it came from.
    public struct Entry: Sendable {
        /// The validated framework.
        public var framework: Framework
        /// Where it was read from.
        public var origin: Origin

        /// An entry.
        public init(framework: Framework, origin: Origin) {
            self.framework = framework
            self.origin = origin
        }
    }

    /// Usable frameworks: built-in first, then the user's, each group sorted by id.
    public private(set) var entries: [Entry]
    /// Files that could not be used, each with its problems.
    public private(set) var problems: [FrameworkProblem]
    /// Built-in or installed frameworks set aside for another text of the same version that the store keeps
    /// (see ``addStoreCopies(_:)``), one line each.
    public private(set) var setAside: [String] = []
    /// The frameworks set aside, still found by ``FrameworkCatalog`` users reading an assessment answered
    /// against exactly their text.
    public private(set) var setAsideEntries: [Entry] = []

    /// `builtIns` (sorted by id) and the frameworks in `userFolder` (which may be missing: it is optional).
    public init(builtIns: [Entry], userFolder: URL?) {
        var entries = builtIns
        var problems: [FrameworkProblem] = []
        if let userFolder {
            let (userEntries, userProblems) = Self.loadFolder(userFolder, taken: Set(entries.map(\.framework.id)))
            entries += userEntries
            problems += userProblems
        }
        self.entries = entries
        self.problems = problems
    }

    /// Adds the store's copies (`copies`, each with its path), after the built-in and installed frameworks:
    /// a copy is listed unless a framework with the same id, version and text is already there; lookups by
    /// id still find the built-in or installed one first. A built-in or installed framework with the id
    /// and version of a copy but another text cannot be used with this store: the copy takes its place,
    /// and ``setAside`` says why.
    public mutating func addStoreCopies(_ copies: [(framework: Framework, path: String)]) {
        for copy in copies {
            let sameVersion = entries.indices.filter {
                entries[$0].framework.id == copy.framework.id && entries[$0].framework.version == copy.framework.version
            }
            if sameVersion.contains(where: { entries[$0].framework.file?.sha256 == copy.framework.file?.sha256 }) { continue }
            let copyEntry = Entry(framework: copy.framework, origin: .store(path: copy.path))
            guard let other = sameVersion.first else {
                entries.append(copyEntry)
                continue
            }
            var holder = entries[other].origin.description
            if case .builtIn = entries[other].origin { holder = "the built-in framework" }
            setAside.append("\(TerminalText.inert(holder)) is another text of framework '\(TerminalText.inert(copy.framework.id))' version "
                + "\(TerminalText.inert(copy.framework.version)) than the copy this store keeps (\(TerminalText.inert(copy.path))); "
                + "the store's copy is used with this store: to use the edited text, raise `version` in its file")
            setAsideEntries.append(entries[other])
            entries[other] = copyEntry
        }
    }

    /// The framework with this id, if any.
    public func framework(id: String) -> Framework? {
        entries.first { $0.framework.id == id }?.framework
    }

    /// The framework named by an id or a file path, as a user types it on the command line.
    public func resolve(_ reference: String) -> Result<Framework, FrameworkProblems> {
        if let framework = framework(id: reference) { return .success(framework) }
        let looksLikePath = reference.contains("/") || [".yaml", ".yml", ".json"].contains { reference.hasSuffix($0) }
        if looksLikePath || FileManager.default.fileExists(atPath: reference) {
            return FrameworkLoader.load(contentsOf: URL(fileURLWithPath: reference), displayName: reference)
        }
        let known = entries.map(\.framework.id).joined(separator: ", ")
        return .failure(FrameworkProblems([FrameworkProblem(
            file: reference, line: nil,
            message: "no framework with this id and no such file (known frameworks: \(known))")]))
    }

    /// The user's frameworks folder: `MATURITY_FRAMEWORKS`, else `$XDG_CONFIG_HOME/maturity/frameworks`,
    /// else `~/.config/maturity/frameworks`.
    public static func userFolder(environment: [String: String]) -> URL {
        LocalFiles.userFolder(environment: environment, override: "MATURITY_FRAMEWORKS", xdgVariable: "XDG_CONFIG_HOME",
                              homeFallback: ".config", subpath: "maturity/frameworks")
    }

    private static func loadFolder(_ folder: URL, taken: Set<String>) -> ([Entry], [FrameworkProblem]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return ([], []) }
        var entries: [Entry] = []
        var problems: [FrameworkProblem] = []
        var taken = taken
        let files = names.filter { !$0.hasPrefix(".") && [".yaml", ".yml", ".json"].contains(where: $0.hasSuffix) }.sorted()
        for name in files {
            let path = folder.appending(path: name).path
            switch FrameworkLoader.load(contentsOf: URL(fileURLWithPath: path), displayName: path) {
            case let .success(framework):
                if taken.contains(framework.id) {
                    problems.append(FrameworkProblem(
                        file: path, line: nil,
                        message: "id '\(framework.id)' is already used by another framework; this file is ignored"))
                } else {
                    taken.insert(framework.id)
                    entries.append(Entry(framework: framework, origin: .file(path: path)))
                }
            case let .failure(failure):
                problems += failure.problems
            }
        }
        return (entries, problems)
    }
}
