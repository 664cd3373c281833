/// One page of a chartbook: a one-page PDF and the paper it is to be placed on.
public struct PDFBookPage: Sendable, Equatable {
    /// A PDF file with exactly one page, such as Graphviz writes through cairo.
    public var pdf: [UInt8]
    /// The paper's width in points (842 for A4 landscape).
    public var paperWidth: Double
    /// The paper's height in points (595 for A4 landscape).
    public var paperHeight: Double

    public init(pdf: [UInt8], paperWidth: Double, paperHeight: Double) {
        self.pdf = pdf
        self.paperWidth = paperWidth
        self.paperHeight = paperHeight
    }
}
