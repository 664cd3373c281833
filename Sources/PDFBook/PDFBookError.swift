/// Why a chartbook could not be assembled; messages quote qpdf's own words where it gave any.
///
/// Page indexes are 0-based, as in `PDFBook.assemble`; messages count pages from 1.
public enum PDFBookError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No pages were given.
    case noPages
    /// A page's paper is not a usable size (not finite, or not above zero).
    case unusablePaper(index: Int, width: Double, height: Double)
    /// qpdf could not read a page's bytes as a PDF; `qpdfMessage` is its report.
    case unreadablePage(index: Int, qpdfMessage: String)
    /// A page's PDF has some number of pages other than one.
    case notOnePage(index: Int, pageCount: Int)
    /// A page's PDF has no `/MediaBox` of four finite numbers enclosing some area.
    case noMediaBox(index: Int)
    /// A link target names a page the book does not have.
    case linkTargetOutOfRange(uri: String, page: Int, pageCount: Int)
    /// A bookmark names a page the book does not have.
    case bookmarkOutOfRange(title: String, page: Int, pageCount: Int)
    /// qpdf failed while joining the pages or writing the book; `qpdfMessage` is its report.
    case assemblyFailed(qpdfMessage: String)

    /// A one-line message suitable for showing to the person running the tool.
    public var description: String {
        switch self {
        case .noPages:
            return "A chartbook needs at least one page, and none were given"
        case .unusablePaper(let index, let width, let height):
            return "Page \(index + 1) has paper of \(points(width)) × \(points(height)) pt; "
                + "width and height must be finite and above zero"
        case .unreadablePage(let index, let qpdfMessage):
            // qpdf names the page by the description it was given ("page 3: …"); once is enough.
            let prefix = "page \(index + 1): "
            let words = qpdfMessage.hasPrefix(prefix) ? String(qpdfMessage.dropFirst(prefix.count)) : qpdfMessage
            return "Page \(index + 1) could not be read as a PDF: \(words)"
        case .notOnePage(let index, let pageCount):
            return "Page \(index + 1) should be a one-page PDF but has \(pageCount) "
                + (pageCount == 1 ? "page" : "pages")
        case .noMediaBox(let index):
            return "Page \(index + 1) has no usable /MediaBox (four finite numbers enclosing some area)"
        case .linkTargetOutOfRange(let uri, let page, let pageCount):
            return "The link target '\(uri)' points at page \(page + 1), but the book has \(pageCount) "
                + (pageCount == 1 ? "page" : "pages")
        case .bookmarkOutOfRange(let title, let page, let pageCount):
            return "The bookmark '\(title)' points at page \(page + 1), but the book has \(pageCount) "
                + (pageCount == 1 ? "page" : "pages")
        case .assemblyFailed(let qpdfMessage):
            return "qpdf could not assemble the chartbook: \(qpdfMessage)"
        }
    }

    /// A length in points as people write it: `842`, not `842.0`.
    private func points(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return String(value)
    }
}
