import OrgModel

/// What a panel's boxes say and how its lines look: the one-structure panel's posts with
/// their findings, or the change chart's records with their changes.
protocol PanelLabels {
    /// A post's own box. `compact` asks for a stacked Team Manager's cell, whose team's
    /// summary sits just below it.
    mutating func post(_ position: Int, compact: Bool) -> BoxFace
    /// The box of the front-line team under `manager`, or nil when it has nothing to show
    /// (a stacked leader without a team).
    mutating func team(_ manager: Int, members: [Int]) -> BoxFace?
    /// The line from a post's manager to it.
    func reportingKind(_ position: Int) -> ChartLine.Kind
    /// The line from a manager to its team's box.
    func teamLineKind(_ members: [Int]) -> ChartLine.Kind
    /// The posts `position` has a dotted (matrix) line to, in the file's order.
    func dottedTo(_ position: Int) -> [Int]
}

/// Draws a panel from its layout: a box per item (a post, a front-line team, a band of
/// stacked leaders), then the lines between them, with the words and looks of `labels`.
struct PanelDrawing<Labels: PanelLabels> {
    let index: StructureIndex
    let scope: ChartScope
    let layout: PanelLayout
    let names: PanelNames
    var labels: Labels
    var boxes: [ChartBox] = []
    var lines: [ChartLine] = []
    /// Whether a band of stacked leaders was drawn, for the legend.
    private(set) var drewBands = false
    /// Whether a dotted line was drawn, for the legend.
    private(set) var drewDottedLines = false

    init(index: StructureIndex, scope: ChartScope, layout: PanelLayout, names: PanelNames, labels: Labels) {
        self.index = index
        self.scope = scope
        self.layout = layout
        self.names = names
        self.labels = labels
    }

    /// The boxes, in the layout's declaration order.
    mutating func drawBoxes() {
        let teams = layout.membersByTeam()
        for item in layout.order {
            switch item {
            case .post(let position):
                let (label, style) = labels.post(position, compact: false)
                let page = names.page
                let reference = page?.reference(position)
                boxes.append(
                    ChartBox(
                        name: names.box(position), elementID: names.elementID(position), row: layout.row[position],
                        label: label, style: style, href: reference.map { page!.href($0) },
                        tooltip: reference.map { "\(index.posts[position].displayTitle), p. \($0)" }))
            case .team(let manager, let members):
                if let team = labels.team(manager, members: members) { boxes.append(teamBox(manager, team)) }
            case .stack(let manager, let leaders, let row):
                boxes.append(band(manager, leaders: leaders, row: row, teams: teams))
                drewBands = true
            }
        }
    }

    /// The box of `manager`'s front-line team, in the front-line row.
    func teamBox(_ manager: Int, _ team: BoxFace) -> ChartBox {
        ChartBox(name: names.team(manager), elementID: names.teamID(manager), row: .frontLine, label: team.label, style: team.style)
    }

    /// A band of `manager`'s reports stacked in `row`: a cell per leader, its team below it.
    private mutating func band(_ manager: Int, leaders: [Int], row: ChartRow, teams: [Int: [Int]]) -> ChartBox {
        var cells: [ChartCell] = []
        for leader in leaders {
            cells.append(
                ChartCell(
                    elementID: names.postID(leader), port: "c\(leader)", post: labels.post(leader, compact: true),
                    team: labels.team(leader, members: teams[leader] ?? []), tooltip: index.posts[leader].displayTitle))
        }
        return ChartBox(
            name: names.band(manager, row), elementID: names.bandID(manager, row), row: row, label: "", style: BoxStyle(), cells: cells,
            columns: BandShape.columns(for: cells.count))
    }

    /// The reporting lines, in the order the boxes were declared.
    mutating func drawReportingLines() {
        for item in layout.order {
            switch item {
            case .post(let position):
                guard let manager = index.manager[position], scope.drawn[manager] else { continue }
                let kind = labels.reportingKind(position)
                lines.append(
                    ChartLine(
                        from: names.box(manager), to: names.box(position), kind: kind,
                        constrains: kind != .assistant && layout.row[position] > layout.row[manager],
                        elementID: names.elementID(manager) + "->" + names.elementID(position)))
            case .team(let manager, let members):
                lines.append(
                    ChartLine(
                        from: names.box(manager), to: names.team(manager), kind: labels.teamLineKind(members),
                        constrains: ChartRow.frontLine > layout.row[manager],
                        elementID: names.elementID(manager) + "->" + names.teamID(manager)))
            case .stack(let manager, _, let row):
                lines.append(
                    ChartLine(
                        from: names.box(manager), to: names.band(manager, row), kind: .reporting, constrains: row > layout.row[manager],
                        elementID: names.elementID(manager) + "->" + names.bandID(manager, row)))
            }
        }
    }

    /// The dotted lines between drawn posts, each pair of boxes once; a dotted line between
    /// two lines of one team would be a loop on the team's box, and is left out.
    mutating func drawDottedLines() {
        var drawn = Set<[String]>()
        for position in layout.drawnInOrder {
            for manager in labels.dottedTo(position) {
                guard scope.drawn[manager], manager != position else { continue }
                let (tail, head) = (names.box(manager), names.box(position))
                guard tail != head, drawn.insert([tail, head]).inserted else { continue }
                // Rows are pinned by the label column and each row's order by its chain, so a
                // downward dotted line (weight 0) cannot move a box; it keeps its constraint
                // so that Graphviz routes it directly rather than around the chart.
                lines.append(
                    ChartLine(
                        from: tail, to: head, kind: .dotted, constrains: layout.row[position] > layout.row[manager],
                        elementID: "dotted:" + names.elementID(manager) + "->" + names.elementID(position)))
                drewDottedLines = true
            }
        }
    }
}
