import Testing

@testable import PDFBook

/// The book's minimum version: the highest of its pages', compared as numbers.
@Suite struct PDFVersionTests {
    @Test func theHighestVersionWins() {
        #expect(PDFVersion.highest(["1.5", "1.7", "1.6"]) == "1.7")
        #expect(PDFVersion.highest(["1.10", "1.9"]) == "1.10")
        #expect(PDFVersion.highest(["2.0", "1.7"]) == "2.0")
    }

    @Test func transparencyNeedsAtLeast14() {
        #expect(PDFVersion.highest([]) == "1.4")
        #expect(PDFVersion.highest(["1.3", "", "garbage"]) == "1.4")
    }
}
