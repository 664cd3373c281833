import Foundation
import OrgAnalysis
import OrgModel
import OrgSupport

/// The analyse command's report on one structure: per tier figures and spans, layers,
/// one-over-one chains, ratios and the remits of the senior posts, as text or Markdown
/// (`document()`), JSON (`json()`) or a CSV row per post (`csv()`).
public struct AnalysisReport: Report, Sendable {
    public let analysis: StructureAnalysis
    /// The file as the user named it, for the title.
    public var file: String?
    /// How many senior posts the text and Markdown list remits for; the CSV and JSON
    /// always hold every post.
    public var remitRows: Int

    public init(_ analysis: StructureAnalysis, file: String? = nil, remitRows: Int = 40) {
        self.analysis = analysis
        self.file = file ?? analysis.structure.source
        self.remitRows = remitRows
    }

    /// The title of a structure: its name and state, or its file.
    static func title(of structure: Structure, file: String?) -> String {
        var title = structure.name ?? file.map { ($0 as NSString).lastPathComponent } ?? "Structure"
        if let state = structure.state { title += " (\(state.rawValue))" }
        return title
    }

    public func document() -> ReportDocument {
        let analysis = self.analysis
        let structure = analysis.structure
        let totals = analysis.totals
        var doc = ReportDocument()
        doc.heading(1, "Analysis: " + Self.title(of: structure, file: file))
        var about: [ReportDocument.Fact] = []
        if let file { about.append(.init("File", file)) }
        if let organisation = structure.organisation { about.append(.init("Organisation", organisation)) }
        if let effective = structure.effective { about.append(.init("Effective", effective.description)) }
        about.append(.init("Rules", analysis.rules.name))
        about.append(
            .init(
                "Posts",
                "\(Figures.grouped(totals.posts)) (headcount \(Figures.grouped(totals.headcount)), FTE \(Figures.decimal(totals.fte)))"))
        about.append(.init("Annual cost", totals.cost.text))
        doc.facts(about)

        // The sections, in the order the report gives them.
        let sections = [tierSection, layerSection, oneOverOneSection, ratioSection, remitSection]
        for section in sections { section(&doc) }
        return doc
    }

    // MARK: Sections

    private func tierSection(into doc: inout ReportDocument) {
        doc.heading(2, "Tiers")
        var table = ReportTable(
            headers: ["Tier", "Posts", "Headcount", "FTE", "Annual cost", "Span min", "median", "mean", "max", "Within", "Narrow", "Wide"],
            alignments: [.left] + Array(repeating: .right, count: 11))
        for row in analysis.tiers {
            var cells = [row.label, Figures.grouped(row.posts), Figures.grouped(row.headcount), Figures.decimal(row.fte), row.cost.text]
            if let spans = row.spans {
                cells += [
                    Figures.grouped(spans.min), Figures.decimal(spans.median, places: 1), Figures.decimal(spans.mean, places: 1),
                    Figures.grouped(spans.max),
                    spans.within.map(Figures.grouped) ?? "—", spans.narrow.map(Figures.grouped) ?? "—",
                    spans.wide.map(Figures.grouped) ?? "—",
                ]
            } else {
                cells += Array(repeating: "", count: 7)
            }
            table.append(cells)
        }
        let totals = analysis.totals
        table.append(
            ["Total", Figures.grouped(totals.posts), Figures.grouped(totals.headcount), Figures.decimal(totals.fte), totals.cost.text]
                + Array(repeating: "", count: 7))
        doc.table(table)
        doc.paragraph(
            "Span is the headcount of direct reports, vacant posts included and assistants left out; narrow and wide are against the tier's rule."
        )

        let measured = analysis.tiers.filter { $0.spans != nil }
        guard !measured.isEmpty else { return }
        // The bands the issue names are always shown; the rarer ones only when present.
        let always: Set<SpanBand> = [.one, .twoToThree, .withinRule, .aboveRule]
        let bands = SpanBand.allCases.filter { band in
            always.contains(band) || measured.contains { ($0.spans?.count(in: band) ?? 0) > 0 }
        }
        doc.heading(3, "Span bands (managers per band)")
        var table2 = ReportTable(headers: ["Tier"] + bands.map(\.heading), alignments: [.left] + bands.map { _ in .right })
        for row in measured {
            guard let spans = row.spans else { continue }
            table2.append(
                [row.label]
                    + bands.map { band in
                        if spans.rule == nil, band == .withinRule || band == .aboveRule { return "—" }
                        return Figures.grouped(spans.count(in: band))
                    })
        }
        doc.table(table2)
    }

