import Foundation
import Synchronization
import Testing

@testable import OrgSupport

/// Work run side by side gives the results it would give one piece after another, in order.
@Suite("ParallelWork: results in order, whatever the cores")
struct ParallelWorkTests {
    @Test("map and array give body(i) at i; both gives each side's result")
    func inOrder() {
        #expect(ParallelWork.map(100) { $0 * $0 } == (0..<100).map { $0 * $0 })
        #expect(ParallelWork.map(1) { $0 + 7 } == [7])
        #expect(ParallelWork.map(0) { $0 }.isEmpty)
        #expect(ParallelWork.array(count: 1001, parts: 3) { "\($0)" } == (0..<1001).map { "\($0)" })
        let (a, b) = ParallelWork.both({ (1...1000).reduce(0, +) }, { "done" })
        #expect(a == 500_500 && b == "done")
    }

    @Test("An array made in stretches has each stretch's elements in their places, each stretch made once", arguments: [1, 2, 3, 7])
    func inStretches(parts: Int) {
        let made = Mutex<[Range<Int>]>([])
        // Each element is the running total within its stretch: it depends on the one before.
        let totals = ParallelWork.array(count: 1_000, parts: parts) { (stretch, append: (Int) -> Void) in
            made.withLock { $0.append(stretch) }
            var total = 0
            for index in stretch {
                total += index
                append(total)
            }
        }
        let stretches = made.withLock { $0 }.sorted { $0.lowerBound < $1.lowerBound }.filter { !$0.isEmpty }
        #expect(stretches.first?.lowerBound == 0 && stretches.last?.upperBound == 1_000)
        #expect(zip(stretches, stretches.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        var expected: [Int] = []
        for stretch in stretches {
            var total = 0
            for index in stretch {
                total += index
                expected.append(total)
            }
        }
        #expect(totals == expected)
        #expect(ParallelWork.array(count: 0, parts: parts) { (_, _: (Int) -> Void) in }.isEmpty)
    }

    @Test("A background value is the work's result, waited for, and read as often as asked")
    func background() {
        let started = Date()
        let slow = ParallelWork.Background { () -> [Int] in
            Thread.sleep(forTimeInterval: 0.05)
            return Array(0..<10)
        }
        let here = (0..<10).map { $0 * 2 }
        #expect(slow.value == Array(0..<10))
        #expect(Date().timeIntervalSince(started) >= 0.05)
        #expect(slow.value == Array(0..<10))
        #expect(here.count == 10)
        let many = (0..<20).map { number in ParallelWork.Background { number * 3 } }
        #expect(many.map(\.value) == (0..<20).map { $0 * 3 })
    }

    @Test("Work spread over the cores inside either side of `both` runs side by side, not one piece after another")
    func nestedWorkIsParallel() throws {
        try #require(ProcessInfo.processInfo.activeProcessorCount >= 2, "needs two cores")
        // Each of two pieces waits for the other to start: run one after the other, the
        // first would wait in vain. Dispatch runs an apply nested in a two-way apply on one
        // thread, so `both` must not be one.
        func meet() -> Bool {
            let arrived = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
            let met = ParallelWork.map(2) { piece -> Bool in
                (piece == 0 ? arrived.0 : arrived.1).signal()
                return (piece == 0 ? arrived.1 : arrived.0).wait(timeout: .now() + 2) == .success
            }
            return met.allSatisfy { $0 }
        }
        let (first, second) = ParallelWork.both(meet, meet)
        #expect(first && second)
    }
}
