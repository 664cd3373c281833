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
        var widths = headers.map(\.count)
        for row in rows {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for column in widths.indices {
                let cell = column < cells.count ? cells[column] : ""
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                parts.append(alignments[column] == .right ? padding + cell : cell + padding)
            }
            var text = indent + parts.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        var lines = [line(headers)]
        lines.append(indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        lines.append(contentsOf: rows.map(line))
        return lines.joined(separator: "\n") + "\n"
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
        guard text.contains("|") || text.contains("\n") || text.contains("\r\n") else { return text }
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

    /// Text from a file, made to read as itself in Markdown: `*`, `_`, backticks, `<`,
    /// `>`, brackets and backslashes escaped, so a title never turns into emphasis, code,
    /// a link or HTML.
    func escapingMarkdown() -> String {
        let special: Set<Character> = ["\\", "*", "_", "`", "<", ">", "[", "]"]
        guard contains(where: special.contains) else { return self }
        var out = ""
        for character in self {
            if special.contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
