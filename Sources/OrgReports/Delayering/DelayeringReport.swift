import Foundation
import OrgAnalysis
import OrgSupport

/// The delayer command's summary of its options: a table at a glance, then each option's
/// moves, posts removed and added, saving, layers and spans after, and findings after;
/// as text or Markdown (`document()`) or JSON (`json()`).
public struct DelayeringReport: Report, Sendable {
    public let result: DelayeringResult
    /// The structure file as the user named it.
    public var file: String?
    /// The option files, by option number, once written.
    public var files: [Int: String]

    public init(_ result: DelayeringResult, file: String? = nil, files: [Int: String] = [:]) {
        self.result = result
        self.file = file ?? result.original.structure.source
        self.files = files
    }

    public func document() -> ReportDocument {
        let result = self.result
        let original = result.original
        var doc = ReportDocument()
        doc.heading(1, "De-layering options: " + AnalysisReport.title(of: original.structure, file: file))
        var facts: [ReportDocument.Fact] = []
        if let file { facts.append(.init("File", file)) }
        facts.append(.init("Rules", original.rules.name))
        facts.append(
            .init(
                "Now",
                "\(Plural.grouped(original.totals.posts, "post")), headcount \(Figures.grouped(original.totals.headcount)), \(Plural.grouped(original.ratios.managerPosts, "manager post")), \(Plural.grouped(original.layers.managementLayers, "management layer")), annual cost \(original.ratios.totalCost.text)"
            ))
        doc.facts(facts)
        doc.paragraph(
            "Each option builds on the one before. Moves that would give any post an error it does not have now are not made; the front line is never touched."
        )

        doc.heading(2, "At a glance")
        var table = ReportTable(
            headers: [
                "Option", "Moves", "Removed", "Added", "Net annual saving", "Manager posts", "Layers", "Mean span", "Narrow", "Wide",
                "Errors", "Warnings",
            ],
            alignments: [.left] + Array(repeating: .right, count: 11))
        table.append([
            "Now", "", "", "", "", Figures.grouped(original.ratios.managerPosts), Figures.grouped(original.layers.managementLayers),
            Figures.decimal(original.ratios.meanSpan, places: 1), Figures.grouped(original.narrowSpans),
            Figures.grouped(original.wideSpans),
            Figures.grouped(result.originalFindings.errorCount), Figures.grouped(result.originalFindings.warningCount),
        ])
        for option in result.options {
            let after = option.analysis
            table.append([
                "\(option.number). \(option.step.slug)", Figures.grouped(Self.structuralMoves(option.moves)),
                Figures.grouped(option.removedPosts.count), Figures.grouped(option.addedPosts.count),
                Figures.pounds(option.netSaving) + (option.savingIsComplete ? "" : " *"),
                Figures.grouped(after.ratios.managerPosts), Figures.grouped(after.layers.managementLayers),
                Figures.decimal(after.ratios.meanSpan, places: 1), Figures.grouped(after.narrowSpans), Figures.grouped(after.wideSpans),
                Figures.grouped(option.findings.errorCount), Figures.grouped(option.findings.warningCount),
            ])
        }
        doc.table(table)
        if result.options.contains(where: { !$0.savingIsComplete }) {
            doc.paragraph("* leaves out posts of unknown cost; see the option.")
        }

        for option in result.options { optionSection(option, into: &doc) }
        if !result.noteMessages.isEmpty {
            doc.heading(2, "Left for a person to decide")
            doc.bullets(result.notes)
        }
        return doc
    }

    private func optionSection(_ option: DelayeringOption, into doc: inout ReportDocument) {
        doc.heading(2, "Option \(option.number): \(option.step.title)")
        doc.facts(optionFacts(option))

        doc.heading(3, option.number == 1 ? "Moves" : "Moves (after option \(option.number - 1)'s)")
        let moves = option.newMoves
        if moves.isEmpty {
            doc.paragraph(Self.nothingToDo(option.step))
        } else {
            // Each move read where it lies: a copy would retain each of its ids and texts.
            let first = option.moves.count - moves.count + 1
            doc.bullets(moves.indices.map { "\(first + $0 - moves.startIndex). \(option.summary(ofMove: $0))" })
        }
        if !option.dottedLineChanges.isEmpty {
            doc.heading(3, "Dotted lines")
            doc.bullets(option.dottedLineChanges)
        }
        if !option.noteMessages.isEmpty {
            doc.heading(3, "Considered and left alone")
            doc.bullets(option.notes)
        }
        let introduced = option.findingChanges.introduced
        if !introduced.isEmpty {
            doc.heading(3, "Warnings the option brings")
            doc.bullets(
                introduced.map { finding in
                    "\(finding.severity.rawValue) \(finding.rule.rawValue) \(finding.post?.rawValue ?? ""): \(finding.message)"
                })
        }
        spansAfter(option, into: &doc)
    }

