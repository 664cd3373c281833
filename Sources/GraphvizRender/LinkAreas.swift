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
        guard dot.contains("href=") || dot.contains("HREF=") || dot.contains("URL=") else { return [] }
        let map = try GraphvizRenderer.renderLaidOut(gvc, graph, graphvizFormat: "cmapx_np", warnings: &warnings)
        let dpi = orgmodel_graph_dpi(graph)
        return parse(String(decoding: map, as: UTF8.self), pixelsPerInch: dpi > 0 ? dpi : 96)
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
