/// A log: one entry a line, to read down or grep. The leading cells of an entry are
/// padded to the log's column widths (a cell as wide or wider is followed by one space),
/// the last is written as it is; an entry of one cell is a line as it is. A line break
/// within an entry reads as " / ": an entry is always one line.
public struct ReportLog: Sendable, Hashable {
    public var widths: [Int]
    public var entries: [[String]]

    public init(widths: [Int], entries: [[String]] = []) {
        self.widths = widths
        self.entries = entries
    }

    public mutating func append(_ cells: [String]) { entries.append(cells) }

    /// The entry as its line, without the line break.
    public func line(_ cells: [String]) -> String {
        var text = ""
        for (column, cell) in cells.enumerated() {
            guard column < cells.count - 1, column < widths.count else {
                text += cell
                continue
            }
            text += cell
            text += cell.count >= widths[column] ? " " : String(repeating: " ", count: widths[column] - cell.count)
        }
        guard Self.mayHoldLineBreak(text), text.contains(where: \.isNewline) else { return text }
        return text.split(whereSeparator: \.isNewline).joined(separator: " / ")
    }

    /// Every line, each ended by a line break.
    public func text() -> String {
        var out = ""
        append(to: &out)
        return out
    }

    /// Appends the lines to `out`: one string grown in place, so a log of a million
    /// findings is not held twice more.
    func append(to out: inout String) {
        for entry in entries {
            out += line(entry)
            out += "\n"
        }
    }

    /// False when no byte of `text` can start a line break (LF, VT, FF, CR, NEL, U+2028,
    /// U+2029): a byte scan, where looking at each character is ten times the cost.
    static func mayHoldLineBreak(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.contains { ($0 >= 0x0A && $0 <= 0x0D) || $0 == 0xC2 || $0 == 0xE2 } }
    }
}
