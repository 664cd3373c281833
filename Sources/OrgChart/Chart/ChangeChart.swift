import OrgAnalysis
import OrgModel
import OrgSupport

/// The change itself on one chart (`orgmodel render --changes`): every post of either
/// structure once, deleted posts red and struck through, new posts green, moved posts
/// amber with their former reporting line drawn faint, retitled, re-tiered and re-graded
/// posts marked, unchanged posts grey, and a legend counting each.
///
/// Posts are matched as `StructureDiff` matches them (by id, then `replaces`). A kept or
/// new post sits in its proposed tier under its proposed manager; a deleted post sits
/// where it was. Colour is never the only cue: each changed box says in words what
/// changed.
public enum ChangeChart {
    /// The chart as DOT text. Element ids are post ids: the proposed id for kept and new
    /// posts, the current id for deleted ones.
    ///
    /// - Throws: `ChartError.unknownRoot` when `options.root` names a post in neither structure.
    public static func dot(current: ValidationResult, proposed: ValidationResult, options: ChartOptions = ChartOptions())
        throws(ChartError) -> String
    {
        let pair = (options.cache ?? ChartCache()).pair(current, proposed, matching: options.idMatching)
        let diff = pair.diff
        let merged = pair.merged
        var root: Int?
        if let id = options.root {
            guard let found = merged.position(ofPost: id) else {
                throw .unknownRoot(
                    id, files: [current.structure.source, proposed.structure.source].compactMap { $0 },
                    suggestions: ChartError.suggestions(for: id, in: current.structure.posts + proposed.structure.posts))
            }
            root = found
        }
        let index = pair.index
        // From a root, the chart draws what is below it now and what was below it before:
        // a post that left the root's remit (or the whole remit of a deleted root) is drawn
        // where it now reports, with its former reporting line.
        var starts: [(position: Int, level: Int)] = root.map { [($0, 0)] } ?? []
        if let root, let id = diff.changes[root].current?.id {
            let currentIndex = pair.currentIndex
            if let top = currentIndex.position(of: id) {
                let before = ChartScope(currentIndex, root: top, depth: options.depth)
                for position in before.drawn.indices where before.drawn[position] && position != top {
                    guard let merged = merged.position(ofCurrent: diff.current.posts[position].id) else { continue }
                    starts.append((merged, max(0, currentIndex.depth[position] - currentIndex.depth[top])))
                }
            }
        }
        var resolved: PageScope
        if let page = options.page {
            resolved = PageScope.resolve(index, options: options, side: page.merged, page: page, userRoot: root, below: pair.below)
        } else {
            let scope =
                root == nil ? ChartScope(index, root: nil, depth: options.depth) : ChartScope(index, starts: starts, depth: options.depth)
            resolved = PageScope(scope: scope, panel: nil, shown: nil, root: root, chain: nil)
        }
        let scope = resolved.scope
        let page = resolved.panel
        let layout = PanelLayout(index: index, scope: scope, stacks: options.page != nil && options.stacks)
        let counts = ChangeCounts(diff: diff, positions: scope.drawnPositions)

        var boxes: [ChartBox] = []
        var lines: [ChartLine] = []
        func bandName(_ manager: Int, _ row: ChartRow) -> String { "xs\(manager)_\(row.slug.replacingOccurrences(of: "-", with: "_"))" }
        func name(_ position: Int) -> String {
            if let leader = layout.teamOf[position], let manager = layout.stackOf[leader] {
                return bandName(manager, layout.row[leader]) + ":c\(leader)"
            }
            if let manager = layout.stackOf[position] { return bandName(manager, layout.row[position]) + ":c\(position)" }
            return layout.teamOf[position].map { "xt\($0)" } ?? "x\(position)"
        }
        func elementID(_ position: Int) -> String {
            if let reference = page?.reference(position) { return merged.elementIDs[position] + "/see-p\(reference)" }
            return layout.teamOf[position].map { merged.elementIDs[$0] + "/front-line" } ?? merged.elementIDs[position]
        }
        // The rules each post breaks in the proposed structure, by proposed id.
        var errorsOf: [PostID: [Finding]] = [:]
        for finding in proposed.findings where finding.severity == .error {
            if let id = finding.post { errorsOf[id, default: []].append(finding) }
        }
        // Front-line lines that moved to another team, by the team they left.
        var movedOutOf: [Int: [PostChange]] = [:]
        for position in layout.drawnInOrder where layout.teamOf[position] != nil {
            if let former = merged.formerManager[position] { movedOutOf[former, default: []].append(diff.changes[position]) }
        }
        let proposedMarks = (options.cache ?? ChartCache()).side("proposed", proposed, options: options).marks
        func postBox(_ position: Int) -> (label: String, style: BoxStyle) {
            let change = diff.changes[position]
            var (label, style) = ChangeLabel.post(
                change, names: options.names, merged: merged, diff: diff,
                hidden: page?.reference(position) == nil ? scope.hiddenBelow[position] : 0,
                errors: change.proposed.flatMap { errorsOf[$0.id] } ?? [])
            if let reference = page?.reference(position) {
                var lines = LabelLines()
                lines.append(html: label)
                // The branch as proposed: its errors are the proposed structure's.
                if let rollUp = page?.rollUp(position, index, proposedMarks, counted: { diff.changes[$0].proposed }) {
                    for line in rollUp.lines { lines.detail(line) }
                }
                lines.reference(reference, continued: page?.continuedFrom(position) ?? false)
                label = lines.html
                style.penWidth = max(style.penWidth, 1)
            }
            return (label, style)
        }
        var teamMembers: [Int: [Int]] = [:]
        for position in layout.drawnInOrder {
            if let leader = layout.teamOf[position] { teamMembers[leader, default: []].append(position) }
        }
        for item in layout.order {
            switch item {
            case .post(let position):
                let (label, style) = postBox(position)
                boxes.append(
                    ChartBox(
                        name: name(position), elementID: elementID(position), row: layout.row[position],
                        label: label, style: style, href: page?.reference(position).map { page!.href($0) }))
            case .stack(let manager, let leaders, let row):
                var cells: [ChartCell] = []
                for leader in leaders {
                    let (label, style) = postBox(leader)
                    let members = teamMembers[leader] ?? []
                    let team =
                        members.isEmpty && movedOutOf[leader] == nil
                        ? nil
                        : ChangeLabel.team(
                            members.map { diff.changes[$0] }, movedOut: movedOutOf[leader] ?? [], merged: merged, diff: diff,
                            names: options.names)
                    cells.append(
                        ChartCell(
                            elementID: merged.elementIDs[leader], port: "c\(leader)", label: label, style: style,
                            team: team?.label, teamStyle: team?.style))
                }
                boxes.append(
                    ChartBox(
                        name: bandName(manager, row), elementID: merged.elementIDs[manager] + "/stack-" + row.slug, row: row,
                        label: "", style: BoxStyle(), cells: cells, columns: BandShape.columns(for: cells.count)))
            case .team(let manager, let members):
                let (label, style) = ChangeLabel.team(
                    members.map { diff.changes[$0] }, movedOut: movedOutOf[manager] ?? [], merged: merged, diff: diff, names: options.names)
                boxes.append(
                    ChartBox(
                        name: "xt\(manager)", elementID: merged.elementIDs[manager] + "/front-line", row: .frontLine,
                        label: label, style: style))
            }
        }
        // A team whose every front-line line moved away still shows what left it: a box of
        // its own, placed after its manager so that it sits beneath it.
        var emptiedTeams: [Int] = []
        for (manager, leavers) in movedOutOf.sorted(by: { $0.key < $1.key })
        where scope.drawn[manager] && layout.stackOf[manager] == nil && !boxes.contains(where: { $0.name == "xt\(manager)" }) {
            let (label, style) = ChangeLabel.team([], movedOut: leavers, merged: merged, diff: diff, names: options.names)
            let box = ChartBox(
                name: "xt\(manager)", elementID: merged.elementIDs[manager] + "/front-line", row: .frontLine, label: label, style: style)
            let at = boxes.firstIndex { $0.name == name(manager) }.map { $0 + 1 } ?? boxes.count
            boxes.insert(box, at: at)
            emptiedTeams.append(manager)
        }
        for manager in emptiedTeams {
            // The team it led is a former one: its line is drawn as a former reporting line.
            lines.append(
                ChartLine(
                    from: name(manager), to: "xt\(manager)", kind: .former, constrains: ChartRow.frontLine > layout.row[manager],
                    elementID: elementID(manager) + "->" + merged.elementIDs[manager] + "/front-line"))
        }
        for item in layout.order {
            switch item {
            case .post(let position):
                guard let manager = index.manager[position], scope.drawn[manager] else { continue }
                let change = diff.changes[position]
                let assistant = (change.proposed ?? change.current)?.assistant == true
                let kind: ChartLine.Kind = change.status == .deleted ? .removed : (assistant ? .assistant : .reporting)
                lines.append(
                    ChartLine(
                        from: name(manager), to: name(position), kind: kind,
                        constrains: kind != .assistant && layout.row[position] > layout.row[manager],
                        elementID: elementID(manager) + "->" + elementID(position)))
            case .team(let manager, let members):
                let removed = members.allSatisfy { diff.changes[$0].status == .deleted }
                lines.append(
                    ChartLine(
                        from: name(manager), to: "xt\(manager)", kind: removed ? .removed : .reporting,
                        constrains: ChartRow.frontLine > layout.row[manager],
                        elementID: elementID(manager) + "->" + merged.elementIDs[manager] + "/front-line"))
            case .stack(let manager, _, let row):
                lines.append(
                    ChartLine(
                        from: name(manager), to: bandName(manager, row), kind: .reporting, constrains: row > layout.row[manager],
                        elementID: elementID(manager) + "->" + merged.elementIDs[manager] + "/stack-" + row.slug))
            }
        }
        // Former reporting lines of moved posts, faint; team members' are summarised in words.
        // Like dotted lines they weigh nothing, and only downward ones keep their constraint
        // (see StructurePanel): enough for Graphviz to route them directly.
        for position in layout.drawnInOrder where layout.teamOf[position] == nil {
            guard let former = merged.formerManager[position], scope.drawn[former], name(former) != name(position) else { continue }
            lines.append(
                ChartLine(
                    from: name(former), to: name(position), kind: .former,
                    constrains: layout.row[position] > layout.row[former],
                    elementID: "former:" + elementID(former) + "->" + elementID(position)))
        }
        // Proposed dotted lines.
        var dotted = Set<[String]>()
        for position in layout.drawnInOrder {
            for target in diff.changes[position].proposed?.dottedTo ?? [] {
                guard let from = merged.position(ofProposed: target), scope.drawn[from], from != position,
                    dotted.insert([name(from), name(position)]).inserted
                else { continue }
                lines.append(
                    ChartLine(
                        from: name(from), to: name(position), kind: .dotted,
                        constrains: layout.row[position] > layout.row[from],
                        elementID: "dotted:" + elementID(from) + "->" + elementID(position)))
            }
        }

        let rows = ChartRow.span(of: boxes.map(\.row))
        let rootTitle = root.map { merged.structure.posts[$0].displayTitle }
        var notes = [
            ChartText.source(current, side: "Current"), ChartText.source(proposed, side: "Proposed"),
            "Posts are matched by id, and by replaces: for a post re-purposed under a new id.",
        ]
        // From a root the chart is a part; its cost note is still the whole structure's.
        notes += pair.summary(current.rules, proposed.rules)
            .map { root == nil ? $0 : "Whole structure: " + $0 }
        let checks =
            proposed.errorCount == 0
            ? nil
            : "The proposed structure has \(Plural.count(proposed.errorCount, "error")): run orgmodel validate \(proposed.structure.source ?? "FILE") or draw it with orgmodel render."
        if let checks { notes.append(checks) }
        let document = ChartDocument(
            title: ChartText.title(
                "\(ChartText.name(of: proposed.structure)): the changes",
                [ChartText.pairSubtitle(current.structure, proposed.structure), ChartText.scope(options, rootTitle: rootTitle)]),
            rowLabels: ChartText.rowLabels(rows, rules: [proposed.rules, current.rules]),
            panels: [ChartPanel(heading: nil, key: "changes", boxes: boxes, lines: lines)],
            legend: counts.legend,
            notes: notes.map { Footnotes.wrapped($0) },
            dpi: options.dpi,
            header: ChartText.header(options.page, chains: [resolved.chain]))
        return DOTEmitter.dot(document)
    }
}
