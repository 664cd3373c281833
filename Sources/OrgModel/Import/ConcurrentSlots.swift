import Foundation

/// One result slot per concurrent task (`DispatchQueue.concurrentPerform`), each written
/// by its own task only and read once all are done; the lock makes that safe to say to
/// the compiler as well.
final class ConcurrentSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
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
    func take() -> [Value?] {
        lock.lock()
        defer { lock.unlock() }
        let values = slots
        slots = []
        return values
    }
}
