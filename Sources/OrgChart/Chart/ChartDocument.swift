/// A chart before it becomes DOT text: boxes in rows, lines between them, and the
/// title, legend and notes around them. Every text in it is already HTML-escaped.
///
/// The three chart kinds (one structure, side by side, the change) fill this one shape,
/// and `DOTEmitter` is the only place that writes DOT, so escaping and layout rules
/// live in one place.
struct ChartDocument {
    /// Lines of the title block (escaped HTML, one element per line, first is the heading).
    var title: [String]
    /// The label column: each row's label lines (escaped HTML).
    var rowLabels: [ChartRow: [String]]
    /// One panel per structure drawn; two for the side-by-side chart.
    var panels: [ChartPanel]
    var legend: [LegendEntry]
    /// Notes under the chart (escaped HTML, one element per line).
    var notes: [String]
    /// Pixels per inch for bitmap output (PNG); nil leaves Graphviz's 96.
    var dpi: Int?
    /// The chartbook page's running header: where it sits in the book, and the chain of
    /// command above its top post (escaped HTML, one element per line); empty for a chart
    /// of one page.
    var header: [String] = []
    /// On a trial page, the stand-ins for the title block and notes, and the chart kind
    /// whose labels they measure ("single", "compare", "changes"); nil writes the labels.
    var standIns: (labels: LabelStandIns, kind: String)? = nil
}

/// The boxes and lines of one structure (or of the change chart's merged view).
struct ChartPanel {
    /// Heading over the panel ("Current", "Proposed"); nil draws no frame.
    var heading: String?
    /// Prefix for the panel's frame id and DOT names.
    var key: String
    var boxes: [ChartBox]
    var lines: [ChartLine]
}

/// One box: a post, or a front-line team collapsed into counts by title.
struct ChartBox {
    /// The DOT node name: generated, never user text.
    var name: String
    /// The element id in the SVG: the post's id (prefixed in the side-by-side chart).
    var elementID: String
    var row: ChartRow
    /// The label's HTML body, already escaped.
    var label: String
    var style: BoxStyle
    /// Where the box links to (a chartbook reference's page), already escaped.
    var href: String? = nil
    /// What a viewer shows on pointing at a linked box (plain text: the post's title and
    /// the page); without it Graphviz would show the label's markup.
    var tooltip: String? = nil
    /// For a band of stacked team leaders: its cells, in order; the box itself is then
    /// unframed, and `label` is unused.
    var cells: [ChartCell] = []
    /// How many columns a band's cells are set in.
    var columns: Int = 1
}

/// One post in a band of stacked team leaders: its own box and its team's summary.
struct ChartCell {
    /// The element id (Graphviz writes it as `a_ID` in SVG), the post's own.
    var elementID: String
    /// The port lines to this cell attach to: generated, never user text.
    var port: String
    /// The post's own box.
    var post: BoxFace
    /// The team's summary under the post; nil when it leads no one.
    var team: BoxFace?
    /// What a viewer shows on pointing at the cell (plain text: the post's title).
    var tooltip: String
}

/// What a box shows: its label's HTML body (already escaped) and its style.
typealias BoxFace = (label: String, style: BoxStyle)

/// How a box is outlined and filled.
struct BoxStyle: Equatable {
    var outline: String = ChartPalette.ink
    var fill: String = "white"
    var fontColor: String = ChartPalette.ink
    var penWidth: Double = 1
    var dashed = false
    var rounded = false
}

/// A line between two boxes.
struct ChartLine {
    enum Kind {
        /// A solid reporting line, manager above to report below.
        case reporting
        /// Manager to assistant, drawn sideways within a row.
        case assistant
        /// A dotted (matrix) line: dashed, and kept out of the layout's ranking.
        case dotted
        /// A moved post's former reporting line, drawn faint; never moves a box.
        case former
        /// The reporting line of a deleted post: red and dashed.
        case removed
    }

    var from: String
    var to: String
    var kind: Kind
    /// Whether Graphviz may treat the line as running downward (its `constraint`): false
    /// where it runs upward or sideways, which would otherwise fight the tier rows.
    var constrains: Bool
    var elementID: String
}

/// One entry of the legend: a sample box (or line) and what it means.
struct LegendEntry: Equatable {
    enum Sample: Equatable {
        case box(BoxStyle)
        case line(color: String, dashed: Bool)
        case text(String)
    }

    var sample: Sample
    /// What the sample means (escaped HTML).
    var meaning: String
}
