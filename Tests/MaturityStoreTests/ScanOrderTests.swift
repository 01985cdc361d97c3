import Testing
import MaturityModel
@testable import MaturityStore

/// The pieces that keep a large scan's results in one array: two-valued parallel maps and in-place ordering.
@Suite("Scan results held once")
struct ScanOrderTests {
    @Test func permutingInPlaceGivesEachPositionTheElementOrderNames() {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 3, 10, 257] {
            for _ in 0..<20 {
                let original = (0..<count).map { "element \($0)" }
                let order = Array(0..<count).shuffled(using: &generator)
                var permuted = original
                permuted.permute(by: order)
                #expect(permuted == order.map { original[$0] }, "\(order)")
            }
        }
    }

    @Test func aTwoValuedParallelMapKeepsBothInTheElementsOrder() {
        let elements = Array(0..<10_000)
        let (squares, labels) = Parallel.map(elements) { ($0 * $0, "n\($0)") }
        #expect(squares == elements.map { $0 * $0 })
        #expect(labels == elements.map { "n\($0)" })
        let (none, alsoNone) = Parallel.map([Int]()) { ($0, $0) }
        #expect(none.isEmpty && alsoNone.isEmpty)
    }
}
