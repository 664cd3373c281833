import CGraphviz

/// The size of a laid-out drawing, in points, before any scaling.
public struct DrawingSize: Sendable, Equatable {
    public var width: Double
    public var height: Double

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }
}

/// One page drawn in several formats from a single layout, scaled as the caller chose.
public struct PageRenderOutput: Sendable {
    /// The rendered bytes of each format asked for, in the order asked (a PDF drawn into a
    /// chartbook has none).
    public var files: [(format: RenderFormat, bytes: [UInt8])]
    /// The laid-out drawing's size, unscaled.
    public var size: DrawingSize
    /// The scale the page was drawn at (1 when unscaled).
    public var scale: Double
    /// Graphviz's warnings, one line each.
    public var warnings: [String]
}

extension GraphvizRenderer {
    /// Lays `dot` out and returns the drawing's size in points, without rendering it: how a
    /// caller finds out whether a page fits its paper before drawing it. Text sizes measured
    /// once are remembered for later calls (`TextSizes`): the size is the same, sooner.
    public static func measure(dot: String, engine: String = "dot") throws(GraphvizError) -> DrawingSize {
        try withLayout(dot: dot, engine: engine, measuring: true) { _, graph, _ throws(GraphvizError) in
            size(of: graph)
        }
    }

    /// `measure`, handing the size to `answer` as soon as it is known, before the graph is
    /// freed: a process measuring pages for another (`orgmodel measure-pages`) answers
    /// sooner, and frees the graph while the other goes on.
    public static func measure(dot: String, engine: String = "dot", answer: (DrawingSize) -> Void) throws(GraphvizError) {
        try withLayout(dot: dot, engine: engine, measuring: true) { _, graph, _ throws(GraphvizError) in answer(size(of: graph)) }
    }

    /// Lays `dot` out once, asks `scaleFor` how far to scale the drawing (given its size in
    /// points; 1 or more leaves it as laid out), and renders every format in `formats` at that
    /// scale. PDFs have their time stamps pinned. `.dot` returns the text unchanged. With
    /// `book`, the PDF page is drawn into the book instead (and no PDF bytes are returned).
    public static func renderPage(
        dot: String, formats: [RenderFormat], engine: String = "dot", book: BookPage? = nil, scaleFor: (DrawingSize) -> Double
    ) throws(GraphvizError) -> PageRenderOutput {
        try withLayout(dot: dot, engine: engine) { gvc, graph, warnings throws(GraphvizError) in
            let drawing = size(of: graph)
            let scale = min(1, max(0.01, scaleFor(drawing)))
            let pad = self.pad(of: graph)
            let drawn = DrawingSize(width: (drawing.width + 2 * pad) * scale, height: (drawing.height + 2 * pad) * scale)
            // Graphviz scales the drawing with its pad to fit this size: set so that the
            // scale it works out is `scale` to the last bit, and pages drawn at one scale
            // share cairo's scaled fonts, each glyph loaded once for them all.
            if scale < 1 {
                let box = orgmodel_graph_bb(graph)
                let extent = (width: (box.UR.x + pad) - (box.LL.x - pad), height: (box.UR.y + pad) - (box.LL.y - pad))
                let size = exactSize(extent, scale: scale)
                orgmodel_set_drawing_size(graph, size.width, size.height)
            }
            var files: [(format: RenderFormat, bytes: [UInt8])] = []
            for format in formats {
                if format == .pdf, let book {
                    let links = try LinkAreas.of(gvc, graph, dot: dot, warnings: &warnings)
                    let status = try book.book.addPage(
                        gvc, graph, drawn: drawn, paper: book.paper(drawing), links: links, destination: book.destination)
                    try settle(
                        status, warnings: &warnings, failed: { PluginCatalog.renderFailure(format: "pdf", message: $0) },
                        said: { .render(format: "pdf", message: $0) })
                    continue
                }
                guard let name = format.graphvizName else {
                    files.append((format, Array(dot.utf8)))
                    continue
                }
                let bytes = try renderLaidOut(gvc, graph, graphvizFormat: name, warnings: &warnings)
                files.append((format, format == .pdf ? PDFDates.pin(bytes) : bytes))
            }
            return PageRenderOutput(files: files, size: drawing, scale: scale, warnings: warnings)
        }
    }

    /// A page to be drawn into a chartbook's PDF: the book, the paper for a drawing of a given
    /// (unscaled) size, and the page index each link names (nil: not a page of the book).
    public struct BookPage {
        public var book: PDFChartbook
        public var paper: (DrawingSize) -> DrawingSize
        public var destination: (String) -> Int?

        public init(book: PDFChartbook, paper: @escaping (DrawingSize) -> DrawingSize, destination: @escaping (String) -> Int?) {
            self.book = book
            self.paper = paper
            self.destination = destination
        }
    }

    /// The drawing size to set for a drawing of `extent` (padded) to be drawn at `scale`:
    /// Graphviz divides each side of the size by the extent's and takes the lesser, so one
    /// side whose ratio is `scale` to the last bit, the other left as long as the extent,
    /// makes exactly `scale`. Not every scale is a ratio of some size to a given extent:
    /// then each side is the nearest above.
    static func exactSize(_ extent: (width: Double, height: Double), scale: Double) -> (width: Double, height: Double) {
        let width = exactSide(extent.width, scale: scale)
        let height = exactSide(extent.height, scale: scale)
        if width / extent.width == scale { return (width, max(height, extent.height)) }
        if height / extent.height == scale { return (max(width, extent.width), height) }
        return (width, height)
    }

    /// A side whose ratio to `extent` is `scale` exactly, where there is one; else the
    /// nearest above.
    static func exactSide(_ extent: Double, scale: Double) -> Double {
        guard extent > 0 else { return 0 }
        var size = extent * scale
        for _ in 0..<4 where size / extent < scale { size = size.nextUp }
        for _ in 0..<4 where size / extent > scale { size = size.nextDown }
        if size / extent < scale { size = size.nextUp }
        return size
    }

    /// The graph's `pad` in points (Graphviz's cairo default, 4, when unset).
    static func pad(of graph: UnsafeMutablePointer<Agraph_t>) -> Double {
        let text = "pad".withCString { key in agget(graph, UnsafeMutablePointer(mutating: key)).map { String(cString: $0) } }
        guard let text, let inches = Double(text.split(separator: ",").first.map(String.init) ?? "") else { return 4 }
        return inches * 72
    }

    /// The laid-out graph's bounding box size, in points.
    static func size(of graph: UnsafeMutablePointer<Agraph_t>) -> DrawingSize {
        let box = orgmodel_graph_bb(graph)
        return DrawingSize(width: max(0, box.UR.x - box.LL.x), height: max(0, box.UR.y - box.LL.y))
    }
}
