import Foundation
import OrgAnalysis
import OrgChart
import OrgModel
import OrgSupport

/// Everything a review holds, built in memory before anything is written.
public final class Review {
    public let comparison: StructureComparison
    /// What this review's file names start with: "" for one proposed structure, the
    /// option's name and a dash when a review holds several options.
    public internal(set) var prefix = ""
    /// The chartbooks' page count, once drawn, and how many of the pages are contents.
    public internal(set) var chartPages = 0
    public internal(set) var contentsPages = 0

    public let currentFile: String
    public let proposedFile: String

    public init(
        current: Structure, proposed: Structure, currentRules: RuleSet, proposedRules: RuleSet, asOf: Day, currentFile: String,
        proposedFile: String, matching: IDMatching = .exact
    ) {
        comparison = StructureComparison(
            current: current, proposed: proposed, currentRules: currentRules, proposedRules: proposedRules, asOf: asOf,
            matching: matching)
        self.currentFile = currentFile
        self.proposedFile = proposedFile
    }

    /// The review's files, by name, in the order they are listed: review.md, the
    /// validation, key differences and analyses, then the chartbooks `charts` draws.
    public func files(charts: some ReviewChartDrawer) throws -> [ReviewFile] {
        let before = comparison.beforeFindings
        let after = comparison.afterFindings
        var files = [
            ReviewFile(
                name: prefix + "validation.txt",
                text: ValidationReport(entries: [
                    .validated(file: currentFile, result: before), .validated(file: proposedFile, result: after),
                ]).text()),
            ReviewFile(
                name: prefix + "key-differences.md",
                text: ComparisonReport(comparison, currentFile: currentFile, proposedFile: proposedFile).markdown()),
            ReviewFile(name: prefix + "analysis-current.md", text: AnalysisReport(comparison.before, file: currentFile).markdown()),
            ReviewFile(name: prefix + "analysis-proposed.md", text: AnalysisReport(comparison.after, file: proposedFile).markdown()),
        ]
        let books = try charts.chartbooks(current: before, proposed: after, prefix: prefix)
        files += books.files
        chartPages = books.pageCount
        contentsPages = books.contentsPages
        files.insert(ReviewFile(name: prefix + "review.md", text: markdown()), at: 0)
        return files
    }

    /// The verdicts and headline figures, and links to every other file: review.md.
    public func document() -> ReportDocument {
        var doc = ReportDocument()
        doc.heading(1, "Review: \(comparison.after.structure.name ?? proposedFile)")
        doc.paragraph(RichText([.text("Current: "), .code(currentFile), .text("; proposed: "), .code(proposedFile), .text(".")]))
        doc.bullets(headline())
        doc.heading(2, "Files")
        func link(_ label: String, _ name: String) -> RichText.Span { .link(label, target: prefix + name) }
        let pages = chartPages > 1 ? " — \(chartPages) pages each, a branch on the same page in all four" : ""
        doc.bullets([
            RichText([link("Validation of both structures", "validation.txt")]),
            RichText([link("Key differences", "key-differences.md")]),
            RichText([link("Analysis of the current structure", "analysis-current.md")]),
            RichText([link("Analysis of the proposed structure", "analysis-proposed.md")]),
            RichText([
                .text("Chartbooks (PDF, with links and bookmarks; each page also as SVG): "), link("current", "current.pdf"),
                .text(", "), link("proposed", "proposed.pdf"), .text(", "), link("current beside proposed", "compare.pdf"),
                .text(", "), link("the changes", "changes.pdf"), .text(pages),
            ]),
            RichText([
                .link("The register of deviations", target: "deviations.md"), .text(" of every structure; "),
                .link("the figures as JSON", target: "options.json"),
            ]),
        ])
        doc.paragraph(RichText([.image(alt: "The changes: the first chart page", source: prefix + "changes.png")]))
        return doc
    }

    public func markdown() -> String { document().markdown() }

    /// The few lines leadership reads first.
    public func headline() -> [String] {
        let c = comparison
        func verdict(_ result: ValidationResult) -> String {
            "\(result.passes ? "passes" : "fails"): \(Plural.count(result.errorCount, "error")), \(Plural.count(result.warningCount, "warning")), \(result.acceptedCount) accepted"
        }
        let layersBefore = c.before.layers.managementLayers
        let layersAfter = c.after.layers.managementLayers
        return [
            "Current structure \(verdict(c.beforeFindings)); proposed structure \(verdict(c.afterFindings)).",
            "Posts \(Figures.grouped(c.before.structure.posts.count)) → \(Figures.grouped(c.after.structure.posts.count)); headcount \(Figures.grouped(c.before.ratios.headcount)) → \(Figures.grouped(c.after.ratios.headcount)); manager posts \(Figures.grouped(c.before.ratios.managerPosts)) → \(Figures.grouped(c.after.ratios.managerPosts)); management layers \(layersBefore) → \(layersAfter).",
            "Posts deleted \(Figures.grouped(c.deleted.count)), created \(Figures.grouped(c.created.count)), moved \(Figures.grouped(c.count(.reportingLine))); \(Figures.grouped(c.madePermanentHeadcount)) temporary → permanent.",
            "Findings fixed \(Figures.grouped(c.findingChanges.fixed.count)), "
                + (c.findingChanges.accepted.isEmpty
                    ? "" : "now accepted under a deviation \(Figures.grouped(c.findingChanges.accepted.count)), ")
                + "introduced \(Figures.grouped(c.findingChanges.introduced.count)).",
            "Annual cost \(c.costBefore.text) → \(c.costAfter.text); net change \(c.netCostChange.text).",
        ]
    }

    /// The line saying what a review wrote: the reports by name, the page SVGs counted.
    static func written(writtenTo folder: String, files: [String], pages: [Int], print: PrintSettings) -> String {
        let svgs = files.filter { $0.hasSuffix(".svg") }
        let named = files.filter { !$0.hasSuffix(".svg") }
        let books = pages.count * 4
        let counted = (pages.max() ?? 0) > 1 ? "\(svgs.count) page SVGs (\(svgs.first ?? ""), …)" : "\(svgs.count) SVGs"
        var lines = ["Wrote \(files.count) files to \(folder): \(named.joined(separator: ", ")) and \(counted)."]
        if (pages.max() ?? 0) > 1 {
            let counts = Array(Set(pages)).sorted().map(String.init).joined(separator: ", ")
            lines.append(
                "The charts are \(books) chartbooks of \(counts) pages (contents, overview, a page per branch), each page printing at "
                    + "\(Self.points(print.minText)) pt or more on \(print.paper.rawValue.uppercased()).")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func points(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }
}
