/// Tells a missing standard plugin apart from a misspelt name when Graphviz rejects one.
///
/// Graphviz reports both the same way ("not recognized" / "unavailable"), but a stock engine or
/// format that is not recognized means the plugin is not installed or not registered, which the
/// user can fix with `dot -c`; an unknown name is a bug in the caller.
enum PluginCatalog {
    /// Layout engines that every full Graphviz installation provides.
    static let standardEngines: Set<String> = [
        "dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage", "patchwork", "nop", "nop1", "nop2",
    ]

    /// Output formats this module asks Graphviz for.
    static let standardFormats: Set<String> = Set(RenderFormat.allCases.compactMap(\.graphvizName))

    /// The error for a failed `gvLayout`, given Graphviz's message (if any).
    static func layoutFailure(engine: String, message: String?) -> GraphvizError {
        let text = message ?? "gvLayout failed without saying why"
        if isLookupFailure(text), standardEngines.contains(engine.lowercased()) {
            return .pluginMissing(kind: .layout, name: engine)
        }
        return .layout(engine: engine, message: text)
    }

    /// The error for a failed `gvRenderData`, given Graphviz's message (if any).
    static func renderFailure(format: String, message: String?) -> GraphvizError {
        let text = message ?? "gvRenderData failed without saying why"
        if isLookupFailure(text), standardFormats.contains(format.lowercased()) {
            return .pluginMissing(kind: .format, name: format)
        }
        return .render(format: format, message: text)
    }

    /// Whether Graphviz's message says it could not find a plugin by that name.
    private static func isLookupFailure(_ message: String) -> Bool {
        message.contains("not recognized") || message.contains("unavailable")
    }
}
