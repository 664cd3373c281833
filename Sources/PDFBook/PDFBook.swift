import CQPDF

/// Joins one-page PDFs into one chartbook PDF with links between its pages and bookmarks.
public enum PDFBook {
    /// The /Producer written into every book's document information.
    public static let producer = "orgmodel"

    /// Joins `pages`, in order, into one PDF and returns its bytes.
    ///
    /// Each page is put on paper of its `paperWidth` × `paperHeight`, its drawing centred across
    /// the paper and 18 pt below its top edge; a drawing larger than the paper keeps its own size
    /// in that direction. Only the media box changes: content is copied, not re-encoded.
    ///
    /// - Parameters:
    ///   - linkTargets: a link whose URI equals a key (byte for byte) becomes a link to that
    ///     0-based page, shown from its top; other links keep their URI actions.
    ///   - outline: bookmarks, nested as given and all open; none means no outline.
    ///   - title: the document title in /Info, if any.
    /// - Returns: a PDF that is byte-identical for identical input (no time stamps, an /ID
    ///   derived from the content).
    ///
    /// Safe to call from any thread: every qpdf object it uses belongs to the one call.
    public static func assemble(
        pages: [PDFBookPage], linkTargets: [String: Int], outline: [PDFOutlineItem], title: String?
    ) throws(PDFBookError) -> [UInt8] {
        guard !pages.isEmpty else { throw .noPages }
        for (index, page) in pages.enumerated() {
            let usable = [page.paperWidth, page.paperHeight].allSatisfy { $0.isFinite && $0 > 0 }
            guard usable else { throw .unusablePaper(index: index, width: page.paperWidth, height: page.paperHeight) }
        }
        for (uri, page) in linkTargets.sorted(by: { $0.key < $1.key }) where !pages.indices.contains(page) {
            throw .linkTargetOutOfRange(uri: uri, page: page, pageCount: pages.count)
        }
        let tree = OutlineTree(outline)
        if let entry = tree.firstOutOfRange(pageCount: pages.count) {
            throw .bookmarkOutOfRange(title: entry.title, page: entry.page, pageCount: pages.count)
        }

        // qpdf copies page content lazily, at write time, from each source's bytes; so every
        // source stays alive until the book is written.
        var sources: [Drawing] = []
        defer { withExtendedLifetime(sources) {} }
        for (index, page) in pages.enumerated() {
            sources.append(try Drawing(reading: page.pdf, index: index))
        }
        do throws(QPDFFailure) {
            return try write(sources, pages: pages, linkTargets: linkTargets, outline: tree, title: title)
        } catch {
            throw .assemblyFailed(qpdfMessage: error.message)
        }
    }

    /// Builds the book in a fresh document, which is freed before the sources are.
    private static func write(
        _ sources: [Drawing], pages: [PDFBookPage], linkTargets: [String: Int], outline: OutlineTree, title: String?
    ) throws(QPDFFailure) -> [UInt8] {
        let book = try QPDFDocument.empty()
        for source in sources {
            try book.appendPage(source.page, from: source.document)
        }

        var placed: [PlacedPage] = []
        for (index, page) in pages.enumerated() {
            let object = try book.page(at: index)
            let box = sources[index].box.placed(onPaperWidth: page.paperWidth, height: page.paperHeight)
            book.set(
                object, "/MediaBox",
                book.newArray([box.left, box.bottom, box.right, box.top].map(book.newNumber)))
            // The media box is the paper now; a crop or trim box from the drawing would cut it down.
            for key in ["/CropBox", "/BleedBox", "/TrimBox", "/ArtBox"] { book.remove(object, key) }
            placed.append(PlacedPage(object: object, box: box))
        }
        try book.check()

        let targets = Dictionary(linkTargets.map { (Array($0.key.utf8), $0.value) }) { first, _ in first }
        for page in placed {
            try InternalLinks.rewrite(page, targets: targets, pages: placed, in: book)
        }
        try outline.install(pages: placed, in: book)

        let info = book.makeIndirect(book.newDictionary())
        if let title { book.set(info, "/Title", book.newString(PDFTextString.bytes(for: title))) }
        book.set(info, "/Producer", book.newString(PDFTextString.bytes(for: producer)))
        book.set(book.trailer, "/Info", info)
        try book.check()

        return try book.write(minimumVersion: PDFVersion.highest(sources.map(\.document.version)))
    }
}

/// A source page read by qpdf: its document, its page object and the drawing's media box.
private struct Drawing {
    var document: QPDFDocument
    var page: qpdf_oh
    var box: PageBox

    init(reading pdf: [UInt8], index: Int) throws(PDFBookError) {
        let count: Int
        do throws(QPDFFailure) {
            document = try QPDFDocument.reading(pdf, description: "page \(index + 1)")
            count = try document.pageCount()
            if count == 1 {
                // So a /MediaBox kept on the page tree, not the page, travels with the page.
                try document.pushInheritedAttributesToPages()
                page = try document.page(at: 0)
            } else {
                page = 0
            }
        } catch {
            throw .unreadablePage(index: index, qpdfMessage: error.message)
        }
        guard count == 1 else { throw .notOnePage(index: index, pageCount: count) }

        let corners = document.items(document.key(page, "/MediaBox")).map(document.number)
        let values = corners.compactMap { $0 }
        if let message = document.failure() { throw .unreadablePage(index: index, qpdfMessage: message) }
        guard values.count == corners.count, let box = PageBox(rectangle: values) else {
            throw .noMediaBox(index: index)
        }
        self.box = box
    }
}
