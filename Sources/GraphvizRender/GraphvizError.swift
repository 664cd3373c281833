/// Why rendering a chart failed; messages quote Graphviz's own words where it gave any.
public enum GraphvizError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The kind of Graphviz plugin that was looked up and not found.
    public enum PluginKind: String, Sendable, Equatable {
        /// A layout engine such as `dot` or `neato`.
        case layout
        /// An output format (Graphviz "device") such as `svg` or `pdf`.
        case format
    }

    /// Graphviz could not parse the DOT text; `message` is its parser's report.
    case syntax(message: String)
    /// Layout failed or reported errors; an unknown engine name also lands here.
    case layout(engine: String, message: String)
    /// Rendering the laid-out graph failed; an unknown format name also lands here.
    case render(format: String, message: String)
    /// A standard Graphviz plugin is not registered (or not installed) on this machine.
    case pluginMissing(kind: PluginKind, name: String)

    /// A one-line message suitable for showing to the person running the tool.
    public var description: String {
        switch self {
        case .syntax(let message):
            return "Graphviz could not parse the DOT text: \(message)"
        case .layout(let engine, let message):
            return "Graphviz layout with engine '\(engine)' failed: \(message)"
        case .render(let format, let message):
            return "Graphviz could not produce '\(format)' output: \(message)"
        case .pluginMissing(let kind, let name):
            let what = kind == .layout ? "layout engine" : "output format"
            return "The Graphviz plugin for \(what) '\(name)' is not available; "
                + "if Graphviz is installed, register its plugins by running `dot -c` as root (e.g. `sudo dot -c`)"
        }
    }
}
