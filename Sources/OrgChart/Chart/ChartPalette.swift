/// The colours and fonts of every chart, in one place so all three kinds agree.
///
/// Colours are chosen to stay distinct for the common colour-vision deficiencies
/// (red and green are never the only cue: every coloured box also says in words what
/// it is), and to print legibly in greyscale.
enum ChartPalette {
    /// Helvetica by its PostScript name, which Graphviz writes into SVG as
    /// `font-family="Helvetica,sans-Serif"` (so browsers use Helvetica or Arial) and which
    /// fontconfig resolves to Liberation Sans, metric-compatible with both: text measured
    /// here fits its box wherever the SVG is opened. Scripts Liberation lacks (Arabic,
    /// Hebrew…) fall back glyph by glyph to DejaVu Sans; CJK and emoji need a font that
    /// has them installed (fonts-noto-cjk, fonts-noto-color-emoji) for PNG and PDF, while
    /// SVG keeps the text and leaves the glyphs to the viewer.
    static let font = "Helvetica"
    /// Bold and italic by face rather than `<B>`/`<I>`: Graphviz 2.43 never frees the font
    /// it makes for each `<B>` or `<I>` line (about 370 bytes a line, per render).
    static let boldFace = "Helvetica-Bold"
    static let italicFace = "Helvetica-Oblique"
    static let boldItalicFace = "Helvetica-BoldOblique"

    /// `html` in the bold face.
    static func bold(_ html: String) -> String { "<FONT FACE=\"\(boldFace)\">\(html)</FONT>" }
    /// `html` in the italic face.
    static func italic(_ html: String) -> String { "<FONT FACE=\"\(italicFace)\">\(html)</FONT>" }
    /// `html` in the bold italic face.
    static func boldItalic(_ html: String) -> String { "<FONT FACE=\"\(boldItalicFace)\">\(html)</FONT>" }

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
    /// Links to other pages of a chartbook.
    static let link = "#1565C0"
    /// The smallest type any chart sets, in points: what the legibility floor is measured
    /// against (a page printed at scale s shows it at s × this size).
    static let smallestType = 9.0
}
