/// Double-quoted strings with backslash escapes, as JSON and YAML both read them: `\"`,
/// `\\`, `\n`, `\r`, `\t`, and `\uXXXX` for every other control character. The one
/// writer of such strings: JSON reports and YAML structure files both go through it.
package enum QuotedText {
    /// Which characters beyond the C0 controls are written as `\uXXXX`.
    package enum Escapes: Sendable {
        /// None: JSON text may hold every other character as it is.
        case json
        /// Also DEL, the C1 controls, U+2028, U+2029 and U+FEFF, which a YAML
        /// double-quoted scalar cannot hold as they are (or which an editor hides).
        case yaml
    }

    /// Appends `text` to `out`, quotes included.
    package static func append(_ text: String, to out: inout [UInt8], escapes: Escapes = .json) {
        out.append(0x22)
        var text = text
        text.withUTF8 { bytes in
            // Text with nothing to escape (nearly every id and title) goes in whole.
            if !bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || ($0 >= 0x7F && escapes == .yaml) }) {
                out.append(contentsOf: bytes)
                return
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case 0x22, 0x5C: out.append(contentsOf: [0x5C, byte])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0..<0x20: appendEscape(UInt32(byte), to: &out)
                case 0x7F... where escapes == .yaml:
                    if let (scalar, length) = hidden(bytes, at: index - 1) {
                        appendEscape(scalar, to: &out)
                        index += length - 1
                    } else {
                        out.append(byte)
                    }
                default: out.append(byte)
                }
            }
        }
        out.append(0x22)
    }

    /// `text` quoted, as a string.
    package static func string(_ text: String, escapes: Escapes = .json) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 2)
        append(text, to: &out, escapes: escapes)
        return String(decoding: out, as: UTF8.self)
    }

    /// The scalar YAML escapes that starts at `start` (DEL, C1, U+2028, U+2029, U+FEFF),
    /// with its length in bytes; nil for any other.
    private static func hidden(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (UInt32, Int)? {
        func byte(_ offset: Int) -> UInt8 { start + offset < bytes.count ? bytes[start + offset] : 0 }
        switch (byte(0), byte(1), byte(2)) {
        case (0x7F, _, _): return (0x7F, 1)
        case (0xC2, 0x80...0x9F, _): return (UInt32(byte(1)), 2)
        case (0xE2, 0x80, 0xA8), (0xE2, 0x80, 0xA9): return (0x2000 + UInt32(byte(2)) - 0x80, 3)
        case (0xEF, 0xBB, 0xBF): return (0xFEFF, 3)
        default: return nil
        }
    }

    /// `\u` and four upper-case hex digits.
    private static func appendEscape(_ value: UInt32, to out: inout [UInt8]) {
        let hex: StaticString = "0123456789ABCDEF"
        out.append(contentsOf: [0x5C, UInt8(ascii: "u")])
        for shift in stride(from: 12, through: 0, by: -4) {
            out.append(hex.utf8Start[Int((value >> UInt32(shift)) & 0xF)])
        }
    }
}
