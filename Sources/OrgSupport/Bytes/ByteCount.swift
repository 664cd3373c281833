#if canImport(Glibc)
    import Glibc
#endif

/// Counting and finding one byte value in a run of bytes, eight bytes at a time: a
/// million-row file's line breaks are counted before its rows are read.
package enum ByteCount {
    /// How many of `bytes` are `value`.
    package static func count(of value: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let raw = UnsafeRawBufferPointer(bytes)
        let pattern = 0x0101_0101_0101_0101 &* UInt64(value)
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var found = 0
        var offset = 0
        while offset + 8 <= raw.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) ^ pattern
            // The high bit of each byte that is not zero, with no carry between bytes: the
            // bytes equal to `value` are the bytes left without it.
            let nonZero = ((word & low) &+ low | word) & ~low
            found &+= 8 - nonZero.nonzeroBitCount
            offset += 8
        }
        while offset < raw.count {
            if raw[offset] == value { found += 1 }
            offset += 1
        }
        return found
    }

    /// Whether any of `bytes` is `value` (the C library's vectorised search).
    package static func contains(_ value: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        return memchr(base, Int32(value), bytes.count) != nil
    }
}
