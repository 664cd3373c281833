import ArgumentParser
import Foundation
import GraphvizRender
import OrgChart
import OrgModel
import PDFBook

/// `orgmodel review CURRENT PROPOSED -o DIR`: the design authority's whole job in one
/// command: validate both structures, compare them, draw every chart, and write the key
/// differences and the analysis of each, ready for a committee report's appendices.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Validate, compare and chart a current and a proposed structure into one folder.",
        discussion: """
            Writes to DIR: review.md (the summary, linking the rest), validation.txt, \
            key-differences.md, analysis-current.md, analysis-proposed.md, and the charts \
            current, proposed, compare and changes as .svg and .pdf (changes also as .png). \
            All files are written, or none. Deviation reviews are judged as of --as-of, \
            else the proposed structure's effective date (so the same files give the same \
            review on any day), else today.

            Exit codes: 0 the proposed structure passes; 1 it has errors (the review is \
            still written); 2 a file cannot be read; 3 an output cannot be written or \
            Graphviz failed.
            """
    )

    @Argument(help: "The current structure (.yaml, .yml or .csv).")
    var current: String

    @Argument(help: "The proposed structure (.yaml, .yml or .csv).")
    var proposed: String

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The folder to write the review into (created if missing).", valueName: "dir"))
    var output: String

    @Option(help: "Whose names the charts show: none, senior (tiers 2–3) or all.")
    var names: NamePolicy = .senior

    @Option(name: .customLong("rules"), help: "A built-in rule set or a rules file for both, instead of the ones the files name.")
    var rules: String?

    @Option(help: "The paper the chartbooks are printed on: a4 or a3.")
    var paper: PrintSettings.Paper = .a4

    @Option(name: .customLong("min-text"), help: ArgumentHelp("The smallest text any chart page may print, in points (4 to 9).", valueName: "pt"))
    var minText: Double = 7

    @Option(name: .customLong("box-line"), help: ArgumentHelp("What tells apart sibling posts of the same title: service, grade, id, holder or an attribute's name.", valueName: "field"))
    var boxLine: String?

    @Option(name: .customLong("as-of"), help: "The day deviation reviews are judged against (YYYY-MM-DD).")
    var asOf: Day?

    @OptionGroup var redaction: RedactionOptions

    func validate() throws {
        try PrintOptions.check(minText: minText)
        if output == "-" { throw ValidationError("a review is several files: give a folder as -o, not -") }
    }

    func run() throws {
        let profile: RedactionProfile?
        do {
            profile = try redaction.profile()
        } catch {
            printError("orgmodel: \(error)")
            throw Exit.unreadableInput
        }
        let loaded = try loadStructures([current, proposed], rules: rules)
        // The two structures together withhold, in text, the names either withholds.
        let audit = profile.map { RedactionAudit(withholdingFrom: loaded.map(\.structure), by: $0) }
        let structures = loaded.map { loaded in
            guard let profile, let audit else { return loaded.structure }
            return loaded.structure.redacted(using: profile, withholding: audit.withheldNames)
        }
        let day = asOf ?? structures[1].effective ?? Day.today
        let review = Review(
            current: structures[0], proposed: structures[1], currentRules: loaded[0].rules, proposedRules: loaded[1].rules,
            asOf: day, currentFile: current, proposedFile: proposed)

        let files = try review.files(
            chartOptions: ChartOptions(names: names, boxLine: boxLine), print: PrintSettings(paper: paper, minText: minText), audit: audit)
        // Nothing a redaction withholds may reach any output: the charts' DOT text was
        // audited as each was drawn; the reports are audited here.
        if let audit, case let leaks = Set(files.filter { !$0.isChart }.flatMap { audit.leaks(in: $0.bytes) }), !leaks.isEmpty {
            printError(
                "orgmodel: the redacted review would still show \(leaks.sorted().joined(separator: ", "))"
                    + audit.placesText(of: Array(leaks), in: structures) + "; nothing was written. " + RedactionAudit.refusalAdvice)
            throw Exit.outputFailed
        }
        try prepareOutputFolder(output, for: "the review")
        try writeOutputs(files.map { ((output as NSString).appendingPathComponent($0.name), $0.bytes) }, inputs: [current, proposed])
        try FileHandleOutput.standardOutput(review.summary(writtenTo: output, files: files.map(\.name)))
        if !review.comparison.afterFindings.passes { throw Exit.findings }
    }
}

/// Everything a review holds, built in memory before anything is written.
final class Review {
    let comparison: StructureComparison
    /// The chartbooks' page count, once drawn.
    var chartPages = 0
    /// The paper and floor they were drawn for.
    var minText = 7.0
    var paperName = "A4"

    static func points(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }
    let currentFile: String
    let proposedFile: String

    init(current: Structure, proposed: Structure, currentRules: RuleSet, proposedRules: RuleSet, asOf: Day, currentFile: String, proposedFile: String) {
        comparison = StructureComparison(
            current: current, proposed: proposed, currentRules: currentRules, proposedRules: proposedRules, asOf: asOf)
        self.currentFile = currentFile
        self.proposedFile = proposedFile
    }

