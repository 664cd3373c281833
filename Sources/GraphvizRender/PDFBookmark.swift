/// A bookmark in a chartbook's outline, in outline order: each nests under the nearest
/// bookmark before it with a smaller level.
public struct PDFBookmark: Sendable, Equatable {
    /// The text a PDF viewer shows; any Unicode.
    public var title: String
    /// The 0-based index, into the book's pages, of the page the bookmark opens.
    public var page: Int
    /// Its depth in the outline: 0 at the top.
    public var level: Int

    public init(title: String, page: Int, level: Int = 0) {
        self.title = title
        self.page = page
        self.level = level
    }
}
