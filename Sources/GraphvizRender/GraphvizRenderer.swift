import CGraphviz

/// Renders DOT text to SVG, PDF, PNG or JSON inside this process, through Graphviz's C library.
///
/// Safe to call from any thread or task: calls are serialised behind one process-wide lock
/// because libgvc is not thread-safe, so concurrent renders queue rather than run in parallel.
/// The same DOT text always yields the same bytes, within a process and across processes.
public enum GraphvizRenderer {
    /// Renders `dot` with the given layout `engine` and returns the file contents.
    ///
    /// - Parameters:
    ///   - dot: Complete DOT source for exactly one graph.
    ///   - format: The output format; `.dot` returns `dot` unchanged without calling Graphviz.
    ///   - engine: A Graphviz layout engine name, such as `dot` (hierarchies) or `neato`.
    /// - Throws: `GraphvizError` describing what Graphviz rejected, in its own words.
    public static func render(
        dot: String, format: RenderFormat, engine: String = "dot"
    ) throws(GraphvizError) -> [UInt8] {
        try renderWithWarnings(dot: dot, format: format, engine: engine).bytes
    }

    /// Like `render(dot:format:engine:)`, but also returns Graphviz's warnings (unknown shapes etc.).
    public static func renderWithWarnings(
        dot: String, format: RenderFormat, engine: String = "dot"
    ) throws(GraphvizError) -> RenderOutput {
        guard let graphvizFormat = format.graphvizName else {
            return RenderOutput(bytes: Array(dot.utf8))
        }
        let output = try render(dot: dot, graphvizFormat: graphvizFormat, engine: engine)
        guard format == .pdf else { return output }
        return RenderOutput(bytes: PDFDates.pin(output.bytes), warnings: output.warnings, scale: output.scale)
    }

    /// Renders to any Graphviz format name; kept internal so the public API stays a closed set.
    static func render(
        dot: String, graphvizFormat: String, engine: String
    ) throws(GraphvizError) -> RenderOutput {
        try withLayout(dot: dot, engine: engine) { gvc, graph, warnings throws(GraphvizError) in
            let bytes = try renderLaidOut(gvc, graph, graphvizFormat: graphvizFormat, warnings: &warnings)
            return RenderOutput(bytes: bytes, warnings: warnings, scale: scale(of: graph))
        }
    }

    /// Parses and lays out `dot`, runs `body` on the laid-out graph with the lock held, and
    /// frees the graph; `warnings` collects Graphviz's warnings from every step.
    static func withLayout<Result>(
        dot: String, engine: String, measuring: Bool = false,
        _ body: (OpaquePointer, UnsafeMutablePointer<Agraph_t>, inout [String]) throws(GraphvizError) -> Result
    ) throws(GraphvizError) -> Result {
        try GraphvizSession.shared.withContext(measuring: measuring) { gvc throws(GraphvizError) in
            let graph: UnsafeMutablePointer<Agraph_t>
            var warnings: [String]
            switch GraphReader.read(dot) {
            case .graph(let parsed, let parseWarnings):
                graph = parsed
                warnings = parseWarnings
            case .failed(let message):
                throw .syntax(message: message)
            }
            // Runs last: the graph must outlive its layout data.
            defer { agclose(graph) }
            // Safe even when layout failed part-way; frees whatever the engine attached.
            defer { gvFreeLayout(gvc, graph) }

            try settle(
                gvLayout(gvc, graph, engine), warnings: &warnings,
                failed: { PluginCatalog.layoutFailure(engine: engine, message: $0) },
                said: { .layout(engine: engine, message: $0) })
            return try body(gvc, graph, &warnings)
        }
    }

    /// Renders a laid-out graph to one format. Call only inside `withLayout`.
    static func renderLaidOut(
        _ gvc: OpaquePointer, _ graph: UnsafeMutablePointer<Agraph_t>, graphvizFormat: String, warnings: inout [String]
    ) throws(GraphvizError) -> [UInt8] {
        var data: UnsafeMutablePointer<CChar>? = nil
        var length: UInt32 = 0  // `unsigned int *` in Graphviz 2.4x; newer releases use size_t
        let renderStatus = gvRenderData(gvc, graph, graphvizFormat, &data, &length)
        defer { if let data { gvFreeRenderData(data) } }
        try settle(
            renderStatus, warnings: &warnings,
            failed: { PluginCatalog.renderFailure(format: graphvizFormat, message: $0) },
            said: { .render(format: graphvizFormat, message: $0) })
        guard let data, length > 0 else {
            throw .render(format: graphvizFormat, message: "Graphviz produced no output")
        }
        return Array(UnsafeRawBufferPointer(start: data, count: Int(length)))
    }

    /// The scale `size` imposes on the laid-out graph: `gvLayout` sets `bb` to the drawing's
    /// bounds in points; a `size` of "w,h" inches (no "!") only ever scales down to fit.
    static func scale(of graph: UnsafeMutablePointer<Agraph_t>) -> Double {
        func attribute(_ name: String) -> String? {
            name.withCString { key in agget(graph, UnsafeMutablePointer(mutating: key)).map { String(cString: $0) } }
        }
        let box = (attribute("bb") ?? "").split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { Double($0) }
        let size = (attribute("size") ?? "").split(separator: ",").compactMap { Double($0.trimmingCharacters(in: ["!"])) }
        guard box.count == 4, size.count == 2 else { return 1 }
        let width = box[2] - box[0]
        let height = box[3] - box[1]
        guard width > 0, height > 0 else { return 1 }
        return min(1, size[0] * 72 / width, size[1] * 72 / height)
    }

    /// Takes what Graphviz said during the call that returned `status`: its warnings are
    /// kept; a failed call throws `failed` (with the error text, if any), and so does a call
    /// that finished but said an error (a malformed HTML label lets layout finish; `dot`
    /// would exit non-zero), through `said`.
    static func settle(
        _ status: Int32, warnings: inout [String], failed: (String?) -> GraphvizError, said: (String) -> GraphvizError
    ) throws(GraphvizError) {
        let log = DiagnosticLog.shared.take()
        warnings += log.warnings
        if status != 0 { throw failed(log.errorText) }
        if let problem = log.errorText ?? unreportedError() { throw said(problem) }
    }

    /// A fallback message when cgraph counted an error but sent no text; `nil` if there was none.
    static func unreportedError() -> String? {
        agerrors() > 0 ? "Graphviz reported an error without a message" : nil
    }
}
