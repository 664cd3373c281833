/// An output format that `GraphvizRenderer` can produce from DOT text.
///
/// The raw values double as file extensions, so a CLI can map `chart.svg` to `.svg`.
public enum RenderFormat: String, Sendable, CaseIterable, Codable {
    /// Scalable Vector Graphics from Graphviz's built-in SVG renderer.
    case svg
    /// PDF from Graphviz's cairo plugin; its creation date is pinned so output is reproducible.
    case pdf
    /// PNG from Graphviz's cairo plugin.
    case png
    /// Graphviz's JSON output (`json0`): the laid-out graph with coordinates, handy for
    /// tests and tools.
    case json
    /// The DOT text itself, returned unchanged without calling Graphviz at all.
    case dot

    /// Creates a format from a file extension such as `"SVG"` or `".pdf"`; `nil` if unsupported.
    public init?(fileExtension: String) {
        var ext = fileExtension.lowercased()
        // Accept ".svg" as well as "svg": callers often pass URL.pathExtension or a suffix.
        if ext.hasPrefix(".") { ext.removeFirst() }
        self.init(rawValue: ext)
    }

    /// The file extension conventionally used for this format (without the dot).
    public var fileExtension: String { rawValue }

    /// The format name handed to `gvRenderData`, or `nil` when no Graphviz call is needed.
    var graphvizName: String? {
        switch self {
        case .dot: return nil
        case .svg, .pdf, .png: return rawValue
        // `json0` is `json` without the drawing operations: the same layout, and Graphviz
        // 2.43's `json` writer crashes on HTML tables styled both dashed and rounded.
        case .json: return "json0"
        }
    }
}
