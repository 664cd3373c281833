import Testing

@testable import OrgModel
@testable import OrgSupport

/// What the CSV reader reads straight from a file's bytes, without making strings, means
/// what the same text means read as text: the numbers of a row, the refused characters of
/// a file, and how many rows a part of a file can hold.
@Suite("CSV read from bytes")
struct CSVByteReadingTests {
    /// The post a one-row CSV makes with `value` in `column`, or the problem it is refused for.
    func csvPost(_ column: String, _ value: String) -> Result<Post, LoadError> {
        // Quoted, as a spreadsheet writes a cell holding a comma; the quotes are not the value's.
        let cell = value.contains(",") ? "\"" + value + "\"" : value
        let text = "id,title,reports_to,\(column)\nA,Head,,\(cell)\n"
        do throws(LoadError) {
            return .success(try StructureFile.parse(Array(text.utf8), format: .csv, file: "t.csv").posts[0])
        } catch {
            return .failure(error)
        }
    }

    /// The same through YAML, whose reader reads every value as text.
    func yamlPost(_ column: String, _ value: String) -> Result<Post, LoadError> {
        let quoted = "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        let text = "posts:\n  - id: A\n    title: Head\n    \(column): \(quoted)\n"
        do throws(LoadError) {
            return .success(try StructureFile.parse(Array(text.utf8), format: .yaml, file: "t.yaml").posts[0])
        } catch {
            return .failure(error)
        }
    }

    @Test("Numbers read from the bytes are taken and refused as the same text is in YAML")
    func numbersAsText() {
        let values = [
            "2", " 3 ", "+2", "007", "2.0", "2.5", "-1", "-0", "0", "1e3", "12.50", "abc", "'2", "1,000", "£5",
            "99999999999999999999", "123456789012345678", "true", "No", "1", "1234567890123456", "0.000001", ".5", "5.", "+", "-", "1 2",
        ]
        for column in ["tier", "count", "fte", "cost", "vacant"] {
            for value in values {
                let csv = csvPost(column, value)
                let yaml = yamlPost(column, value)
                switch (csv, yaml) {
                case (.success(let read), .success(let expected)):
                    #expect(read.tier == expected.tier && read.count == expected.count, "\(column) \(value)")
                    #expect(read.fte == expected.fte && read.cost == expected.cost && read.vacant == expected.vacant, "\(column) \(value)")
                case (.failure(let read), .failure(let expected)):
                    #expect(read.problem == expected.problem, "\(column) \(value)")
                default:
                    Issue.record("\(column) \(value.debugDescription): CSV \(csv), YAML \(yaml)")
                }
            }
        }
    }

