import Foundation
import PDFBook
import Testing

/// Real Graphviz pages joined into a book, read back by qpdf and poppler.
@Suite struct AssemblyTests {
    static let targets = ["p1": 0, "p2": 1]

    static func book(title: String? = "Children's services") throws -> [UInt8] {
        try PDFBook.assemble(pages: try Charts.a4Pages(), linkTargets: targets, outline: [], title: title)
    }

    @Test func everyPageArrivesInOrder() throws {
        let book = try BookJSON(try Self.book())
        #expect(book.pages.count == 4)
        let text = try Tool.run("pdftotext", ["-layout", "{}", "-"], pdf: try Self.book())
        #expect(text.exitCode == 0)
        let pages = text.text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init)
        #expect(pages.count >= 4)
        #expect(pages[0].contains("Director") && pages[0].contains("Council website"))
        #expect(pages[1].contains("Back to the top") && pages[1].contains("Team Manager"))
        #expect(pages[2].contains("Social Worker 24"))
        #expect(pages[3].contains("n15"))
    }

    @Test func qpdfFindsNothingWrong() throws {
        let check = try Tool.run("qpdf", ["--check", "{}"], pdf: try Self.book())
        #expect(check.exitCode == 0, "qpdf --check: \(check.text) \(check.stderr)")
        #expect(check.text.contains("No syntax or stream encoding errors found"))
        #expect(check.stderr.isEmpty, "qpdf --check warned: \(check.stderr)")
    }

    @Test func pdfinfoReportsThePaperAndDocumentInformation() throws {
        let info = try Tool.run("pdfinfo", ["-f", "1", "-l", "4", "{}"], pdf: try Self.book())
        #expect(info.exitCode == 0, "\(info.stderr)")
        #expect(info.text.contains("Pages:           4"))
        #expect(info.text.contains("Page    1 size:  842 x 595 pts (A4)"))
        #expect(info.text.contains("Page    2 size:  842 x 595 pts (A4)"))
        #expect(info.text.contains("Title:           Children's services"))
        #expect(info.text.contains("Producer:        orgmodel"))
        #expect(!info.text.contains("CreationDate"))
        #expect(!info.text.contains("ModDate"))
    }

    /// The drawing sits centred across the paper, 18 pt below its top edge, not re-drawn.
    @Test func drawingsThatFitAreCentredAtTheTopOfThePaper() throws {
        let source = try BookJSON(try Charts.first.get(), allowingWarnings: true).mediaBox(ofPage: 0)
        let placed = try BookJSON(try Self.book()).mediaBox(ofPage: 0)
        try #require(source.count == 4 && placed.count == 4)
        let (width, height) = (source[2] - source[0], source[3] - source[1])
        #expect(placed[2] - placed[0] == 842)
        #expect(placed[3] - placed[1] == 595)
        #expect(placed[3] == source[3] + 18)
        #expect(abs((source[0] - placed[0]) - (placed[2] - source[2])) < 0.001, "not centred: \(placed)")
        #expect(width < 842 && height + 18 < 595)
    }

    @Test func aDrawingLargerThanThePaperKeepsItsOwnSizeThatWay() throws {
        let book = try BookJSON(try Self.book())
        let wideSource = try BookJSON(try Charts.wide.get(), allowingWarnings: true).mediaBox(ofPage: 0)
        let wide = book.mediaBox(ofPage: 2)
        #expect(wideSource[2] - wideSource[0] > 842)
        #expect(wide[0] == wideSource[0] && wide[2] == wideSource[2])
        #expect(wide[3] - wide[1] == 595)

        let tallSource = try BookJSON(try Charts.tall.get(), allowingWarnings: true).mediaBox(ofPage: 0)
        let tall = book.mediaBox(ofPage: 3)
        #expect(tallSource[3] - tallSource[1] > 595)
        #expect(tall[1] == tallSource[1] && tall[3] == tallSource[3])
        #expect(tall[2] - tall[0] == 842)
    }

    @Test func aLinkToAnotherPageBecomesAnInternalLink() throws {
        let book = try BookJSON(try Self.book())
        let links = book.annotations(ofPage: 0).filter { $0["/Dest"] != nil }
        try #require(links.count == 1)
        let link = links[0]
        let destination = try #require(link["/Dest"] as? [Any])
        #expect(destination.first as? String == book.pages[1])
        #expect(destination.count == 5 && destination[1] as? String == "/XYZ")
        // The view opens at the target page's top-left corner.
        let target = book.mediaBox(ofPage: 1)
        #expect((destination[2] as? NSNumber)?.doubleValue == target[0])
        #expect((destination[3] as? NSNumber)?.doubleValue == target[3])
        #expect(link["/A"] == nil)
        #expect((link["/Border"] as? [Int]) == [0, 0, 0])

        let back = book.annotations(ofPage: 1).compactMap { $0["/Dest"] as? [Any] }
        #expect(back.count == 1)
        #expect(back.first?.first as? String == book.pages[0])
    }

    @Test func otherLinksKeepTheirAddresses() throws {
        let book = try BookJSON(try Self.book())
        let actions = book.annotations(ofPage: 0).compactMap { book.dictionary($0["/A"]) }
        try #require(actions.count == 1)
        #expect(actions[0]["/S"] as? String == "/URI")
        #expect(actions[0]["/URI"] as? String == "u:https://example.org/council")
    }

    @Test func aLinkWhoseTargetIsNotListedStaysAURILink() throws {
        let pdf = try PDFBook.assemble(pages: try Charts.a4Pages(), linkTargets: ["p1": 0], outline: [], title: nil)
        let book = try BookJSON(pdf)
        let uris = book.annotations(ofPage: 0).compactMap { book.dictionary($0["/A"])?["/URI"] as? String }
        #expect(Set(uris) == ["u:p2", "u:https://example.org/council"])
        #expect(book.annotations(ofPage: 1).allSatisfy { $0["/Dest"] != nil })
    }

    /// Placing a page moves only its media box, so each link's /Rect still covers its node.
    @Test func linkRectanglesAreUnchangedAndOnThePaper() throws {
        let source = try BookJSON(try Charts.first.get(), allowingWarnings: true)
        let book = try BookJSON(try Self.book())
        let sourceRects = source.annotations(ofPage: 0).map { $0["/Rect"] as? [Double] }
        let bookRects = book.annotations(ofPage: 0).map { $0["/Rect"] as? [Double] }
        #expect(sourceRects.count == 2)
        #expect(bookRects == sourceRects)
        let paper = book.mediaBox(ofPage: 0)
        for case let rect? in bookRects {
            #expect(min(rect[0], rect[2]) >= paper[0] && max(rect[0], rect[2]) <= paper[2])
            #expect(min(rect[1], rect[3]) >= paper[1] && max(rect[1], rect[3]) <= paper[3])
        }
    }

    @Test func contentStreamsAreCopiedNotRewritten() throws {
        let source = try Charts.first.get()
        let book = try Self.book()
        let sourceStream = try Self.decodedContents(ofFirstPageIn: source)
        #expect(!sourceStream.isEmpty)
        #expect(try Self.decodedContents(ofFirstPageIn: book) == sourceStream)
    }

    /// The first page's content stream, decoded, as qpdf shows it.
    static func decodedContents(ofFirstPageIn pdf: [UInt8]) throws -> Data {
        let contents = try #require(try BookJSON(pdf, allowingWarnings: true).page(0)["/Contents"] as? String)
        let run = try Tool.run("qpdf", ["--show-object=\(contents)", "--filtered-stream-data", "{}"], pdf: pdf)
        // Exit code 3 is "succeeded with warnings": cairo 1.16's cross-reference table is off.
        #expect(run.exitCode == 0 || run.exitCode == 3, "\(run.stderr)")
        return run.stdout
    }

    @Test func noTitleMeansNoTitleInTheDocumentInformation() throws {
        let book = try BookJSON(try Self.book(title: nil))
        #expect(book.info["/Title"] == nil)
        #expect(book.info["/Producer"] as? String == "u:orgmodel")
        #expect(book.info.count == 1)
    }

    @Test func aNonASCIITitleIsWrittenAsUnicode() throws {
        let book = try BookJSON(try Self.book(title: "Services – Café"))
        #expect(book.info["/Title"] as? String == "u:Services – Café")
    }

    @Test func aSinglePageMakesABookToo() throws {
        let page = PDFBookPage(pdf: try Charts.second.get(), paperWidth: 595, paperHeight: 842)
        let pdf = try PDFBook.assemble(pages: [page], linkTargets: ["p1": 0], outline: [], title: nil)
        let book = try BookJSON(pdf)
        #expect(book.pages.count == 1)
        let box = book.mediaBox(ofPage: 0)
        #expect(box[2] - box[0] == 595 && box[3] - box[1] == 842)
        // A link to the page it is on is still a link.
        let destination = book.annotations(ofPage: 0).first?["/Dest"] as? [Any]
        #expect(destination?.first as? String == book.pages[0])
    }

    @Test func aMediaBoxOnThePageTreeIsInherited() throws {
        let pdf = HandMadePDF.make(pageBoxes: [nil], treeMediaBox: "[10 20 110 220]")
        let book = try BookJSON(
            try PDFBook.assemble(
                pages: [PDFBookPage(pdf: pdf, paperWidth: 300, paperHeight: 400)], linkTargets: [:], outline: [], title: nil))
        // 100 × 200 drawing at (10, 20): 100 pt either side, top 18 pt above 220.
        #expect(book.mediaBox(ofPage: 0) == [-90, -162, 210, 238])
        #expect(book.page(0)["/Parent"] as? String == book.catalog["/Pages"] as? String)
    }

    @Test func cropAndTrimBoxesGiveWayToThePaper() throws {
        let pdf = HandMadePDF.make(pageBoxes: ["[0 0 100 100]"], pageExtra: "/CropBox [0 0 50 50] /TrimBox [0 0 40 40]")
        let book = try BookJSON(
            try PDFBook.assemble(
                pages: [PDFBookPage(pdf: pdf, paperWidth: 200, paperHeight: 200)], linkTargets: [:], outline: [], title: nil))
        #expect(book.page(0)["/CropBox"] == nil)
        #expect(book.page(0)["/TrimBox"] == nil)
        #expect(book.mediaBox(ofPage: 0) == [-50, -82, 150, 118])
    }
}
