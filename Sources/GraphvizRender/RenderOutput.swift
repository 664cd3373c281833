/// Rendered bytes together with the warnings Graphviz printed while producing them.
public struct RenderOutput: Sendable, Equatable {
    /// The rendered file contents (or the DOT text itself for `.dot`).
    public let bytes: [UInt8]
    /// Graphviz's warnings, one line each, e.g. "using box for unknown shape hexagonn".
    public let warnings: [String]

    /// Creates an output value; mainly useful in tests of code that consumes renders.
    public init(bytes: [UInt8], warnings: [String] = []) {
        self.bytes = bytes
        self.warnings = warnings
    }
}
