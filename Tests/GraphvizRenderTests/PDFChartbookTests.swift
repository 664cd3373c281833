import Foundation
import Testing

@testable import GraphvizRender

/// A chartbook's PDF drawn in one document: its pages on their paper, links between its
/// pages, bookmarks, a table a strict reader accepts, and the same bytes every time.
@Suite struct PDFChartbookTests {
    static let a4 = DrawingSize(width: 595.28, height: 841.89)
    static let landscape = DrawingSize(width: 841.89, height: 595.28)

    /// Page `number` of a three-page book: a box linking to the next page's SVG, a cell
    /// linking to itself, and a link to a file outside the book.
    static func page(_ number: Int, wide: Bool = false) -> String {
        """
        digraph p\(number) {
          pad=0.1; margin=0;
          a [shape=box, label="Page \(number)", href="book-p\(number % 3 + 1).svg"];
          b [shape=plain, label=<<TABLE><TR><TD HREF="#cell-\(number)">self</TD></TR></TABLE>>];
          c [shape=box, label="\(wide ? String(repeating: "wide ", count: 300) : "outside")", href="https://example.org/a?b=1&c=2"];
          a -> b -> c;
        }
        """
    }

    static let outline = [
        PDFBookmark(title: "Contents", page: 0), PDFBookmark(title: "Overview – “quoted” é", page: 1),
        PDFBookmark(title: "Branch", page: 2, level: 1),
    ]

    /// A book of three pages (the second landscape) with the outline above.
    static func book(title: String? = "Children's services", wide: Bool = false) throws -> [UInt8] {
        let book = PDFChartbook(title: title)
        let targets = ["book-p1.svg": 0, "book-p2.svg": 1, "book-p3.svg": 2]
        for number in 1...3 {
            let page = GraphvizRenderer.BookPage(
                book: book, paper: { _ in number == 2 ? landscape : a4 }, destination: { targets[$0] })
            _ = try GraphvizRenderer.renderPage(dot: Self.page(number, wide: wide && number == 3), formats: [.pdf], book: page) { _ in 1 }
        }
        #expect(book.pageCount == 3)
        return try book.finish(outline: outline)
    }

    /// qpdf's view of the book's objects, one object a line (no object streams).
    static func objects(_ pdf: [UInt8]) throws -> String {
        try Tool.run("qpdf", ["--qdf", "--object-streams=disable", "{}", "-"], pdf: pdf).text
    }

    @Test func aStrictReaderFindsNothingWrong() throws {
        let check = try Tool.run("qpdf", ["--check", "{}"], pdf: try Self.book())
        #expect(check.exitCode == 0, "\(check.text) \(check.stderr)")
        #expect(!check.text.contains("WARNING") && !check.stderr.contains("WARNING"), "\(check.stderr)")
        #expect(check.text.contains("No syntax or stream encoding errors"))
    }

    @Test func eachPageIsOnItsPaperWithItsTitleAndText() throws {
        let pdf = try Self.book()
        let info = try Tool.run("pdfinfo", ["-f", "1", "-l", "3", "{}"], pdf: pdf).text
        #expect(info.contains("Pages:           3"))
        #expect(info.contains("Page    1 size:  595.28 x 841.89 pts (A4)"), "\(info)")
        #expect(info.contains("Page    2 size:  841.89 x 595.28 pts (A4)"), "\(info)")
        #expect(info.contains("Title:           Children's services"))
        #expect(info.contains("CreationDate:    Sat Jan  1 00:00:00 2000"), "\(info)")
        let text = try Tool.run("pdftotext", ["-f", "2", "-l", "2", "{}", "-"], pdf: pdf).text
        #expect(text.contains("Page 2") && text.contains("self") && text.contains("outside"))
    }

    @Test func aDrawingLargerThanItsPaperKeepsItsSize() throws {
        let info = try Tool.run("pdfinfo", ["-f", "3", "-l", "3", "{}"], pdf: try Self.book(wide: true)).text
        let width = info.split(separator: "\n").first { $0.hasPrefix("Page    3 size:") }?.split(separator: " ")[3]
        #expect((width.flatMap { Double($0) } ?? 0) > 1000, "\(info)")
    }

