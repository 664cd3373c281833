import OrgModel
import OrgSupport

/// Builds the HTML body of a box label line by line, escaping every piece of user text.
///
/// Callers pass plain strings; only this type writes tags, so no user text can ever be
/// read as markup.
struct LabelLines {
    private(set) var parts: [String] = []

    /// Width, in characters, at which titles wrap.
    static let titleWidth = 22
    /// Width at which smaller detail lines wrap.
    static let detailWidth = 28
    /// The most lines a title takes in a box; a longer one ends with "…" (reports keep it whole).
    static let titleLines = 5

    var isEmpty: Bool { parts.isEmpty }

    /// The title in bold, wrapped, with optional plain suffixes (footnote markers) after it.
    mutating func title(_ text: String, struck: Bool = false, marker: String? = nil, markerColor: String? = nil) {
        let lines = TextWrap.lines(text, width: Self.titleWidth, maxLines: Self.titleLines)
        for (index, line) in lines.enumerated() {
            var body = DOTText.html(line)
            if struck { body = "<S>\(body)</S>" }
            body = ChartPalette.bold(body)
            if index == lines.count - 1, let marker {
                let tag = DOTText.html(marker)
                body += " " + (markerColor.map { "<FONT COLOR=\"\($0)\">\(ChartPalette.bold(tag))</FONT>" } ?? ChartPalette.bold(tag))
            }
            parts.append(body)
        }
    }

    /// A detail line in the box's small font, wrapped.
    mutating func detail(
        _ text: String, italic: Bool = false, bold: Bool = false, color: String? = nil, struck: Bool = false, size: Int = 9,
        maxLines: Int = 4
    ) {
        for line in TextWrap.lines(text, width: Self.detailWidth, maxLines: maxLines) {
            var body = DOTText.html(line)
            if struck { body = "<S>\(body)</S>" }
            switch (bold, italic) {
            case (true, true): body = ChartPalette.boldItalic(body)
            case (true, false): body = ChartPalette.bold(body)
            case (false, true): body = ChartPalette.italic(body)
            case (false, false): break
            }
            let colour = color.map { " COLOR=\"\($0)\"" } ?? ""
            parts.append("<FONT POINT-SIZE=\"\(size)\"\(colour)>\(body)</FONT>")
        }
    }

    /// A reference box's branch totals.
    mutating func append(rollUpLines rollUp: RollUp) {
        for line in rollUp.lines { detail(line) }
        if rollUp.errors > 0 {
            detail(Plural.count(rollUp.errors, "error") + " in the branch", bold: true, color: ChartPalette.error)
        }
    }

    /// The page a reference continues on ("→ p. 7"), or for a manager continued from an
    /// earlier page, where its box is ("continued from p. 3").
    mutating func reference(_ page: Int, continued: Bool) {
        let text = continued ? "continued from p. \(page)" : "→ p. \(page)"
        parts.append("<FONT POINT-SIZE=\"11\" COLOR=\"\(ChartPalette.link)\">\(ChartPalette.bold(DOTText.html(text)))</FONT>")
    }

    /// Lines already built elsewhere (escaped HTML).
    mutating func append(html: String) { parts.append(html) }

    /// The label body: the lines joined by centred line breaks.
    var html: String { parts.joined(separator: "<BR/>") }
}
