import OrgSupport

/// A small CSV file read whole into strings: a header and rows, each row with its line
/// and its bytes in the file (for a reject file). For the organogram's files, which run
/// to thousands of rows, not millions; the HR extract importer streams instead.
struct DelimitedTable {
    struct Row {
        var line: Int
        var bytes: Range<Int>
        var fields: [String]
    }

    var file: String
    var encoding: TextEncoding
    var header: [String]
    var headerLine: Int
    var headerBytes: Range<Int>
    var rows: [Row]

    static func read(_ bytes: [UInt8], file: String, delimiter: UInt8 = UInt8(ascii: ","), encoding: TextEncoding?) throws(LoadError)
        -> DelimitedTable
    {
        try ExtractInput.check(bytes, file: file)
        let textEncoding = encoding ?? TextEncoding.detect(bytes)
        if textEncoding == .utf8, !TextEncoding.isValidUTF8(bytes) {
            throw LoadError(file: file, line: ExtractInput.firstInvalidUTF8Line(bytes), .invalidUTF8(advice: .leaveOutEncoding))
        }
        try ExtractInput.checkCharacters(bytes, encoding: textEncoding, file: file)
        var header: [String]?
        var headerLine = 0
        var headerBytes = 0..<0
        var rows: [Row] = []
        do {
            try CSVReader(bytes: bytes, delimiter: delimiter).forEachRecord { record in
                if record.isBlank { return true }
                var fields: [String] = []
                fields.reserveCapacity(record.count)
                for index in 0..<record.count { fields.append(textEncoding.decode(record.bytes(index)).trimmingBlanks()) }
                if header != nil {
                    // orgmodel's own organogram export guards cells a spreadsheet would
                    // run as formulas (`'=…`); a published file read back means the same.
                    for index in fields.indices { fields[index] = FormulaGuard.unguarded(fields[index]) }
                }
                if header == nil {
                    header = fields
                    headerLine = record.line
                    headerBytes = record.byteRange
                } else {
                    rows.append(Row(line: record.line, bytes: record.byteRange, fields: fields))
                }
                return true
            }
        } catch let error as CSVReader.Failure {
            throw LoadError(file: file, line: error.line, .csvRow(reason: error.message, input: .table))
        } catch {
            throw LoadError(file: file, .notCSV(reason: "\(error)"))
        }
        guard let header else { throw LoadError(file: file, .noHeaderRow(input: .table)) }
        return DelimitedTable(
            file: file, encoding: textEncoding, header: header, headerLine: headerLine, headerBytes: headerBytes, rows: rows)
    }
}