    @Test func linksToPagesOfTheBookGoThereAndOthersStayLinks() throws {
        let objects = try Self.objects(try Self.book())
        // Three page links, three self links, three links out.
        #expect(objects.components(separatedBy: "/Subtype /Link").count - 1 == 9)
        #expect(objects.components(separatedBy: "/URI (https://example.org/a?b=1&c=2)").count - 1 == 3)
        #expect(!objects.contains("book-p"), "no link names an SVG file")
        for page in 1...3 { #expect(objects.contains("(page-\(page))"), "page \(page) is a destination") }
    }

    @Test func theBookmarksNestAsGiven() throws {
        let json = try Tool.run("qpdf", ["--json", "--json-key=outlines", "{}"], pdf: try Self.book()).stdout
        let outlines = try #require((try JSONSerialization.jsonObject(with: json) as? [String: Any])?["outlines"] as? [[String: Any]])
        func tree(_ items: [[String: Any]]) -> [String] {
            items.map { item in
                let kids = tree(item["kids"] as? [[String: Any]] ?? [])
                let page = item["destpageposfrom1"] as? Int ?? 0
                return "\(item["title"] as? String ?? "?") p\(page)" + (kids.isEmpty ? "" : " [" + kids.joined(separator: ", ") + "]")
            }
        }
        #expect(tree(outlines) == ["Contents p1", "Overview – “quoted” é p2 [Branch p3]"])
        #expect(outlines.allSatisfy { $0["open"] as? Bool == true })
    }

    /// A second apart: a time stamp would change with the clock.
    @Test func drawingAgainLaterGivesIdenticalBytes() async throws {
        let first = try Self.book()
        try await Task.sleep(for: .milliseconds(1100))
        #expect(try Self.book() == first)
        #expect(try Self.book(title: "Another") != first)
    }

    @Test func theStreamsAreCompressedAtTheBooksLevel() throws {
        let pdf = try Self.book()
        // A zlib stream's second byte gives its level: 0x5E for levels 2 to 5, 0x9C for
        // zlib's default, 6.
        var levels: [UInt8: Int] = [:]
        let marker = Array("stream\n".utf8)
        var at = 0
        while at + marker.count + 2 <= pdf.count {
            if pdf[at] == marker[0], Array(pdf[at..<(at + marker.count)]) == marker, pdf[at + marker.count] == 0x78 {
                levels[pdf[at + marker.count + 1], default: 0] += 1
            }
            at += 1
        }
        #expect(PDFCompression.level == 3)
        #expect(levels.keys.sorted() == [0x5E], "\(levels)")
        #expect((levels[0x5E] ?? 0) >= 3)
    }

    @Test func aBookmarkToAPageNotDrawnIsRefused() throws {
        let book = PDFChartbook()
        let page = GraphvizRenderer.BookPage(book: book, paper: { _ in Self.a4 }, destination: { _ in nil })
        _ = try GraphvizRenderer.renderPage(dot: Self.page(1), formats: [.pdf], book: page) { _ in 1 }
        #expect(throws: GraphvizError.self) { try book.finish(outline: [PDFBookmark(title: "Lost", page: 4)]) }
        #expect(throws: GraphvizError.self) { try PDFChartbook().finish(outline: []) }
    }

    @Test func placementCentresAcrossAndSitsBelowTheTopMargin() {
        let placed = PDFChartbook.placement(of: DrawingSize(width: 400, height: 300), on: Self.a4)
        #expect(placed.page == Self.a4)
        #expect(abs(placed.drawing.left - 97.64) < 0.001 && placed.drawing.top == 18)
        let tall = PDFChartbook.placement(of: DrawingSize(width: 400, height: 830), on: Self.a4)
        #expect(abs(tall.drawing.top - 11.89) < 0.001, "what margin is left")
        let large = PDFChartbook.placement(of: DrawingSize(width: 1000, height: 900), on: Self.a4)
        #expect(large.page == DrawingSize(width: 1000, height: 900))
        #expect(large.drawing == PageFrame(left: 0, top: 0, width: 1000, height: 900))
    }
}

/// The cross-reference mending and the image-map reading the book relies on.
@Suite struct PDFChartbookPartsTests {
    /// A PDF of three objects whose table lists object 3 at `offset` (nil: where it is).
    static func pdf(thirdAt offset: String? = nil) -> [UInt8] {
        let first = "%PDF-1.5\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        let second = first + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
        let head = second + "3 0 obj\n[ 1 0 R ]\nendobj\n"
        let entries = [9, first.utf8.count].map { String(format: "%010d 00000 n \n", $0) }.joined()
        return Array(
            (head + "xref\n0 4\n0000000000 65535 f \n" + entries + (offset ?? String(format: "%010d", second.utf8.count))
                + " 00000 n \ntrailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n\(head.utf8.count)\n%%EOF\n").utf8)
    }

