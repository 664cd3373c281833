import Dispatch
import Foundation

/// Runs independent pieces of work side by side on the machine's cores.
///
/// The measures of a million-post structure, the two sides of a comparison and the
/// options of the delayer are separate computations over values that nothing mutates;
/// running them together is what brings the big cases inside their time budgets on a
/// two-core machine. Results come back in order, so output stays deterministic.
public enum ParallelWork {
    /// `body(0) … body(count - 1)`, run concurrently, in index order.
    public static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(body) }
        let results = Results<T>(count: count)
        withoutActuallyEscaping(body) { body in
            let work = UncheckedBox(body)
            DispatchQueue.concurrentPerform(iterations: count) { slot in
                results.set(work.value(slot), at: slot)
            }
        }
        return results.values()
    }

    /// An array of `count` elements, `element(i)` each, made in `parts` stretches side by
    /// side, each element written straight into its place: no part is made and joined.
    /// `capacity` leaves room for more to be appended without the array being moved.
    public static func array<T>(count: Int, parts: Int, capacity: Int = 0, _ element: (Int) -> T) -> [T] {
        array(count: count, parts: parts, capacity: capacity) { (stretch, append: (T) -> Void) in
            for position in stretch { append(element(position)) }
        }
    }

    /// An array of `count` elements made in `parts` stretches side by side, each by one
    /// call of `make(stretch, append)` that appends the stretch's elements in order, each
    /// straight into its place: for elements that depend on the one before (a post's
    /// manager is most often the post before's).
    /// `capacity` leaves room for more to be appended without the array being moved.
    public static func array<T>(
        count: Int, parts: Int, capacity: Int = 0, inStretches make: (_ stretch: Range<Int>, _ append: (T) -> Void) -> Void
    ) -> [T] {
        let parts = max(1, parts)
        let perPart = (count + parts - 1) / parts
        return [T](unsafeUninitializedCapacity: max(count, capacity)) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            let target = SharedPointer(base)
            withoutActuallyEscaping(make) { make in
                let work = UncheckedBox(make)
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    let stretch = min(count, part * perPart)..<min(count, (part + 1) * perPart)
                    var next = stretch.lowerBound
                    work.value(stretch) { element in
                        precondition(next < stretch.upperBound, "a stretch makes only its own elements")
                        (target.pointer + next).initialize(to: element)
                        next += 1
                    }
                    precondition(next == stretch.upperBound, "a stretch makes every one of its elements")
                }
            }
            initialized = count
        }
    }

    /// Two computations run side by side: `first` on the calling thread, `second` on a
    /// thread of its own.
    ///
    /// Not through `concurrentPerform`: work that either side spreads over the cores in
    /// turn (an index hashing its ids in halves, say) would be nested in it, and Dispatch
    /// runs an apply nested in a two-way apply on one thread, on a two-core machine. So
    /// `analyse` built its index on one core once the posts' own figures, on the other,
    /// were done.
    public static func both<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
        withoutActuallyEscaping(second) { second in
            let work = UncheckedBox((second, Slot<B>()))
            let done = DispatchSemaphore(value: 0)
            let thread = Thread {
                work.value.1.value = work.value.0()
                done.signal()
            }
            // As much stack as the main thread and Dispatch's workers have.
            thread.stackSize = 8 << 20
            thread.start()
            let a = first()
            done.wait()
            // The thread may hold the box a moment longer: it lets go of `second` here.
            let b = work.value.1.value
            work.value.0 = { fatalError("run once only") }
            // The slot is filled before the thread signals: the fallback never runs.
            return (a, b ?? second())
        }
    }

    /// A value worked out on another core while the caller goes on; `value` waits for it.
    /// What `work` reads must not change meanwhile: give it values (a snapshot), not
    /// something the caller goes on changing.
    public final class Background<Value>: @unchecked Sendable {
        private let work: () -> Value
        private var result: Value?
        private let done = DispatchGroup()

        public init(_ work: @escaping () -> Value) {
            self.work = work
            done.enter()
            DispatchQueue.global().async { [self] in
                result = self.work()
                done.leave()
            }
        }

        /// The value, waited for if it is not ready.
        public var value: Value {
            done.wait()
            // Set before the group is left: the fallback never runs.
            return result ?? work()
        }
    }

    /// A value handed to the worker threads; safe because each is read-only there or
    /// written by exactly one worker before `concurrentPerform` returns.
    private final class UncheckedBox<Value>: @unchecked Sendable {
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    private final class Slot<Value> {
        var value: Value?
    }

    private final class Results<T>: @unchecked Sendable {
        private var storage: [T?]
        private let lock = NSLock()

        init(count: Int) { storage = Array(repeating: nil, count: count) }

        func set(_ value: T, at slot: Int) {
            lock.lock()
            storage[slot] = value
            lock.unlock()
        }

        func values() -> [T] {
            lock.lock()
            defer { lock.unlock() }
            return storage.compactMap { $0 }
        }
    }
}
