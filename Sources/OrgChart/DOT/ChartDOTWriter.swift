/// Writes one `ChartDocument` as a DOT graph, part by part: the defaults, the frame with
/// the title, the label column, the panels' boxes, the rows that hold them level, then
/// the lines. `DOTEmitter` describes the layout rules.
struct ChartDOTWriter {
    let document: ChartDocument
    /// Every row the chart shows, top to bottom.
    let rows: [ChartRow]
    /// The label column's node for each row.
    let rowNode: [ChartRow: String]
    /// Whether panels stand side by side, each headed, with a heading row above the tiers.
    let sideBySide: Bool
    private var out = DOTBuffer()

    init(_ document: ChartDocument) {
        self.document = document
        rows = ChartRow.span(of: document.panels.flatMap { $0.boxes.map(\.row) } + document.rowLabels.keys)
        var rowNode: [ChartRow: String] = [:]
        for (number, row) in rows.enumerated() { rowNode[row] = "row\(number)" }
        self.rowNode = rowNode
        sideBySide = document.panels.count > 1
    }

    /// The label column's nodes, top to bottom: the heading row's (side by side), then
    /// each row's.
    private var column: [String] { (sideBySide ? ["rowhead"] : []) + rows.compactMap { rowNode[$0] } }

    /// The DOT text.
    mutating func write() -> String {
        out.line("digraph orgchart {")
        out.indent += 1
        writeDefaults()
        // The title heads an unframed frame around the whole chart.
        out.line("subgraph cluster_chart {")
        out.indent += 1
        writeTitle()
        writeLabelColumn()
        writeBoxes()
        let sequences = rowSequences()
        for members in sequences {
            out.line("{ rank=same; " + members.map { $0 + ";" }.joined(separator: " ") + " }")
        }
        writeDividers()
        out.indent -= 1
        out.line("}")
        for members in sequences where members.count > 1 {
            for (left, right) in zip(members, members.dropFirst()) { out.line("\(left) -> \(right) [style=invis];") }
        }
        for panel in document.panels {
            for line in panel.lines { out.line(DOTEmitter.edge(line, bare: bare)) }
        }
        out.indent -= 1
        out.line("}")
        return out.text
    }

    /// The graph's own attributes, and the defaults of every node and edge.
    private mutating func writeDefaults() {
        out.line("graph [" + DOTEmitter.attributes(graphAttributes()) + "];")
        out.line(Self.nodeDefaults)
        out.line(Self.edgeDefaults)
    }

    /// The defaults of every node and edge: the same on every page, so written once.
    static let nodeDefaults =
        "node ["
        + DOTEmitter.attributes([
            ("shape", "box"),
            ("fontname", DOTText.quoted(ChartPalette.font)),
            ("fontsize", "10"),
            ("margin", DOTText.quoted("0.10,0.05")),
            ("color", DOTText.quoted(ChartPalette.ink)),
            ("fontcolor", DOTText.quoted(ChartPalette.ink)),
        ]) + "];"
    private static let edgeDefaults =
        "edge ["
        + DOTEmitter.attributes([
            ("dir", "none"),
            ("color", DOTText.quoted(ChartPalette.line)),
        ]) + "];"

