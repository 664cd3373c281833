import Foundation
import GraphvizRender
import OrgChart

/// A chartbook's pages ready to draw: each page's DOT text, and what drawing it needs (the
/// formats and files, the paper, the page links and the bookmarks). Codable, so that a
/// second process can draw some of a review's books (`PageWorker`).
struct BookPages: Codable {
    struct Output: Codable {
        var format: RenderFormat
        var path: String
    }

    struct Page: Codable {
        var number: Int
        var dot: String
        /// The smallest type on the page, in points before scaling.
        var smallestType: Double
    }

    /// A book drawn: its files in order, and what to tell the user (Graphviz's warnings,
    /// pages below the floor).
    struct Drawn {
        var files: [(path: String, bytes: [UInt8])] = []
        var notes: [String] = []
    }

    var outputs: [Output]
    var print: PrintSettings
    var link: PageLink
    var pages: [Page] = []
    var bookmarks: [Chartbook.Bookmark] = []

    /// The bookmarks of the pages drawn, each opening its page's place in the PDF.
    var pdfBookmarks: [PDFBookmark] {
        let drawn = Dictionary(pages.enumerated().map { ($1.number, $0) }) { first, _ in first }
        return bookmarks.compactMap { mark in drawn[mark.page].map { PDFBookmark(title: mark.title, page: $0, level: mark.level) } }
    }

    init(outputs: [(format: RenderFormat, path: String)], print: PrintSettings, link: PageLink) {
        self.outputs = outputs.map { Output(format: $0.format, path: $0.path) }
        self.print = print
        self.link = link
    }
}

extension ChartRenderer {
    /// Draws a book's pages in each format (one layout a page); the PDF's pages go into one
    /// document, with links between its pages and a bookmark a page.
    static func drawPages(_ book: BookPages) throws -> BookPages.Drawn {
        guard let first = book.outputs.first else { return BookPages.Drawn() }
        let print = book.print
        let stemOf = { (path: String) in (path as NSString).deletingPathExtension }
        let pdf = book.outputs.first { $0.format == .pdf }
        let bookPage = pdf.map { _ in Self.bookPage(link: book.link, numbers: book.pages.map(\.number), print: print) }
        let formats = book.outputs.map(\.format)
        var drawn = BookPages.Drawn()
        var small: [(page: Int, points: Double)] = []
        for page in book.pages {
            let rendered: PageRenderOutput
            do {
                rendered = try PhaseTimes.shared.time("pages: layout and drawing") { () throws(GraphvizError) in
                    try GraphvizRenderer.renderPage(dot: page.dot, formats: formats, book: bookPage) { size in
                        print.steadyScale(print.fit(width: size.width, height: size.height).scale, smallestType: page.smallestType)
                    }
                }
            } catch {
                throw error.about(first.path)
            }
            drawn.notes += rendered.warnings.map { "orgmodel: Graphviz: \($0)" }
            if rendered.scale * page.smallestType < print.minText - 1e-9 { small.append((page.number, rendered.scale * page.smallestType)) }
            for (output, file) in zip(book.outputs.filter { bookPage == nil || $0.format != .pdf }, rendered.files) {
                if book.pages.count == 1 {
                    drawn.files.append((output.path, file.bytes))
                } else {
                    let ext = (output.path as NSString).pathExtension
                    drawn.files.append(
                        ("\(stemOf(output.path))-p\(book.link.number(page.number))\(ext.isEmpty ? "" : "." + ext)", file.bytes))
                }
            }
        }
        if !small.isEmpty {
            let list = small.map { String(format: "p. %d (%.1f pt)", $0.page, $0.points) }.joined(separator: ", ")
            drawn.notes.append(
                "note: \(first.path): these pages print below \(Self.points(print.minText)) pt even split as far as they go: \(list)")
        }
        guard let pdf, let bookPage else { return drawn }
        let bytes: [UInt8]
        do {
            bytes = try PhaseTimes.shared.time("PDF finishing") { () throws(GraphvizError) in
                try bookPage.book.finish(outline: book.pdfBookmarks)
            }
        } catch {
            throw error.about(pdf.path)
        }
        // The PDF first when it was asked for first.
        drawn.files.insert((pdf.path, bytes), at: first.format == .pdf ? 0 : drawn.files.count)
        return drawn
    }

    /// A chartbook PDF's pages: each on the paper its drawing fits, and a link to a page drawn
    /// (by its SVG name) a link to that page of the book.
    static func bookPage(link: PageLink, numbers: [Int], print: PrintSettings) -> GraphvizRenderer.BookPage {
        let drawn = Dictionary(numbers.enumerated().map { (link.href($1), $0) }) { first, _ in first }
        return GraphvizRenderer.BookPage(
            book: PDFChartbook(),
            paper: { size in
                let sheet = print.sheet(width: size.width, height: size.height)
                return DrawingSize(width: sheet.width, height: sheet.height)
            },
            destination: { drawn[$0] })
    }
}
