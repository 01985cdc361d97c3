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

    /// Like ``map(_:_:)`` for a transform that makes two values: each goes to its own array, so that
    /// neither is held twice (as a tuple array split afterwards would be).
    public static func map<Element: Sendable, First: Sendable, Second: Sendable>(
        _ elements: [Element], _ transform: @Sendable (Element) -> (First, Second)) -> ([First], [Second]) {
        var seconds: [Second] = []
        let firsts = [First](unsafeUninitializedCapacity: elements.count) { firstBuffer, firstsMade in
            seconds = [Second](unsafeUninitializedCapacity: elements.count) { secondBuffer, secondsMade in
                let firstSlots = Slots(base: firstBuffer.baseAddress), secondSlots = Slots(base: secondBuffer.baseAddress)
                DispatchQueue.concurrentPerform(iterations: elements.count) { index in
                    let (first, second) = transform(elements[index])
                    (firstSlots.base! + index).initialize(to: first)
                    (secondSlots.base! + index).initialize(to: second)
                }
                secondsMade = elements.count
            }
            firstsMade = elements.count
        }
        return (firsts, seconds)
    }

    private struct Slots<Value>: @unchecked Sendable {
        let base: UnsafeMutablePointer<Value>?
    }
}
