/// One thing wrong with a framework file, located as precisely as the file allows.
public struct FrameworkProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// 1-based line, when it can be known.
    public var line: Int?
    /// What is wrong, starting with the field it concerns where there is one.
    public var message: String

    /// Creates a problem report.
    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `FILE:LINE: message`, or `FILE: message` when the line is unknown, on one line: the file name
    /// and the message (which may quote the file's own keys and values) are made inert.
    public var description: String {
        if let line { return "\(inert: file):\(line): \(inert: message)" }
        return "\(inert: file): \(inert: message)"
    }
}

/// Every problem found in one framework file; loading reports them all at once.
public struct FrameworkProblems: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problems, in file order where lines are known.
    public var problems: [FrameworkProblem]

    /// Creates the list.
    public init(_ problems: [FrameworkProblem]) {
        self.problems = problems
    }

    /// One problem per line.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
