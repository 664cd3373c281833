import CGraphviz

/// Node labels for trial layouts that take exactly the room their HTML-like labels would,
/// without Graphviz reading or sizing the HTML.
///
/// A planner lays out thousands of trial pages to learn their sizes, and the same boxes come
/// back in trial after trial; reading each box's HTML and sizing its table again was about
/// half of every trial. A stand-in is a plain label of one line whose text carries the
/// label's size: the text plugin (`TextSizes`) gives that size back as the line's size, so
/// Graphviz sets the label at that size exactly (to the last bit of the double), pads it with
/// the node's margin as it would the HTML, and lays the page out the same. It draws nothing
/// that should be seen: stand-ins are for layouts that are measured, never drawn.
public enum SizedLabels {
    /// What starts a stand-in's text: a control character no chart's text holds.
    static let mark: UInt8 = 0x01

    /// The size of each HTML-like label body (what goes between `label=<` and `>`) in
    /// points, read from one layout of them all. `nodeDefaults` is the chart's `node [...]`
    /// statement: the labels are set in its typeface and size, as on the page. Throws what
    /// Graphviz said when a label cannot be laid out.
    public static func sizes(of labels: [String], nodeDefaults: String) throws(GraphvizError) -> [(width: Double, height: Double)] {
        guard !labels.isEmpty else { return [] }
        var dot = "digraph {\n" + nodeDefaults + "\n"
        for (index, label) in labels.enumerated() { dot += "n\(index) [shape=plain, label=<" + label + ">];\n" }
        dot += "}\n"
        return try GraphvizRenderer.withLayout(dot: dot, engine: "dot", measuring: true) { _, graph, _ throws(GraphvizError) in
            try labels.indices.map { index throws(GraphvizError) in
                let node = "n\(index)".withCString { agnode(graph, UnsafeMutablePointer(mutating: $0), 0) }
                guard let node else { throw .layout(engine: "dot", message: "a measured label's node n\(index) is missing") }
                let size = orgmodel_node_label_size(node)
                return (size.x, size.y)
            }
        }
    }

    /// The DOT value of a stand-in label `width` × `height` points (as `sizes` gives them).
    public static func standIn(width: Double, height: Double) -> String { "\"" + text(width: width, height: height) + "\"" }

    /// A stand-in's text: the mark, then the width's and the height's bits in hex.
    static func text(width: Double, height: Double) -> String {
        "\u{1}" + hex(width.bitPattern) + ":" + hex(height.bitPattern)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The size a stand-in's text carries; nil for any other text.
    static func size(of text: UnsafePointer<CChar>) -> pointf? {
        guard UInt8(bitPattern: text[0]) == mark else { return nil }
        let bytes = UnsafeRawBufferPointer(start: text, count: strlen(text))
        guard bytes.count == 34, bytes[17] == UInt8(ascii: ":") else { return nil }
        func value(_ range: Range<Int>) -> Double? {
            // Lower-case hex digits only, as `text` writes them.
            guard bytes[range].allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }),
                let bits = UInt64(String(decoding: bytes[range], as: UTF8.self), radix: 16)
            else { return nil }
            return Double(bitPattern: bits)
        }
        guard let width = value(1..<17), let height = value(18..<34) else { return nil }
        return pointf(x: width, y: height)
    }
}
