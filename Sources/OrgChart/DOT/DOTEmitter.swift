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
        var out = DOTBuffer()
        let hasNotes = !document.notes.isEmpty
        out.line("digraph orgchart {")
        out.indent += 1
        var graph: [(String, String)] = [
            ("id", DOTText.quoted("orgchart")),
            ("newrank", "true"),
            ("fontname", DOTText.quoted(ChartPalette.font)),
            ("fontsize", "10"),
            ("fontcolor", DOTText.quoted(ChartPalette.ink)),
        ]
        // The notes go in the graph's own label, under the chart and at its left, where no
        // node's placement can push them about; the title and key head the chart's frame.
        if hasNotes {
            graph += [
                ("label", "<" + notesTable(document.notes) + ">"),
                ("labelloc", "b"), ("labeljust", "l"),
            ]
        }
        graph += [
            ("nodesep", "0.18"),
            ("ranksep", "0.42"),
            ("pad", "0.1"),  // PrintSettings.pad: the planner fits drawings with this pad
            // Straight lines from the bottom of a manager's box to the top of each report's.
            // Not `ortho`: Graphviz 2.43's ortho router aborts the whole process
            // ("Trapezoid-table overflow") on about 1 chart in 50 with invisible sideways
            // edges like the row chains below, and takes seconds on large charts.
            ("splines", "polyline"),
            ("outputorder", "edgesfirst"),
            // No `size`: a chartbook page is planned to fit its paper at or above the
            // legibility floor, and the renderer scales it to that paper.
            ("margin", "0"),
        ]
        if let dpi = document.dpi { graph.append(("dpi", String(dpi))) }
        out.line("graph [" + attributes(graph) + "];")
        out.line(
            "node ["
                + attributes([
                    ("shape", "box"),
                    ("fontname", DOTText.quoted(ChartPalette.font)),
                    ("fontsize", "10"),
                    ("margin", DOTText.quoted("0.10,0.05")),
                    ("color", DOTText.quoted(ChartPalette.ink)),
                    ("fontcolor", DOTText.quoted(ChartPalette.ink)),
                ]) + "];")
        out.line(
            "edge ["
                + attributes([
                    ("dir", "none"),
                    ("color", DOTText.quoted(ChartPalette.line)),
                ]) + "];")

        // The title heads an unframed frame around the whole chart.
        out.line("subgraph cluster_chart {")
        out.indent += 1
        out.line(
            "graph ["
                + attributes([
                    ("id", DOTText.quoted("orgchart-chart")),
                    (
                        "label",
                        "<" + titleTable(document.header + document.title, legend: document.legend, headerLines: document.header.count)
                            + ">"
                    ),
                    ("labelloc", "t"),
                    ("labeljust", "l"),
                    ("peripheries", "0"),
                    ("margin", "4"),
                ]) + "];")

        // The label column: one plain-text node per row, chained top to bottom. Side by
        // side panels get a heading row above the tiers.
        let rows = ChartRow.span(of: document.panels.flatMap { $0.boxes.map(\.row) } + document.rowLabels.keys)
        let sideBySide = document.panels.count > 1
        var column: [String] = []
        if sideBySide {
            out.line(
                "rowhead ["
                    + attributes([
                        ("id", DOTText.quoted("orgchart-row-headings")), ("shape", "plaintext"), ("label", "\"\""),
                    ]) + "];")
            column.append("rowhead")
        }
        var rowNode: [ChartRow: String] = [:]
        for (number, row) in rows.enumerated() {
            let name = "row\(number)"
            rowNode[row] = name
            column.append(name)
            let label = (document.rowLabels[row] ?? []).enumerated().map { index, text in
                index == 0 ? ChartPalette.bold(text) : "<FONT POINT-SIZE=\"9\" COLOR=\"\(ChartPalette.muted)\">\(text)</FONT>"
            }.joined(separator: "<BR ALIGN=\"RIGHT\"/>")
            out.line(
                "\(name) ["
                    + attributes([
                        ("id", DOTText.quoted("orgchart-row-\(row.slug)")),
                        ("shape", "plaintext"),
                        ("label", "<" + label + "<BR ALIGN=\"RIGHT\"/>>"),
                    ]) + "];")
        }
        // One statement per link: Graphviz's parser overflows on one edge statement of
        // thousands of nodes, so no statement grows with the number of posts.
        for (upper, lower) in zip(column, column.dropFirst()) {
            out.line("\(upper) -> \(lower) [style=invis, weight=100];")
        }

        // The panels' boxes, and for side-by-side panels their headings.
        for (number, panel) in document.panels.enumerated() {
            if sideBySide, let heading = panel.heading {
                out.line(
                    "head\(number) ["
                        + attributes([
                            ("id", DOTText.quoted("orgchart-heading-\(panel.key)")),
                            ("shape", "plaintext"),
                            ("fontsize", "15"),
                            ("label", "<" + ChartPalette.bold(heading) + ">"),
                        ]) + "];")
            }
            for box in panel.boxes { out.line(node(box)) }
        }

        // Rows: each row's label and boxes on one rank, chained left to right by
        // invisible sideways edges: label first, then the boxes in declaration order (depth
        // first, reports in file order, so no two reporting lines cross), then for side by
        // side panels a divider and the next panel's boxes. Sideways edges are the one hard
        // rule in dot about left and right; a chain of them keeps the row labels at the
        // left and Current left of Proposed (dot ignores such edges into clusters, which
        // is why the panels are not clusters).
        var dividers: [String] = []
        func divider(_ row: String, _ number: Int) -> String { "div\(number)_\(row)" }
        var sequences: [[String]] = []
        if sideBySide {
            var members = ["rowhead"]
            for (number, panel) in document.panels.enumerated() {
                if number > 0 {
                    members.append(divider("rowhead", number))
                    dividers.append(divider("rowhead", number))
                }
                if panel.heading != nil { members.append("head\(number)") }
            }
            sequences.append(members)
            for number in document.panels.indices where document.panels[number].heading != nil {
                if let top = document.panels[number].boxes.first {
                    out.line("head\(number) -> \(top.name) [style=invis];")
                }
            }
        }
        for row in rows {
            guard let label = rowNode[row] else { continue }
            var members = [label]
            for (number, panel) in document.panels.enumerated() {
                if number > 0 {
                    members.append(divider(label, number))
                    dividers.append(divider(label, number))
                }
                members += panel.boxes.filter { $0.row == row }.map(\.name)
            }
            sequences.append(members)
        }
        for members in sequences {
            out.line("{ rank=same; " + members.map { $0 + ";" }.joined(separator: " ") + " }")
        }
        for rule in dividers {
            out.line("\(rule) [" + attributes([("shape", "point"), ("width", "0.01"), ("style", "invis")]) + "];")
        }
        if sideBySide {
            for number in document.panels.indices.dropFirst() {
                let chain = (["rowhead"] + rows.compactMap { rowNode[$0] }).map { divider($0, number) }
                for (upper, lower) in zip(chain, chain.dropFirst()) {
                    out.line(
                        "\(upper) -> \(lower) ["
                            + attributes([
                                ("color", DOTText.quoted(ChartPalette.panelFrame)), ("style", "dashed"), ("weight", "100"),
                            ]) + "];")
                }
            }
        }
        out.indent -= 1
        out.line("}")
        for members in sequences where members.count > 1 {
            for (left, right) in zip(members, members.dropFirst()) { out.line("\(left) -> \(right) [style=invis];") }
        }

        for panel in document.panels {
            for line in panel.lines { out.line(edge(line)) }
        }
        out.indent -= 1
        out.line("}")
        return out.text
    }

    static func node(_ box: ChartBox) -> String {
        if !box.cells.isEmpty { return band(box) }
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
        return box.name + " [" + attributes(list) + "];"
    }

    /// A band of stacked team leaders: one unframed node holding a table, a cell per
    /// leader (its own box above its team's summary), set in `box.columns` columns. Each
    /// cell carries the post's id (written `a_ID` in SVG, with a link to itself, which is
    /// what makes Graphviz write the id) and a port for the lines that end at it.
    static func band(_ box: ChartBox) -> String {
        let columns = max(1, box.columns)
        let rows = (box.cells.count + columns - 1) / columns
        var table = "<TABLE BORDER=\"0\" CELLSPACING=\"8\" CELLPADDING=\"0\">"
        for row in 0..<rows {
            table += "<TR>"
            for column in 0..<columns {
                // Filled column by column, so the order reads down each column.
                let slot = column * rows + row
                guard slot < box.cells.count else {
                    table += "<TD></TD>"
                    continue
                }
                table += cell(box.cells[slot])
            }
            table += "</TR>"
        }
        table += "</TABLE>"
        return box.name + " ["
            + attributes([
                ("id", DOTText.quoted(box.elementID)), ("shape", "plain"), ("label", "<" + table + ">"),
            ]) + "];"
    }

    static func cell(_ cell: ChartCell) -> String {
        var outer = "ID=\"\(DOTText.html(cell.elementID))\" HREF=\"#\(DOTText.html(cell.elementID))\" PORT=\"\(cell.port)\""
        outer += " BORDER=\"\(cell.style.penWidth > 1 ? 2 : 1)\" COLOR=\"\(cell.style.outline)\" BGCOLOR=\"\(cell.style.fill)\""
        if cell.style.dashed { outer += " STYLE=\"dashed\"" }
        let font = cell.style.fontColor == ChartPalette.ink ? "" : " COLOR=\"\(cell.style.fontColor)\""
        var inner = "<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"4\">"
        inner += "<TR><TD><FONT\(font.isEmpty ? " COLOR=\"\(ChartPalette.ink)\"" : font)>\(cell.label)</FONT></TD></TR>"
        if let team = cell.team {
            let fill = cell.teamStyle?.fill ?? ChartPalette.teamFill
            inner += "<HR/><TR><TD BGCOLOR=\"\(fill)\">\(team)</TD></TR>"
        }
        inner += "</TABLE>"
        return "<TD \(outer)>\(inner)</TD>"
    }

    static func edge(_ line: ChartLine) -> String {
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
        return "\(line.from) -> \(line.to) [" + attributes(list) + "];"
    }

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
        text += String(repeating: "  ", count: indent) + content + "\n"
    }
}
