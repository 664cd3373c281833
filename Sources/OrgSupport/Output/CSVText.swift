/// Writing CSV cells: quoted only when they must be (RFC 4180), so files stay readable
/// in a text editor and identical inputs give identical bytes; a cell a spreadsheet would
/// run as a formula is guarded (`FormulaGuard`). The one cell writer for every CSV
/// orgmodel writes, as strings or straight into a byte buffer.
package enum CSVText {
    /// The cell as written: guarded against formulas, then in quotes, with quotes doubled,
    /// when it holds the delimiter, a quote or a line break, or starts or ends with a blank
    /// (space or tab) that a reader would trim.
    package static func cell(_ value: String, delimiter: Character = ",") -> String {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count + 2)
        if let byte = delimiter.asciiValue, byte != 0x0A {
            append(value, delimiter: byte, to: &out)
        } else {
            // A delimiter that is not one byte: any cell that holds it is quoted.
            append(value, delimiter: nil, forceQuotes: value.contains(delimiter), to: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    package static func row(_ cells: [String], delimiter: Character = ",", lineEnd: String = "\n") -> String {
        cells.map { cell($0, delimiter: delimiter) }.joined(separator: String(delimiter)) + lineEnd
    }

    /// Appends the cell's bytes to `out`, as `cell(_:delimiter:)` writes it, without building
    /// intermediate strings (the analysis CSV runs to a million rows).
    package static func append(_ text: String, delimiter: UInt8? = 0x2C, forceQuotes: Bool = false, to out: inout [UInt8]) {
        if FormulaGuard.needsGuard(text.utf8) {
            appendBytes(Array(FormulaGuard.guarded(text).utf8)[...], delimiter: delimiter, forceQuotes: forceQuotes, to: &out)
            return
        }
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            appendBytes(bytes, delimiter: delimiter, forceQuotes: forceQuotes, to: &out)
        }
        if done == nil { appendBytes(Array(text.utf8)[...], delimiter: delimiter, forceQuotes: forceQuotes, to: &out) }
    }

    private static func appendBytes<Bytes: Collection<UInt8>>(
        _ bytes: Bytes, delimiter: UInt8?, forceQuotes: Bool, to out: inout [UInt8]
    ) {
        // Without a one-byte delimiter, the quote stands in: it forces quotes anyway.
        let delimiter = delimiter ?? 0x22
        var needsQuotes = forceQuotes || isBlank(bytes.first)
        if !needsQuotes {
            var last: UInt8?
            for byte in bytes {
                if byte == delimiter || byte == 0x22 || byte == 0x0A || byte == 0x0D {
                    needsQuotes = true
                    break
                }
                last = byte
            }
            if isBlank(last) { needsQuotes = true }
        }
        guard needsQuotes else {
            out.append(contentsOf: bytes)
            return
        }
        out.append(0x22)
        for byte in bytes {
            if byte == 0x22 { out.append(0x22) }
            out.append(byte)
        }
        out.append(0x22)
    }

    /// A space or a tab, which readers trim from an unquoted cell.
    private static func isBlank(_ byte: UInt8?) -> Bool { byte == 0x20 || byte == 0x09 }
}
