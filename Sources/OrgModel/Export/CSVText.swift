/// Writing CSV cells: quoted only when they must be (RFC 4180), so files stay readable
/// in a text editor and identical inputs give identical bytes; a cell a spreadsheet would
/// run as a formula is guarded (`FormulaGuard`).
enum CSVText {
    /// The cell as written: guarded against formulas, then in quotes, with quotes doubled,
    /// when it holds the delimiter, a quote or a line break, or starts or ends with a blank
    /// that a reader would trim.
    static func cell(_ value: String, delimiter: Character = ",") -> String {
        let text = FormulaGuard.guarded(value)
        let needsQuotes = text.contains(delimiter) || text.contains("\"") || text.contains("\n") || text.contains("\r")
            || text.hasPrefix(" ") || text.hasSuffix(" ") || text.hasPrefix("\t") || text.hasSuffix("\t")
        guard needsQuotes else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }

    static func row(_ cells: [String], delimiter: Character = ",", lineEnd: String = "\n") -> String {
        cells.map { cell($0, delimiter: delimiter) }.joined(separator: String(delimiter)) + lineEnd
    }
}
