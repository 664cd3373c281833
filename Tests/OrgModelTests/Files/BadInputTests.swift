import Foundation
import Testing

@testable import OrgModel
@testable import OrgSupport

/// Every kind of bad input gets one clear message with file:line(:column), never a crash
/// and never a silently skipped post.
@Suite struct BadInputTests {
    @Test func yamlSyntaxErrorHasLineAndColumn() throws {
        let error = try #require(Fixtures.loadError("posts:\n  - id: A\n    title: [unclosed\n  - id: B\n"))
        #expect(error.message.hasPrefix("YAML syntax error"))
        #expect(error.line != nil)
        #expect(error.column != nil)
        #expect(error.description.hasPrefix("bad.yaml:"))
    }

    @Test func wrongTypeNamesTheField() throws {
        let error = try #require(Fixtures.loadError("posts:\n  - id: A\n    tier: [2, 3]\n"))
        #expect(error.message == "tier must be a single value, not a list")
        #expect(error.line == 3)
        let notNumber = try #require(Fixtures.loadError("posts:\n  - id: A\n    tier: two\n"))
        #expect(notNumber.message == "tier must be a whole number, not \"two\"")
        #expect(notNumber.line == 3)
        #expect(notNumber.column == 11)
    }

    @Test func missingIDPointsAtThePost() throws {
        let error = try #require(Fixtures.loadError("posts:\n  - id: A\n  - title: Nobody\n    tier: 6\n"))
        #expect(error.message == "post has no id")
        #expect(error.line == 3)
    }

    @Test func nonNumericFTEAndCost() throws {
        let fte = try #require(Fixtures.loadError("posts:\n  - id: A\n    fte: full\n"))
        #expect(fte.message == "fte must be a number, not \"full\"")
        let cost = try #require(Fixtures.loadError("posts:\n  - id: A\n    cost: £42,000\n"))
        #expect(cost.message.contains("cost must be a number"))
        #expect(cost.hint?.contains("without £") == true)
        let hex = try #require(Fixtures.loadError("posts:\n  - id: A\n    cost: 0x10\n"))
        #expect(hex.message.contains("cost must be a number"))
        let negative = try #require(Fixtures.loadError("posts:\n  - id: A\n    fte: -1\n"))
        #expect(negative.message == "fte cannot be negative (-1)")
    }

    @Test("Costs and counts past the ceilings are refused at their line, in YAML and CSV")
    func valuesPastTheCeilings() throws {
        let cost = try #require(Fixtures.loadError("posts:\n  - id: A\n    cost: 1e300\n"))
        #expect(cost.message.contains("is more than £10,000,000,000"))
        #expect(cost.line == 3)
        let justUnder = try Fixtures.yaml("posts:\n  - id: A\n    cost: 10000000000\n")
        #expect(justUnder.posts[0].cost == 10_000_000_000)
        let count = try #require(Fixtures.loadError("posts:\n  - id: A\n    count: 1000001\n"))
        #expect(count.message.contains("is more than 1,000,000"))
        let huge = try #require(Fixtures.loadError("posts:\n  - id: A\n    count: 9999999999999999999\n"))
        #expect(huge.message == "count \"9999999999999999999\" is too large")
        let csv = try #require(Fixtures.loadError("id,reports_to,cost\nA,,9.3e18\n", format: .csv))
        #expect(csv.message.contains("is more than £10,000,000,000"))
        #expect(csv.line == 2)
    }

    @Test("Reports never trap on a huge figure, even one no file can hold")
    func hugeFiguresFormat() {
        #expect(Figures.pounds(1e300).hasPrefix("£1,000,000,000,000,000,0"))
        #expect(Figures.pounds(1e19) == "£10,000,000,000,000,000,000")
        #expect(Figures.pounds(-2.5e19) == "−£25,000,000,000,000,000,000")
        #expect(Figures.pounds(.infinity) == "£—")
        #expect(PayBand(containing: 1e300).floor <= 1_000_000_000_000_000)
        #expect(PayBand(containing: .nan).floor == 0)
        #expect(PayBand(containing: 117_500).description == "£115,000–£119,999")
    }

    @Test("Common slips get a hint that says what to do")
    func hintsForCommonSlips() throws {
        let tab = try #require(Fixtures.loadError("posts:\n\t- id: A\n"))
        #expect(tab.hint == "indent with spaces: YAML does not allow tabs there")
        let comment = try #require(Fixtures.loadError("id,reports_to\nA,\n# a note\n", format: .csv))
        #expect(comment.message == "a # comment line after the header")
        #expect(comment.line == 3)
        let short = try #require(Fixtures.loadError("id,reports_to,title\nA,\n", format: .csv))
        #expect(short.message == "the row has 2 fields but the header (line 1) has 3")
        #expect(short.hint == "give every row a field for each column, empty where there is nothing")
        let semicolons = try #require(Fixtures.loadError("id;title;reports_to\nA;Top;\n", format: .csv))
        #expect(semicolons.message.contains("the file looks separated by ';'"))
        let snake = try #require(Fixtures.loadError("# effective_date: 2020-01-01\nid,reports_to\nA,\n", format: .csv))
        #expect(snake.message == "unknown metadata key \"effective_date\"")
        #expect(snake.line == 1)
        #expect(try Fixtures.csv("# Note: drafted by HR\n# prepared for SLT\nid,reports_to\nA,\n").posts.count == 1)
        let negative = try #require(Fixtures.loadError("posts:\n  - id: A\n    cost: -5\n"))
        #expect(negative.hint == "give the annual cost in pounds, 0 or more")
    }

