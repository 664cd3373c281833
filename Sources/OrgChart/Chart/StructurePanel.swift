import OrgModel
import OrgSupport

/// Draws the posts of one validated structure as a panel: a box per post, front-line
/// lines under a manager collapsed into one box of counts by title, assistants beside
/// their manager, findings in colour.
///
/// Used alone by the one-structure chart and twice (current, proposed) by the
/// side-by-side chart.
struct StructurePanel {
    let index: StructureIndex
    let marks: FindingMarks
    let options: ChartOptions
    let scope: ChartScope
    /// Prefix of every element id ("" or "current-"/"proposed-").
    let idPrefix: String
    /// Prefix of the generated DOT node names, unique per panel.
    let nameKey: String
    /// The side named in footnotes ("current"), or nil in a one-structure chart.
    let side: String?

    /// What was drawn, for the legend.
    struct Features: OptionSet {
        let rawValue: Int
        static let vacant = Features(rawValue: 1)
        static let assistant = Features(rawValue: 2)
        static let team = Features(rawValue: 4)
        static let error = Features(rawValue: 8)
        static let accepted = Features(rawValue: 16)
        static let dotted = Features(rawValue: 32)
        static let hidden = Features(rawValue: 64)
        static let temporary = Features(rawValue: 128)
        static let warning = Features(rawValue: 256)
        static let reference = Features(rawValue: 512)
        static let stack = Features(rawValue: 1024)
    }

    /// A chartbook page's references: posts whose branches continue on other pages.
    let page: PanelPage?

    /// Element ids and box lines shared by a chartbook's pages.
    let shared: ChartCache.Side?

    init(
        index: StructureIndex, marks: FindingMarks, options: ChartOptions, scope: ChartScope, idPrefix: String,
        nameKey: String, side: String?, page: PanelPage? = nil, shared: ChartCache.Side? = nil
    ) {
        self.shared = shared
        self.index = index
        self.marks = marks
        self.options = options
        self.scope = scope
        self.idPrefix = idPrefix
        self.nameKey = nameKey
        self.side = side
        self.page = page
    }

    /// The panel's boxes and lines, and what it drew (for the legend); accepted deviations
    /// get their numbered notes in `footnotes`.
    func build(key: String, heading: String?, footnotes: inout Footnotes) -> (panel: ChartPanel, features: Features) {
        let layout = PanelLayout(index: index, scope: scope, stacks: options.page != nil && options.stacks)
        let names = PanelNames(
            layout: layout, nameKey: nameKey, ids: shared?.ids ?? ElementIDs(posts: index.posts, duplicates: index.duplicatePositions),
            idPrefix: idPrefix, page: page)
        var labels = StructureLabels(
            index: index, marks: marks, options: options, scope: scope, page: page,
            boxLine: shared?.boxLine ?? BoxLine(index: index, field: options.boxLine), side: side, footnotes: footnotes)
        labels.memo = shared?.labels
        var drawing = PanelDrawing(index: index, scope: scope, layout: layout, names: names, labels: labels)
        // Reporting lines, then dotted lines, in the order the boxes were drawn.
        drawing.drawBoxes()
        drawing.drawReportingLines()
        drawing.drawDottedLines()
        footnotes = drawing.labels.footnotes
        var features = drawing.labels.features
        if drawing.drewBands { features.insert(.stack) }
        if drawing.drewDottedLines { features.insert(.dotted) }
        return (ChartPanel(heading: heading, key: key, boxes: drawing.boxes, lines: drawing.lines), features)
    }

    /// The legend entries for what a panel drew.
    static func legend(for features: Features) -> [LegendEntry] {
        var entries = [LegendEntry(sample: .box(BoxStyle()), meaning: "Post: title, holder, grade · FTE, direct reports")]
        func add(_ feature: Features, _ sample: LegendEntry.Sample, _ meaning: String) {
            if features.contains(feature) { entries.append(LegendEntry(sample: sample, meaning: meaning)) }
        }
        var error = BoxStyle()
        error.markFinding(ChartPalette.error)
        var accepted = BoxStyle()
        accepted.markFinding(ChartPalette.accepted)
        add(.team, .box(BoxStyle(fill: ChartPalette.teamFill)), "Front-line team: posts by title, with vacancies")
        add(.vacant, .box(BoxStyle(dashed: true)), "Vacant")
        add(.assistant, .box(BoxStyle(fill: ChartPalette.assistantFill, rounded: true)), "Assistant, beside its post (not in spans)")
        add(.error, .box(error), "Breaks a rule (named in red in the box)")
        add(
            .warning, .text("<FONT POINT-SIZE=\"9\" COLOR=\"\(ChartPalette.accepted)\"><I>warning</I></FONT>"),
            "Warning (one-over-one, tier-skip…) in the box")
        add(.accepted, .box(accepted), "Agreed deviation from a rule [n]: see the note")
        add(.dotted, .line(color: ChartPalette.dotted, dashed: true), "Dotted (matrix) reporting line")
        add(.stack, .text(ChartPalette.bold("▤")), "Team Managers stacked, each with its team")
        add(.reference, .text(ChartPalette.bold("→ p. N")), "Branch continued on page N: its totals")
        return entries
    }
}
