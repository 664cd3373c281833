import Testing

@testable import OrgModel

@Suite("HR extract import")
struct ExtractImporterTests {
    @Test("Mapped columns feed fields; the rest are kept as attributes; the grade gives the tier")
    func mapsColumns() throws {
        let result = try ExtractFixtures.run(ExtractFixtures.extract(ExtractFixtures.goodRows))
        #expect(result.rejected.isEmpty)
        let s = result.structure
        #expect(s.name == "Test import")
        #expect(s.organisation == "Example Council")
        #expect(s.effective == Day(year: 2024, month: 4, day: 1))
        #expect(s.source == "extract.csv")
        try #require(s.posts.map(\.id) == ["P1", "P2", "P3", "L1"])
        let director = s.posts[0]
        #expect(director.title == "Director of Children's Services")
        #expect(director.tier == 2)
        #expect(director.reportsTo == nil)
        #expect(director.holder == "Robin Fictional")
        #expect(director.cost == 150_000)  // "£150,000"
        #expect(director.temporary == false)
        #expect(director.line == 2)
        // Unused columns in header order; the date made ISO; the dropped column gone.
        #expect(director.attributes == [Attribute(name: "Start Date", value: "2019-09-01"), Attribute(name: "Cost Centre", value: "CC1")])
        #expect(s.posts[1].title == "Assistant Director, Social Care")
        #expect(s.posts[1].cost == 120_000.5)
        #expect(s.posts[1].tier == 3)
        let vacant = s.posts[2]
        #expect(vacant.holder == nil)
        #expect(vacant.isVacant)
        #expect(vacant.tier == 4)
        let line = s.posts[3]
        #expect(line.tier == nil)  // PO5 is not in the tiers table
        #expect(line.temporary)  // "Fixed Term" through values:
        #expect(line.fte == 0.5)
        #expect(result.notes.contains("1 post has a grade the tiers table does not list (PO5): no tier, as front-line posts"))
        #expect(result.notes.contains("dropped as the mapping says: NI Number"))
        #expect(!result.notes.contains { $0.contains("Windows-1252") })
    }

    @Test("A tier column wins over the grade table; an empty one falls back to it")
    func tierColumn() throws {
        var mapping = try ExtractFixtures.mapping()
        mapping.columns[.tier] = "Tier"
        let bytes = ExtractFixtures.extract(
            ["P1,,Director,,Director,1,1,Permanent,,,,1", "P2,P1,AD,,AD,1,1,Permanent,,,,"],
            header: ExtractFixtures.header + ",Tier")
        let posts = try ExtractFixtures.run(bytes, mapping: mapping).structure.posts
        #expect(posts.map(\.tier) == [1, 3])
    }

