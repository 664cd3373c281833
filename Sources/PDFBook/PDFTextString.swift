/// The bytes of a PDF text string (ISO 32000-1, 7.9.2.2), as bookmark titles and /Info need.
///
/// Printable ASCII is the same in PDFDocEncoding, so such text is stored as it is (the writer
/// escapes `(`, `)` and `\`). Anything else becomes UTF-16BE after the byte-order mark FE FF,
/// which every reader understands, rather than PDFDocEncoding's partial Latin-1.
enum PDFTextString {
    static func bytes(for text: String) -> [UInt8] {
        if text.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) {
            return Array(text.utf8)
        }
        var bytes: [UInt8] = [0xFE, 0xFF]
        bytes.reserveCapacity(2 + text.utf16.count * 2)
        for unit in text.utf16 {
            bytes.append(UInt8(unit >> 8))
            bytes.append(UInt8(unit & 0xFF))
        }
        return bytes
    }
}
