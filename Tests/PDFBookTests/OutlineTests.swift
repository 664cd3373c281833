import Foundation
import PDFBook
import Testing

/// Bookmarks: nesting, counts, text encoding, and where they lead.
@Suite struct OutlineTests {
    static let outline = [
        PDFOutlineItem(
            title: "Café › Director", page: 0,
            children: [
                PDFOutlineItem(
                    title: "Team (A) \\ B", page: 1,
                    children: [
                        PDFOutlineItem(title: "Wide team", page: 2)
                    ]),
                PDFOutlineItem(title: "Chain", page: 3),
            ]),
        PDFOutlineItem(title: "Back to the top", page: 0),
        PDFOutlineItem(title: "儿童服务 😀", page: 1),
    ]

    static func book(outline: [PDFOutlineItem] = outline) throws -> [UInt8] {
        try PDFBook.assemble(pages: try Charts.a4Pages(), linkTargets: [:], outline: outline, title: nil)
    }

    @Test func qpdfReadsBackTheSameTitlesNestingAndPages() throws {
        let book = try BookJSON(try Self.book())
        #expect(book.outline == Self.outline)
    }

    @Test func theCatalogOpensTheBookmarksPane() throws {
        let book = try BookJSON(try Self.book())
        #expect(book.catalog["/PageMode"] as? String == "/UseOutlines")
        #expect(book.dictionary(book.catalog["/Outlines"])?["/Type"] as? String == "/Outlines")
    }

    /// Every level is open, so each /Count is the number of bookmarks below (the whole tree at the root).
    @Test func countsAreTheNumbersOfBookmarksBelow() throws {
        let book = try BookJSON(try Self.book())
        let root = try #require(book.dictionary(book.catalog["/Outlines"]))
        #expect(root["/Count"] as? Int == 6)
        let director = try #require(book.dictionary(root["/First"]))
        #expect(director["/Count"] as? Int == 3)
        let team = try #require(book.dictionary(director["/First"]))
        #expect(team["/Count"] as? Int == 1)
        let chain = try #require(book.dictionary(team["/Next"]))
        #expect(chain["/Count"] == nil)
        #expect(chain["/Next"] == nil)
        #expect(chain["/Prev"] as? String == director["/First"] as? String)
        #expect(chain["/Parent"] as? String == root["/First"] as? String)
        #expect(director["/Last"] as? String == team["/Next"] as? String)
        let last = try #require(book.dictionary(root["/Last"]))
        #expect(last["/Next"] == nil)
        #expect(last["/Title"] as? String == "u:儿童服务 😀")
    }

    @Test func bookmarksLeadToTheTopOfTheirPage() throws {
        let book = try BookJSON(try Self.book())
        let root = try #require(book.dictionary(book.catalog["/Outlines"]))
        let team = try #require(book.dictionary(book.dictionary(root["/First"])?["/First"]))
        let destination = try #require(team["/Dest"] as? [Any])
        let paper = book.mediaBox(ofPage: 1)
        #expect(destination.first as? String == book.pages[1])
        #expect(destination[1] as? String == "/XYZ")
        #expect((destination[2] as? NSNumber)?.doubleValue == paper[0])
        #expect((destination[3] as? NSNumber)?.doubleValue == paper[3])
    }

    /// ASCII titles are literal strings (escaped); others are UTF-16BE behind the FE FF mark.
    @Test func titlesAreEncodedAsPDFTextStrings() throws {
        let qdf = try Tool.run("qpdf", ["--qdf", "--object-streams=disable", "{}", "-"], pdf: try Self.book())
        #expect(qdf.exitCode == 0, "\(qdf.stderr)")
        let text = String(decoding: qdf.stdout, as: UTF8.self)
        #expect(text.contains("/Title (Team \\(A\\) \\\\ B)"))
        #expect(text.contains("/Title (Back to the top)"))
        // "Café › Director": C a f é, space, U+203A, space, D …
        #expect(text.contains("/Title <feff00430061006600e90020203a0020004400690072006500630074006f0072>"))
        // A character outside the BMP is a surrogate pair: U+1F600 is D83D DE00.
        #expect(text.contains("d83dde00>"))
    }

    @Test func noBookmarksMeansNoOutline() throws {
        let book = try BookJSON(try Self.book(outline: []))
        #expect(book.catalog["/Outlines"] == nil)
        #expect(book.catalog["/PageMode"] == nil)
        #expect(book.outline.isEmpty)
    }

    /// A reporting chain far deeper than any organisation: no recursion to run out of stack.
    @Test func aVeryDeepOutlineIsWritten() throws {
        var item = PDFOutlineItem(title: "Level 2000", page: 1)
        for level in (1..<2000).reversed() {
            item = PDFOutlineItem(title: "Level \(level)", page: level % 4, children: [item])
        }
        let pdf = try Self.book(outline: [item])
        let check = try Tool.run("qpdf", ["--check", "{}"], pdf: pdf)
        #expect(check.exitCode == 0, "\(check.text) \(check.stderr)")
        let book = try BookJSON(pdf)
        #expect(book.dictionary(book.catalog["/Outlines"])?["/Count"] as? Int == 2000)
    }
}
