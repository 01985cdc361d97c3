/// The rule for ids of frameworks, stages, areas and criteria: stable, readable, safe anywhere.
public enum Identifier {
    /// Ids are short enough to read in a file and a column.
    public static let maximumLength = 64

    /// True for lowercase ASCII letters and digits in groups joined by single hyphens, e.g. `econ-aligned-2`.
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= maximumLength else { return false }
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return groups.allSatisfy { group in
            !group.isEmpty && group.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }
        }
    }
}