    /// The review's files, by name, in the order they are listed.
    func files(chartOptions: ChartOptions, print: PrintSettings, audit: RedactionAudit? = nil) throws -> [(name: String, bytes: [UInt8], isChart: Bool)] {
        let before = comparison.beforeFindings
        let after = comparison.afterFindings
        var files: [(name: String, bytes: [UInt8], isChart: Bool)] = []
        func text(_ name: String, _ content: String) { files.append((name, Array(content.utf8), false)) }

        text("validation.txt", ValidationReport(entries: [
            .validated(file: currentFile, result: before), .validated(file: proposedFile, result: after),
        ]).text())
        text("key-differences.md", ComparisonReport(comparison, currentFile: currentFile, proposedFile: proposedFile).markdown())
        text("analysis-current.md", AnalysisReport(comparison.before, file: currentFile).markdown())
        text("analysis-proposed.md", AnalysisReport(comparison.after, file: proposedFile).markdown())

        // One plan for all four chartbooks, so a branch has the same page number in each.
        let renderer = ChartRenderer()
        let pair = ChartRenderer.Inputs(results: [before, after], audit: audit)
        let book = try renderer.plan(.changes, pair, options: chartOptions, print: print)
        let charts: [(name: String, kind: ChartbookKind, formats: [RenderFormat])] = [
            ("current", .current, [.pdf, .svg]),
            ("proposed", .proposed, [.pdf, .svg]),
            ("compare", .compare, [.pdf, .svg]),
            ("changes", .changes, [.pdf, .svg, .png]),
        ]
        for chart in charts {
            for format in chart.formats {
                let drawn = try renderer.book(
                    chart.kind, book, pair, options: chartOptions, format: format, path: "\(chart.name).\(format.fileExtension)",
                    print: print, onlyFirstChartPage: format == .png)
                files += drawn.map { ($0.path, $0.bytes, true) }
            }
        }
        chartPages = book.pageCount
        minText = print.minText
        paperName = print.paper.rawValue.uppercased()
        files.insert(("review.md", Array(markdown().utf8), false), at: 0)
        return files
    }

    /// The verdicts and headline figures, and links to every other file.
    func markdown() -> String {
        let c = comparison
        var lines = ["# Review: \(c.after.structure.name ?? proposedFile)", ""]
        lines.append("Current: `\(currentFile)`; proposed: `\(proposedFile)`.")
        lines.append("")
        lines += headline().map { "- \($0)" }
        lines += [
            "", "## Files", "",
            "- [Validation of both structures](validation.txt)",
            "- [Key differences](key-differences.md)",
            "- [Analysis of the current structure](analysis-current.md)",
            "- [Analysis of the proposed structure](analysis-proposed.md)",
            "- Chartbooks (PDF, with links and bookmarks; each page also as SVG): [current](current.pdf), [proposed](proposed.pdf), [current beside proposed](compare.pdf), [the changes](changes.pdf)"
                + (chartPages > 1 ? " — \(chartPages) pages each, a branch on the same page in all four" : ""),
            "", "![The changes: the first chart page](changes.png)", "",
        ]
        return lines.joined(separator: "\n")
    }

    /// The few lines leadership reads first.
    func headline() -> [String] {
        let c = comparison
        func verdict(_ result: ValidationResult) -> String {
            "\(result.passes ? "passes" : "fails"): \(result.errorCount) error\(result.errorCount == 1 ? "" : "s"), \(result.warningCount) warning\(result.warningCount == 1 ? "" : "s"), \(result.acceptedCount) accepted"
        }
        let layersBefore = c.before.layers.managementLayers
        let layersAfter = c.after.layers.managementLayers
        return [
            "Current structure \(verdict(c.beforeFindings)); proposed structure \(verdict(c.afterFindings)).",
            "Posts \(Figures.grouped(c.before.structure.posts.count)) → \(Figures.grouped(c.after.structure.posts.count)); headcount \(Figures.grouped(c.before.ratios.headcount)) → \(Figures.grouped(c.after.ratios.headcount)); manager posts \(Figures.grouped(c.before.ratios.managerPosts)) → \(Figures.grouped(c.after.ratios.managerPosts)); management layers \(layersBefore) → \(layersAfter).",
            "Posts deleted \(Figures.grouped(c.deleted.count)), created \(Figures.grouped(c.created.count)), moved \(Figures.grouped(c.count(.reportingLine))); \(Figures.grouped(c.madePermanentHeadcount)) temporary → permanent.",
            "Findings fixed \(Figures.grouped(c.findingChanges.fixed.count)), "
                + (c.findingChanges.accepted.isEmpty ? "" : "now accepted under a deviation \(Figures.grouped(c.findingChanges.accepted.count)), ")
                + "introduced \(Figures.grouped(c.findingChanges.introduced.count)).",
            "Annual cost \(c.costBefore.text) → \(c.costAfter.text); net change \(c.netCostChange.text).",
        ]
    }

    /// What the command prints: the headline and where the files went.
    func summary(writtenTo folder: String, files: [String]) -> String {
        var lines = headline()
        // The page SVGs are counted, not listed: a county's chartbooks are over a hundred.
        let pages = files.filter { $0.hasSuffix(".svg") }
        let named = files.filter { !$0.hasSuffix(".svg") }
        let svgs = chartPages > 1 ? "\(pages.count) page SVGs (current-p01.svg, …)" : "\(pages.count) SVGs"
        lines.append("Wrote \(files.count) files to \(folder): \(named.joined(separator: ", ")) and \(svgs).")
        if chartPages > 1 {
            lines.append("The charts are chartbooks of \(chartPages) pages (contents, overview, a page per branch), each page printing at \(Self.points(minText)) pt or more on \(paperName).")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
