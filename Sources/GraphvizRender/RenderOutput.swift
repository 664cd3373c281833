/// Rendered bytes together with the warnings Graphviz printed while producing them.
public struct RenderOutput: Sendable, Equatable {
    /// The rendered file contents (or the DOT text itself for `.dot`).
    public let bytes: [UInt8]
    /// Graphviz's warnings, one line each, e.g. "using box for unknown shape hexagonn".
    public let warnings: [String]
    /// How far Graphviz scaled the drawing down to fit the graph's `size` (1 when it fits
    /// as laid out); nil when no layout ran (`.dot`). Text drawn at 10 points reads at
    /// `10 × scale` points on the page.
    public let scale: Double?

    /// Creates an output value; mainly useful in tests of code that consumes renders.
    public init(bytes: [UInt8], warnings: [String] = [], scale: Double? = nil) {
        self.bytes = bytes
        self.warnings = warnings
        self.scale = scale
    }
}
