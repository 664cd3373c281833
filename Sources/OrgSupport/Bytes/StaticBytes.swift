extension [UInt8] {
    /// Appends a literal's UTF-8 bytes as they are stored in the program: no array is
    /// made and nothing is counted, however many threads append it.
    @inlinable
    public mutating func append(static text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
