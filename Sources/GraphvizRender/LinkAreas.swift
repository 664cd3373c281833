import CGraphviz
import OrgSupport

/// A page's link areas, read from Graphviz's client-side image map of the laid-out graph
/// (`cmapx_np`: every area a rectangle), so that a chartbook page drawn into one PDF can
/// carry the links Graphviz would have put on a PDF of its own.
enum LinkAreas {
    /// The link areas of a laid-out graph, in points from the drawing's top-left corner; none
    /// when `dot` has no link. Call only inside `GraphvizRenderer.withLayout`.
    static func of(
        _ gvc: OpaquePointer, _ graph: UnsafeMutablePointer<Agraph_t>, dot: String, warnings: inout [String]
    ) throws(GraphvizError) -> [LinkArea] {
        guard hasLink(dot) else { return [] }
        let map = try GraphvizRenderer.renderLaidOut(gvc, graph, graphvizFormat: "cmapx_np", warnings: &warnings)
        let dpi = orgmodel_graph_dpi(graph)
        return parse(String(decoding: map, as: UTF8.self), pixelsPerInch: dpi > 0 ? dpi : 96)
    }

    /// Whether `dot` may have a link (`href=`, `HREF=` or `URL=` anywhere in it), read as
    /// bytes: a page's DOT text runs to tens of kilobytes, and every page is asked.
    static func hasLink(_ dot: String) -> Bool {
        var dot = dot
        return dot.withUTF8 { bytes in
            guard bytes.count >= 4 else { return false }
            // Each needle ends in "=": look back from each "=" for one of the three words.
            for index in 3..<bytes.count where bytes[index] == UInt8(ascii: "=") {
                if bytes[index - 3] == UInt8(ascii: "U"), bytes[index - 2] == UInt8(ascii: "R"), bytes[index - 1] == UInt8(ascii: "L") {
                    return true
                }
                guard index >= 4 else { continue }
                let word = (bytes[index - 4], bytes[index - 3], bytes[index - 2], bytes[index - 1])
                if word == (0x68, 0x72, 0x65, 0x66) || word == (0x48, 0x52, 0x45, 0x46) { return true }  // href, HREF
            }
            return false
        }
    }

    /// The rectangles of a `cmapx` map whose coordinates are pixels at `pixelsPerInch`.
    static func parse(_ map: String, pixelsPerInch: Double) -> [LinkArea] {
        let points = 72 / pixelsPerInch
        var areas: [LinkArea] = []
        for tag in map.components(separatedBy: "<area ").dropFirst() {
            let body = tag.prefix { $0 != ">" }
            guard let href = attribute("href", in: body), let coords = attribute("coords", in: body) else { continue }
            let numbers = coords.split(separator: ",").compactMap { Double($0) }
            guard numbers.count == 4 else { continue }
            let left = min(numbers[0], numbers[2]) * points
            let top = min(numbers[1], numbers[3]) * points
            let frame = PageFrame(
                left: left, top: top, width: abs(numbers[2] - numbers[0]) * points, height: abs(numbers[3] - numbers[1]) * points)
            areas.append(LinkArea(href: HTMLText.unescaped(href), frame: frame))
        }
        return areas
    }

    /// The value of `name="…"` in an element's attributes, as written.
    static func attribute(_ name: String, in body: Substring) -> String? {
        guard let start = body.range(of: " \(name)=\"") ?? (body.hasPrefix("\(name)=\"") ? body.range(of: "\(name)=\"") : nil)
        else { return nil }
        let rest = body[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }
}
