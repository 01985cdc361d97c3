import Dispatch

/// Work spread over every core.
public enum Parallel {
    /// `transform` of each element, computed concurrently, in the elements' order.
    public static func map<Element: Sendable, Value: Sendable>(_ elements: [Element], _ transform: @Sendable (Element) -> Value) -> [Value] {
        [Value](unsafeUninitializedCapacity: elements.count) { buffer, initialized in
            let slots = Slots(base: buffer.baseAddress)
            // Each index is written by exactly one iteration, so the writes never overlap.
            DispatchQueue.concurrentPerform(iterations: elements.count) { index in
                (slots.base! + index).initialize(to: transform(elements[index]))
            }
            initialized = elements.count
        }
    }

    private struct Slots<Value>: @unchecked Sendable {
        let base: UnsafeMutablePointer<Value>?
    }
}
