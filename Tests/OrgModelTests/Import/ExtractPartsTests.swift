import Testing

@testable import OrgModel
@testable import OrgSupport

/// A large extract is read in parts on several cores; the result must be exactly what
/// one pass gives, whatever falls at the split: quoted line breaks, bad rows, rows under
/// a bad row in another part, and ids repeated across parts.
@Suite("HR extract import in parts")
struct ExtractPartsTests {
    /// An extract of `count` rows in a tree, with quoted fields holding line breaks,
    /// commas and quotes, and CRLF line ends.
    static func extract(count: Int, extra: [Int: String] = [:]) -> [UInt8] {
        var lines = [ExtractFixtures.header]
        for index in 0..<count {
            if let row = extra[index] {
                lines.append(row)
                continue
            }
            let boss = index == 0 ? "" : "P\(index / 3)"
            let title = index % 5 == 0 ? "\"Title \(index),\nsecond line with \"\"quotes\"\"\"" : "Title \(index)"
            lines.append(
                "P\(index),\(boss),\(title),Person \(index),\(["Director", "AD", "HoS", "PO5"][index % 4]),1,\(1000 + index),Permanent,0\(index % 9 + 1)/01/2020,,CC\(index % 7)"
            )
        }
        return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    static func read(_ bytes: [UInt8], parts: Int, jobShares: Bool = false) throws -> ImportResult {
        var mapping = try ExtractFixtures.mapping()
        mapping.jobShares = jobShares
        var importer = ExtractImporter(mapping: mapping)
        importer.partCount = parts
        importer.minimumPartBytes = 100
        // Checks on several cores too, however small the file.
        if parts > 1 { importer.minimumConcurrentPosts = 10 }
        return try importer.importExtract(bytes, file: "extract.csv")
    }

    static func same(_ a: ImportResult, _ b: ImportResult) {
        #expect(a.structure == b.structure)
        #expect(a.rejected == b.rejected)
        #expect(a.rejectFiles == b.rejectFiles)
        #expect(a.notes == b.notes)
    }

    @Test("Parts give what one pass gives", arguments: [2, 3, 4, 7])
    func parts(count: Int) throws {
        let bytes = Self.extract(count: 3_000)
        let whole = try Self.read(bytes, parts: 1)
        #expect(whole.structure.posts.count == 3_000)
        #expect(whole.rejected.isEmpty)
        Self.same(whole, try Self.read(bytes, parts: count))
    }

    @Test("Bad rows in every part, and rows under them in later parts, are found as in one pass")
    func badRows() throws {
        let bytes = Self.extract(
            count: 3_000,
            extra: [
                10: "P10,P3,Bad FTE,,AD,lots,1,Permanent,,,",
                1_500: "P1500,P499,Bad cost,,AD,1,£x,Permanent,,,",
                2_999: "P2999,P9999,Unknown manager,,AD,1,1,Permanent,,,",
            ])
        let whole = try Self.read(bytes, parts: 1)
        #expect(whole.faultyRows.count == 3)
        #expect(whole.rejected.count > 3)  // P10's reports, in other parts, follow it
        for count in [2, 3, 4] { Self.same(whole, try Self.read(bytes, parts: count)) }
    }

    @Test("An id repeated across parts is handled as in one pass (job share or bad row)", arguments: [false, true])
    func repeatedAcrossParts(jobShares: Bool) throws {
        // No FTE on the second row: the shares of one post add up to at most one post (P7 is 1 FTE).
        let bytes = Self.extract(count: 3_000, extra: [2_900: "P7,P2,Title 7,Second Holder,PO5,,500,Permanent,,,CC9"])
        let whole = try Self.read(bytes, parts: 1, jobShares: jobShares)
        #expect(whole.rejected.count == (jobShares ? 0 : 1))
        if jobShares { #expect(whole.structure.posts.first { $0.id == "P7" }?.holder == "Person 7; Second Holder") }
        Self.same(whole, try Self.read(bytes, parts: 3, jobShares: jobShares))
    }

    @Test("The splitter starts each part on a record, with the reader's line numbers")
    func splitter() throws {
        let bytes = Self.extract(count: 500)
        let header = ExtractFixtures.header.utf8.count + 2
        let parts = CSVSplitter.boundaries(bytes, start: header, line: 2, delimiter: UInt8(ascii: ","), parts: 4)
        #expect(parts.count == 4)
        var starts: [Int: Int] = [:]
        var reader = CSVReader(bytes: bytes)
        (reader.startOffset, reader.startLine) = (header, 2)
        try reader.forEachRecord { record in
            starts[record.startOffset] = record.line
            return true
        }
        for part in parts { #expect(starts[part.offset] == part.line, "part at \(part.offset)") }
    }
}
