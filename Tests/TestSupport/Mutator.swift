/// Random edits of a valid file, repeatable from a seed: deletions, duplications of its own bytes,
/// and insertions of the given fragments (the characters that matter to its syntax).
public struct Mutator: Sendable {
    private var state: UInt64
    private let fragments: [[UInt8]]

    public init(seed: UInt64, fragments: [String], rawFragments: [[UInt8]] = []) {
        state = seed
        self.fragments = fragments.map { Array($0.utf8) } + rawFragments
    }

    /// A number in `0..<bound` (0 when `bound` is 0).
    public mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(max(bound, 1)))
    }

    /// `input` with one to five random edits.
    public mutating func mutate(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0...next(4) {
            let at = next(bytes.count + 1)
            switch next(4) {
            case 0 where !bytes.isEmpty:
                bytes.removeSubrange(at..<min(bytes.count, at + next(40) + 1))
            case 1 where !bytes.isEmpty:
                let start = next(bytes.count)
                bytes.insert(contentsOf: bytes[start..<min(bytes.count, start + next(80) + 1)], at: at)
            default:
                bytes.insert(contentsOf: fragments[next(fragments.count)], at: at)
            }
        }
        return bytes
    }
}