    @Test func anEntryThatMissesItsObjectIsListedAsFree() throws {
        let damaged = Self.pdf(thirdAt: "0000000015")
        let mended = PDFCrossReference.freeingUnwritten(damaged)
        #expect(
            String(decoding: mended, as: UTF8.self).contains(
                "0000000003 65535 f \n0000000009 00000 n \n0000000058 00000 n \n0000000000 00001 f \n"))
        #expect(mended.count == damaged.count)
        #expect(try Tool.run("qpdf", ["--check", "{}"], pdf: damaged).stderr.contains("WARNING"), "the test's file is damaged")
        let check = try Tool.run("qpdf", ["--check", "{}"], pdf: mended)
        #expect(check.exitCode == 0 && !check.stderr.contains("WARNING"), "\(check.stderr)")
    }

    @Test func aTrueTableAndAnythingElseAreLeftAlone() {
        let truthful = Self.pdf()
        #expect(PDFCrossReference.freeingUnwritten(truthful) == truthful)
        let other = Array("not a pdf".utf8)
        #expect(PDFCrossReference.freeingUnwritten(other) == other)
        let cut = Array(Self.pdf(thirdAt: "0000000015").dropLast(60))
        #expect(PDFCrossReference.freeingUnwritten(cut) == cut)
    }

    @Test func mapAreasBecomePointsWithTheirLinksUnescaped() {
        let map = """
            <map id="g" name="g">
            <area shape="rect" id="a" href="book&#45;p2.svg" title="x" alt="" coords="96,48,192,72"/>
            <area shape="rect" href="#a&amp;b&lt;c" coords="10,20,0,0"/>
            <area shape="rect" id="no-link" coords="1,2,3,4"/>
            </map>
            """
        let areas = LinkAreas.parse(Array(map.utf8), pixelsPerInch: 96)
        #expect(areas.count == 2)
        #expect(areas.first == LinkArea(href: "book-p2.svg", frame: PageFrame(left: 72, top: 36, width: 72, height: 18)))
        #expect(areas.last == LinkArea(href: "#a&b<c", frame: PageFrame(left: 0, top: 0, width: 7.5, height: 15)))
        #expect(LinkAreas.parse(Array(map.utf8), pixelsPerInch: 72).first?.frame.left == 96)
    }

    @Test func aPageHasLinksWhenItsDOTNamesOne() {
        #expect(LinkAreas.hasLink(#"digraph { a [href="p2.svg"]; }"#))
        #expect(LinkAreas.hasLink(##"digraph { a [label=<<TABLE><TR><TD HREF="#x">x</TD></TR></TABLE>>]; }"##))
        #expect(LinkAreas.hasLink(#"digraph { a [URL="p2.svg"]; }"#))
        #expect(LinkAreas.hasLink("URL="))
        #expect(!LinkAreas.hasLink(#"digraph { a [label="href", id="RL=x"]; b [ref="x"]; }"#))
        #expect(!LinkAreas.hasLink("=") && !LinkAreas.hasLink(""))
    }
}
