import Foundation
import Testing

@testable import OrgSupport

/// Mapping a region's pages ahead of writing changes no byte of it: what is there stays,
/// at any alignment and length.
@Suite("Fresh pages")
struct FreshPagesTests {
    @Test("A region mapped ahead keeps what it holds, and a small one is left alone")
    func keepsBytes() {
        for (length, offset) in [(FreshPages.minimumBytes + 12_345, 7), (FreshPages.minimumBytes * 2, 0), (4_096, 3)] {
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: length + offset, alignment: 16)
            defer { buffer.deallocate() }
            // A block of a prime length, over and over: each page holds other bytes.
            var generator = SystemRandomNumberGenerator()
            let block = (0..<4_093).map { _ in UInt8.random(in: 1...255, using: &generator) }
            var pattern = [UInt8]()
            pattern.reserveCapacity(buffer.count + block.count)
            while pattern.count < buffer.count { pattern.append(contentsOf: block) }
            pattern.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[..<buffer.count])) }
            FreshPages.populate(buffer.baseAddress! + offset, count: length)
            let kept = pattern.withUnsafeBytes { memcmp($0.baseAddress!, buffer.baseAddress!, buffer.count) == 0 }
            #expect(kept, "\(length) from \(offset)")
        }
    }
}
