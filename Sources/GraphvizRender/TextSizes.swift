import CGraphviz

/// Text sizes remembered for trial layouts: a Graphviz text plugin that answers each span of
/// text it has measured before from memory, and asks the drawing context's own plugin (pango)
/// the first time.
///
/// A chartbook's planner lays out thousands of trial pages to find what fits its paper, and
/// the same boxes come back in trial after trial; measuring their text again with pango was
/// half of every trial layout. A remembered size is the size pango gave for the same font,
/// point size, style and text, so a trial's layout is the one it would have been. Trial
/// layouts only measure: a span answered here has no pango layout to draw with, so this
/// plugin serves the measuring context alone (`GraphvizSession.withContext(measuring:)`).
enum TextSizes {
    /// One measured span: its size and baseline offsets, as pango gave them.
    struct Size {
        var size: pointf
        var layoutOffset: Double
        var centerlineOffset: Double
    }

    /// What is remembered, and the context whose plugin measures what is not. Used only with
    /// Graphviz's one lock held.
    final class Memory: @unchecked Sendable {
        var sizes: [String: Size] = [:]
        var measurer: OpaquePointer?
    }

    static let memory = Memory()
    /// Spans remembered at most: a long-running process starts afresh beyond this.
    static let capacity = 500_000

    /// The span's text and font, as a key.
    static func key(of span: textspan_t) -> String {
        let font = span.font?.pointee
        let name = font?.name.map { String(cString: $0) } ?? ""
        let text = span.str.map { String(cString: $0) } ?? ""
        return "\(name)\u{1}\(font?.size ?? -1)\u{1}\(font?.flags ?? 0)\u{1}\(text)"
    }

    /// The plugin's entry point: fills in `span`'s size, from memory or from pango.
    static let layout: @convention(c) (UnsafeMutablePointer<textspan_t>?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> boolean =
        {
            span, fontpath in
            guard let span, let measurer = memory.measurer else { return 0 }
            let key = key(of: span.pointee)
            if let known = memory.sizes[key] {
                span.pointee.size = known.size
                span.pointee.yoffset_layout = known.layoutOffset
                span.pointee.yoffset_centerline = known.centerlineOffset
            } else {
                guard gvtextlayout(measurer, span, fontpath) != 0 else { return 0 }
                if memory.sizes.count >= capacity { memory.sizes.removeAll(keepingCapacity: true) }
                memory.sizes[key] = Size(
                    size: span.pointee.size, layoutOffset: span.pointee.yoffset_layout, centerlineOffset: span.pointee.yoffset_centerline)
                if let free = span.pointee.free_layout, let layout = span.pointee.layout { free(layout) }
            }
            // Nothing to draw with: trial layouts are never drawn.
            span.pointee.layout = nil
            span.pointee.free_layout = nil
            fontpath?.pointee = nil
            return 1
        }

    /// The plugin library that installs `layout` above every other text plugin; made once
    /// for the measuring context, and kept for the life of the process as Graphviz asks.
    static func makeLibrary() -> UnsafeMutablePointer<gvplugin_library_t> {
        let engine = UnsafeMutablePointer<gvtextlayout_engine_t>.allocate(capacity: 1)
        engine.initialize(to: gvtextlayout_engine_t(textlayout: layout))
        let types = UnsafeMutablePointer<gvplugin_installed_t>.allocate(capacity: 2)
        types[0] = gvplugin_installed_t(id: 0, type: strdup("textlayout"), quality: 1000, engine: engine, features: nil)
        types[1] = gvplugin_installed_t(id: 0, type: nil, quality: 0, engine: nil, features: nil)
        let apis = UnsafeMutablePointer<gvplugin_api_t>.allocate(capacity: 2)
        apis[0] = gvplugin_api_t(api: API_textlayout, types: types)
        apis[1] = gvplugin_api_t(api: api_t(rawValue: 0), types: nil)
        let library = UnsafeMutablePointer<gvplugin_library_t>.allocate(capacity: 1)
        library.initialize(to: gvplugin_library_t(packagename: strdup("orgmodel_text_sizes"), apis: apis))
        return library
    }

    /// Makes `context` measure text through this memory, asking `measurer` (a context with
    /// Graphviz's own text plugin) for what it has not seen.
    static func install(in context: OpaquePointer, measuringWith measurer: OpaquePointer) {
        memory.measurer = measurer
        gvAddLibrary(context, makeLibrary())
        _ = gvtextlayout_select(context)
    }
}
