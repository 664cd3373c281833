/// Numbers as structure files write them: whole numbers without a decimal point, others
/// in the shortest form that reads back to the same value.
package enum NumberText {
    package static func format(_ value: Double) -> String {
        if let whole = whole(value) { return String(whole) }
        return "\(value)"
    }

    /// `value` as a whole number, when it is one that is written without a point.
    private static func whole(_ value: Double) -> Int? {
        value == value.rounded() && abs(value) < 1e15 ? Int(value) : nil
    }

    /// Appends what `format` makes of `value`, without a string made for a whole number
    /// (nearly every cost and FTE of a large structure).
    package static func append(_ value: Double, to out: inout ByteBuffer) {
        if let whole = whole(value) { append(whole, to: &out) } else { out.append("\(value)") }
    }

    /// Appends a whole number's decimal digits (and sign), as `String(value)` spells it.
    package static func append(_ value: Int, to out: inout ByteBuffer) {
        withDigits(of: value) { out.append($0) }
    }

    /// Appends a whole number's decimal digits (and sign) as ASCII, with no string made.
    package static func append(_ value: Int, to bytes: inout [UInt8]) {
        withDigits(of: value) { bytes.append(contentsOf: $0) }
    }

    /// Calls `body` with a whole number's decimal digits (and sign) as ASCII, as
    /// `String(value)` spells them, written on the stack.
    @inline(__always)
    static func withDigits(of value: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits and a sign, written last first
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[23 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            if value < 0 {
                count += 1
                buffer[24 - count] = UInt8(ascii: "-")
            }
            body(UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]).assumingMemoryBound(to: UInt8.self))
        }
    }
}
