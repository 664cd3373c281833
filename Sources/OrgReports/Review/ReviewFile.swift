import OrgModel

/// A file of a review, by its name in the review's folder, built in memory before
/// anything is written (a review is written whole or not at all).
public struct ReviewFile: Sendable, Equatable {
    public var name: String
    public var bytes: [UInt8]
    /// A chart page or chartbook: drawn (and audited for redaction) as it was drawn,
    /// rather than text the review wrote.
    public var isChart: Bool

    public init(name: String, bytes: [UInt8], isChart: Bool = false) {
        self.name = name
        self.bytes = bytes
        self.isChart = isChart
    }

    init(name: String, text: String) { self.init(name: name, bytes: Array(text.utf8)) }
}

/// What draws a review's charts: the four chartbooks (current, proposed, current beside
/// proposed, the changes) of a current and a proposed structure. The command draws them
/// through Graphviz; the library only names and places them, so it stays free of C.
public protocol ReviewChartDrawer {
    /// The chartbooks, every file name starting with `prefix`: `current.pdf`,
    /// `current.svg` (or `current-p01.svg`, … a page each), … `changes.png`.
    func chartbooks(current: ValidationResult, proposed: ValidationResult, prefix: String) throws -> ReviewChartbooks
}

/// The chartbooks of one review, as drawn.
public struct ReviewChartbooks: Sendable, Equatable {
    public var files: [ReviewFile]
    /// Pages in each chartbook (they share one plan), and how many are contents.
    public var pageCount: Int
    public var contentsPages: Int

    public init(files: [ReviewFile], pageCount: Int, contentsPages: Int) {
        self.files = files
        self.pageCount = pageCount
        self.contentsPages = contentsPages
    }
}
