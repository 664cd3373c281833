/// A log: one entry a line, to read down or grep. The leading cells of an entry are
/// padded to the log's column widths (a cell as wide or wider is followed by one space),
/// the last is written as it is; an entry of one cell is a line as it is. A line break
/// within an entry reads as " / ": an entry is always one line.
///
/// The lines are laid out as they are appended and held as UTF-8 bytes, in a few large
/// chunks: a log of two million findings is a handful of allocations, not six million
/// strings, and logs built side by side are joined without copying.
public struct ReportLog: Sendable, Hashable {
    public let widths: [Int]
    /// The lines, each ended by a line feed, in chunks of whole lines.
    public private(set) var chunks: [[UInt8]] = [[]]
    /// Every line, each ended by a line feed, in one buffer.
    public var bytes: [UInt8] { chunks.count == 1 ? chunks[0] : Array(chunks.joined()) }
    /// How many lines the log holds.
    public private(set) var count = 0

    public init(widths: [Int]) {
        self.widths = widths
    }

    public var isEmpty: Bool { count == 0 }

    public mutating func append(_ cells: [String]) {
        let widths = widths
        Self.append(cells, widths: widths, to: &chunks[chunks.count - 1])
        count += 1
    }

    private static func append(_ cells: [String], widths: [Int], to bytes: inout [UInt8]) {
        let start = bytes.count
        var mayBreak = false
        for (column, cell) in cells.enumerated() {
            var cell = cell
            let ascii = cell.withUTF8 { utf8 in
                mayBreak = mayBreak || Self.mayHoldLineBreak(utf8)
                bytes.append(contentsOf: utf8)
                // CR LF is one character of two ASCII bytes: count those by character.
                return utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } ? utf8.count : nil
            }
            guard column < cells.count - 1, column < widths.count else { continue }
            let width = ascii ?? cell.count
            let padding = width >= widths[column] ? 1 : widths[column] - width
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: padding))
        }
        if mayBreak { joinLineBreaks(in: &bytes, from: start) }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Appends `count` lines laid out elsewhere (each ended by a line feed, padded to this
    /// log's widths), taken as they are.
    public mutating func append(lines: [UInt8], count: Int) {
        if chunks.last?.isEmpty == true { chunks.removeLast() }
        if !lines.isEmpty { chunks.append(lines) }
        chunks.append([])  // where the next appended line goes
        self.count += count
    }

    /// Appends another log's lines, as they are (its widths were its own): its chunks are
    /// shared, not copied.
    public mutating func append(contentsOf other: ReportLog) {
        if chunks.last?.isEmpty == true { chunks.removeLast() }
        chunks.append(contentsOf: other.chunks.filter { !$0.isEmpty })
        chunks.append([])  // where the next appended line goes
        count += other.count
    }

    /// The entry as its line, without the line break.
    public func line(_ cells: [String]) -> String {
        var log = ReportLog(widths: widths)
        log.append(cells)
        return String(decoding: log.bytes.dropLast(), as: UTF8.self)
    }

    /// Every line as a string of its own, in order.
    public var lines: [String] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast().map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    /// Every line, each ended by a line break.
    public func text() -> String { String(decoding: bytes, as: UTF8.self) }

    public static func == (lhs: ReportLog, rhs: ReportLog) -> Bool {
        lhs.widths == rhs.widths && lhs.count == rhs.count && lhs.bytes == rhs.bytes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(widths)
        hasher.combine(bytes)
    }

    /// Rewrites the line that starts at `start` so that each run of line breaks in it
    /// reads as " / " (and none is left at either end).
    package static func joinLineBreaks(in bytes: inout [UInt8], from start: Int) {
        let line = String(decoding: bytes[start...], as: UTF8.self)
        let joined = line.replacingLineBreaks(with: " / ", collapsing: true)
        bytes.removeSubrange(start...)
        bytes.append(contentsOf: joined.utf8)
    }

    /// False when the bytes hold no line break (LF, VT, FF, CR, NEL, U+2028, U+2029): a
    /// byte scan, where looking at each character is ten times the cost. The two- and
    /// three-byte breaks are told by their bytes, not their first byte alone, which `£`,
    /// `—` and `→` share with them.
    package static func mayHoldLineBreak(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x0A && byte <= 0x0D { return true }
            if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 { return true }
            if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                return true
            }
            index += 1
        }
        return false
    }
}

extension [UInt8] {
    /// Appends the text's UTF-8 bytes in one copy, read where they lie (a native string's
    /// bytes are contiguous; a short one's are spilled to the stack): the string is not
    /// copied, so not retained.
    @inlinable @inline(__always)
    package mutating func appendUTF8(_ text: borrowing String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { append(contentsOf: $0) }
        if done == nil { append(contentsOf: text.utf8) }
    }
}
