import OrgModel

/// The chart of one structure (`orgmodel render FILE`): posts in tier rows, findings in
/// colour, a legend, a title and notes.
public enum StructureChart {
    /// The chart as DOT text.
    ///
    /// - Parameter result: The structure with its findings and rule set; a structure
    ///   with errors is drawn too, its failing posts outlined red.
    /// - Throws: `ChartError.unknownRoot` when `options.root` names no post.
    public static func dot(_ result: ValidationResult, options: ChartOptions = ChartOptions()) throws(ChartError) -> String {
        let structure = result.structure
        let shared = (options.cache ?? ChartCache()).side(options.role, result, options: options)
        let index = shared.index
        var root: Int?
        if let id = options.root {
            guard let position = index.position(of: id) else {
                throw .unknownRoot(
                    id, files: structure.source.map { [$0] } ?? [],
                    suggestions: ChartError.suggestions(for: id, in: structure.posts))
            }
            root = position
        }
        let marks = shared.marks
        var footnotes = Footnotes()
        let resolved = PageScope.resolve(
            index, options: options, side: options.page?.single, page: options.page, userRoot: root, below: shared.below)
        let panel = StructurePanel(
            index: index, marks: marks, options: options, scope: resolved.scope,
            idPrefix: "", nameKey: "p", side: nil, page: resolved.panel, shared: shared)
        var (drawn, features) = panel.build(key: "structure", heading: nil, footnotes: &footnotes)
        if drawn.boxes.isEmpty, let page = options.page, let id = page.single?.root {
            drawn.boxes.append(ChartText.absentBox(id, in: structure.state?.rawValue ?? "this", key: "p"))
        }

        let rows = ChartRow.span(of: drawn.boxes.map(\.row))
        // A part of the structure (--root, --depth, a page) lists its own findings.
        let notes =
            ([ChartText.source(result)] + ChartText.findings(result, shown: resolved.shown, headcount: shared.headcount)).map {
                Footnotes.wrapped($0)
            }
            + footnotes.notes
        let rootTitle = root.map { structure.posts[$0].displayTitle }
        let document = ChartDocument(
            title: ChartText.title(
                ChartText.name(of: structure),
                [
                    ChartText.subtitle(of: structure), ChartText.scope(options, rootTitle: rootTitle),
                ]),
            rowLabels: ChartText.rowLabels(rows, rules: [result.rules]),
            panels: [drawn],
            legend: StructurePanel.legend(for: features),
            notes: notes,
            dpi: options.dpi,
            header: ChartText.header(options.page, chains: [resolved.chain]),
            standIns: options.standIns.map { ($0, "single") })
        return DOTEmitter.dot(document)
    }
}
