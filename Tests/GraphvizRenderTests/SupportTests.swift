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

    @Test func writeReplacesTheFileAndLeavesNoTemporaries() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("gv-write-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("chart.svg")

        try GraphvizRenderer.write(Array("first".utf8), to: target)
        try GraphvizRenderer.write(Array("second".utf8), to: target)

        #expect(try Data(contentsOf: target) == Data("second".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["chart.svg"])
    }

    @Test func writeIntoMissingDirectoryExplainsWhy() {
        let target = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/chart.svg")
        #expect {
            try GraphvizRenderer.write([1, 2, 3], to: target)
        } throws: { error in
            guard case .output(let path, let message) = error as? GraphvizError else { return false }
            return path == target.path && message.contains("does not exist")
        }
    }
}