    /// How many of `moves` change the structure, each read where it lies (a million posts'
    /// options make tens of thousands of moves).
    static func structuralMoves(_ moves: [DelayeringMove]) -> Int {
        var count = 0
        for index in moves.indices where moves[index].changesStructure { count += 1 }
        return count
    }

    /// An option's facts: its file, posts removed and added, saving, and its figures now → after.
    private func optionFacts(_ option: DelayeringOption) -> [ReportDocument.Fact] {
        let original = result.original
        let after = option.analysis
        var facts: [ReportDocument.Fact] = []
        if let path = files[option.number] { facts.append(.init("File", path)) }
        let removedIDs = option.removedPosts.map(\.id.rawValue)
        let addedIDs = option.addedPosts.map(\.id.rawValue)
        facts.append(
            .init(
                "Posts removed",
                removedIDs.isEmpty ? "none" : "\(removedIDs.count): \(Figures.list(removedIDs)); cost \(option.removedCost.text)"))
        facts.append(
            .init("Posts added", addedIDs.isEmpty ? "none" : "\(addedIDs.count): \(Figures.list(addedIDs)); cost \(option.addedCost.text)"))
        facts.append(.init("Net annual saving", option.savingText))
        facts.append(.init("Management layers", ComparisonReport.arrow(original.layers.managementLayers, after.layers.managementLayers)))
        facts.append(.init("Manager posts", ComparisonReport.arrow(original.ratios.managerPosts, after.ratios.managerPosts)))
        facts.append(
            .init(
                "Mean span",
                ComparisonReport.arrow(
                    Figures.decimal(original.ratios.meanSpan, places: 1), Figures.decimal(after.ratios.meanSpan, places: 1))))
        facts.append(.init("Narrow spans", ComparisonReport.arrow(original.narrowSpans, after.narrowSpans)))
        facts.append(.init("Wide spans", ComparisonReport.arrow(original.wideSpans, after.wideSpans)))
        facts.append(.init("Front-line headcount", "\(Figures.grouped(after.ratios.frontLineHeadcount)) (unchanged)"))
        facts.append(
            .init(
                "Findings after",
                "\(Plural.grouped(option.findings.errorCount, "error")), \(Plural.grouped(option.findings.warningCount, "warning")), \(option.findings.acceptedCount) accepted; \(option.findingChanges.summary)"
            ))
        return facts
    }

    /// The spans after the option, tier by tier against now; nothing when it has no tiers.
    private func spansAfter(_ option: DelayeringOption, into doc: inout ReportDocument) {
        let original = result.original
        let after = option.analysis
        guard !after.tiers.isEmpty else { return }
        doc.heading(3, "Spans after")
        var table = ReportTable(
            headers: ["Tier", "Posts", "Span min", "median", "max", "Within", "Narrow", "Wide"],
            alignments: [.left] + Array(repeating: .right, count: 7))
        // Every tier with managers before or after: one the option empties shows as such.
        var tiers: [Int] = []
        for row in original.tiers + after.tiers where row.spans != nil {
            if case .tier(let tier) = row.group, !tiers.contains(tier) { tiers.append(tier) }
        }
        for tier in tiers.sorted() {
            let before = original.summary(forTier: tier)
            guard let row = after.summary(forTier: tier), let spans = row.spans else {
                table.append(
                    [before?.label ?? "Tier \(tier)", ComparisonReport.arrow(before?.posts ?? 0, after.summary(forTier: tier)?.posts ?? 0)]
                        + Array(repeating: "—", count: 6))
                continue
            }
            table.append([
                row.label, ComparisonReport.arrow(before?.posts ?? 0, row.posts), Figures.grouped(spans.min),
                Figures.decimal(spans.median, places: 1),
                Figures.grouped(spans.max), spans.within.map(Figures.grouped) ?? "—", spans.narrow.map(Figures.grouped) ?? "—",
                spans.wide.map(Figures.grouped) ?? "—",
            ])
        }
        doc.table(table)
    }

    static func nothingToDo(_ step: DelayeringOption.Step) -> String {
        switch step {
        case .removeLayers: "No hidden layer or one-over-one manager could be removed."
        case .mergeNarrowSpans: "No narrow spans could be merged: the option is the same as option 1."
        case .splitWideSpans: "No wide spans: the option is the same as option 2."
        }
    }
}
