import Foundation

/// The chunks of a large output, made on the machine's cores while the caller writes the
/// ones already made, so that making the bytes and writing them to disk overlap.
///
/// Chunks are claimed in order. A caller waiting for a chunk nobody has started makes the
/// next unclaimed one itself rather than sleeping, so the work always progresses, even
/// when every worker thread is busy elsewhere. A chunk is let go once it has been read,
/// so a large file is never held whole in memory; a chunk read a second time is made
/// again. The output is the same bytes, in the same order, however many threads made them.
package final class ChunkedOutput: @unchecked Sendable {
    private enum State {
        case pending
        case making
        case made(any ContiguousBytes & Sendable)
        case read
    }

    private let make: @Sendable (Int) -> any ContiguousBytes & Sendable
    private let condition = NSCondition()
    private var nextUnclaimed = 0
    private var states: [State]

    /// Starts making `count` chunks, `make(index)` each, on `workers` background threads
    /// besides the callers that wait for them.
    package init(count: Int, workers: Int, make: @escaping @Sendable (Int) -> any ContiguousBytes & Sendable) {
        self.make = make
        states = Array(repeating: .pending, count: count)
        for _ in 0..<min(workers, count) {
            DispatchQueue.global().async { [self] in
                while let index = claim() { store(make(index), at: index) }
            }
        }
    }

    /// The chunks as byte parts, each one's bytes waiting until it is made.
    package var parts: [any ContiguousBytes & Sendable] {
        states.indices.map { Part(output: self, index: $0) }
    }

    /// The next pending chunk, now being made by the caller; nil when none is left.
    private func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        return claimLocked()
    }

    /// `claim()` for a caller that holds the lock already.
    private func claimLocked() -> Int? {
        while nextUnclaimed < states.count {
            let index = nextUnclaimed
            nextUnclaimed += 1
            if case .pending = states[index] {
                states[index] = .making
                return index
            }
        }
        return nil
    }

    private func store(_ bytes: any ContiguousBytes & Sendable, at index: Int) {
        condition.lock()
        states[index] = .made(bytes)
        condition.broadcast()
        condition.unlock()
    }

    /// Calls `body` with chunk `index`, made by whoever claims it first, then lets it go.
    fileprivate func read<Result>(_ index: Int, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        while true {
            condition.lock()
            switch states[index] {
            case .made(let bytes):
                states[index] = .read
                condition.unlock()
                return try bytes.withUnsafeBytes(body)
            case .read:
                condition.unlock()
                return try make(index).withUnsafeBytes(body)
            case .making:
                condition.wait()
                condition.unlock()
            case .pending:
                // Chunks are claimed in order, so the next pending one is this or an earlier one.
                let claimed = claimLocked()
                condition.unlock()
                if let claimed { store(make(claimed), at: claimed) }
            }
        }
    }

    private struct Part: ContiguousBytes, @unchecked Sendable {
        let output: ChunkedOutput
        let index: Int

        func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
            try output.read(index, body)
        }
    }
}
