import CCairo
import CGraphviz

/// A chartbook's PDF made in one pass: Graphviz draws each page it lays out straight into one
/// cairo PDF document, on its paper, and `finish` adds the bookmarks and returns the file.
///
/// Each font is embedded once for the whole book, not once a page, and no page is written as
/// a PDF of its own to be joined afterwards: a 1,224-page book is about a tenth of the size
/// and takes a fraction of the time that drawing and joining single pages took.
///
/// A page's links that name a page of the book (`destination` gives its index) go to that
/// page; a link to `#ID` (a box that links to itself) goes to its own page; any other link
/// stays a link to its URI. Not thread-safe on its own: pages are added through
/// `GraphvizRenderer.renderPage`, behind Graphviz's one lock.
public final class PDFChartbook {
    /// Where cairo writes the document, as it goes.
    private final class Sink {
        var bytes: [UInt8] = []
    }

    private let sink = Sink()
    private let surface: OpaquePointer
    /// Pages drawn so far.
    public private(set) var pageCount = 0
    private var finished = false

    /// The space between the paper's top edge and the drawing, in points (a quarter inch).
    public static let topMargin = 18.0

    /// A book with `title` in its document information (none when nil).
    public init(title: String? = nil) {
        let sink = self.sink
        surface = cairo_pdf_surface_create_for_stream(
            { closure, data, length in
                guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
                let sink = Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue()
                sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
                return CAIRO_STATUS_SUCCESS
            }, Unmanaged.passUnretained(sink).toOpaque(), 595, 842)
        // The same input gives the same bytes: cairo would stamp the time of writing.
        for key in [CAIRO_PDF_METADATA_CREATE_DATE, CAIRO_PDF_METADATA_MOD_DATE] {
            cairo_pdf_surface_set_metadata(surface, key, Self.fixedDate)
        }
        if let title { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title) }
    }

    deinit {
        cairo_surface_destroy(surface)
    }

    /// The time stamp every book carries: 2000-01-01, as `PDFDates` pins single pages.
    static let fixedDate = "2000-01-01T00:00:00Z"

    /// The named destination at the top of page `index` (0-based).
    static func destination(_ index: Int) -> String { "page-\(index + 1)" }

    /// Where a drawing of `size` points goes on paper `paper`: centred across it and
    /// `topMargin` from its top edge (what margin is left when that does not fit). A drawing
    /// wider or taller than the paper makes the page that much larger: cutting it off would
    /// lose part of the chart.
    static func placement(of size: DrawingSize, on paper: DrawingSize) -> (page: DrawingSize, drawing: PageFrame) {
        let page = DrawingSize(width: max(paper.width, size.width), height: max(paper.height, size.height))
        let left = paper.width > size.width ? rounded((paper.width - size.width) / 2) : 0
        let top = paper.height > size.height ? min(topMargin, paper.height - size.height) : 0
        return (page, PageFrame(left: left, top: top, width: size.width, height: size.height))
    }

    /// Rounds to 1/10000 pt, so written numbers stay short.
    private static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    /// Draws a laid-out graph as the next page, and returns Graphviz's status (0: drawn),
    /// for the caller to settle with what Graphviz said. `drawn` is the drawing's size as
    /// rendered (its pad and scale included); `links` are its link areas in points from the
    /// drawing's top-left corner. Call only inside `GraphvizRenderer.withLayout`.
    func addPage(
        _ gvc: OpaquePointer, _ graph: UnsafeMutablePointer<Agraph_t>, drawn: DrawingSize, paper: DrawingSize,
        links: [LinkArea], destination: (String) -> Int?
    ) throws(GraphvizError) -> Int32 {
        guard !finished else { throw .render(format: "pdf", message: "the chartbook was already finished") }
        let (page, frame) = Self.placement(of: drawn, on: paper)
        cairo_pdf_surface_set_size(surface, page.width, page.height)
        let cr = cairo_create(surface)
        defer { cairo_destroy(cr) }
        cairo_tag_begin(cr, CAIRO_TAG_DEST, "name='\(Self.destination(pageCount))' x=0 y=0")
        cairo_tag_end(cr, CAIRO_TAG_DEST)
        // Graphviz finishes the surface it is given at the end of its page: a window onto
        // the book's page takes that in the book's place.
        let window = cairo_surface_create_for_rectangle(surface, frame.left, frame.top, frame.width, frame.height)
        let drawing = cairo_create(window)
        let status = gvRenderContext(gvc, graph, "pdf", UnsafeMutableRawPointer(drawing))
        cairo_destroy(drawing)
        cairo_surface_destroy(window)
        for link in links {
            let area = link.frame
            let rect = "rect=[\(frame.left + area.left) \(frame.top + area.top) \(area.width) \(area.height)]"
            if link.href.hasPrefix("#") {
                cairo_tag_begin(cr, CAIRO_TAG_LINK, "\(rect) dest='\(Self.destination(pageCount))'")
            } else if let target = destination(link.href) {
                cairo_tag_begin(cr, CAIRO_TAG_LINK, "\(rect) dest='\(Self.destination(target))'")
            } else {
                cairo_tag_begin(cr, CAIRO_TAG_LINK, "\(rect) uri='\(Self.quoted(link.href))'")
            }
            cairo_tag_end(cr, CAIRO_TAG_LINK)
        }
        cairo_show_page(cr)
        pageCount += 1
        try check()
        return status
    }

    /// A link's text as a cairo attribute string holds it: `'` and `\` escaped.
    static func quoted(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
    }

    /// Adds the bookmarks (every level open) and returns the finished PDF. Throws when a
    /// bookmark names a page not drawn, or cairo failed.
    public func finish(outline: [PDFBookmark]) throws(GraphvizError) -> [UInt8] {
        guard !finished else { throw .render(format: "pdf", message: "the chartbook was already finished") }
        guard pageCount > 0 else { throw .render(format: "pdf", message: "a chartbook needs at least one page") }
        // The open bookmarks by level, each the parent of a deeper one that follows.
        var open: [(level: Int, id: Int32)] = []
        for bookmark in outline {
            guard (0..<pageCount).contains(bookmark.page) else {
                throw .render(
                    format: "pdf", message: "the bookmark \"\(bookmark.title)\" names page \(bookmark.page + 1) of \(pageCount)")
            }
            while let last = open.last, last.level >= bookmark.level { open.removeLast() }
            let id = cairo_pdf_surface_add_outline(
                surface, open.last?.id ?? Int32(CAIRO_PDF_OUTLINE_ROOT), bookmark.title,
                "dest='\(Self.destination(bookmark.page))'", CAIRO_PDF_OUTLINE_FLAG_OPEN)
            open.append((bookmark.level, id))
        }
        finished = true
        cairo_surface_finish(surface)
        try check()
        return PDFCrossReference.freeingUnwritten(sink.bytes)
    }

    private func check() throws(GraphvizError) {
        let status = cairo_surface_status(surface)
        guard status != CAIRO_STATUS_SUCCESS else { return }
        throw .render(format: "pdf", message: "cairo: " + String(cString: cairo_status_to_string(status)))
    }
}

/// A rectangle in points from a page's (or a drawing's) top-left corner, y growing down.
struct PageFrame: Equatable {
    var left: Double
    var top: Double
    var width: Double
    var height: Double
}

/// A link area of a drawn page: where on the drawing, and what it links to.
struct LinkArea: Equatable {
    var href: String
    var frame: PageFrame
}
