import MaturityFramework

/// A framework's criteria in the order of their ids, prepared once to place and check many
/// ``AssessmentGlance``s by walking both lists side by side, without hashing a criterion id.
public struct FrameworkCriteria: Sendable {
    /// The framework.
    public let framework: Framework
    /// Every criterion id, ascending, with its position: the criteria of the first area first, each
    /// area's in framework order.
    private let ordered: [(id: String, position: Int)]
    /// Per area, its criterion ids ascending.
    private let areaOrdered: [[String]]
    /// Per area, the position of its first criterion.
    private let firsts: [Int]

    /// Prepares `framework`.
    public init(_ framework: Framework) {
        self.framework = framework
        var firsts: [Int] = [], all: [(id: String, position: Int)] = [], position = 0
        for area in framework.areas {
            firsts.append(position)
            for criterion in area.criteria {
                all.append((criterion.id, position))
                position += 1
            }
        }
        ordered = all.sorted { $0.id != $1.id ? $0.id < $1.id : $0.position < $1.position }
        areaOrdered = framework.areas.map { $0.criteria.map(\.id).sorted() }
        self.firsts = firsts
    }

    /// How many criteria the framework has.
    public var count: Int { ordered.count }

    /// The position of the first criterion of the area at `index`.
    public func firstPosition(ofArea index: Int) -> Int {
        firsts[index]
    }

    /// Calls `found` with each of `ids` (ascending, each once) that is a criterion of the framework: its
    /// index in `ids` and the criterion's position (each of them, should an id be in two areas).
    public func match(_ ids: some Collection<String>, _ found: (Int, Int) -> Void) {
        var next = 0
        for (index, id) in ids.enumerated() {
            while next < ordered.count && ordered[next].id < id { next += 1 }
            var same = next
            while same < ordered.count && ordered[same].id == id {
                found(index, ordered[same].position)
                same += 1
            }
        }
    }

    /// Whether every one of `ids` (ascending) is a criterion of the area at `index`.
    public func area(_ index: Int, has ids: some Sequence<String>) -> Bool {
        let known = areaOrdered[index]
        var next = 0
        for id in ids {
            while next < known.count && known[next] < id { next += 1 }
            guard next < known.count && known[next] == id else { return false }
        }
        return true
    }
}