    private func layerSection(into doc: inout ReportDocument) {
        let layers = analysis.layers
        doc.heading(2, "Layers")
        var facts: [ReportDocument.Fact] = [
            .init("Deepest front line", "\(Plural.grouped(layers.deepestFrontLine, "reporting step")) below the top post"),
            .init(
                "Mean to the front line",
                "\(Figures.decimal(layers.meanToFrontLine, places: 1)) \(layers.meanToFrontLine == 1 ? "step" : "steps") per head"),
        ]
        var management = Plural.grouped(layers.managementLayers, "layer")
        if let allowed = layers.allowedLayers {
            management += layers.managementLayers > allowed ? " (rules allow \(allowed): too many)" : " (rules allow \(allowed))"
        }
        facts.append(.init("Management layers", management))
        if layers.unplaced > 0 {
            facts.append(
                .init(
                    "Not placed", "\(Plural.grouped(layers.unplaced, "post")) in or below a reporting loop, left out of layers and remits"))
        }
        doc.facts(facts)

        var profile = ReportTable(headers: ["Layer", "Posts", "Headcount", "Managers"], alignments: [.right, .right, .right, .right])
        for layer in layers.profile {
            profile.append([
                String(layer.layer), Figures.grouped(layer.posts), Figures.grouped(layer.headcount), Figures.grouped(layer.managers),
            ])
        }
        doc.heading(3, "Posts per layer (layer 0 is the top post)")
        doc.table(profile)

        guard !layers.branches.isEmpty else { return }
        doc.heading(3, "Branches under the top post")
        var branches = ReportTable(
            headers: ["Post", "Title", "Tier", "Headcount", "Management layers", "Deepest front line"],
            alignments: [.left, .left, .right, .right, .right, .right])
        for branch in layers.branches {
            branches.append([
                branch.post.rawValue, branch.title, branch.tier.map(String.init) ?? "", Figures.grouped(branch.headcount),
                String(branch.managementLayers), String(branch.deepestFrontLine),
            ])
        }
        doc.table(branches)
    }

    private func oneOverOneSection(into doc: inout ReportDocument) {
        let chains = analysis.oneOverOne
        doc.heading(2, "One-over-one managers")
        guard !chains.managers.isEmpty else {
            doc.paragraph("None: every manager leads more than one post.")
            return
        }
        let long = chains.longChains
        var summary = "\(Plural.grouped(chains.managers.count, "manager")) with exactly one direct report"
        if !long.isEmpty {
            summary +=
                ", forming \(Plural.grouped(long.count, "chain")) of two or more: "
                + long.map { $0.map(\.rawValue).joined(separator: " → ") }.joined(separator: "; ")
        }
        doc.paragraph(summary + ".")
        var table = ReportTable(headers: ["Post", "Title", "Tier", "Only report"], alignments: [.left, .left, .right, .left])
        for link in chains.managers {
            table.append([link.post.rawValue, link.title, link.tier.map(String.init) ?? "", "\(link.report) (\(link.reportTitle))"])
        }
        doc.table(table)
    }

    private func ratioSection(into doc: inout ReportDocument) {
        let ratios = analysis.ratios
        doc.heading(2, "Ratios")
        doc.facts([
            .init(
                "Managers : front line",
                "\(ratios.managerRatioText) (\(Figures.grouped(ratios.managementHeadcount)) management, \(Figures.grouped(ratios.frontLineHeadcount)) front line, \(Plural.grouped(ratios.assistantHeadcount, "assistant")))"
            ),
            .init(
                "Manager posts",
                "\(Figures.grouped(ratios.managerPosts)) leading anyone, mean span \(Figures.decimal(ratios.meanSpan, places: 1))"),
            .init("Management cost", "\(ratios.managementCost.text), \(ratios.managementCostShareText)"),
            .init(
                "Vacancy rate",
                "\(Figures.percent(Double(ratios.vacantHeadcount), of: Double(ratios.headcount))) (\(Figures.grouped(ratios.vacantHeadcount)) of \(Figures.grouped(ratios.headcount)))"
            ),
            .init(
                "Temporary posts",
                "\(Figures.grouped(ratios.temporaryHeadcount)) (\(Figures.percent(Double(ratios.temporaryHeadcount), of: Double(ratios.headcount))))"
            ),
        ])
    }

    private func remitSection(into doc: inout ReportDocument) {
        let senior = analysis.seniorPosts()
        guard remitRows > 0, !senior.isEmpty else { return }
        let index = analysis.index
        let remits = analysis.remits
        doc.heading(2, "Remits of senior posts")
        doc.paragraph(
            "Everything beneath each post that leads other managers: headcount, FTE and cost of all staff within its service, assistants included, the post itself not."
        )
        var table = ReportTable(
            headers: ["Post", "Title", "Tier", "Layer", "Span", "Headcount", "FTE", "Annual cost"],
            alignments: [.left, .left, .right, .right, .right, .right, .right, .right])
        for position in senior.prefix(remitRows) {
            let post = index.posts[position]
            let indent = String(repeating: "  ", count: max(0, index.depth[position]))
            table.append([
                indent + post.id.rawValue, post.displayTitle, post.tier.map(String.init) ?? "", String(index.depth[position]),
                String(index.span[position]), Figures.grouped(remits.headcount[position]), Figures.decimal(remits.fte[position]),
                remits.cost(position).text,
            ])
        }
        doc.table(table)
        if senior.count > remitRows {
            doc.paragraph(
                "… and \(Plural.grouped(senior.count - remitRows, "more senior post")); `--format csv` lists the remit of every post.")
        }
    }
}
