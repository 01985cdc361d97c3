import FoundationEssentials

/// An assessment with the file it was read from.
public struct FiledAssessment: Sendable {
    /// Where it is.
    public var url: URL
    /// What it holds.
    public var assessment: Assessment

    /// Creates an entry.
    public init(url: URL, assessment: Assessment) {
        self.url = url
        self.assessment = assessment
    }
}
