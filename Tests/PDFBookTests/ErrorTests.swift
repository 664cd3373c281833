import PDFBook
import Testing

/// Bad pages and bad arguments give errors that say which page and why; nothing crashes.
@Suite struct ErrorTests {
    static func assemble(
        _ pages: [PDFBookPage], linkTargets: [String: Int] = [:], outline: [PDFOutlineItem] = []
    ) -> Result<[UInt8], PDFBookError> {
        Result { () throws(PDFBookError) in
            try PDFBook.assemble(pages: pages, linkTargets: linkTargets, outline: outline, title: nil)
        }
    }

    static func a4(_ pdf: [UInt8]) -> PDFBookPage { PDFBookPage(pdf: pdf, paperWidth: 842, paperHeight: 595) }

    @Test func aPageThatIsNotAPDFIsNamed() throws {
        let good = try Charts.first.get()
        let result = Self.assemble([Self.a4(good), Self.a4(good), Self.a4(Array("not a PDF at all".utf8))])
        guard case .failure(.unreadablePage(let index, let message)) = result else {
            Issue.record("expected unreadablePage, got \(result)")
            return
        }
        #expect(index == 2)
        #expect(message.contains("unable to find trailer dictionary"))
        let description = PDFBookError.unreadablePage(index: index, qpdfMessage: message).description
        #expect(description == "Page 3 could not be read as a PDF: unable to find trailer dictionary while recovering damaged file")
    }

    @Test func anEmptyPageIsNamed() {
        let result = Self.assemble([Self.a4([])])
        guard case .failure(.unreadablePage(index: 0, _)) = result else {
            Issue.record("expected unreadablePage for page 1, got \(result)")
            return
        }
    }

    @Test func aTruncatedPDFIsAnErrorNotACrash() throws {
        let good = try Charts.first.get()
        for length in [9, good.count / 3, good.count / 2, good.count - 40] {
            let result = Self.assemble([Self.a4(good), Self.a4(Array(good.prefix(length)))])
            if case .failure(let error) = result {
                // Either qpdf cannot read it, or it reads a page with its stream cut short.
                let known: Bool
                switch error {
                case .unreadablePage(index: 1, _), .notOnePage(index: 1, _), .noMediaBox(index: 1), .assemblyFailed:
                    known = true
                default:
                    known = false
                }
                #expect(known, "cut at \(length): \(error)")
                #expect(error.description.contains("2") || error.description.contains("qpdf"))
            }
        }
    }

    @Test func aPDFWithTwoPagesIsRefused() {
        let two = HandMadePDF.make(pageBoxes: ["[0 0 100 100]", "[0 0 100 100]"])
        let result = Self.assemble([Self.a4(two)])
        #expect(result.failure == .notOnePage(index: 0, pageCount: 2))
        #expect(result.failure?.description == "Page 1 should be a one-page PDF but has 2 pages")
    }

    @Test func aPDFWithNoPagesIsRefused() {
        let none = HandMadePDF.make(pageBoxes: [])
        #expect(Self.assemble([Self.a4(none)]).failure == .notOnePage(index: 0, pageCount: 0))
    }

    @Test func aPageWithoutAMediaBoxIsRefused() {
        let boxless = HandMadePDF.make(pageBoxes: [nil])
        let result = Self.assemble([Self.a4(boxless)])
        #expect(result.failure == .noMediaBox(index: 0))
        #expect(result.failure?.description.hasPrefix("Page 1 has no usable /MediaBox") == true)
        let flat = HandMadePDF.make(pageBoxes: ["[0 0 100 0]"])
        #expect(Self.assemble([Self.a4(flat)]).failure == .noMediaBox(index: 0))
    }

    @Test func noPagesIsAnError() {
        #expect(Self.assemble([]).failure == .noPages)
    }

    @Test(arguments: [(0.0, 595.0), (842, -1), (.nan, 595), (842, .infinity)])
    func unusablePaperIsNamed(width: Double, height: Double) throws {
        let pages = [Self.a4(try Charts.first.get()), PDFBookPage(pdf: try Charts.first.get(), paperWidth: width, paperHeight: height)]
        guard case .failure(.unusablePaper(index: 1, _, _)) = Self.assemble(pages) else {
            Issue.record("expected unusablePaper for page 2")
            return
        }
        #expect(
            PDFBookError.unusablePaper(index: 1, width: 0, height: 595).description
                == "Page 2 has paper of 0 × 595 pt; width and height must be finite and above zero")
    }

    @Test func aLinkTargetBeyondTheLastPageIsAnError() throws {
        let result = Self.assemble([Self.a4(try Charts.first.get())], linkTargets: ["p2": 1])
        #expect(result.failure == .linkTargetOutOfRange(uri: "p2", page: 1, pageCount: 1))
        #expect(result.failure?.description == "The link target 'p2' points at page 2, but the book has 1 page")
        #expect(
            Self.assemble([Self.a4(try Charts.first.get())], linkTargets: ["p0": -1]).failure
                == .linkTargetOutOfRange(uri: "p0", page: -1, pageCount: 1))
    }

    @Test func aBookmarkBeyondTheLastPageIsAnError() throws {
        let outline = [PDFOutlineItem(title: "Top", page: 0, children: [PDFOutlineItem(title: "Lost", page: 5)])]
        let result = Self.assemble([Self.a4(try Charts.first.get())], outline: outline)
        #expect(result.failure == .bookmarkOutOfRange(title: "Lost", page: 5, pageCount: 1))
        #expect(result.failure?.description == "The bookmark 'Lost' points at page 6, but the book has 1 page")
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