    @Test("Text made straight from a cell's bytes is what the same text gives in YAML: blanks, guards and quotes undone alike")
    func textAsInYAML() throws {
        let values = [
            "A1", " A1 ", "\tA1", "A1\t", "'=A1", "'A1", "''=x", "'+44", "x\"y", "Lead, Ops", "é-1", "   ", "A 1", "'",
        ]
        let columns = ["id", "title", "reports_to", "holder", "grade", "service", "replaces"]
        for column in columns {
            for value in values {
                // The cell in its column, beside an id and a reporting line of their own.
                let cell =
                    value.contains(",") || value.contains("\"") ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
                var row = ["id": "P", "reports_to": ""]
                row[column] = cell
                let header = ["id", "reports_to"] + (row.count > 2 ? [column] : [])
                let csvText = header.joined(separator: ",") + "\n" + header.map { row[$0] ?? "" }.joined(separator: ",") + "\n"
                // YAML has no formula guard: it is given what the guarded cell means.
                let escaped = FormulaGuard.unguarded(value).replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\t", with: "\\t")
                let yamlText = column == "id" ? "posts:\n  - id: \"\(escaped)\"\n" : "posts:\n  - id: P\n    \(column): \"\(escaped)\"\n"
                let csv = Result { () throws(LoadError) in
                    try StructureFile.parse(Array(csvText.utf8), format: .csv, file: "t.csv").posts[0]
                }
                let yaml = Result { () throws(LoadError) in
                    try StructureFile.parse(Array(yamlText.utf8), format: .yaml, file: "t.yaml").posts[0]
                }
                switch (csv, yaml) {
                case (.success(let read), .success(let expected)):
                    #expect(
                        read.id == expected.id && read.title == expected.title && read.reportsTo == expected.reportsTo,
                        "\(column) \(value.debugDescription)")
                    #expect(
                        read.holder == expected.holder && read.grade == expected.grade && read.service == expected.service
                            && read.replaces == expected.replaces, "\(column) \(value.debugDescription)")
                case (.failure(let read), .failure(let expected)):
                    #expect(read.problem == expected.problem, "\(column) \(value.debugDescription)")
                default:
                    Issue.record("\(column) \(value.debugDescription): CSV \(csv), YAML \(yaml)")
                }
            }
        }
        // The cases the bytes pass on to the text path, as the text path reads them.
        let guarded = try StructureFile.parse(Array("id,reports_to,title,grade\n A1 ,,' =x ,'=G5\n".utf8), format: .csv, file: "t.csv")
            .posts[0]
        #expect(guarded.id == "A1" && guarded.title == "' =x " && guarded.grade == "=G5")
    }

    @Test("A whole number from bytes is what Int(_:) makes of the same text")
    func wholeNumbers() {
        let pieces: [UInt8] = Array("0123456789+-. e".utf8)
        var generator = SplitMix64(seed: 7)
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0...20, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? 48 }
            let text = String(decoding: bytes, as: UTF8.self)
            let read = bytes.withUnsafeBufferPointer(ValueParsing.readWhole)
            // Int(_:) reads more digits; the text path reads those.
            if let read { #expect(read == Int(text), "\(text)") } else if bytes.count <= 18 { #expect(Int(text) == nil, "\(text)") }
        }
    }

    /// The first refused character found scalar by scalar: the reference.
    func firstRefused(_ text: String) -> (offset: Int, scalar: Unicode.Scalar)? {
        var offset = 0
        for scalar in text.unicodeScalars {
            if RefusedCharacters.isRefused(scalar) { return (offset, scalar) }
            offset += String(scalar).utf8.count
        }
        return nil
    }

    @Test("The word-at-a-time scan finds the refused character a scalar-by-scalar one does, where it stands")
    func refusedCharacters() {
        let pieces = [
            "a", "id,title", "\n", "\r\n", "\t", "é", "£", "—", "日本", "🎉", "\u{7F}", "\u{01}", "\u{1F}", "\u{80}", "\u{85}",
            "\u{9F}", "\u{A0}", "\u{FEFF}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{FEFE}",
        ]
        var generator = SplitMix64(seed: 2027)
        for round in 0..<3000 {
            // Mostly long plain runs, so refused characters fall at every place in a word.
            let plain = String(repeating: "x", count: Int.random(in: 0...20, using: &generator))
            let count = Int.random(in: 0...8, using: &generator)
            let text = plain + (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined() + plain
            var copy = text
            let found = copy.withUTF8 { RefusedCharacters.first(inUTF8: $0, leadingMark: false) }
            let expected = firstRefused(text)
            #expect(found?.offset == expected?.offset && found?.scalar == expected?.scalar, "round \(round): \(text.debugDescription)")
        }
    }

    @Test("Bytes counted and found eight at a time agree with a plain count, at every length and offset")
    func byteCounts() {
        var generator = SplitMix64(seed: 99)
        for _ in 0..<1000 {
            let bytes =
                (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                    [0x0A, 0x0D, 0x8A, 0x0B, 0x00, 0xFF, 0x2C, 0x61].randomElement(using: &generator) ?? 0
                } as [UInt8]
            let start = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &generator)
            bytes[start...].withUnsafeBufferPointer { part in
                for value: UInt8 in [0x0A, 0x0D, 0x00, 0xFF, 0x8A] {
                    #expect(ByteCount.count(of: value, in: part) == part.filter { $0 == value }.count, "\(Array(part)) \(value)")
                    #expect(ByteCount.contains(value, in: part) == part.contains(value))
                }
            }
        }
    }

    @Test("A part's record bound is exact for plain rows, and never short")
    func recordBounds() {
        func bound(_ text: String) -> Int {
            let bytes = Array(text.utf8)
            return CSVStructureReader.recordBound(bytes, from: 0, to: bytes.count)
        }
        #expect(bound("") == 0)
        #expect(bound("a,b\n") == 1)
        #expect(bound("a,b\nc,d\n") == 2)
        #expect(bound("a,b\nc,d") == 2)
        #expect(bound("a,b\r\nc,d\r\n") == 2)
        #expect(bound("a,b\rc,d\r") == 2)
        // Blank lines and quoted line breaks count as rows: more room than needed, not less.
        #expect(bound("a\n\nb\n") == 3)
        #expect(bound("\"a\nb\",c\n") == 2)
    }

    @Test("A large file read in parts gives the posts a single part gives, in order")
    func partsInPlace() throws {
        var text = "id,title,tier,reports_to,count\nT,Top,2,,1\n"
        for index in 0..<5000 { text += "P\(index),Post \(index),,\(index == 0 ? "T" : "P\(index / 2)"),\(1 + index % 3)\n" }
        text += "\nLast,After a blank line,,T,2"
        let bytes = Array(text.utf8)
        let whole = try CSVStructureReader(file: "t.csv", parts: 1).read(bytes)
        for parts in [2, 3, 7] {
            let split = try CSVStructureReader(file: "t.csv", parts: parts).read(bytes)
            #expect(split.posts == whole.posts, "\(parts) parts")
        }
        #expect(whole.posts.count == 5002)
        #expect(whole.posts.last?.count == 2)

        // Plain rows are split without following quotes; a quote or a carriage return
        // anywhere sends the file to the full scan. Either way the posts, their lines and
        // the line of an error are those of one part.
        #expect(CSVSplitter.plainParts(bytes, start: 0, line: 1, parts: 3)?.count == 3)
        let variants = [
            text.replacingOccurrences(of: "Post 4000,", with: "\"Post, 4000\","),
            text.replacingOccurrences(of: "\n", with: "\r\n"),
            text.replacingOccurrences(of: "P4000,Post 4000,", with: "P4000,Post 4000,x"),
        ]
        #expect(CSVSplitter.plainParts(Array(variants[0].utf8), start: 0, line: 1, parts: 3) == nil)
        #expect(CSVSplitter.plainParts(Array(variants[1].utf8), start: 0, line: 1, parts: 3) == nil)
        for (number, variant) in variants.enumerated() {
            let bytes = Array(variant.utf8)
            let one = Result { () throws(LoadError) in try CSVStructureReader(file: "t.csv", parts: 1).read(bytes).posts }
            for parts in [2, 3] {
                let split = Result { () throws(LoadError) in try CSVStructureReader(file: "t.csv", parts: parts).read(bytes).posts }
                switch (one, split) {
                case (.success(let expected), .success(let read)): #expect(read == expected, "variant \(number), \(parts) parts")
                case (.failure(let expected), .failure(let read)):
                    #expect(read.description == expected.description, "variant \(number), \(parts) parts")
                    #expect(read.description.contains("t.csv:4003:"), "variant \(number): \(read.description)")
                default: Issue.record("variant \(number), \(parts) parts: \(one) against \(split)")
                }
            }
        }
    }
}
