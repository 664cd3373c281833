/// Characters no orgmodel file may hold: control characters other than tab and line
/// breaks, the non-characters U+FFFE and U+FFFF, and U+FEFF (a byte order mark) anywhere
/// but at the very start of a file.
///
/// YAML cannot hold them unescaped (its reader drops U+FEFF even when escaped, so a title
/// holding one would come back changed), a CSV holding NUL is a binary file, and no title
/// or name needs them. Every reader refuses them with the file and line (and the field where
/// it knows it), so that nothing orgmodel accepts is written into a file it then refuses.
package enum RefusedCharacters {
    /// Whether `scalar` is refused.
    package static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F, 0xFEFF, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// The first refused character in `text`, if any. Text without such a character (all
    /// but hostile text) is passed over byte by byte without decoding.
    package static func first(in text: String) -> Unicode.Scalar? {
        var text = text
        let suspect = text.withUTF8 { first(inUTF8: UnsafeBufferPointer(rebasing: $0[...]), leadingMark: false) } != nil
        guard suspect else { return nil }
        return text.unicodeScalars.first(where: isRefused)
    }

    /// The byte offset and character of the first refused character in valid UTF-8 bytes;
    /// with `leadingMark`, a byte order mark that opens them (a file's) is not refused.
    package static func first(inUTF8 bytes: UnsafeBufferPointer<UInt8>, leadingMark: Bool = true) -> (offset: Int, scalar: Unicode.Scalar)?
    {
        var index = 0
        let count = bytes.count
        let raw = UnsafeRawBufferPointer(bytes)
        while index < count {
            // Eight bytes at a time past those that cannot start a refused character: all
            // but controls (line breaks among them), DEL, and non-ASCII bytes.
            if index + 8 <= count {
                let flagged = suspectBytes(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
                if flagged == 0 {
                    index += 8
                    continue
                }
                index += flagged.trailingZeroBitCount / 8
            }
            let byte = bytes[index]
            if byte < 0x20 {
                if byte != 0x09 && byte != 0x0A && byte != 0x0D { return (index, Unicode.Scalar(byte)) }
            } else if byte == 0x7F {
                return (index, Unicode.Scalar(byte))
            } else if byte == 0xC2, index + 1 < count, (0x80...0x9F).contains(bytes[index + 1]) {
                return (index, Unicode.Scalar(bytes[index + 1]))
            } else if byte == 0xEF, index + 2 < count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE {
                return (index, bytes[index + 2] == 0xBE ? "\u{FFFE}" : "\u{FFFF}")
            } else if byte == 0xEF, index + 2 < count, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF, index > 0 || !leadingMark {
                return (index, "\u{FEFF}")
            }
            index += 1
        }
        return nil
    }

    /// The high bit of each byte of `word` (its first byte lowest) that is below 0x20, is 0x7F,
    /// or is not ASCII: the bytes a refused character can start with.
    static func suspectBytes(_ word: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let low = word & 0x7F7F_7F7F_7F7F_7F7F
        // Within each byte, adding 0x60 carries into the high bit from 0x20 up, and adding
        // 1 from 0x7F: no byte carries into the next.
        let control = ~(low &+ 0x6060_6060_6060_6060) & high
        let delete = (low &+ 0x0101_0101_0101_0101) & high
        return (word & high) | control | delete
    }

    /// "the control character U+0000", "the non-character U+FFFE".
    package static func describe(_ scalar: Unicode.Scalar) -> String {
        var hex = String(scalar.value, radix: 16, uppercase: true)
        while hex.count < 4 { hex = "0" + hex }
        if scalar.value == 0xFEFF { return "a byte order mark (U+FEFF) inside the text" }
        return scalar.value >= 0xFFFE ? "the non-character U+\(hex)" : "the control character U+\(hex)"
    }

    package static let hint =
        "remove it: text may hold tabs and line breaks, but no other control characters, no U+FFFE or U+FFFF, and U+FEFF only at the start of the file"
}
