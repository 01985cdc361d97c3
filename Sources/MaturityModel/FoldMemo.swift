import Synchronization

/// The words of names already folded, so that each distinct name is folded once per process however
/// many files carry it (folding is locale-aware and slow next to a dictionary lookup). Shared by every
/// thread; it stops remembering new names once it holds ``capacity`` of them.
final class FoldMemo: Sendable {
    /// The most names remembered.
    static let capacity = 4096

    private let known = Mutex<[String: [String]]>([:])

    /// The words remembered for `name`, if any.
    func words(of name: String) -> [String]? {
        known.withLock { $0[name] }
    }

    /// Remembers `words` as the words of `name`, while there is room.
    func remember(_ words: [String], for name: String) {
        known.withLock { memo in
            if memo.count < Self.capacity { memo[name] = words }
        }
    }
}
