import Foundation

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

    /// The parts of a plain file, found on every core: when no byte from `start` on is a
    /// quote or a carriage return, every record is one line ended by a line feed, and each
    /// part after the first starts just after the first line feed at or past its evenly
    /// spaced point. Each part comes with its line and how many line feeds it holds. Nil
    /// when a quote or a carriage return is there, or for one part: `boundaries` reads those.
    ///
    /// The full scan must follow quotes from the start to each point, on one core; a
    /// million-row file is looked through for quotes and carriage returns a part a core.
    package static func plainParts(_ bytes: [UInt8], start: Int, line: Int, parts: Int) -> [(offset: Int, line: Int, lineFeeds: Int)]? {
        guard parts > 1, bytes.count > start else { return nil }
        let step = (bytes.count - start) / parts
        return bytes.withUnsafeBufferPointer { buffer -> [(offset: Int, line: Int, lineFeeds: Int)]? in
            guard let base = buffer.baseAddress else { return nil }
            let end = buffer.count
            var offsets = [start]
            for part in 1..<parts {
                let from = max(start + part * step, offsets[offsets.count - 1])
                guard from < end, let found = memchr(base + from, 0x0A, end - from) else { break }
                let next = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
                guard next < end else { break }
                offsets.append(next)
            }
            guard offsets.count > 1 else { return nil }
            let ends = Array(offsets.dropFirst()) + [end]
            let lineFeeds = ParallelWork.map(offsets.count) { part -> Int? in
                let piece = UnsafeBufferPointer(rebasing: buffer[offsets[part]..<ends[part]])
                guard !ByteCount.contains(UInt8(ascii: "\""), in: piece), !ByteCount.contains(0x0D, in: piece) else { return nil }
                return ByteCount.count(of: 0x0A, in: piece)
            }
            var result: [(offset: Int, line: Int, lineFeeds: Int)] = []
            var nextLine = line
            for (offset, feeds) in zip(offsets, lineFeeds) {
                guard let feeds else { return nil }
                result.append((offset, nextLine, feeds))
                nextLine += feeds
            }
            return result
        }
    }

    /// Whether any byte of `word` equals `byte` (the classic zero-byte test on word ^ byte).
    @inline(__always)
    private static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }
}
