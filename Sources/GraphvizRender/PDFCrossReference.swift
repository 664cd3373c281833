/// Mends the cross-reference table cairo 1.16 writes for a PDF with links.
///
/// cairo 1.16 reserves an object number for each link's place in a structure tree that it
/// then never writes; the table still lists those numbers, at a wrong offset, and a reader
/// must rebuild the table (qpdf calls the file damaged). Listing them as free, as the PDF
/// format provides for numbers not in use (ISO 32000-1, 7.5.4), makes the table true. Each
/// entry is 20 bytes, so the rewrite is in place and no offset moves.
enum PDFCrossReference {
    /// `pdf` with every entry whose offset does not hold its object listed as free; unchanged
    /// when the table is not the one classic table cairo writes.
    static func freeingUnwritten(_ pdf: [UInt8]) -> [UInt8] {
        guard let table = lastTable(in: pdf) else { return pdf }
        var bytes = pdf
        var unwritten: [Int] = []
        for number in 1..<table.count {
            let entry = table.start + number * 20
            guard bytes[entry + 17] == UInt8(ascii: "n"), let offset = Int(ascii: bytes[entry..<(entry + 10)]) else { continue }
            if !holds(bytes, object: number, at: offset) { unwritten.append(number) }
        }
        guard !unwritten.isEmpty else { return pdf }
        // The free entries form a list from entry 0, each naming the next free number (0 ends it).
        write(Array(unwritten.dropFirst()) + [0], into: &bytes, at: unwritten.map { table.start + $0 * 20 }, generation: "00001")
        write([unwritten[0]], into: &bytes, at: [table.start], generation: "65535")
        return bytes
    }

    /// Where the entries of the file's last `xref` table start, and how many there are.
    static func lastTable(in pdf: [UInt8]) -> (start: Int, count: Int)? {
        let marker = Array("\nxref\n0 ".utf8)
        var at = pdf.count - marker.count
        while at >= 0, !pdf[at..<(at + marker.count)].elementsEqual(marker) { at -= 1 }
        guard at >= 0 else { return nil }
        var cursor = at + marker.count
        var count = 0
        while cursor < pdf.count, let digit = digit(pdf[cursor]) {
            count = count * 10 + digit
            cursor += 1
        }
        guard count > 0, cursor < pdf.count, pdf[cursor] == UInt8(ascii: "\n") else { return nil }
        let start = cursor + 1
        guard start + count * 20 <= pdf.count, pdf[start + 19] == UInt8(ascii: "\n") else { return nil }
        return (start, count)
    }

    /// Whether `N 0 obj` starts at `offset`.
    static func holds(_ pdf: [UInt8], object number: Int, at offset: Int) -> Bool {
        let header = Array("\(number) 0 obj".utf8)
        return offset >= 0 && offset + header.count <= pdf.count && pdf[offset..<(offset + header.count)].elementsEqual(header)
    }

    private static func write(_ values: [Int], into bytes: inout [UInt8], at entries: [Int], generation: String) {
        for (value, entry) in zip(values, entries) {
            let digits = String(value)
            let line = Array((String(repeating: "0", count: 10 - digits.count) + digits + " " + generation + " f \n").utf8)
            bytes.replaceSubrange(entry..<(entry + 20), with: line)
        }
    }

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }
}

extension Int {
    /// A whole number written in ASCII digits (nil for anything else).
    fileprivate init?(ascii digits: ArraySlice<UInt8>) {
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        self = value
    }
}
