/// How one stage of an area is marked on the board (areas by stages), on screen and in every export,
/// and the legend that explains the marks: the one place both are defined.
public enum BoardMark: Sendable, Equatable {
    /// The stage the area is placed at.
    case placed
    /// A stage below the placement: met, and counted.
    case met
    /// A stage met above an unmet one: it does not count.
    case metAboveGap
    /// A stage not met, with its progress in percent.
    case progress(Int)

    /// The mark of the stage at `level` (0 for the first stage) of `placement`.
    public init(level: Int, in placement: Placement) {
        if level + 1 == placement.level {
            self = .placed
        } else if level < placement.level {
            self = .met
        } else if placement.stages.indices.contains(level), placement.stages[level].isMet {
            self = .metAboveGap
        } else {
            let progress = placement.stages.indices.contains(level) ? placement.stages[level].progress : 0
            self = .progress(Int((progress * 100).rounded()))
        }
    }

    /// The mark alone: "●", "✓", "○", or the progress such as "67%".
    public var symbol: String {
        switch self {
        case .placed: "●"
        case .met: "✓"
        case .metAboveGap: "○"
        case let .progress(percent): "\(percent)%"
        }
    }

    /// The mark with the word "met" after each met stage's symbol ("● met", "✓ met", "○ met"), or the progress.
    public var symbolAndWord: String {
        if case .progress = self { return symbol }
        return symbol + " met"
    }

    /// A name for styling the mark, such as an HTML class: "placed", "met", "above-gap", "open".
    public var kind: String {
        switch self {
        case .placed: "placed"
        case .met: "met"
        case .metAboveGap: "above-gap"
        case .progress: "open"
        }
    }

    /// What each mark means, in the order the legend lists them.
    public static let legendEntries: [(mark: String, meaning: String)] = [
        ("●", "placed here"), ("✓", "met"), ("○", "met above a gap (does not count)"), ("%", "progress"),
    ]

    /// The legend in one line, its entries joined by `separator`: "● placed here · ✓ met · …".
    public static func legend(separator: String) -> String {
        legendEntries.map { "\($0.mark) \($0.meaning)" }.joined(separator: separator)
    }

    /// What "provisional" means on the board, in one sentence.
    public static let provisionalMeaning = "Provisional: some answers are not sure or not given."
}
