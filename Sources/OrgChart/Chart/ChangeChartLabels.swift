import OrgAnalysis
import OrgModel
import OrgSupport

/// What the change chart writes in its boxes: each record's change in words, the rules a
/// proposed post breaks, and on a chartbook page the branch a reference stands for.
struct ChangeChartLabels: PanelLabels {
    let diff: StructureDiff
    let merged: MergedStructure
    let index: StructureIndex
    let scope: ChartScope
    let page: PanelPage?
    let namePolicy: NamePolicy
    /// The proposed structure's findings, which a reference's branch totals count.
    let proposedMarks: FindingMarks
    /// The rules each post breaks in the proposed structure, by proposed id.
    let errorsOf: [PostID: [Finding]]
    /// Front-line lines that moved to another team (their positions), by the team they left.
    let movedOutOf: [Int: [Int]]
    let memo: LabelMemo

    init(
        pair: ChartCache.Pair, proposed: ValidationResult, layout: PanelLayout, scope: ChartScope, page: PanelPage?, options: ChartOptions
    ) {
        diff = pair.diff
        merged = pair.merged
        index = pair.index
        self.scope = scope
        self.page = page
        namePolicy = options.names
        errorsOf = pair.errors(proposed)
        var movedOutOf: [Int: [Int]] = [:]
        for position in layout.drawnInOrder where layout.teamOf[position] != nil {
            if let former = pair.merged.formerManager[position] { movedOutOf[former, default: []].append(position) }
        }
        self.movedOutOf = movedOutOf
        memo = pair.labels
        proposedMarks = (options.cache ?? ChartCache()).side("proposed", proposed, options: options).marks
    }

    /// A record's box; a reference's adds its branch's totals and the page it continues on.
    func post(_ position: Int, compact: Bool) -> BoxFace {
        // A stacked leader's cell says the same as its box here: one label for both.
        memo.face(.box(of: position, compact: false, scope: scope, page: page, names: namePolicy)) { drawPost(position) }
    }

    private func drawPost(_ position: Int) -> BoxFace {
        let change = diff.changes[position]
        let reference = page?.reference(position)
        var (label, style) = ChangeLabel.post(
            change, names: namePolicy, merged: merged, hidden: reference == nil ? scope.hiddenBelow[position] : 0,
            errors: change.proposed.flatMap { errorsOf[$0.id] } ?? [])
        guard let reference else { return (label, style) }
        var lines = LabelLines()
        lines.append(html: label)
        // The branch as proposed: its errors are the proposed structure's.
        if let rollUp = page?.rollUp(position, index, proposedMarks, counted: { diff.changes[$0].proposed }) {
            for line in rollUp.lines { lines.detail(line) }
        }
        lines.reference(reference, continued: page?.continuedFrom(position) ?? false)
        label = lines.html
        style.penWidth = max(style.penWidth, 1)
        return (label, style)
    }

    /// The team's change, lines that moved out of it included; nil for a stacked leader
    /// whose team neither has lines nor lost any.
    func team(_ manager: Int, members: [Int]) -> BoxFace? {
        guard !members.isEmpty || movedOutOf[manager] != nil else { return nil }
        let movedOut = movedOutOf[manager] ?? []
        return memo.face(.team(members, movedOut: movedOut, names: namePolicy)) {
            ChangeLabel.team(members.map { diff.changes[$0] }, movedOut: movedOut.map { diff.changes[$0] }, merged: merged)
        }
    }

    /// A deleted post's line is drawn as removed.
    func reportingKind(_ position: Int) -> ChartLine.Kind {
        let change = diff.changes[position]
        if change.status == .deleted { return .removed }
        return (change.proposed ?? change.current)?.assistant == true ? .assistant : .reporting
    }

    /// A team whose every line is deleted hangs from a removed line.
    func teamLineKind(_ members: [Int]) -> ChartLine.Kind {
        members.allSatisfy { diff.changes[$0].status == .deleted } ? .removed : .reporting
    }

    /// The proposed dotted lines.
    func dottedTo(_ position: Int) -> [Int] {
        (diff.changes[position].proposed?.dottedTo ?? []).compactMap { merged.position(ofProposed: $0) }
    }
}

extension PanelDrawing where Labels == ChangeChartLabels {
    /// A team whose every front-line line moved away still shows what left it: a box of
    /// its own, placed after its manager so that it sits beneath it, and hung from a
    /// former reporting line (the team it led is a former one).
    mutating func drawEmptiedTeams() {
        for (manager, leavers) in labels.movedOutOf.sorted(by: { $0.key < $1.key })
        where scope.drawn[manager] && layout.stackOf[manager] == nil && !boxes.contains(where: { $0.name == names.team(manager) }) {
            let box = teamBox(manager, ChangeLabel.team([], movedOut: leavers.map { labels.diff.changes[$0] }, merged: labels.merged))
            let at = boxes.firstIndex { $0.name == names.box(manager) }.map { $0 + 1 } ?? boxes.count
            boxes.insert(box, at: at)
            lines.append(
                ChartLine(
                    from: names.box(manager), to: names.team(manager), kind: .former, constrains: ChartRow.frontLine > layout.row[manager],
                    elementID: names.elementID(manager) + "->" + names.teamID(manager)))
        }
    }

    /// Former reporting lines of moved posts, faint; team members' are summarised in words.
    /// Like dotted lines they weigh nothing, and only downward ones keep their constraint:
    /// enough for Graphviz to route them directly.
    mutating func drawFormerLines() {
        for position in layout.drawnInOrder where layout.teamOf[position] == nil {
            guard let former = labels.merged.formerManager[position], scope.drawn[former], names.box(former) != names.box(position)
            else { continue }
            lines.append(
                ChartLine(
                    from: names.box(former), to: names.box(position), kind: .former, constrains: layout.row[position] > layout.row[former],
                    elementID: "former:" + names.elementID(former) + "->" + names.elementID(position)))
        }
    }
}
