import Testing

@testable import OrgSupport

/// Text tables line up their columns, however long they are.
@Suite("ReportTable: aligned text, short or long")
struct ReportTableTests {
    /// Each row as the text table should write it: cells padded to the column's widest
    /// (in characters), two spaces apart, right-aligned where asked, trailing blanks cut.
    func expectedLines(_ table: ReportTable) -> [String] {
        let all = [table.headers] + table.rows
        let widths = table.headers.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return table.alignments[column] == .right ? padding + cell : cell + padding
            }
            var text = padded.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        return [line(table.headers), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
            + table.rows.map(line)
    }

    @Test("A short table and one long enough to be written in halves on two cores", arguments: [3, ReportTable.minimumConcurrentRows + 7])
    func aligned(rows: Int) {
        var table = ReportTable(headers: ["Post", "Title", "Cost"], alignments: [.left, .left, .right])
        for number in 0..<rows {
            let title = number % 7 == 0 ? "Responsable d’équipe \(number)" : "Team Manager"
            table.append(["TM-\(number)", title, "£\(number * 37)"])
        }
        let lines = table.text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.last == "")
        #expect(Array(lines.dropLast()) == expectedLines(table))
    }
}
