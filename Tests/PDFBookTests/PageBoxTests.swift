import Testing

@testable import PDFBook

/// Where a drawing lands on its paper: centred across, 18 pt from the top.
@Suite struct PageBoxTests {
    @Test func aSmallDrawingIsCentredAcrossAndHangsFromTheTop() throws {
        let drawing = try #require(PageBox(rectangle: [0, 0, 316, 188]))
        let placed = drawing.placed(onPaperWidth: 842, height: 595)
        #expect(placed == PageBox(left: -263, bottom: -389, right: 579, top: 206))
    }

    @Test func anOddDifferenceSplitsIntoHalfPoints() throws {
        let drawing = try #require(PageBox(rectangle: [0, 0, 205, 100]))
        let placed = drawing.placed(onPaperWidth: 842, height: 595)
        #expect(placed.left == -318.5)
        #expect(placed.width == 842)
    }

    @Test func aBoxNotAtTheOriginKeepsItsUserSpace() throws {
        let drawing = try #require(PageBox(rectangle: [100, 50, 200, 150]))
        let placed = drawing.placed(onPaperWidth: 300, height: 300)
        #expect(placed == PageBox(left: 0, bottom: -132, right: 300, top: 168))
    }

    @Test func cornersMayComeInEitherOrder() {
        #expect(PageBox(rectangle: [316, 188, 0, 0]) == PageBox(left: 0, bottom: 0, right: 316, top: 188))
    }

    @Test func aDrawingWiderThanThePaperKeepsItsWidth() throws {
        let drawing = try #require(PageBox(rectangle: [0, 0, 1200, 300]))
        let placed = drawing.placed(onPaperWidth: 842, height: 595)
        #expect(placed.left == 0 && placed.right == 1200)
        #expect(placed.top == 318 && placed.height == 595)
    }

    @Test func aDrawingTallerThanThePaperKeepsItsHeight() throws {
        let drawing = try #require(PageBox(rectangle: [0, 0, 400, 900]))
        let placed = drawing.placed(onPaperWidth: 842, height: 595)
        #expect(placed.bottom == 0 && placed.top == 900)
        #expect(placed.width == 842)
    }

    /// A drawing that fits the paper but not with the whole margin keeps its foot on the paper.
    @Test func aDrawingThatNearlyFillsThePaperGetsWhatMarginIsLeft() throws {
        let drawing = try #require(PageBox(rectangle: [0, 0, 800, 585]))
        let placed = drawing.placed(onPaperWidth: 842, height: 595)
        #expect(placed.top == 595 && placed.bottom == 0)
        let exact = try #require(PageBox(rectangle: [0, 0, 842, 595])).placed(onPaperWidth: 842, height: 595)
        #expect(exact == PageBox(left: 0, bottom: 0, right: 842, top: 595))
    }

    @Test(arguments: [[0, 0, 0, 100], [0, 0, 100, 0], [0, 0, 100], [0, 0, .nan, 100], [0, 0, 100, .infinity]] as [[Double]])
    func boxesEnclosingNoAreaAreRefused(values: [Double]) {
        #expect(PageBox(rectangle: values) == nil)
    }
}
