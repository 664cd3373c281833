/// Writes a `ChartDocument` as DOT text: the only place in the package that does.
///
/// Layout rules, in DOT terms:
/// - a label column at the left, one plain-text node per row, chained top to bottom with
///   invisible edges so the rows keep their order and every row exists, empty or not;
/// - one `rank=same` group per row holding its label and every box of that row, in
///   every panel (`newrank` lets a row run across the side-by-side panels' frames);
/// - lines keep Graphviz's `constraint` only when they run downward (they cannot move a
///   box to another row, the rows being pinned); sideways and upward lines drop it, and
///   dotted and former lines weigh nothing, so they never pull a box about.
///
/// Node names are generated (`row0`, `c12`), never taken from user text; user text
/// appears only in `id` strings and HTML labels, both escaped by `DOTText`.
enum DOTEmitter {
    static func dot(_ document: ChartDocument) -> String {
        var writer = ChartDOTWriter(document)
        return writer.write()
    }

    /// A box as a node. `bare` (a trial page, laid out only for its size) leaves out what
    /// takes no room: the id, colours, line style, link and tooltip.
    static func node(_ box: ChartBox, bare: Bool = false) -> String {
        if !box.cells.isEmpty { return band(box, bare: bare) }
        if bare { return box.name + " [label=<" + box.label + ">];" }
        var styles = ["filled"]
        if box.style.dashed { styles.append("dashed") }
        if box.style.rounded { styles.append("rounded") }
        var list: [(String, String)] = [
            ("id", DOTText.quoted(box.elementID)),
            ("label", "<" + box.label + ">"),
            ("style", DOTText.quoted(styles.joined(separator: ","))),
            ("color", DOTText.quoted(box.style.outline)),
            ("fillcolor", DOTText.quoted(box.style.fill)),
        ]
        if box.style.fontColor != ChartPalette.ink { list.append(("fontcolor", DOTText.quoted(box.style.fontColor))) }
        if box.style.penWidth != 1 { list.append(("penwidth", number(box.style.penWidth))) }
        if let href = box.href { list.append(("href", "\"" + href + "\"")) }
        if let tooltip = box.tooltip { list.append(("tooltip", DOTText.quoted(tooltip))) }
        return box.name + " [" + attributes(list) + "];"
    }

    /// A band of stacked team leaders: one unframed node holding a table, a cell per
    /// leader (its own box above its team's summary), set in `box.columns` columns. Each
    /// cell carries the post's id (written `a_ID` in SVG, with a link to itself, which is
    /// what makes Graphviz write the id) and a port for the lines that end at it.
    static func band(_ box: ChartBox, bare: Bool = false) -> String {
        let table = bandTable(box, cells: box.cells.map { cell($0, bare: bare) })
        if bare { return box.name + " [shape=plain, label=<" + table + ">];" }
        return box.name + " ["
            + attributes([
                ("id", DOTText.quoted(box.elementID)), ("shape", "plain"), ("label", "<" + table + ">"),
            ]) + "];"
    }

    /// A box on a trial page with a stand-in (a DOT value) for its label.
    static func standIn(_ box: ChartBox, label: String) -> String {
        box.name + (box.cells.isEmpty ? " [label=" : " [shape=plain, label=") + label + "];"
    }

    /// A band's table: `cells` (its cells as written) set in `box.columns` columns.
    static func bandTable(_ box: ChartBox, cells: [String]) -> String {
        let columns = max(1, box.columns)
        let rows = (box.cells.count + columns - 1) / columns
        var table = "<TABLE BORDER=\"0\" CELLSPACING=\"8\" CELLPADDING=\"0\">"
        for row in 0..<rows {
            table += "<TR>"
            for column in 0..<columns {
                // Filled column by column, so the order reads down each column.
                let slot = column * rows + row
                table += slot < cells.count ? cells[slot] : "<TD></TD>"
            }
            table += "</TR>"
        }
        table += "</TABLE>"
        return table
    }

