/// A bookmark in a chartbook's outline, with the bookmarks nested under it.
public struct PDFOutlineItem: Sendable, Equatable {
    /// The text a PDF viewer shows; any Unicode.
    public var title: String
    /// The 0-based index, into the book's pages, of the page the bookmark opens.
    public var page: Int
    /// Bookmarks shown under this one, in order.
    public var children: [PDFOutlineItem]

    public init(title: String, page: Int, children: [PDFOutlineItem] = []) {
        self.title = title
        self.page = page
        self.children = children
    }
}
