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
        let sides: [(key: String, heading: String, result: ValidationResult)] = [
            ("current", "Current", current), ("proposed", "Proposed", proposed),
        ]
        let cache = options.cache ?? ChartCache()
        let shared = sides.map { cache.side($0.key, $0.result, options: options) }
        let indexes = shared.map(\.index)
        var roots: [Int?] = [nil, nil]
        if let id = options.root {
            roots = indexes.map { $0.position(of: id) }
            guard roots.contains(where: { $0 != nil }) else {
                throw .unknownRoot(
                    id, files: sides.compactMap { $0.result.structure.source },
                    suggestions: ChartError.suggestions(for: id, in: current.structure.posts + proposed.structure.posts))
            }
        }

        var footnotes = Footnotes()
        var panels: [ChartPanel] = []
        var features: StructurePanel.Features = []
        var shownBySide: [Set<PostID>?] = []
        var chains: [String?] = []
        for (number, side) in sides.enumerated() {
            let index = indexes[number]
            // A root that is not in this structure leaves this side empty.
            var resolved: PageScope
            if options.root != nil && roots[number] == nil && options.page == nil {
                resolved = PageScope(scope: ChartScope(empty: index.posts.count), panel: nil, shown: [], root: nil, chain: nil)
            } else {
                let pageSide = number == 0 ? options.page?.current : options.page?.proposed
                resolved = PageScope.resolve(
                    index, options: options, side: pageSide, page: options.page, userRoot: roots[number], below: shared[number].below)
            }
            shownBySide.append(resolved.shown)
            chains.append(resolved.chain.map { "\(side.heading): \($0)" })
            let panel = StructurePanel(
                index: index, marks: shared[number].marks, options: options, scope: resolved.scope,
                idPrefix: side.key + "-", nameKey: String(side.key.prefix(1)), side: side.key, page: resolved.panel,
                shared: shared[number])
            let built = panel.build(key: side.key, heading: DOTText.html(side.heading), footnotes: &footnotes)
            var drawnPanel = built.panel
            let pageRoot = number == 0 ? options.page?.current?.root : options.page?.proposed?.root
            if drawnPanel.boxes.isEmpty, let id = pageRoot {
                drawnPanel.boxes.append(ChartText.absentBox(id, in: side.key, key: String(side.key.prefix(1))))
            } else if drawnPanel.boxes.isEmpty, let id = options.root {
                // Say why this side is blank rather than leave an empty frame.
                let row =
                    indexes[1 - number].position(of: id).flatMap { indexes[1 - number].posts[$0].tier }.map(ChartRow.tier) ?? .frontLine
                var style = BoxStyle()
                style.dashed = true
                style.outline = ChartPalette.muted
                drawnPanel.boxes.append(
                    ChartBox(
                        name: "\(side.key.prefix(1))none", elementID: "\(side.key)-absent", row: row,
                        label: DOTText.html("No post \(id.rawValue) in the \(side.key) structure"), style: style))
            }
            panels.append(drawnPanel)
            features.formUnion(built.features)
        }

        let rows = ChartRow.span(of: panels.flatMap { $0.boxes.map(\.row) })
        var notes: [String] = []
        for (number, side) in sides.enumerated() {
            notes.append(ChartText.source(side.result, side: side.heading))
            notes += ChartText.findings(
                side.result, side: side.heading, limit: 4, shown: shownBySide[number], headcount: shared[number].headcount)
        }
        let rootTitle = options.root.flatMap { id in
            zip(indexes, roots).lazy.compactMap { index, root in root.map { index.posts[$0].displayTitle } }.first
        }
        let document = ChartDocument(
            title: ChartText.title(
                "\(ChartText.name(of: proposed.structure)): current and proposed",
                [ChartText.pairSubtitle(current.structure, proposed.structure), ChartText.scope(options, rootTitle: rootTitle)]),
            rowLabels: ChartText.rowLabels(rows, rules: [proposed.rules, current.rules]),
            panels: panels,
            legend: StructurePanel.legend(for: features),
            notes: notes.map { Footnotes.wrapped($0) } + footnotes.notes,
            dpi: options.dpi,
            header: ChartText.header(
                options.page,
                chains: chains[0] == chains[1].map { $0.replacingOccurrences(of: "Proposed: ", with: "Current: ") }
                    ? [chains[1]?.replacingOccurrences(of: "Proposed: ", with: "")] : chains))
        return DOTEmitter.dot(document)
    }

}