    static func cell(_ cell: ChartCell, bare: Bool = false) -> String {
        var outer = "PORT=\"\(cell.port)\" BORDER=\"\(cell.post.style.penWidth > 1 ? 2 : 1)\""
        if !bare {
            outer =
                "ID=\"\(DOTText.html(cell.elementID))\" HREF=\"#\(DOTText.html(cell.elementID))\" PORT=\"\(cell.port)\""
                + " TOOLTIP=\"\(DOTText.html(cell.tooltip))\""
                + " BORDER=\"\(cell.post.style.penWidth > 1 ? 2 : 1)\" COLOR=\"\(cell.post.style.outline)\" BGCOLOR=\"\(cell.post.style.fill)\""
            if cell.post.style.dashed { outer += " STYLE=\"dashed\"" }
        }
        let font = cell.post.style.fontColor == ChartPalette.ink ? "" : " COLOR=\"\(cell.post.style.fontColor)\""
        var inner = "<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"4\">"
        inner += "<TR><TD><FONT\(font.isEmpty ? " COLOR=\"\(ChartPalette.ink)\"" : font)>\(cell.post.label)</FONT></TD></TR>"
        if let team = cell.team {
            inner += "<HR/><TR><TD BGCOLOR=\"\(team.style.fill)\">\(team.label)</TD></TR>"
        }
        inner += "</TABLE>"
        return "<TD \(outer)>\(inner)</TD>"
    }

    /// A line as an edge. `bare` (a trial page) leaves out its id, colour and style.
    static func edge(_ line: ChartLine, bare: Bool = false) -> String {
        var list: [(String, String)] = [("id", DOTText.quoted(line.elementID))]
        let ports: [(String, String)] = line.constrains ? [("tailport", "s"), ("headport", "n")] : []
        switch line.kind {
        case .reporting:
            // Heavier than the invisible row chains, so reports stay under their manager.
            if line.constrains { list.append(("weight", "10")) }
            list += ports
        case .assistant:
            list += [("style", "solid"), ("minlen", "0")]
        case .dotted:
            list += [("style", "dashed"), ("color", DOTText.quoted(ChartPalette.dotted)), ("weight", "0")]
        case .former:
            list += [("style", "dashed"), ("color", DOTText.quoted(ChartPalette.former)), ("penwidth", "1.5"), ("weight", "0")]
        case .removed:
            list += [("style", "dashed"), ("color", DOTText.quoted(ChartPalette.error))]
            if line.constrains { list.append(("weight", "10")) }
            list += ports
        }
        if !line.constrains { list.append(("constraint", "false")) }
        if bare { list.removeAll { !layoutAttributes.contains($0.0) } }
        return "\(line.from) -> \(line.to) [" + attributes(list) + "];"
    }

    /// The attributes of a line that move boxes about: all a trial page's lines keep.
    static let layoutAttributes: Set<String> = ["weight", "tailport", "headport", "minlen", "constraint"]

    /// The title block: the heading large and bold, the lines under it smaller, and the
    /// key beside them. One cell each, so neither stretches the other.
    static func titleTable(_ lines: [String], legend: [LegendEntry], headerLines: Int = 0) -> String {
        var title = ""
        for (index, text) in lines.enumerated() {
            if index > 0 { title += "<BR ALIGN=\"LEFT\"/>" }
            if index < headerLines {
                title += "<FONT POINT-SIZE=\"10\" COLOR=\"\(ChartPalette.link)\">\(ChartPalette.bold(text))</FONT>"
                continue
            }
            title +=
                index == headerLines
                ? "<FONT POINT-SIZE=\"16\">\(ChartPalette.bold(text))</FONT>"
                : "<FONT POINT-SIZE=\"11\" COLOR=\"\(ChartPalette.muted)\">\(text)</FONT>"
        }
        // The key goes under the title, not beside it: a page's width is the chart's own.
        var rows = "<TR><TD ALIGN=\"LEFT\" VALIGN=\"TOP\" BALIGN=\"LEFT\">\(title)</TD></TR>"
        if !legend.isEmpty {
            rows += "<TR><TD ALIGN=\"LEFT\" VALIGN=\"TOP\">\(legendTable(legend))</TD></TR>"
        }
        return "<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">\(rows)</TABLE>"
    }

    /// The key: a sample of each kind of box or line and what it means, in two columns
    /// when it is long, so it does not push the chart down the page.
    static func legendTable(_ legend: [LegendEntry]) -> String {
        let columns = legend.count > 2 ? 2 : 1
        let perColumn = (legend.count + columns - 1) / columns
        var rows = "<TR><TD COLSPAN=\"\(columns * 3)\" ALIGN=\"LEFT\">\(ChartPalette.bold("Key"))</TD></TR>"
        for line in 0..<perColumn {
            rows += "<TR>"
            for column in 0..<columns {
                let slot = column * perColumn + line
                if column > 0 { rows += "<TD WIDTH=\"16\"></TD>" }
                guard slot < legend.count else {
                    rows += "<TD></TD><TD></TD>"
                    continue
                }
                rows += sampleCell(legend[slot].sample) + "<TD ALIGN=\"LEFT\">\(legend[slot].meaning)</TD>"
            }
            rows += "</TR>"
        }
        return "<TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">\(rows)</TABLE>"
    }

    static func sampleCell(_ sample: LegendEntry.Sample) -> String {
        switch sample {
        case .box(let style):
            var attributes = "BORDER=\"\(style.penWidth > 1 ? 2 : 1)\" COLOR=\"\(style.outline)\" BGCOLOR=\"\(style.fill)\""
            // Dashed only: Graphviz 2.43's xdot and json output crash on a graph whose HTML
            // tables use both the dashed and rounded styles, so the rounded one is left out.
            if style.dashed { attributes += " STYLE=\"dashed\"" }
            // A fixed-size table inside the cell, so a tall row cannot stretch the sample.
            return
                "<TD><TABLE \(attributes) CELLSPACING=\"0\" WIDTH=\"28\" HEIGHT=\"13\" FIXEDSIZE=\"TRUE\"><TR><TD BORDER=\"0\"></TD></TR></TABLE></TD>"
        case .line(let color, let dashed):
            return "<TD><FONT COLOR=\"\(color)\">\(ChartPalette.bold(dashed ? "- - -" : "———"))</FONT></TD>"
        case .text(let text):
            return "<TD>\(text)</TD>"
        }
    }

    /// The notes under the chart, one left-aligned cell per note.
    static func notesTable(_ notes: [String]) -> String {
        let lines = notes.map { "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">\($0)</TD></TR>" }.joined()
        return
            "<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\"><TR><TD ALIGN=\"LEFT\">\(ChartPalette.bold("Notes"))</TD></TR>\(lines)</TABLE>"
    }

    static func attributes(_ list: [(String, String)]) -> String {
        list.map { "\($0.0)=\($0.1)" }.joined(separator: ", ")
    }

    /// A number as DOT reads it, without a trailing `.0`.
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }
}

/// Indented lines of DOT.
struct DOTBuffer {
    var text = ""
    var indent = 0

    mutating func line(_ content: String) {
        // Appended piece by piece: no string made for the line alone.
        for _ in 0..<indent { text += "  " }
        text += content
        text += "\n"
    }
}
