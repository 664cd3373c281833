import Foundation
import Testing

@testable import GraphvizRender

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What each format's bytes look like, and that they carry the chart's content.
@Suite struct OutputFormatTests {
    @Test func svgIsWellFormedXMLWithTheNodeIDs() throws {
        let svg = try GraphvizRenderer.render(dot: Fixtures.orgChart, format: .svg)
        let scan = try XMLScan(svg)
        for id in ["node-ceo", "node-cto", "node-cfo", "node-dev1", "node-dev2"] {
            #expect(scan.ids.contains(id), "missing id \(id)")
        }
        #expect(scan.text.contains("Chief Executive"))
    }

    @Test func pdfStartsWithPDFHeader() throws {
        let pdf = try GraphvizRenderer.render(dot: Fixtures.orgChart, format: .pdf)
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        #expect(pdf.suffix(6).elementsEqual(Array("%%EOF\n".utf8)))
    }

    @Test func pdfCreationDateIsPinned() throws {
        let pdf = try GraphvizRenderer.render(dot: Fixtures.orgChart, format: .pdf)
        let text = String(decoding: pdf, as: Unicode.ASCII.self)
        #expect(text.contains("/CreationDate (D:20000101000000"))
    }

    @Test func pngHasPNGSignature() throws {
        let png = try GraphvizRenderer.render(dot: Fixtures.orgChart, format: .png)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    }

    @Test func dotFormatReturnsTheTextUntouched() throws {
        let broken = "this is not DOT at all"
        #expect(try GraphvizRenderer.render(dot: broken, format: .dot) == Array(broken.utf8))
    }

    @Test func nonLatinAndEmojiLabelsSurviveIntoSVG() throws {
        let label = "Zoë Ångström — 北京 сотрудник 🚀👩🏽‍💻"
        let svg = try GraphvizRenderer.render(dot: "digraph { a [label=\"\(label)\"] }", format: .svg)
        #expect(try XMLScan(svg).text.contains(label))
    }

    @Test func warningsAreReportedNotPrinted() throws {
        let output = try GraphvizRenderer.renderWithWarnings(
            dot: "digraph { a [shape=nosuchshape] }", format: .svg)
        #expect(output.warnings.contains { $0.contains("nosuchshape") })
        #expect(output.bytes.count > 0)
    }
}

/// Collects `id` attributes and character data from an XML document, failing on malformed input.
private final class XMLScan: NSObject, XMLParserDelegate {
    private(set) var ids: Set<String> = []
    private(set) var text = ""

    init(_ bytes: [UInt8]) throws {
        super.init()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = self
        guard parser.parse() else {
            throw parser.parserError ?? CocoaError(.propertyListReadCorrupt)
        }
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        if let id = attributeDict["id"] { ids.insert(id) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }
}
