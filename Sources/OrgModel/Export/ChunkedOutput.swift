import Foundation

/// The chunks of a large output, made on the machine's cores while the caller writes the
/// ones already made, so that making the bytes and writing them to disk overlap.
///
/// Chunks are claimed in order. A caller waiting for a chunk nobody has started makes the
/// next unclaimed one itself rather than sleeping, so the work always progresses, even
/// when every worker thread is busy elsewhere. The output is the same bytes, in the same
/// order, however many threads made them.
final class ChunkedOutput: @unchecked Sendable {
    private let make: @Sendable (Int) -> WrittenBytes
    private let condition = NSCondition()
    private var nextUnclaimed = 0
    private var made: [WrittenBytes?]

    /// Starts making `count` chunks, `make(index)` each, on `workers` background threads
    /// besides the callers that wait for them.
    init(count: Int, workers: Int, make: @escaping @Sendable (Int) -> WrittenBytes) {
        self.make = make
        made = Array(repeating: nil, count: count)
        for _ in 0..<min(workers, count) {
            DispatchQueue.global().async { [self] in
                while let index = claim() { store(make(index), at: index) }
            }
        }
    }

    /// The chunks as byte parts, each one's bytes waiting until it is made.
    var parts: [any ContiguousBytes & Sendable] {
        made.indices.map { Part(output: self, index: $0) }
    }

    private func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        guard nextUnclaimed < made.count else { return nil }
        nextUnclaimed += 1
        return nextUnclaimed - 1
    }

    private func store(_ bytes: WrittenBytes, at index: Int) {
        condition.lock()
        made[index] = bytes
        condition.broadcast()
        condition.unlock()
    }

    /// Chunk `index`, made by whoever claims it first.
    fileprivate func chunk(_ index: Int) -> WrittenBytes {
        while true {
            condition.lock()
            if let bytes = made[index] {
                condition.unlock()
                return bytes
            }
            if nextUnclaimed <= index || nextUnclaimed < made.count {
                // Chunks are claimed in order, so this one is or precedes `index`.
                let claimed = nextUnclaimed
                nextUnclaimed += 1
                condition.unlock()
                store(make(claimed), at: claimed)
                continue
            }
            // Every chunk is claimed and `index` is being made: wait for it.
            condition.wait()
            condition.unlock()
        }
    }

    private struct Part: ContiguousBytes, @unchecked Sendable {
        let output: ChunkedOutput
        let index: Int

        func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
            try output.chunk(index).withUnsafeBytes(body)
        }
    }
}
