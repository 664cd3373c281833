import Testing

@testable import OrgModel
@testable import OrgSupport

/// The one CSV cell writer: whatever it writes reads back, through orgmodel's own CSV
/// reader and formula-guard undoing, as the text it was given.
@Suite("CSV cell writer")
struct CSVTextTests {
    static let awkward = [
        "", "plain", "a,b", "say \"hi\"", "\"", "\"\"", "cr\rhere", "lf\nhere", "crlf\r\nhere", "tab\there", "a;b",
        "=SUM(A1)", "+44", "-3", "@cmd", "\tlead tab", "trail tab\t", " lead space", "trail space ", " ", "\t",
        "'=already", ",\u{301}combining", "é,ü", "\r\n",
    ]

    func readBack(_ bytes: [UInt8], delimiter: UInt8) throws -> [[String]] {
        var rows: [[String]] = []
        try CSVReader(bytes: bytes, delimiter: delimiter).forEachRecord { record in
            rows.append((0..<record.count).map { FormulaGuard.unguarded(record.string($0)) })
            return true
        }
        return rows
    }

    @Test("Awkward cells read back unchanged through CSVReader", arguments: [",", "\t", ";"] as [Character])
    func readsBack(delimiter: Character) throws {
        let byte = try #require(delimiter.asciiValue)
        for text in Self.awkward {
            // Each cell between two plain ones, so a lost quote or a stray delimiter shows.
            let row = CSVText.row(["x", text, "y"], delimiter: delimiter)
            let rows = try readBack(Array(row.utf8), delimiter: byte)
            #expect(rows == [["x", text, "y"]], "\(String(reflecting: text)) written as \(String(reflecting: row))")
        }
    }

    @Test("The byte writer writes exactly what the string writer writes")
    func bytesMatchStrings() {
        for text in Self.awkward {
            var out: [UInt8] = []
            CSVText.append(text, to: &out)
            #expect(out == Array(CSVText.cell(text).utf8), "\(String(reflecting: text))")
        }
    }

    @Test(
        "Edge blanks, which readers trim from a bare cell, are kept in quotes; plain cells are bare",
        arguments: [
            (" x", "\" x\""), ("x ", "\"x \""), ("x\t", "\"x\t\""), ("\tx", "'\tx"), ("a b", "a b"), ("", ""),
            ("-1", "'-1"), ("=a,b", "\"'=a,b\""), ("a\"b", "\"a\"\"b\""), ("a\r\nb", "\"a\r\nb\""),
        ])
    func quoting(text: String, written: String) {
        #expect(CSVText.cell(text) == written)
    }

    @Test("A delimiter of more than one byte still quotes the cells that hold it")
    func wideDelimiter() {
        #expect(CSVText.cell("a→b", delimiter: "→") == "\"a→b\"")
        #expect(CSVText.cell("a,b", delimiter: "→") == "a,b")
        #expect(CSVText.cell("a\"b", delimiter: "→") == "\"a\"\"b\"")
    }
}
