import Foundation

/// One result slot per concurrent task (`DispatchQueue.concurrentPerform`), each written
/// by its own task only and read once all are done; the lock makes that safe to say to
/// the compiler as well.
package final class ConcurrentSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    package init(count: Int) { slots = Array(repeating: nil, count: count) }

    package subscript(index: Int) -> Value? {
        get {
            lock.lock()
            defer { lock.unlock() }
            return slots[index]
        }
        set {
            lock.lock()
            slots[index] = newValue
            lock.unlock()
        }
    }

    /// Moves the values out, in slot order.
    package func take() -> [Value?] {
        lock.lock()
        defer { lock.unlock() }
        let values = slots
        slots = []
        return values
    }
}

extension Array {
    /// Appends `other`'s elements by moving them, not copying them: a copy would retain
    /// every string and array half a million posts hold, then release them again.
    /// `other` is left holding `filler` (a value that owns nothing) in their place.
    @inlinable
    package mutating func appendMoving(_ other: inout [Element], filler: Element) {
        let start = count
        let added = other.count
        guard added > 0 else { return }
        append(contentsOf: repeatElement(filler, count: added))
        withUnsafeMutableBufferPointer { target in
            other.withUnsafeMutableBufferPointer { source in
                guard let to = target.baseAddress, let from = source.baseAddress else { return }
                (to + start).deinitialize(count: added)
                (to + start).moveInitialize(from: from, count: added)
                from.initialize(repeating: filler, count: added)
            }
        }
    }
}

extension Array {
    /// The parts joined into one array by moving their elements, not copying them: a
    /// copy would retain every string and array a million posts hold, then release them
    /// again. Each part is left holding `filler` in place of what it held.
    @inlinable
    package static func joinedMoving(_ parts: inout [[Element]], filler: Element) -> [Element] {
        let total = parts.reduce(0) { $0 + $1.count }
        return [Element](unsafeUninitializedCapacity: total) { buffer, count in
            count = 0
            for index in parts.indices {
                parts[index].withUnsafeMutableBufferPointer { source in
                    guard let from = source.baseAddress, let to = buffer.baseAddress else { return }
                    (to + count).moveInitialize(from: from, count: source.count)
                    from.initialize(repeating: filler, count: source.count)
                    count += source.count
                }
            }
        }
    }
}
