import Foundation
import OrgSupport

/// Checks that an input to `orgmodel import` is delimited text before the CSV reader sees
/// it, so a workbook, a PDF or a UTF-16 export gets a sentence saying what it is and what
/// to do, not a parse error on line 1.
enum ExtractInput {
    static func check(_ bytes: [UInt8], file: String) throws(LoadError) {
        func refuse(_ problem: LoadProblem) -> LoadError { LoadError(file: file, problem) }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw refuse(.xlsxWorkbook)
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw refuse(.xlsWorkbook)
        }
        if bytes.starts(with: Array("%PDF".utf8)) { throw refuse(.pdfDocument) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw refuse(.utf16Text)
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw LoadError(file: file, .fileEmpty(kind: "extract"))
        }
        let nulOffset: Int? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let found = memchr(base, 0, buffer.count) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        if let nul = nulOffset {
            throw LoadError(file: file, line: StructureFile.lineNumber(of: nul, in: bytes), .binaryExtract)
        }
        // Text has few control characters besides tab and line breaks; binary data has many.
        let sample = body.prefix(65_536)
        let controls = sample.reduce(0) { $0 + ($1 < 0x20 && $1 != 0x09 && $1 != 0x0A && $1 != 0x0D && $1 != 0x0C ? 1 : 0) }
        if controls * 100 > sample.count {
            throw refuse(.binaryLooking(controlBytes: controls, sampleBytes: sample.count))
        }
    }

    /// Refuses an extract holding a character no structure file may hold (see
    /// `RefusedCharacters`), with its line: the import would write what no reader takes.
    /// In Windows-1252 the five bytes the code page leaves undefined read as C1 controls.
    static func checkCharacters(_ bytes: [UInt8], encoding: TextEncoding, file: String) throws(LoadError) {
        switch encoding {
        case .utf8:
            try RefusedCharacters.check(bytes, file: file, what: "the extract")
        case .windows1252:
            guard let offset = bytes.firstIndex(where: { RefusedCharacters.isRefused(TextEncoding.windows1252Scalar($0)) }) else { return }
            let line = StructureFile.lineNumber(of: offset, in: bytes)
            let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            throw LoadError(
                file: file, line: line, column: offset - lineStart + 1,
                .refusedCharacter(what: "the extract", character: RefusedCharacters.describe(TextEncoding.windows1252Scalar(bytes[offset])))
            )
        }
    }

    /// The bytes of the extract at `path`, or the reason it cannot be read.
    static func read(_ path: String) throws(LoadError) -> [UInt8] {
        try StructureFile.readBytes(path, kind: "file", advice: false)
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
