import Foundation

/// Bytes a `ByteBuffer` wrote, owned until released: a chunk of a large file, kept as it
/// was written until the file is.
package final class WrittenBytes: ContiguousBytes, @unchecked Sendable {
    private let base: UnsafeMutablePointer<UInt8>
    package let count: Int

    package init(base: UnsafeMutablePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    deinit { base.deallocate() }

    package func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }
}