    @Test("A rules file, mapping or profile is named as what it is in messages")
    func otherFilesNamedAsWhatTheyAre() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kinds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty.yaml").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data("\n".utf8)))
        #expect(throws: LoadError.self) { try RuleSetReader.load(empty, relativeTo: nil) }
        do {
            _ = try RuleSetReader.load(empty, relativeTo: nil)
        } catch {
            #expect(error.hint == "a rules file holds YAML keys; see the README")
        }
        do {
            _ = try RedactionProfileReader.load(folder.path)
        } catch {
            #expect(error.message == "is a directory, not a redaction profile")
        }
        do {
            _ = try RuleSetReader.load("missing/rules.yaml", relativeTo: nil)
        } catch {
            #expect(error.hint == "a --rules path is read from the current folder")
        }
    }

    @Test func binaryAndEmptyFiles() throws {
        let binary = try #require(Fixtures.loadError(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]))
        #expect(binary.message.contains("binary file"))
        let empty = try #require(Fixtures.loadError(""))
        #expect(empty.message == "the file is empty")
        let blank = try #require(Fixtures.loadError("  \n\n", format: .csv))
        #expect(blank.message == "the file is empty")
        let nothing = try #require(Fixtures.loadError("# just a comment\n"))
        #expect(nothing.message == "the file holds no structure")
        let noPosts = try #require(Fixtures.loadError("name: x\nposts: []\n"))
        #expect(noPosts.message == "the posts: list is empty")
    }

    @Test func invalidUTF8IsLocated() throws {
        var bytes = Array("id,reports_to,title\nA,,Director\nB,A,".utf8)
        bytes += [0x43, 0x61, 0x66, 0xE9]  // "Café" in Windows-1252
        bytes += Array("\n".utf8)
        let error = try #require(Fixtures.loadError(bytes: bytes, format: .csv))
        #expect(error.message == "the text is not valid UTF-8")
        #expect(error.line == 3)
    }

    @Test func unknownKeysAreErrorsWithSuggestions() throws {
        let error = try #require(Fixtures.loadError("posts:\n  - id: A\n  - id: B\n    report_to: A\n"))
        #expect(error.message == "unknown post key \"report_to\"")
        #expect(error.hint == "did you mean reports_to?")
        #expect(error.line == 4)
        let top = try #require(Fixtures.loadError("nmae: x\nposts:\n  - id: A\n"))
        #expect(top.hint == "did you mean name?")
        let column = try #require(Fixtures.loadError("id,report_to\nA,\n", format: .csv))
        #expect(column.message == "unknown column \"report_to\" (column 2)")
        #expect(column.line == 1)
        #expect(column.column == 2)
    }

    @Test func duplicateKeysInAPost() throws {
        let error = try #require(Fixtures.loadError("posts:\n  - id: A\n    tier: 2\n    tier: 3\n"))
        #expect(error.message.contains("given twice"))
    }

    @Test func inconsistentFields() throws {
        let vacant = try #require(Fixtures.loadError("posts:\n  - id: A\n    count: 2\n    vacant: 3\n"))
        #expect(vacant.message == "post A: vacant 3 is more than its count 2")
        let fte = try #require(Fixtures.loadError("posts:\n  - id: A\n    fte: 1.5\n"))
        #expect(fte.message == "post A: fte 1.5 is more than its count 1")
        let count = try #require(Fixtures.loadError("posts:\n  - id: A\n    count: 0\n"))
        #expect(count.message == "count must be at least 1, not 0")
        let tier = try #require(Fixtures.loadError("posts:\n  - id: A\n    tier: 0\n"))
        #expect(tier.message == "tier must be 1 or more, not 0")
        let date = try #require(Fixtures.loadError("effective: 2020-02-30\nposts:\n  - id: A\n"))
        #expect(date.message.contains("ISO 8601 date"))
        let state = try #require(Fixtures.loadError("state: draft\nposts:\n  - id: A\n"))
        #expect(state.message == "state must be current, proposed or option, not \"draft\"")
    }

    @Test func csvRowProblems() throws {
        let short = try #require(Fixtures.loadError("id,reports_to,title\nA,,Director\nB,A\n", format: .csv))
        #expect(short.message == "the row has 2 fields but the header (line 1) has 3")
        #expect(short.line == 3)
        let unclosed = try #require(Fixtures.loadError("id,reports_to,title\nA,,\"Director\nB,A,x\n", format: .csv))
        #expect(unclosed.message == "a quoted field is never closed")
        #expect(unclosed.line == 2)
        let noID = try #require(Fixtures.loadError("title,reports_to\nX,\n", format: .csv))
        #expect(noID.message == "the header has no id column")
        let missingID = try #require(Fixtures.loadError("id,reports_to,title\nA,,Director\n,A,Worker\n", format: .csv))
        #expect(missingID.message == "post has no id")
        #expect(missingID.line == 3)
        let deviations = try #require(Fixtures.loadError("id,reports_to,deviations\nA,,x\n", format: .csv))
        #expect(deviations.hint?.contains("YAML-only") == true)
        let headerOnly = try #require(Fixtures.loadError("id,reports_to\n", format: .csv))
        #expect(headerOnly.message == "the file has a header but no posts")
    }

    @Test func unknownExtensionAndMissingFile() throws {
        #expect(throws: LoadError.self) { try StructureFile.load("/tmp/structure.xlsx") }
        do {
            _ = try StructureFile.load("/nonexistent/structure.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "/nonexistent/structure.yaml: no such file; check the path")
        }
    }

    @Test func noPostIsSilentlySkipped() throws {
        // Blank lines between rows are allowed, and every row with content is a post.
        let structure = try Fixtures.csv("id,reports_to\nA,\n\nB,A\n,\nC,A\n")
        #expect(structure.posts.map(\.id) == ["A", "B", "C"])
    }
}
