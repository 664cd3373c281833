import CGraphviz
import Foundation

/// Owns the process-wide Graphviz context and the single lock that every libgvc/cgraph call goes through.
///
/// libgvc and cgraph keep global state (the parser, error level, ID counters, plugin tables), so
/// no two calls may overlap anywhere in the process. The context is created on first use and kept:
/// `gvContext()` re-reads the plugin configuration each time, and a reused one keeps memory flat.
final class GraphvizSession: @unchecked Sendable {
    /// The one session for the process; Graphviz's globals make a second one meaningless.
    static let shared = GraphvizSession()

    // NSLock rather than Synchronization.Mutex: the package still supports macOS 13.
    private let lock = NSLock()
    /// The `GVC_t *`s, guarded by `lock`; never freed, they live as long as the process.
    private var context: OpaquePointer?
    private var measuringContext: OpaquePointer?
    /// The plain context whose text plugin (pango) lays out what the others have not seen.
    private var pango: OpaquePointer?

    private init() {}

    /// Runs `body` with the lock held and a ready Graphviz context, with the message log cleared.
    /// With `measuring`, the context for trial layouts that are measured and never drawn: it
    /// remembers text sizes only, where the drawing context remembers pango's layouts too
    /// (`TextSizes`).
    func withContext<Result>(
        measuring: Bool = false, _ body: (OpaquePointer) throws(GraphvizError) -> Result
    ) throws(GraphvizError) -> Result {
        lock.lock()
        defer { lock.unlock() }
        let gvc = measuring ? try readyMeasuringContext() : try readyContext()
        _ = DiagnosticLog.shared.take()  // drop anything left by an earlier, failed run
        _ = agreseterrors()
        return try body(gvc)
    }

    /// Returns the drawing context, creating it on first use. Must be called with `lock` held.
    private func readyContext() throws(GraphvizError) -> OpaquePointer {
        if let context { return context }
        let created = try makeContext(TextSizes.drawing)
        context = created
        return created
    }

    /// Returns the measuring context, creating it on first use. Must be called with `lock` held.
    private func readyMeasuringContext() throws(GraphvizError) -> OpaquePointer {
        if let measuringContext { return measuringContext }
        let created = try makeContext(TextSizes.measuring)
        measuringContext = created
        return created
    }

    /// A context that lays text out through `memory`, with the plain context that lays out
    /// what it has not seen made first. Must be called with `lock` held.
    private func makeContext(_ memory: TextSizes.Memory) throws(GraphvizError) -> OpaquePointer {
        if pango == nil {
            DiagnosticLog.install()
            pango = gvContext()
        }
        guard let pango, let created = gvContext() else {
            throw .render(format: "-", message: "could not create a Graphviz context")
        }
        // Plugin-loading warnings land here; they resurface as .pluginMissing when a plugin is used.
        _ = DiagnosticLog.shared.take()
        TextSizes.install(memory, in: created, layingOutWith: pango)
        return created
    }
}
