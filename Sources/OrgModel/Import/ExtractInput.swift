/// Checks that an input to `orgmodel import` is delimited text before the CSV reader sees
/// it, so a workbook, a PDF or a UTF-16 export gets a sentence saying what it is and what
/// to do, not a parse error on line 1.
enum ExtractInput {
    static func check(_ bytes: [UInt8], file: String) throws(LoadError) {
        func refuse(_ what: String, hint: String = "save the data as CSV (UTF-8) from the spreadsheet or HR system") -> LoadError {
            LoadError(file: file, message: what, hint: hint)
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw refuse("this is an Excel workbook (.xlsx) or another zip file, not CSV")
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw refuse("this is an Excel 97-2003 workbook (.xls), not CSV")
        }
        if bytes.starts(with: Array("%PDF".utf8)) { throw refuse("this is a PDF document, not CSV") }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw refuse(
                "this is UTF-16 text (a spreadsheet's \"Unicode Text\"), which orgmodel does not read",
                hint: "save it as \"CSV UTF-8\" instead")
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw LoadError(file: file, message: "the file is empty", hint: "an extract has a header row and a row per post")
        }
        if let nul = body.firstIndex(of: 0) {
            throw LoadError(
                file: file, line: StructureFile.lineNumber(of: nul, in: bytes),
                message: "this is a binary file, not CSV text", hint: "save the data as CSV (UTF-8)")
        }
        // Text has few control characters besides tab and line breaks; binary data has many.
        let sample = body.prefix(65_536)
        let controls = sample.reduce(0) { $0 + ($1 < 0x20 && $1 != 0x09 && $1 != 0x0A && $1 != 0x0D && $1 != 0x0C ? 1 : 0) }
        if controls * 100 > sample.count {
            throw refuse("this looks like a binary file, not CSV text (\(controls) control bytes in the first \(sample.count))")
        }
    }

    /// The line of the first byte sequence that is not UTF-8, for a file declared UTF-8.
    static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int? {
        var line = 1
        for piece in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if !TextEncoding.isValidUTF8(Array(piece)) { return line }
            line += 1
        }
        return nil
    }
}
