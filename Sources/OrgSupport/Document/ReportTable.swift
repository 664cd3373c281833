/// A table of already-formatted cells, printed as aligned plain text for a terminal or
/// as a Markdown table for a committee appendix. Shared by the analysis, comparison and
/// de-layering reports so that they all look alike.
public struct ReportTable: Sendable, Hashable {
    public enum Alignment: Sendable, Hashable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]]

    /// A table whose columns are left-aligned unless `alignments` says otherwise.
    public init(headers: [String], alignments: [Alignment]? = nil, rows: [[String]] = []) {
        self.headers = headers
        self.alignments = alignments ?? Array(repeating: .left, count: headers.count)
        self.rows = rows
    }

    public mutating func append(_ row: [String]) { rows.append(row) }

    /// Columns padded to line up, two spaces apart, under a rule of `─`; each line
    /// starts with `indent`. Trailing blanks are trimmed.
    public func text(indent: String = "") -> String {
        var out: [UInt8] = []
        writeText(into: &out, indent: indent)
        return String(decoding: out, as: UTF8.self)
    }

    /// The plain-text table appended to `out` as UTF-8: `text(indent:)`, written as bytes,
    /// each cell's width counted once (a table may have a million rows).
    public func writeText(into out: inout [UInt8], indent: String = "") {
        // A long table (a million posts' changes) is measured and written in two halves
        // side by side, then joined in order.
        let parts = rows.count >= Self.minimumConcurrentRows ? 2 : 1
        let headerWidths = headers.map(Self.width)
        let rowWidths = ParallelWork.array(count: rows.count, parts: parts) { rows[$0].map(Self.width) }
        var measured = headerWidths
        for row in rowWidths {
            for (column, width) in row.enumerated() where column < measured.count {
                measured[column] = max(measured[column], width)
            }
        }
        let widths = measured
        let indent = Array(indent.utf8)
        let alignments = self.alignments
        func line(_ cells: [String], _ cellWidths: [Int], into out: inout [UInt8]) {
            let start = out.count
            out.append(contentsOf: indent)
            for column in widths.indices {
                if column > 0 { out.append(contentsOf: [0x20, 0x20]) }
                let cell = column < cells.count ? cells[column] : ""
                let padding = widths[column] - (column < cellWidths.count ? cellWidths[column] : 0)
                if alignments[column] == .right { out.append(contentsOf: repeatElement(0x20, count: padding)) }
                out.append(contentsOf: cell.utf8)
                if alignments[column] != .right { out.append(contentsOf: repeatElement(0x20, count: padding)) }
            }
            while out.count > start, out.last == 0x20 { out.removeLast() }
            out.append(0x0A)
        }
        line(headers, headerWidths, into: &out)
        out.append(contentsOf: indent)
        out.append(contentsOf: widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ").utf8)
        out.append(0x0A)
        guard parts > 1 else {
            for (row, cellWidths) in zip(rows, rowWidths) { line(row, cellWidths, into: &out) }
            return
        }
        let half = (rows.count + 1) / 2
        let halves = ParallelWork.map(2) { part -> [UInt8] in
            var bytes: [UInt8] = []
            for index in (part == 0 ? 0..<half : half..<rows.count) { line(rows[index], rowWidths[index], into: &bytes) }
            return bytes
        }
        for bytes in halves { out.append(contentsOf: bytes) }
    }

    /// Tables at least this long are written on every core.
    static let minimumConcurrentRows = 20_000

    /// How many characters a cell takes: its bytes where they are all printable ASCII
    /// (one character each), else its characters counted.
    static func width(_ cell: String) -> Int {
        var cell = cell
        let ascii = cell.withUTF8 { bytes in bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }
        return ascii ? cell.utf8.count : cell.count
    }

    /// A GitHub-flavoured Markdown table; `|` in cells is escaped.
    public func markdown() -> String {
        func line(_ cells: [String]) -> String {
            let padded = headers.indices.map { column in
                // Markdown drops a cell's edge blanks anyway (indents are for the text table).
                (column < cells.count ? cells[column] : "").trimmingEdgeBlanks().replacingPipes()
            }
            return "| " + padded.joined(separator: " | ") + " |"
        }
        var lines = [line(headers)]
        lines.append("|" + alignments.map { $0 == .right ? "---:|" : "---|" }.joined())
        lines.append(contentsOf: rows.map(line))
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    fileprivate func trimmingEdgeBlanks() -> String {
        guard first == " " || last == " " else { return self }
        return String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }

    fileprivate func replacingPipes() -> String {
        let text = escapingMarkdown()
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "|") || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var out = ""
        for character in text {
            switch character {
            case "|": out += "\\|"
            case "\n", "\r\n": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    /// Which bytes `escapingMarkdown` escapes, by value.
    private static let markdownSpecialText = "\\*_`<>[]"
    private static let markdownSpecial: [Bool] = (0..<256).map { byte in markdownSpecialText.utf8.contains(UInt8(byte)) }
    private static let markdownSpecialCharacters = Set(markdownSpecialText)

    /// Text from a file, made to read as itself in Markdown: `*`, `_`, backticks, `<`,
    /// `>`, brackets and backslashes escaped, so a title never turns into emphasis, code,
    /// a link or HTML.
    func escapingMarkdown() -> String {
        // Every special character is one ASCII byte: most cells have none, and say so
        // from their bytes alone.
        guard utf8.contains(where: { Self.markdownSpecial[Int($0)] }) else { return self }
        var out = ""
        for character in self {
            if Self.markdownSpecialCharacters.contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
