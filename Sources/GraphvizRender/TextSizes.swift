import CGraphviz

/// Text laid out once: a Graphviz text plugin that answers each span of text it has laid out
/// before from memory, and asks Graphviz's own plugin (pango, in a context of its own) the
/// first time.
///
/// A chartbook's planner lays out thousands of trial pages to find what fits its paper, and
/// the same boxes come back in trial after trial, and again on the pages drawn; laying their
/// text out again with pango was half of every layout. A remembered span is what pango gave
/// for the same font, point size, style and text, so a layout is the one it would have been
/// and a page is drawn the same, byte for byte.
///
/// Two memories, one a context: trial layouts (`measuring`) keep only sizes, as they are
/// never drawn; pages drawn keep pango's layout of each span too, which cairo draws the
/// text from. A remembered layout belongs to the memory (a graph freed does not free it).
enum TextSizes {
    /// One span as pango laid it out: its size and baseline offsets, and (for drawing) the
    /// layout itself with the function that frees it.
    struct Span {
        var size: pointf
        var layoutOffset: Double
        var centerlineOffset: Double
        var layout: UnsafeMutableRawPointer?
        var freeLayout: (@convention(c) (UnsafeMutableRawPointer?) -> Void)?
    }

    /// What is remembered, and the context whose plugin lays out what is not. Used only with
    /// Graphviz's one lock held.
    final class Memory: @unchecked Sendable {
        var spans: [Key: Span] = [:]
        var pango: OpaquePointer?
        /// Spans remembered at most; beyond it, new spans are laid out each time.
        let capacity: Int
        /// Whether pango's layouts are kept for drawing.
        let keepsLayouts: Bool

        init(capacity: Int, keepsLayouts: Bool) {
            self.capacity = capacity
            self.keepsLayouts = keepsLayouts
        }

        /// Fills in `span` from memory or from pango; false when pango could not lay it out.
        func layOut(_ span: UnsafeMutablePointer<textspan_t>, _ fontpath: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Bool {
            guard let pango else { return false }
            // A stand-in's line (`SizedLabels`) is the size it carries.
            if let text = span.pointee.str, let size = SizedLabels.size(of: text) {
                span.pointee.size = size
                span.pointee.yoffset_layout = 0
                span.pointee.yoffset_centerline = 0
                span.pointee.layout = nil
                span.pointee.free_layout = nil
                fontpath?.pointee = nil
                return true
            }
            let key = Key(span.pointee)
            if let known = spans[key] {
                span.pointee.size = known.size
                span.pointee.yoffset_layout = known.layoutOffset
                span.pointee.yoffset_centerline = known.centerlineOffset
                span.pointee.layout = known.layout
                span.pointee.free_layout = nil
                fontpath?.pointee = nil
                return true
            }
            guard gvtextlayout(pango, span, fontpath) != 0 else { return false }
            // Full: this span is laid out as Graphviz would, and its graph frees its layout.
            guard spans.count < capacity else { return true }
            spans[key] = Span(
                size: span.pointee.size, layoutOffset: span.pointee.yoffset_layout,
                centerlineOffset: span.pointee.yoffset_centerline, layout: keepsLayouts ? span.pointee.layout : nil,
                freeLayout: keepsLayouts ? span.pointee.free_layout : nil)
            if !keepsLayouts, let free = span.pointee.free_layout, let layout = span.pointee.layout { free(layout) }
            if !keepsLayouts { span.pointee.layout = nil }
            span.pointee.free_layout = nil
            return true
        }
    }

    /// Trial layouts' memory: sizes only.
    static let measuring = Memory(capacity: 500_000, keepsLayouts: false)
    /// Pages drawn: sizes and pango's layouts (a few kilobytes each).
    static let drawing = Memory(capacity: 200_000, keepsLayouts: true)

    /// A span's font and text as bytes, compared byte for byte: what pango is given. Made
    /// for every span of every layout, so it is read straight from the C strings rather
    /// than through Swift strings, whose hashing normalises Unicode.
    struct Key: Hashable {
        let bytes: [UInt8]

        init(_ span: textspan_t) {
            let font = span.font?.pointee
            let name = font?.name.map { UnsafeRawBufferPointer(start: $0, count: strlen($0)) }
            let text = span.str.map { UnsafeRawBufferPointer(start: $0, count: strlen($0)) }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(13 + (name?.count ?? 0) + (text?.count ?? 0))
            withUnsafeBytes(of: (font?.size ?? -1).bitPattern.littleEndian) { bytes += $0 }
            bytes.append(UInt8(truncatingIfNeeded: font?.flags ?? 0))
            // The name ends at its NUL, as in C, so no name runs into the text.
            bytes += name ?? UnsafeRawBufferPointer(start: nil, count: 0)
            bytes.append(0)
            bytes += text ?? UnsafeRawBufferPointer(start: nil, count: 0)
            self.bytes = bytes
        }

        func hash(into hasher: inout Hasher) { bytes.withUnsafeBytes { hasher.combine(bytes: $0) } }
    }

    typealias Entry = @convention(c) (UnsafeMutablePointer<textspan_t>?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> boolean

    /// The plugins' entry points, one a memory (a C function cannot carry which).
    static let measuringEntry: Entry = { span, fontpath in span.map { measuring.layOut($0, fontpath) ? 1 : 0 } ?? 0 }
    static let drawingEntry: Entry = { span, fontpath in span.map { drawing.layOut($0, fontpath) ? 1 : 0 } ?? 0 }

    /// A plugin library that installs `entry` above every other text plugin; made once a
    /// context, and kept for the life of the process as Graphviz asks.
    static func makeLibrary(_ entry: Entry) -> UnsafeMutablePointer<gvplugin_library_t> {
        let engine = UnsafeMutablePointer<gvtextlayout_engine_t>.allocate(capacity: 1)
        engine.initialize(to: gvtextlayout_engine_t(textlayout: entry))
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

    /// Makes `context` lay text out through `memory`, asking `pango` (a context with
    /// Graphviz's own text plugin) for what it has not seen.
    static func install(_ memory: Memory, in context: OpaquePointer, layingOutWith pango: OpaquePointer) {
        memory.pango = pango
        gvAddLibrary(context, makeLibrary(memory === measuring ? measuringEntry : drawingEntry))
        _ = gvtextlayout_select(context)
    }
}
