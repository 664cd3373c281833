import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An SVG chart read back as XML: which elements it holds, and for each node group its
/// id and the lines of text it shows. Parsing it at all proves the file is well-formed.
final class SVGDocument: NSObject, XMLParserDelegate {
    struct Group {
        var id: String
        var className: String
        var texts: [String] = []
    }

    private(set) var elementNames = Set<String>()
    private(set) var groups: [Group] = []
    private var open: [Int?] = []
    private var text: String?
    private var failure: Error?

    /// Parses `data`; throws when it is not well-formed XML.
    init(_ data: Data) throws {
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        if !parser.parse() {
            throw parser.parserError ?? failure ?? CocoaError(.fileReadCorruptFile)
        }
    }

    /// The group with element id `id`.
    func group(_ id: String) -> Group? { groups.first { $0.id == id } }

    /// The text a node group shows, its lines joined by single spaces.
    func words(of id: String) -> String? { group(id)?.texts.joined(separator: " ") }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elementNames.insert(name)
        if name == "g" {
            groups.append(Group(id: attributes["id"] ?? "", className: attributes["class"] ?? ""))
            open.append(groups.count - 1)
        } else if name == "text" {
            text = ""
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text? += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "g" {
            _ = open.popLast()
        } else if name == "text", let line = text {
            if let group = open.compactMap({ $0 }).last { groups[group].texts.append(line) }
            text = nil
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        failure = parseError
    }
}