    private func graphAttributes() -> [(String, String)] {
        var graph: [(String, String)] = [
            ("id", DOTText.quoted("orgchart")),
            ("newrank", "true"),
            ("fontname", DOTText.quoted(ChartPalette.font)),
            ("fontsize", "10"),
            ("fontcolor", DOTText.quoted(ChartPalette.ink)),
        ]
        // The notes go in the graph's own label, under the chart and at its left, where no
        // node's placement can push them about; the title and key head the chart's frame.
        if !document.notes.isEmpty {
            let notes = document.notes
            let table = standIn(key: notes.joined(separator: "\n")) { DOTEmitter.notesTable(notes) } ?? DOTEmitter.notesTable(notes)
            graph += [("label", "<" + table + ">"), ("labelloc", "b"), ("labeljust", "l")]
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
        return graph
    }

    /// The frame's label: the running header, the title and the key.
    private mutating func writeTitle() {
        let document = self.document
        func table() -> String {
            DOTEmitter.titleTable(document.header + document.title, legend: document.legend, headerLines: document.header.count)
        }
        // The words and the shapes of the key's samples decide the title block's size.
        let title = standIn(key: titleKey, make: table) ?? table()
        out.line(
            "graph ["
                + DOTEmitter.attributes([
                    ("id", DOTText.quoted("orgchart-chart")),
                    ("label", "<" + title + ">"),
                    ("labelloc", "t"),
                    ("labeljust", "l"),
                    ("peripheries", "0"),
                    ("margin", "4"),
                ]) + "];")
    }

    /// Whether this is a trial page, laid out only for its size: its boxes and lines are
    /// written without what takes no room (`DOTEmitter.node`).
    private var bare: Bool { document.standIns != nil }

    /// On a trial page, a blank table the size of the one `make` makes, whose words (and
    /// whatever else shapes it) `key` gives; nil on a page drawn for good, or when the
    /// table cannot be measured.
    private func standIn(key: @autoclosure () -> String, make: () -> String) -> String? {
        guard let (labels, kind) = document.standIns else { return nil }
        return labels.standIn(key: key(), kind: kind, table: make)
    }

    /// The title block's words, and the line count of its header and the shape of each
    /// sample in its key: what its size depends on.
    private var titleKey: String {
        var key = "\(document.header.count)\u{1E}" + (document.header + document.title).joined(separator: "\n") + "\u{1E}"
        for entry in document.legend {
            switch entry.sample {
            case .box(let style): key += style.penWidth > 1 ? "B" : "b"
            case .line(_, let dashed): key += dashed ? "D" : "L"
            case .text(let text): key += "T" + text
            }
            key += entry.meaning + "\n"
        }
        return key
    }

    /// The label column: one plain-text node per row, chained top to bottom. Side by side
    /// panels get a heading row above the tiers.
    private mutating func writeLabelColumn() {
        if sideBySide {
            out.line(
                "rowhead ["
                    + DOTEmitter.attributes([
                        ("id", DOTText.quoted("orgchart-row-headings")), ("shape", "plaintext"), ("label", "\"\""),
                    ]) + "];")
        }
        for row in rows {
            guard let name = rowNode[row] else { continue }
            let label = (document.rowLabels[row] ?? []).enumerated().map { index, text in
                index == 0 ? ChartPalette.bold(text) : "<FONT POINT-SIZE=\"9\" COLOR=\"\(ChartPalette.muted)\">\(text)</FONT>"
            }.joined(separator: "<BR ALIGN=\"RIGHT\"/>")
            let html = label + "<BR ALIGN=\"RIGHT\"/>"
            // A trial page's row labels take stand-ins of their size, as its boxes do.
            if let (labels, kind) = document.standIns, let standIn = labels.node(label: html, kind: kind) {
                out.line("\(name) [shape=plaintext, label=\(standIn)];")
                continue
            }
            out.line(
                "\(name) ["
                    + DOTEmitter.attributes([
                        ("id", DOTText.quoted("orgchart-row-\(row.slug)")),
                        ("shape", "plaintext"),
                        ("label", "<" + html + ">"),
                    ]) + "];")
        }
        // One statement per link: Graphviz's parser overflows on one edge statement of
        // thousands of nodes, so no statement grows with the number of posts.
        let column = column
        for (upper, lower) in zip(column, column.dropFirst()) {
            out.line("\(upper) -> \(lower) [style=invis, weight=100];")
        }
    }

    /// The panels' boxes, and for side-by-side panels their headings, each heading held
    /// above its panel's first box.
    private mutating func writeBoxes() {
        // A trial page's boxes take stand-ins for their labels where there are any.
        let standIns = document.standIns.flatMap { labels, kind in labels.nodes(document.panels.flatMap(\.boxes), kind: kind) }
        var next = 0
        for (number, panel) in document.panels.enumerated() {
            if sideBySide, let heading = panel.heading {
                out.line(
                    "head\(number) ["
                        + DOTEmitter.attributes([
                            ("id", DOTText.quoted("orgchart-heading-\(panel.key)")),
                            ("shape", "plaintext"),
                            ("fontsize", "15"),
                            ("label", "<" + ChartPalette.bold(heading) + ">"),
                        ]) + "];")
            }
            for box in panel.boxes {
                if let standIns {
                    out.line(standIns[next])
                    next += 1
                } else {
                    out.line(DOTEmitter.node(box, bare: bare))
                }
            }
        }
        guard sideBySide else { return }
        for number in document.panels.indices where document.panels[number].heading != nil {
            if let top = document.panels[number].boxes.first {
                out.line("head\(number) -> \(top.name) [style=invis];")
            }
        }
    }

    /// Rows: each row's label and boxes on one rank, chained left to right by invisible
    /// sideways edges: label first, then the boxes in declaration order (depth first,
    /// reports in file order, so no two reporting lines cross), then for side by side
    /// panels a divider and the next panel's boxes. Sideways edges are the one hard rule
    /// in dot about left and right; a chain of them keeps the row labels at the left and
    /// Current left of Proposed (dot ignores such edges into clusters, which is why the
    /// panels are not clusters).
    private func rowSequences() -> [[String]] {
        var sequences: [[String]] = []
        if sideBySide {
            sequences.append(sequence("rowhead") { number, panel in panel.heading == nil ? [] : ["head\(number)"] })
        }
        for row in rows {
            guard let label = rowNode[row] else { continue }
            sequences.append(sequence(label) { _, panel in panel.boxes.filter { $0.row == row }.map(\.name) })
        }
        return sequences
    }

    /// One row's chain: its label, then each panel's members after a divider.
    private func sequence(_ label: String, members: (Int, ChartPanel) -> [String]) -> [String] {
        var sequence = [label]
        for (number, panel) in document.panels.enumerated() {
            if number > 0 { sequence.append(Self.divider(label, number)) }
            sequence += members(number, panel)
        }
        return sequence
    }

    /// The divider before panel `number` in the row of `label`.
    private static func divider(_ label: String, _ number: Int) -> String { "div\(number)_\(label)" }

    /// The dividers between side-by-side panels: invisible points, one per row, chained
    /// top to bottom by a dashed rule.
    private mutating func writeDividers() {
        let column = column
        let numbers = document.panels.indices.dropFirst()
        for label in column {
            for number in numbers {
                out.line(
                    "\(Self.divider(label, number)) ["
                        + DOTEmitter.attributes([("shape", "point"), ("width", "0.01"), ("style", "invis")]) + "];")
            }
        }
        for number in numbers {
            let chain = column.map { Self.divider($0, number) }
            for (upper, lower) in zip(chain, chain.dropFirst()) {
                out.line(
                    "\(upper) -> \(lower) ["
                        + DOTEmitter.attributes([
                            ("color", DOTText.quoted(ChartPalette.panelFrame)), ("style", "dashed"), ("weight", "100"),
                        ]) + "];")
            }
        }
    }
}
