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
        var root: Int?
        if let id = options.root {
            guard let found = pair.merged.position(ofPost: id) else {
                throw .unknownRoot(
                    id, files: [current.structure.source, proposed.structure.source].compactMap { $0 },
                    suggestions: ChartError.suggestions(for: id, in: current.structure.posts + proposed.structure.posts))
            }
            root = found
        }
        let resolved = pageScope(pair, root: root, options: options)
        let panel = panel(pair, resolved, proposed: proposed, options: options)
        let rows = ChartRow.span(of: panel.boxes.map(\.row))
        let rootTitle = root.map { pair.merged.structure.posts[$0].displayTitle }
        let document = ChartDocument(
            title: ChartText.title(
                "\(ChartText.name(of: proposed.structure)): the changes",
                [ChartText.pairSubtitle(current.structure, proposed.structure), ChartText.scope(options, rootTitle: rootTitle)]),
            rowLabels: ChartText.rowLabels(rows, rules: [proposed.rules, current.rules]),
            panels: [panel],
            legend: ChangeCounts(diff: pair.diff, positions: resolved.scope.drawnPositions).legend,
            notes: notes(pair, current: current, proposed: proposed, whole: root == nil).map { Footnotes.wrapped($0) },
            dpi: options.dpi,
            header: ChartText.header(options.page, chains: [resolved.chain]),
            standIns: options.standIns.map { ($0, "changes") })
        return DOTEmitter.dot(document)
    }

    /// What the chart draws: a chartbook page's part, or the change below `root`, or the
    /// whole change.
    private static func pageScope(_ pair: ChartCache.Pair, root: Int?, options: ChartOptions) -> PageScope {
        if let page = options.page {
            return PageScope.resolve(pair.index, options: options, side: page.merged, page: page, userRoot: root, below: pair.below)
        }
        let scope =
            root.map { ChartScope(pair.index, starts: remit(of: $0, in: pair, depth: options.depth), depth: options.depth) }
            ?? ChartScope(pair.index, root: nil, depth: options.depth)
        return PageScope(scope: scope, panel: nil, shown: nil, root: root, chain: nil)
    }

    /// From a root, the chart draws what is below it now and what was below it before: a
    /// post that left the root's remit (or the whole remit of a deleted root) is drawn
    /// where it now reports, with its former reporting line. Each starts at the level it
    /// had below the root.
    private static func remit(of root: Int, in pair: ChartCache.Pair, depth: Int?) -> [(position: Int, level: Int)] {
        var starts: [(position: Int, level: Int)] = [(root, 0)]
        let currentIndex = pair.currentIndex
        guard let id = pair.diff.changes[root].current?.id, let top = currentIndex.position(of: id) else { return starts }
        let before = ChartScope(currentIndex, root: top, depth: depth)
        for position in before.drawn.indices where before.drawn[position] && position != top {
            guard let merged = pair.merged.position(ofCurrent: pair.diff.current.posts[position].id) else { continue }
            starts.append((merged, max(0, currentIndex.depth[position] - currentIndex.depth[top])))
        }
        return starts
    }

    /// The boxes and lines: the panel as both structures' charts draw it, with the teams
    /// emptied by moves, the former reporting lines of moved posts and the proposed
    /// dotted lines.
    private static func panel(_ pair: ChartCache.Pair, _ resolved: PageScope, proposed: ValidationResult, options: ChartOptions)
        -> ChartPanel
    {
        let scope = resolved.scope
        let layout = PanelLayout(index: pair.index, scope: scope, stacks: options.page != nil && options.stacks)
        let names = PanelNames(
            layout: layout, nameKey: "x", ids: ElementIDs(unique: pair.merged.elementIDs), idPrefix: "", page: resolved.panel)
        let labels = ChangeChartLabels(pair: pair, proposed: proposed, layout: layout, scope: scope, page: resolved.panel, options: options)
        var drawing = PanelDrawing(index: pair.index, scope: scope, layout: layout, names: names, labels: labels)
        drawing.drawBoxes()
        drawing.drawEmptiedTeams()
        drawing.drawReportingLines()
        drawing.drawFormerLines()
        drawing.drawDottedLines()
        return ChartPanel(heading: nil, key: "changes", boxes: drawing.boxes, lines: drawing.lines)
    }

    /// Both sources, how posts are matched, the cost and permanence summary (the whole
    /// structure's, said so on a part), and a pointer to the proposal's errors.
    private static func notes(_ pair: ChartCache.Pair, current: ValidationResult, proposed: ValidationResult, whole: Bool) -> [String] {
        var notes = [
            ChartText.source(current, side: "Current"), ChartText.source(proposed, side: "Proposed"),
            "Posts are matched by id, and by replaces: for a post re-purposed under a new id.",
        ]
        notes += pair.summary(current.rules, proposed.rules).map { whole ? $0 : "Whole structure: " + $0 }
        if proposed.errorCount > 0 {
            notes.append(
                "The proposed structure has \(Plural.count(proposed.errorCount, "error")): run orgmodel validate \(proposed.structure.source ?? "FILE") or draw it with orgmodel render."
            )
        }
        return notes
    }
}
