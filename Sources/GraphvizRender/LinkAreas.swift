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
        return parse(map, pixelsPerInch: dpi > 0 ? dpi : 96)
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

    /// The rectangles of a `cmapx` map whose coordinates are pixels at `pixelsPerInch`, read
    /// from its bytes as Graphviz wrote them: every page with a link has a map, so it is
    /// scanned, not searched with Foundation.
    static func parse(_ map: [UInt8], pixelsPerInch: Double) -> [LinkArea] {
        let points = 72 / pixelsPerInch
        var areas: [LinkArea] = []
        var cursor = 0
        while let tag = find(Self.areaTag, in: map, from: cursor) {
            let start = tag + Self.areaTag.count
            let end = map[start...].firstIndex(of: UInt8(ascii: ">")) ?? map.count
            cursor = end
            let body = map[start..<end]
            guard let href = attribute(Self.href, in: body), let coords = attribute(Self.coords, in: body) else { continue }
            let numbers = coords.split(separator: UInt8(ascii: ",")).compactMap { Double(String(decoding: $0, as: UTF8.self)) }
            guard numbers.count == 4 else { continue }
            let left = min(numbers[0], numbers[2]) * points
            let top = min(numbers[1], numbers[3]) * points
            let frame = PageFrame(
                left: left, top: top, width: abs(numbers[2] - numbers[0]) * points, height: abs(numbers[3] - numbers[1]) * points)
            areas.append(LinkArea(href: HTMLText.unescaped(String(decoding: href, as: UTF8.self)), frame: frame))
        }
        return areas
    }

    private static let areaTag = Array("<area ".utf8)
    private static let href = Array("href=\"".utf8)
    private static let coords = Array("coords=\"".utf8)

    /// Where `needle` first stands in `bytes` at or after `start`.
    static func find(_ needle: [UInt8], in bytes: ArraySlice<UInt8>, from start: Int) -> Int? {
        guard let first = needle.first, !bytes.isEmpty else { return nil }
        var index = max(start, bytes.startIndex)
        while index + needle.count <= bytes.endIndex {
            if bytes[index] == first, bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        find(needle, in: bytes[...], from: start)
    }

    /// The value of `name="…"` (`prefix` is `name="`) in an element's attributes, as
    /// written: the first after a space, else one at the attributes' start.
    static func attribute(_ prefix: [UInt8], in body: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        var start: Int?
        var from = body.startIndex
        while let found = find(prefix, in: body, from: from) {
            if found > body.startIndex, body[found - 1] == UInt8(ascii: " ") {
                start = found + prefix.count
                break
            }
            from = found + 1
        }
        if start == nil, body.starts(with: prefix) { start = body.startIndex + prefix.count }
        guard let start, let end = body[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return body[start..<end]
    }
}
