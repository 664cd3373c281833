import Foundation
import OrgModel

/// Current and proposed side by side on one page (`orgmodel render --compare`): two
/// framed panels headed "Current" and "Proposed", sharing the tier rows, so each tier's
/// posts before and after sit level with each other.
public enum ComparisonChart {
    /// The chart as DOT text. Element ids are the post ids prefixed `current-` and
    /// `proposed-`.
    ///
    /// - Throws: `ChartError.unknownRoot` when `options.root` names a post in neither
    ///   structure (a root found in one only draws that side from it and the other empty).
    public static func dot(current: ValidationResult, proposed: ValidationResult, options: ChartOptions = ChartOptions())
        throws(ChartError) -> String
    {
        let cache = options.cache ?? ChartCache()
        let sides = [
            ComparedSide(key: "current", heading: "Current", result: current, options: options, cache: cache, page: options.page?.current),
            ComparedSide(
                key: "proposed", heading: "Proposed", result: proposed, options: options, cache: cache, page: options.page?.proposed),
        ]
        var roots: [Int?] = [nil, nil]
        if let id = options.root {
            roots = sides.map { $0.index.position(of: id) }
            guard roots.contains(where: { $0 != nil }) else {
                throw .unknownRoot(
                    id, files: sides.compactMap { $0.result.structure.source },
                    suggestions: ChartError.suggestions(for: id, in: current.structure.posts + proposed.structure.posts))
            }
        }
        var footnotes = Footnotes()
        var panels: [ChartPanel] = []
        var features: StructurePanel.Features = []
        var scopes: [PageScope] = []
        for (number, side) in sides.enumerated() {
            let resolved = side.scope(root: roots[number], options: options)
            var (panel, drawn) = side.panel(resolved, options: options, footnotes: &footnotes)
            if panel.boxes.isEmpty, let box = side.absentBox(options: options, other: sides[1 - number]) { panel.boxes.append(box) }
            panels.append(panel)
            features.formUnion(drawn)
            scopes.append(resolved)
        }
        let rows = ChartRow.span(of: panels.flatMap { $0.boxes.map(\.row) })
        let rootTitle = zip(sides, roots).lazy.compactMap { side, root in root.map { side.index.posts[$0].displayTitle } }.first
        let document = ChartDocument(
            title: ChartText.title(
                "\(ChartText.name(of: proposed.structure)): current and proposed",
                [ChartText.pairSubtitle(current.structure, proposed.structure), ChartText.scope(options, rootTitle: rootTitle)]),
            rowLabels: ChartText.rowLabels(rows, rules: [proposed.rules, current.rules]),
            panels: panels,
            legend: StructurePanel.legend(for: features),
            notes: notes(sides, scopes).map { Footnotes.wrapped($0) } + footnotes.notes,
            dpi: options.dpi,
            header: ChartText.header(
                options.page, chains: headerChains(sides, scopes.map(\.chain))),
            standIns: options.standIns.map { ($0, "compare") })
        return DOTEmitter.dot(document)
    }

    /// Each side's source, then the findings about what it draws.
    private static func notes(_ sides: [ComparedSide], _ scopes: [PageScope]) -> [String] {
        var notes: [String] = []
        for (side, resolved) in zip(sides, scopes) {
            notes.append(ChartText.source(side.result, side: side.heading))
            notes += ChartText.findings(side.result, side: side.heading, limit: 4, shown: resolved.shown, headcount: side.shared.headcount)
        }
        return notes
    }

    /// The chains of command above a page's branch, "Current: …" and "Proposed: …"; one
    /// line, unlabelled, when both structures have the same.
    private static func headerChains(_ sides: [ComparedSide], _ chains: [String?]) -> [String?] {
        chains[0] == chains[1] ? [chains[1]] : zip(sides, chains).map { side, chain in chain.map { "\(side.heading): \($0)" } }
    }
}

/// One structure of a side-by-side chart, as its panel draws it.
private struct ComparedSide {
    /// The side's name in element ids and footnotes: "current", "proposed".
    let key: String
    /// The panel's heading: "Current", "Proposed".
    let heading: String
    let result: ValidationResult
    let shared: ChartCache.Side
    /// What a chartbook page draws of this structure.
    let page: PageSpec.Side?

    init(key: String, heading: String, result: ValidationResult, options: ChartOptions, cache: ChartCache, page: PageSpec.Side?) {
        self.key = key
        self.heading = heading
        self.result = result
        self.shared = cache.side(key, result, options: options)
        self.page = page
    }

    var index: StructureIndex { shared.index }
    /// Prefix of the panel's DOT node names: "c", "p".
    var nameKey: String { String(key.prefix(1)) }

    /// What this side draws: nothing when `--root` names a post that only the other
    /// structure has.
    func scope(root: Int?, options: ChartOptions) -> PageScope {
        if options.root != nil && root == nil && options.page == nil {
            return PageScope(scope: ChartScope(empty: index.posts.count), panel: nil, shown: [], root: nil, chain: nil)
        }
        return PageScope.resolve(index, options: options, side: page, page: options.page, userRoot: root, below: shared.below)
    }

    func panel(_ resolved: PageScope, options: ChartOptions, footnotes: inout Footnotes) -> (ChartPanel, StructurePanel.Features) {
        let panel = StructurePanel(
            index: index, marks: shared.marks, options: options, scope: resolved.scope, idPrefix: key + "-", nameKey: nameKey, side: key,
            page: resolved.panel, shared: shared)
        let built = panel.build(key: key, heading: DOTText.html(heading), footnotes: &footnotes)
        return (built.panel, built.features)
    }

    /// What an empty side says rather than leave an empty frame: that the page's branch,
    /// or the root asked for, is not in this structure. The root's box sits in the row it
    /// has in the other structure.
    func absentBox(options: ChartOptions, other: ComparedSide) -> ChartBox? {
        if let id = page?.root { return ChartText.absentBox(id, in: key, key: nameKey) }
        guard let id = options.root else { return nil }
        let row = other.index.position(of: id).flatMap { other.index.posts[$0].tier }.map(ChartRow.tier) ?? .frontLine
        return ChartText.absentBox(id, in: key, key: nameKey, row: row, elementID: "\(key)-absent")
    }
}
