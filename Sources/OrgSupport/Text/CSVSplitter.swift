/// Finds where records start near evenly spaced points of a CSV file, so that parts of
/// a large extract can be read on separate cores.
///
/// It follows the reader's own rules (a field is quoted only when it starts with a quote;
/// `""` inside quotes is a quote; LF, CR or CRLF ends a record, and a line break inside
/// quotes does not) and counts lines as the reader does, so each part starts on a record
/// and reports true line numbers.
package enum CSVSplitter {
    /// Record starts dividing `bytes[start...]` into `parts` pieces of about equal size,
    /// the first being `start` itself; fewer when the file is too short.
    package static func boundaries(_ bytes: [UInt8], start: Int, line: Int, delimiter: UInt8, parts: Int) -> [(offset: Int, line: Int)] {
        var result = [(offset: start, line: line)]
        guard parts > 1, bytes.count > start else { return result }
        let step = (bytes.count - start) / parts
        var target = start + step
        bytes.withUnsafeBufferPointer { buffer in
            let quote = UInt8(ascii: "\"")
            let cr = UInt8(ascii: "\r")
            let lf = UInt8(ascii: "\n")
            var position = start
            var currentLine = line
            var inQuotes = false
            let end = buffer.count
            guard let base = buffer.baseAddress else { return }
            while position < end {
                // Eight bytes at a time while none of them is a quote or a line break: the
                // common case, since only those change the state (a quote opens a field
                // only right after a delimiter or a line break, which the byte before shows).
                while position + 8 <= end {
                    let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
                    if hasByte(word, quote) || hasByte(word, lf) || hasByte(word, cr) { break }
                    position += 8
                }
                guard position < end else { break }
                let byte = buffer[position]
                if inQuotes {
                    if byte == quote {
                        if position + 1 < end, buffer[position + 1] == quote {
                            position += 2
                            continue
                        }
                        inQuotes = false
                    } else if byte == lf {
                        currentLine += 1
                    }
                    position += 1
                    continue
                }
                let atFieldStart =
                    position == start || buffer[position - 1] == delimiter || buffer[position - 1] == lf
                    || buffer[position - 1] == cr
                if byte == quote, atFieldStart {
                    inQuotes = true
                    position += 1
                    continue
                }
                if byte == lf || byte == cr {
                    position += (byte == cr && position + 1 < end && buffer[position + 1] == lf) ? 2 : 1
                    currentLine += 1
                    if position >= target, position < end {
                        result.append((position, currentLine))
                        guard result.count < parts else { return }
                        target = position + step
                    }
                    continue
                }
                position += 1
            }
        }
        return result
    }

    /// Whether any byte of `word` equals `byte` (the classic zero-byte test on word ^ byte).
    @inline(__always)
    private static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }
}