    @Test("Every bad row is listed with its line and every reason; rows below a bad row follow it")
    func badRows() throws {
        let rows = [
            "P1,,Director,A Person,Director,1,100000,Permanent,,,",  // line 2: fine
            ",P1,No id,,AD,abc,100000,Permanent,,,",  // line 3: id empty and FTE
            "P3,P1,Bad cost and date,,AD,1,£1.2.3,Sometimes,31/02/2024,,",  // line 4
            "P4,P99,Unknown manager,,HoS,1,1,Permanent,,,",  // line 5
            "P5,P4,Under the orphan,,HoS,1,1,Permanent,,,",  // line 6: follows line 5
            "P6,P3,Under a bad row,,HoS,1,1,Permanent,,,",  // line 7: follows line 4
            "P7,P7,Reports to itself,,HoS,1,1,Permanent,,,",  // line 8
            "P1,,Repeat,,Director,1,1,Permanent,,,",  // line 9: repeated id
            "P8,P1,Too many fields,,HoS,1,1,Permanent,,,,extra",  // line 10
            "P9,P1,FTE above count,,HoS,2,1,Permanent,,,",  // line 11
        ]
        let result = try ExtractFixtures.run(ExtractFixtures.extract(rows))
        #expect(result.structure.posts.map(\.id) == ["P1"])
        let described = result.rejected.map(\.description)
        #expect(
            described == [
                "extract.csv:3: FTE must be a number, not \"abc\" (write digits, such as 0.5 or £42,000.50); Position ID is empty",
                "extract.csv:4: Annual Cost must be a number, not \"£1.2.3\" (write digits, such as 0.5 or £42,000.50); Contract must be yes or no, not \"Sometimes\" (a mapping's values: table can translate it); Start Date must be a date such as 2020-10-01 or 01/10/2020, not \"31/02/2024\"",
                "extract.csv:5: Parent Position \"P99\" is not a Position ID in the extract",
                "extract.csv:6: reports to P4, whose row (line 5) is rejected",
                "extract.csv:7: reports to P3, whose row (line 4) is rejected",
                "extract.csv:8: Parent Position is the post itself (P7)",
                "extract.csv:9: Position ID P1 repeats line 2 (if repeated rows are job shares, set job_shares: true in the mapping)",
                "extract.csv:10: the row has 12 fields but the header (line 1) has 11: quote any field that holds the delimiter",
                "extract.csv:11: FTE 2 is more than the post's count 1 (for a line of several posts, map its establishment column to count)",
            ])
        #expect(result.faultyRows.map(\.line) == [3, 4, 5, 8, 9, 10, 11])
    }

    @Test("The reject file holds the header and the bad rows byte for byte: CRLF, BOM and quoting kept")
    func rejectFile() throws {
        let bad = "P2,P1,\"Quoted, \"\"with\"\" comma\nand a line break\",,AD,x,1,Permanent,,,"
        let rows = ["P1,,Director,,Director,1,1,Permanent,,,", bad, "P3,P1,Fine,,AD,1,1,Permanent,,,"]
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += ExtractFixtures.extract(rows, lineEnd: "\r\n")
        let result = try ExtractFixtures.run(bytes)
        #expect(result.rejected.map(\.line) == [3])
        #expect(result.structure.posts.map(\.id) == ["P1", "P3"])
        #expect(result.structure.posts[1].line == 5)  // the quoted line break counts
        let file = try #require(result.rejectFiles.first)
        #expect(file.rowCount == 1)
        let expected: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("\(ExtractFixtures.header)\r\n\(bad)\r\n".utf8)
        #expect(file.bytes == expected)
    }

    @Test("A repeated id is a job share when the mapping says so: FTE and cost summed, holders listed")
    func jobShare() throws {
        var mapping = try ExtractFixtures.mapping()
        mapping.jobShares = true
        let rows = [
            "P1,,Director,,Director,1,100000,Permanent,,,CC1",
            "P2,P1,AD,Ann Example,AD,0.6,60000,Permanent,,,CC2",
            "P2,P1,AD,Ben Example,AD,0.4,40000,Permanent,,,CC9",
            "P3,P2,Head,,HoS,1,1,Permanent,,,",
            "P2,P3,AD,Cat Example,AD,0.2,1,Permanent,,,",  // a different manager: bad row
        ]
        let result = try ExtractFixtures.run(ExtractFixtures.extract(rows), mapping: mapping)
        let share = result.structure.posts[1]
        #expect(share.holder == "Ann Example; Ben Example")
        #expect(share.fte == 1)
        #expect(share.count == 2)
        #expect(share.cost == 100_000)
        #expect(
            share.attributes == [Attribute(name: "Cost Centre", value: "CC2; CC9"), Attribute(name: "Job share FTE", value: "0.6; 0.4")])
        #expect(
            result.rejected.map(\.description) == [
                "extract.csv:6: Position ID P2 repeats line 3 with a different Parent Position (P3 against P1)"
            ])
        #expect(result.notes.contains { $0.hasPrefix("1 job share") })
        let rows2 = try #require(JobShare.rows(of: share))
        #expect(rows2.map(\.holder) == ["Ann Example", "Ben Example"])
        #expect(rows2.map(\.fte) == [0.6, 0.4])
    }

    @Test("A job share left out takes all its rows into the reject file")
    func jobShareRejectedWhole() throws {
        var mapping = try ExtractFixtures.mapping()
        mapping.jobShares = true
        let rows = ["P1,,Director,,Director,1,1,Permanent,,,", "P2,P9,AD,Ann,AD,0.5,1,Permanent,,,", "P2,P9,AD,Ben,AD,0.5,1,Permanent,,,"]
        let result = try ExtractFixtures.run(ExtractFixtures.extract(rows), mapping: mapping)
        #expect(result.rejected.map(\.line) == [3, 4])
        #expect(result.rejectFiles.first?.rowCount == 2)
    }

    @Test("Windows-1252 is detected and decoded; its bytes go to the reject file unchanged")
    func windows1252() throws {
        // "Zoë", "€" and a curly apostrophe in Windows-1252; a bad FTE on the second row.
        var bytes = Array("\(ExtractFixtures.header)\r\nP1,,Director,Zo".utf8) + [0xEB]
        bytes += Array(",Director,1,\"1,000\",Permanent,,,O".utf8) + [0x92] + Array("Brien ".utf8) + [0x80] + [0x0D, 0x0A]
        let badRow = Array("P2,P1,Caf".utf8) + [0xE9] + Array(",,AD,x,1,Permanent,,,\r\n".utf8)
        bytes += badRow
        let result = try ExtractFixtures.run(bytes)
        let post = try #require(result.structure.posts.first)
        #expect(post.holder == "Zoë")
        #expect(post.cost == 1_000)
        #expect(post.attributes.last == Attribute(name: "Cost Centre", value: "O\u{2019}Brien €"))
        #expect(result.notes.contains("read extract.csv as Windows-1252: it is not valid UTF-8"))
        #expect(
            result.rejected.map(\.description) == [
                "extract.csv:3: FTE must be a number, not \"x\" (write digits, such as 0.5 or £42,000.50)"
            ])
        let reject = try #require(result.rejectFiles.first)
        #expect(Array(reject.bytes.suffix(badRow.count)) == badRow)
        #expect(reject.bytes == Array("\(ExtractFixtures.header)\r\n".utf8) + badRow)
    }

    @Test("Declared UTF-8 that is not UTF-8 is refused with its line")
    func declaredUTF8() throws {
        let bytes = Array("\(ExtractFixtures.header)\nP1,,Caf".utf8) + [0xE9] + Array(",,,,,,,,\n".utf8)
        #expect(
            throws: LoadError(file: "extract.csv", line: 2, .invalidUTF8(advice: .readAsWindows1252))
        ) {
            try ExtractFixtures.run(bytes, encoding: .utf8)
        }
        // Read as Windows-1252 on request.
        #expect(try ExtractFixtures.run(bytes, encoding: .windows1252).structure.posts[0].title == "Café")
    }

    @Test("UTF-8 with and without a byte-order mark read the same; CRLF and LF the same")
    func bomAndLineEnds() throws {
        let plain = try ExtractFixtures.run(ExtractFixtures.extract(ExtractFixtures.goodRows)).structure
        let bom = try ExtractFixtures.run([0xEF, 0xBB, 0xBF] + ExtractFixtures.extract(ExtractFixtures.goodRows, lineEnd: "\r\n")).structure
        #expect(plain == bom)
    }

    @Test("Semicolon- and tab-separated extracts read with a delimiter, from the option or the mapping")
    func delimiters() throws {
        let semicolon = ExtractFixtures.goodRows.map { row in
            // Re-separate: commas inside quotes stay, others become semicolons.
            var out = ""
            var quoted = false
            for character in row {
                if character == "\"" { quoted.toggle() }
                out.append(character == "," && !quoted ? ";" : character)
            }
            return out
        }
        let header = ExtractFixtures.header.replacingOccurrences(of: ",", with: ";")
        let plain = try ExtractFixtures.run(ExtractFixtures.extract(ExtractFixtures.goodRows)).structure
        let viaOption = try ExtractFixtures.run(ExtractFixtures.extract(semicolon, header: header), delimiter: UInt8(ascii: ";")).structure
        #expect(viaOption == plain)
        var mapping = try ExtractFixtures.mapping(ExtractFixtures.mappingText + "\ndelimiter: \";\"")
        #expect(mapping.delimiter == UInt8(ascii: ";"))
        let viaMapping = try ExtractFixtures.run(ExtractFixtures.extract(semicolon, header: header), mapping: mapping).structure
        #expect(viaMapping == plain)
        mapping.delimiter = nil
        // Without it: one column, and a hint to use --delimiter.
        do {
            _ = try ExtractFixtures.run(ExtractFixtures.extract(semicolon, header: header), mapping: mapping)
            Issue.record("a semicolon file read as commas")
        } catch {
            #expect(error.line == 1)
            #expect(error.hint == "the header is one column holding ;: try --delimiter ';'")
        }
    }

    @Test("A mapped column missing from the header is an error naming every one, with a suggestion")
    func missingColumns() throws {
        let header = "Position Id,Parent Positon,Job Title,Employee Name,Grade,FTE,Annual Cost,Contract,Start Date,NI Number,Cost Centre"
        do {
            _ = try ExtractFixtures.run(ExtractFixtures.extract(["P1,,x,,,,,,,,"], header: header))
            Issue.record("accepted")
        } catch {
            // "Position Id" matches "Position ID" without regard to case; a misspelling does not.
            // Reported where the mapping writes the name, with the header it missed.
            #expect(
                error.message
                    == "the extract's header (extract.csv:1) has no column \"Parent Position\" (for reports_to), did you mean \"Parent Positon\"?"
            )
            #expect(error.file == "mapping.yaml")
            #expect(error.line == 3)
            #expect(error.column == 15)
        }
    }

    @Test("A dropped or date column the extract lacks is reported at its line in the mapping")
    func missingListedColumns() throws {
        for (renamed, line) in [("NI Number", 20), ("Start Date", 19)] {
            let header = ExtractFixtures.header.replacingOccurrences(of: renamed, with: "Something Else")
            do {
                _ = try ExtractFixtures.run(ExtractFixtures.extract(["P1,,x,,,,,,,,"], header: header))
                Issue.record("accepted without \(renamed)")
            } catch {
                #expect(error.file == "mapping.yaml")
                #expect(error.line == line, "\(renamed)")
                #expect(error.message.contains("no column \"\(renamed)\""))
            }
        }
    }

    @Test(
        "Binary and non-CSV inputs get a sentence saying what they are",
        arguments: [
            ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "this is an Excel workbook (.xlsx) or another zip file, not CSV"),
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1], "this is an Excel 97-2003 workbook (.xls), not CSV"),
            (Array("%PDF-1.7\n".utf8), "this is a PDF document, not CSV"),
            ([0xFF, 0xFE, 0x50, 0x00], "this is UTF-16 text (a spreadsheet's \"Unicode Text\"), which orgmodel does not read"),
            (Array("a,b\n1,".utf8) + [0x00, 0x01], "this is a binary file, not CSV text"),
            (Array(" \r\n\n".utf8), "the file is empty"),
            (
                [0x01, 0x02, 0x03, 0x1B, 0x41, 0x42, 0x0A, 0x05, 0x06, 0x07, 0x08, 0x41],
                "this looks like a binary file, not CSV text (8 control bytes in the first 12)"
            ),
        ] as [([UInt8], String)])
    func notCSV(bytes: [UInt8], message: String) throws {
        do {
            _ = try ExtractFixtures.run(bytes)
            Issue.record("accepted")
        } catch {
            #expect(error.message == message)
        }
    }

    @Test("An unclosed quote is an error at the line it opens")
    func unclosedQuote() throws {
        do {
            _ = try ExtractFixtures.run(ExtractFixtures.extract(["P1,,\"never closed,,,,,,,,"]))
            Issue.record("accepted")
        } catch {
            #expect(error.line == 2)
            #expect(error.message == "a quoted field is never closed")
        }
    }

    @Test("Header only, or a mapping without id: clear errors")
    func emptyAndIncomplete() throws {
        #expect(throws: LoadError(file: "extract.csv", line: 1, .extractWithoutRows)) {
            try ExtractFixtures.run(ExtractFixtures.extract([]))
        }
        let mapping = try ExtractFixtures.mapping("columns:\n  reports_to: Parent Position\n")
        do {
            _ = try ExtractFixtures.run(ExtractFixtures.extract(ExtractFixtures.goodRows), mapping: mapping)
            Issue.record("accepted")
        } catch {
            #expect(error.description == "mapping.yaml: the mapping names no column for id; add it under columns:, e.g. id: Position ID")
        }
    }

    @Test("An unnamed column is left out with a note; a repeated header name is kept apart")
    func awkwardHeaders() throws {
        let header = ",Position ID,Parent Position,Job Title,Cost Centre,Cost Centre"
        let mapping = try ExtractFixtures.mapping("columns:\n  id: Position ID\n  reports_to: Parent Position\n  title: Job Title\n")
        let result = try ExtractFixtures.run(ExtractFixtures.extract(["0,P1,,Top,A,B"], header: header), mapping: mapping)
        #expect(
            result.structure.posts[0].attributes == [
                Attribute(name: "Cost Centre", value: "A"), Attribute(name: "Cost Centre (column 6)", value: "B"),
            ])
        #expect(result.notes.contains("column 1 of extract.csv has no name in the header: left out"))
        let empty = try ExtractFixtures.run(ExtractFixtures.extract([",P1,,Top,A,B"], header: header), mapping: mapping)
        #expect(!empty.notes.contains { $0.contains("no name") })
    }

    @Test(
        "Money and flags as HR systems write them",
        arguments: [
            ("£42,000", 42_000.0), ("42000", 42_000), ("1,234,567.89", 1_234_567.89), ("£ 0.5", 0.5), ("0", 0),
        ])
    func money(text: String, value: Double) throws {
        #expect(try ExtractValues.number(text, column: "Cost").get() == value)
    }

    @Test("Plain decimals read exactly as the standard parser reads them", arguments: [1, 2, 3] as [UInt64])
    func decimalsExact(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        for _ in 0..<5_000 {
            let digits = Int(random.next() % 15) + 1
            var text = String((0..<digits).map { _ in Character(String(random.next() % 10)) })
            if random.next() % 2 == 0, digits > 1 {
                let point = Int(random.next() % UInt64(digits - 1)) + 1
                text.insert(".", at: text.index(text.startIndex, offsetBy: point))
            }
            #expect(try ExtractValues.number(text, column: "x").get() == Double(text), "\(text)")
        }
        for text in ["0.1", "0.30000000000000004", "123456789012345", "1234567890123456", "9007199254740993", "1.", ".5", "1e3"] {
            #expect(try ExtractValues.number(text, column: "x").get() == Double(text), "\(text)")
        }
    }

    @Test("Signed plain decimals, read by the shared reader, give what the general reading gives")
    func signedDecimals() throws {
        #expect(try ExtractValues.number("+7", column: "x").get() == 7)
        #expect(try ExtractValues.number("+0.25", column: "x").get() == 0.25)
        #expect(try ExtractValues.number("-0", column: "x").get() == 0)
        #expect(throws: RowProblem.self) { try ExtractValues.number("-0.5", column: "x").get() }
        #expect(throws: RowProblem.self) { try ExtractValues.number("+-5", column: "x").get() }
    }

    @Test(
        "The fast byte reading of numbers agrees with the full reading, or leaves the text to it",
        arguments: [
            "42000", "0.5", "£42,000", "£42,000.50", "1,234,567.89", "12,34", "1,2345", "£", "", "-5", "1e3", "12.", ".5",
            "1234567890123456", "123456789012345", "0.000001", "£ 5", "1,000,00", "9,999", "99,999,999.999",
        ])
    func quickNumbers(text: String) {
        let quick = Array(text.utf8).withUnsafeBufferPointer { ExtractValues.quickNumber($0) }
        if let quick {
            #expect(quick == (try? ExtractValues.number(text, column: "x").get()), "\(text)")
        }
    }

    @Test("Money that is not money", arguments: ["12,34", "1,2345", "£", "-5", "abc", "1,000,00", "$40000", "nan"])
    func notMoney(text: String) {
        #expect(throws: RowProblem.self) { try ExtractValues.number(text, column: "Cost").get() }
    }

    @Test(
        "UK dates, never US ones",
        arguments: [
            ("01/10/2020", "2020-10-01"), ("1/2/2021", "2021-02-01"), ("2020-10-01", "2020-10-01"), ("29/02/2024", "2024-02-29"),
        ])
    func dates(text: String, iso: String) throws {
        #expect(try ExtractValues.day(text, column: "Start").get().description == iso)
    }

    @Test(
        "Blanks around a date are allowed",
        arguments: [(" 01/10/2020", "2020-10-01"), ("2020-10-01 ", "2020-10-01"), ("\t1/2/2021\t", "2021-02-01")])
    func blanksAroundDates(text: String, iso: String) throws {
        #expect(try ExtractValues.day(text, column: "Start").get().description == iso)
    }

    @Test(
        "Dates that are not dates",
        arguments: [
            "13/13/2020", "02/30/2020", "2020/01/01", "1 Jan 2020", "29/02/2023",
            // A blank inside a date is not skipped: these once read as 12 March 2020 and 1 October 2020.
            "1 2/03/2020", "2020-1 0-01", "01/10/20 20", "2020-10-0\t1",
        ])
    func notDates(text: String) {
        #expect(throws: RowProblem.self) { try ExtractValues.day(text, column: "Start").get() }
    }

    @Test("A tiers table grade that no row has is noted, with the nearest grade met")
    func unusedTierGradeNoted() throws {
        var mapping = try ImportMappingReader.parse(
            "columns:\n  id: ID\n  reports_to: Boss\n  grade: Grade\ntiers:\n  HSO: 4\n  ED: 2\n", file: "m.yaml")
        mapping.source = "m.yaml"
        let result = try ExtractImporter(mapping: mapping).importExtract(Array("ID,Boss,Grade\nA,,ED\nB,A,HOS\n".utf8), file: "x.csv")
        #expect(result.notes.contains("the tiers table lists a grade no row has: HSO (did you mean HOS?)"))
    }

    @Test("Job-share rows that disagree on title, grade or contract are rejected, not merged under the first")
    func jobShareRowsMustAgree() throws {
        let mapping = try ImportMappingReader.parse(
            "columns:\n  id: ID\n  reports_to: Boss\n  title: Title\n  grade: Grade\n  holder: Name\njob_shares: true\n", file: "m.yaml")
        let text =
            "ID,Boss,Title,Grade,Name\nA,,Director,D,Ann One\nB,A,Head,H,Bo Two\nB,A,Head of Something Else,M1,Cy Three\nC,A,Lead,L,Di Four\nC,A,Lead,L,Ed Five\n"
        let result = try ExtractImporter(mapping: mapping).importExtract(Array(text.utf8), file: "x.csv")
        // The disagreeing row is the fault; the post it would share is left out whole with it.
        #expect(
            result.rejected.map(\.description) == [
                "x.csv:3: a job share whose row at line 4 is rejected: the post is left out whole",
                "x.csv:4: ID B repeats line 3 as a job share, but with a different Title (\"Head of Something Else\" against \"Head\"), Grade (\"M1\" against \"H\"): the rows of a job share describe one post",
            ])
        #expect(result.faultyRows.map(\.line) == [4])
        #expect(!result.structure.posts.contains { $0.id == "B" })
        #expect(result.structure.posts.first { $0.id == "C" }?.holder == "Di Four; Ed Five")
    }
}
