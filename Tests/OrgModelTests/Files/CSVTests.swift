import Testing

@testable import OrgModel

@Suite struct CSVTests {
    func records(_ text: String, delimiter: Character = ",") throws -> [[String]] {
        var rows: [[String]] = []
        try CSVReader(bytes: Array(text.utf8), delimiter: delimiter.asciiValue ?? 44).forEachRecord { record in
            rows.append((0..<record.count).map { record.string($0) })
            return true
        }
        return rows
    }

    @Test func quotedFieldsHoldDelimitersQuotesAndLineBreaks() throws {
        let rows = try records("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x,\r\n")
        #expect(rows == [["a", "b, c", "say \"hi\""], ["two\nlines", "x", ""]])
    }

    @Test func byteOrderMarkAndSemicolons() throws {
        let rows = try records("\u{FEFF}id;name\n1;Ann\n", delimiter: ";")
        #expect(rows == [["id", "name"], ["1", "Ann"]])
    }

    @Test func recordLinesCountQuotedLineBreaks() throws {
        var lines: [Int] = []
        try CSVReader(bytes: Array("a\n\"b\nc\"\nd\n".utf8)).forEachRecord { record in
            lines.append(record.line)
            return true
        }
        #expect(lines == [1, 2, 4])
    }

    @Test func structureFromCSVWithMetadataAndAttributes() throws {
        let structure = try Fixtures.csv(
            """
            # name: Example
            # state: proposed
            # effective: 2020-10-01
            id,title,tier,reports_to,fte,cost,count,vacant,dotted_to,attributes.Cost Centre
            ED,Executive Director,2,,1,160000,,,,CC1
            SW,"Social Worker, Assessment",,ED,5.5,252000,6,1,ED;AD,CC2

            """)
        #expect(structure.name == "Example")
        #expect(structure.state == .proposed)
        #expect(structure.effective?.description == "2020-10-01")
        let worker = structure.posts[1]
        #expect(worker.title == "Social Worker, Assessment")
        #expect(worker.tier == nil)
        #expect(worker.count == 6)
        #expect(worker.vacant == 1)
        #expect(worker.fte == 5.5)
        #expect(worker.cost == 252000)
        #expect(worker.dottedTo == ["ED", "AD"])
        #expect(worker.attributes == [Attribute(name: "Cost Centre", value: "CC2")])
        #expect(worker.line == 6)
    }

    @Test func numbersParseExactly() {
        for text in ["0", "42000", "5.5", "0.1", "1234567.89", "123456789012345", "1e3", "2.5E-1", "+7"] {
            #expect(ValueParsing.plainDecimal(text) == Double(text), "\(text)")
        }
        for text in ["", ".", "-", "1,000", "£5", "0x10", "nan", "inf", "1.2.3", "12a"] {
            #expect(ValueParsing.plainDecimal(text) == nil, "\(text)")
        }
        // The shared byte reader gives an exact value only where the standard parser agrees.
        for text in ["-3", "+0.5", "12.", ".5", "-.25", "000123.4500", "999999999999999", "-0"] {
            let reading = Array(text.utf8).withUnsafeBufferPointer { ValueParsing.readDecimal($0) }
            #expect(reading == .exact(Double(text)!), "\(text)")
        }
        for text in ["1e3", "1234567890123456", "1.2.3"] {
            let reading = Array(text.utf8).withUnsafeBufferPointer { ValueParsing.readDecimal($0) }
            #expect(reading == .needsFullParser, "\(text)")
        }
    }
}

/// A large file is read in parts, one per core: the parts must give exactly the posts,
/// lines and errors of a read in one piece.
@Suite struct CSVPartsTests {
    @Test(arguments: [2, 3, 7]) func partsGiveTheSamePosts(parts: Int) throws {
        var structure = StructureGenerator(posts: 3_000, seed: UInt64(parts)).generate()
        structure.posts[10].title = "Quoted, with a \"quote\" and a\nline break"
        let bytes = Array(try StructureCSVWriter().write(structure).utf8)
        let whole = try CSVStructureReader(file: "g.csv", parts: 1).read(bytes)
        let split = try CSVStructureReader(file: "g.csv", parts: parts).read(bytes)
        #expect(split.posts == whole.posts)
        #expect(whole.posts.count == structure.posts.count)
        #expect(split.posts.last?.line == whole.posts.last?.line)
    }

