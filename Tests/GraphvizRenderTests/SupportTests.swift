import Foundation
import Testing

@testable import GraphvizRender

/// The pure helpers: format lookup, PDF date pinning and whole-or-nothing file writes.
@Suite struct SupportTests {
    @Test func formatFromFileExtensionIsCaseInsensitive() {
        #expect(RenderFormat(fileExtension: "SVG") == .svg)
        #expect(RenderFormat(fileExtension: ".pdf") == .pdf)
        #expect(RenderFormat(fileExtension: "Png") == .png)
        #expect(RenderFormat(fileExtension: "json") == .json)
        #expect(RenderFormat(fileExtension: "dot") == .dot)
        #expect(RenderFormat(fileExtension: "gif") == nil)
        #expect(RenderFormat(fileExtension: "") == nil)
    }

    @Test func pdfDatesKeepTheirLengthAndShape() {
        let original = "1 0 obj\n<< /CreationDate (D:20261122132108+01'00)\n /ModDate (D:20261122132108Z) >>\nxref"
        let pinned = String(decoding: PDFDates.pin(Array(original.utf8)), as: UTF8.self)
        #expect(pinned.utf8.count == original.utf8.count)
        #expect(pinned == "1 0 obj\n<< /CreationDate (D:20000101000000+00'00)\n /ModDate (D:20000101000000Z) >>\nxref")
    }

    @Test func pdfWithoutDatesIsUnchanged() {
        let bytes = Array("%PDF-1.5\n/CreationDate 12\n/ModDate (not a date)\n%%EOF\n".utf8)
        #expect(PDFDates.pin(bytes) == bytes)
    }

    @Test func scaleSaysHowFarSizeShrankTheDrawing() throws {
        let wide = "digraph { size=\"2,2\"; " + (0..<40).map { "n\($0) [shape=box, width=1];" }.joined() + " }"
        let shrunk = try GraphvizRenderer.renderWithWarnings(dot: wide, format: .svg)
        let scale = try #require(shrunk.scale)
        #expect(scale > 0 && scale < 0.2)
        let small = try GraphvizRenderer.renderWithWarnings(dot: "digraph { size=\"11,8\"; a -> b }", format: .pdf)
        #expect(small.scale == 1)
        #expect(try GraphvizRenderer.renderWithWarnings(dot: "digraph { a }", format: .dot).scale == nil)
    }
}
