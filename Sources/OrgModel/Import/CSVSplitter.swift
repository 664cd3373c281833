/// Finds where records start near evenly spaced points of a CSV file, so that parts of
/// a large extract can be read on separate cores.
///
/// It follows the reader's own rules (a field is quoted only when it starts with a quote;
/// `""` inside quotes is a quote; LF, CR or CRLF ends a record, and a line break inside
/// quotes does not) and counts lines as the reader does, so each part starts on a record
/// and reports true line numbers.
enum CSVSplitter {
    /// Record starts dividing `bytes[start...]` into `parts` pieces of about equal size,
    /// the first being `start` itself; fewer when the file is too short.
    static func boundaries(_ bytes: [UInt8], start: Int, line: Int, delimiter: UInt8, parts: Int) -> [(offset: Int, line: Int)] {
        var result = [(offset: start, line: line)]
        guard parts > 1, bytes.count > start else { return result }
        let step = (bytes.count - start) / parts
        var target = start + step
        bytes.withUnsafeBufferPointer { buffer in
            let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
            var position = start
            var currentLine = line
            var inQuotes = false
            var atFieldStart = true
            let end = buffer.count
            while position < end {
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
                if byte == quote, atFieldStart {
                    inQuotes = true
                    atFieldStart = false
                    position += 1
                    continue
                }
                if byte == lf || byte == cr {
                    position += (byte == cr && position + 1 < end && buffer[position + 1] == lf) ? 2 : 1
                    currentLine += 1
                    atFieldStart = true
                    if position >= target, position < end {
                        result.append((position, currentLine))
                        guard result.count < parts else { return }
                        target = position + step
                    }
                    continue
                }
                atFieldStart = byte == delimiter
                position += 1
            }
        }
        return result
    }
}