    @Test(
        "Rows ended by CR alone or CR LF, with blank lines between, read in parts as in one piece",
        arguments: ["\r", "\r\n", "\n\n", "\r\r"])
    func lineEndingsAndBlankLinesInParts(ending: String) throws {
        var structure = StructureGenerator(posts: 2_000, seed: 4).generate()
        structure.name = "Line endings"
        let lines = try StructureCSVWriter().write(structure).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        // The `# key: value` lines end the same way, blank lines between them too.
        #expect(lines.first?.hasPrefix("#") == true)
        let text = lines.joined(separator: ending) + ending
        let bytes = Array(text.utf8)
        let whole = try CSVStructureReader(file: "g.csv", parts: 1).read(bytes)
        for parts in [2, 5] {
            let split = try CSVStructureReader(file: "g.csv", parts: parts).read(bytes)
            #expect(split.posts == whole.posts, "\(parts) parts")
        }
        #expect(whole.posts.map(\.id) == structure.posts.map(\.id))
        #expect(whole.name == "Line endings")
        #expect(whole.organisation == structure.organisation)
        // Lines are counted as a text editor counts them: a blank line is a line.
        let linesPerRow = ending.count == 2 && ending != "\r\n" ? 2 : 1
        let header = lines.firstIndex { !$0.hasPrefix("#") } ?? 0
        #expect(whole.posts.first?.line == (header + 1) * linesPerRow + 1)
    }

    @Test("Blank lines between the `#` lines and before the header are passed over, the lines counted")
    func blankLinesAmongTheKeys() throws {
        let text = "# name: Blank lines\n\n  \n# state: proposed\n\nid,title,reports_to\n\nA,Director,\nB,Head,A\n"
        let structure = try CSVStructureReader(file: "g.csv").read(Array(text.utf8))
        #expect(structure.name == "Blank lines")
        #expect(structure.state == .proposed)
        #expect(structure.posts.map(\.line) == [8, 9])
    }

    @Test("Errors in several parts: the first in the file is reported, whichever part finds it first")
    func errorsInSeveralParts() throws {
        var structure = StructureGenerator(posts: 3_000, seed: 12).generate()
        structure.posts[700].tier = 0
        structure.posts[2_700].tier = 0
        let errors = Self.errors(reading: Array(try StructureCSVWriter().write(structure).utf8), in: [1, 2, 3, 6])
        #expect(errors.count == 4)
        #expect(Set(errors).count == 1)
        // The later error alone is reported further down the file.
        structure.posts[700].tier = 3
        let later = Self.errors(reading: Array(try StructureCSVWriter().write(structure).utf8), in: [3])
        #expect(later.count == 1)
        #expect((errors.first?.line ?? .max) < (later.first?.line ?? 0))
    }

    /// The error each read of `bytes` in so many parts gives (none for a read that succeeds).
    static func errors(reading bytes: [UInt8], in partCounts: [Int]) -> [LoadError] {
        partCounts.compactMap { parts -> LoadError? in
            do throws(LoadError) {
                _ = try CSVStructureReader(file: "g.csv", parts: parts).read(bytes)
                return nil
            } catch {
                return error
            }
        }
    }

    @Test func theFirstErrorInTheFileIsReported() throws {
        var structure = StructureGenerator(posts: 3_000, seed: 9).generate()
        structure.posts[2_500].title = "x"
        var text = try StructureCSVWriter().write(structure)
        text = text.replacingOccurrences(of: ",x,", with: ",x,\"unclosed")
        let errors = Self.errors(reading: Array(text.utf8), in: [1, 2, 4])
        #expect(errors.count == 3)
        #expect(Set(errors).count == 1)
    }
}
