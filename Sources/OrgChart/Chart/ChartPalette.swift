/// The colours and fonts of every chart, in one place so all three kinds agree.
///
/// Colours are chosen to stay distinct for the common colour-vision deficiencies
/// (red and green are never the only cue: every coloured box also says in words what
/// it is), and to print legibly in greyscale.
enum ChartPalette {
    /// DejaVu Sans covers Latin, Greek, Cyrillic, Arabic, Hebrew and more, and is on
    /// nearly every Linux machine with Graphviz; fontconfig falls back to another
    /// installed font for scripts it lacks (CJK), and SVG viewers use their own.
    static let font = "DejaVu Sans"
    static let ink = "#222222"
    static let line = "#555555"
    static let muted = "#6B6B6B"
    static let error = "#C62828"
    static let errorFill = "#FDECEA"
    static let accepted = "#B26A00"
    static let acceptedFill = "#FFF4E0"
    static let created = "#2E7D32"
    static let createdFill = "#E8F5E9"
    static let moved = "#B26A00"
    static let movedFill = "#FFF4E0"
    static let changed = "#1565C0"
    static let changedFill = "#E3F2FD"
    static let unchanged = "#9E9E9E"
    static let teamFill = "#F4F4F4"
    static let assistantFill = "#FAFAFA"
    static let dotted = "#6A4C93"
    /// The former reporting line of a moved post: amber, mostly transparent.
    static let former = "#B26A0070"
    static let panelFrame = "#BBBBBB"
}
