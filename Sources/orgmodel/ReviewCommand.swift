import ArgumentParser
import Foundation
import GraphvizRender
import OrgChart
import OrgModel
import OrgReports
import OrgSupport

/// `orgmodel review CURRENT PROPOSED -o DIR` (or `CURRENT OPTION OPTION… -o DIR`): the
/// design authority's whole job in one command: validate the structures, compare each
/// proposal with the current one, draw every chart, and write the key differences, the
/// analysis of each, the options side by side and the register of deviations, ready for
/// a committee report's appendices.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Validate, compare and chart a current and a proposed structure into one folder.",
        discussion: """
            Writes to DIR: review.md (the summary, linking the rest), validation.txt, \
            key-differences.md, analysis-current.md, analysis-proposed.md, the chartbooks \
            current, proposed, compare and changes (a PDF each, an SVG a page, and \
            changes.png), options.json (the figures of each structure) and deviations.md \
            (the register of every deviation). Given several options, each option's files \
            are named after it (OPTION-review.md, OPTION-changes.pdf, …), and review.md and \
            options.md set the options side by side. All files are written, or none. Deviation reviews are judged as of --as-of, \
            else the proposed structure's effective date (so the same files give the same \
            review on any day), else today.

            Exit codes: 0 the proposed structure (every option) passes; 1 one has errors \
            (the review is still written); 2 a file cannot be read; 3 an output cannot be written or \
            Graphviz failed.
            """
    )

    @Argument(
        help: ArgumentHelp("The current structure, then the proposed one or several options (.yaml, .yml or .csv).", valueName: "file"))
    var files: [String] = []

    var current: String { files[0] }

    @Option(
        name: [.short, .customLong("output")],
        help: ArgumentHelp("The folder to write the review into (created if missing).", valueName: "dir"))
    var output: String

    @Option(help: "Whose names the charts show: none, senior (tiers 2–3) or all.")
    var names: NamePolicy = .senior

    @OptionGroup var rules: RulesOption

    @OptionGroup var paper: PaperOptions

    @Option(
        name: .customLong("box-line"),
        help: ArgumentHelp(
            "What tells apart sibling posts of the same title: service, grade, id, holder or an attribute's name.", valueName: "field"))
    var boxLine: String?

    @OptionGroup var asOf: AsOfOption<JudgedOnProposalDate>

    @OptionGroup var matching: MatchIDsOption
    private var matchIDs: IDMatching { matching.matchIDs }

    @OptionGroup var redaction: RedactionOptions

    func validate() throws {
        if files.count < 2 {
            throw ValidationError(
                "give the current structure, then the proposed one or several options: orgmodel review CURRENT PROPOSED -o DIR")
        }
        if output == "-" { throw ValidationError("a review is several files: give a folder as -o, not -") }
    }

    func run() throws {
        let profile = try redaction.profile()
        let loaded = try loadStructures(files, rules: rules.rules)
        try refuseAmbiguousIDs(zip(files, loaded).map { ($0, $1.structure) }, matching: matchIDs)
        // The structures together withhold, in text, the names any withholds.
        let audit = profile.map { RedactionAudit(withholdingFrom: loaded.map(\.structure), by: $0) }
        let inputs = zip(loaded, files).map { loaded, file in
            var structure = loaded.structure
            if let profile, let audit { structure = structure.redacted(using: profile, withholding: audit.withheldNames) }
            return ReviewPack.Input(file: file, structure: structure, rules: loaded.rules)
        }
        let day = asOf.day(else: inputs[1].structure.effective)
        let print = paper.settings
        var chartOptions = ChartOptions(names: names, boxLine: boxLine)
        chartOptions.idMatching = matchIDs
        let pack = try ReviewPack(
            current: inputs[0], options: Array(inputs.dropFirst()), asOf: day, matching: matchIDs,
            charts: ReviewCharts(options: chartOptions, print: print, audit: audit))
        // Nothing a redaction withholds may reach any output: the charts' DOT text was
        // audited as each was drawn; the reports are audited here.
        if let audit, case let leaks = Set(pack.files.filter { !$0.isChart }.flatMap { audit.leaks(in: $0.bytes) }), !leaks.isEmpty {
            throw CommandFailure.outputFailed(
                "the redacted review would still show \(leaks.sorted().joined(separator: ", "))"
                    + audit.placesText(of: Array(leaks), in: inputs.map(\.structure)) + "; nothing was written. "
                    + RedactionAudit.refusalAdvice)
        }
        try ReportOutput.prepareFolder(output, for: "the review")
        try PhaseTimes.shared.time("files written") {
            try OutputFile.write(
                pack.files.map { ((output as NSString).appendingPathComponent($0.name), $0.bytes) },
                inputs: files + ruleFiles(loaded) + redaction.files)
        }
        try FileHandleOutput.standardOutput(pack.summary(writtenTo: output, print: print))
        if !pack.passes { throw CommandFailure.findings }
    }
}

/// The review's four chartbooks, drawn through Graphviz: one plan for all four, so a
/// branch has the same page number in each.
struct ReviewCharts: ReviewChartDrawer {
    var options: ChartOptions
    var print: PrintSettings
    var audit: RedactionAudit?

    func chartbooks(current: ValidationResult, proposed: ValidationResult, prefix: String) throws -> ReviewChartbooks {
        let renderer = ChartRenderer()
        let pair = ChartRenderer.Inputs(results: [current, proposed], audit: audit)
        let book = try renderer.plan(.changes, pair, options: options, print: print)
        let charts: [(name: String, kind: ChartbookKind, formats: [RenderFormat])] = [
            ("current", .current, [.pdf, .svg]),
            ("proposed", .proposed, [.pdf, .svg]),
            ("compare", .compare, [.pdf, .svg]),
            ("changes", .changes, [.pdf, .svg, .png]),
        ]
        // PDF and SVG from one layout a page; the PNG of the first chart page alone.
        let books = try renderer.books(
            charts.flatMap { chart in
                [(chart.kind, chart.formats.filter { $0 != .png }.map { ($0, "\(prefix)\(chart.name).\($0.fileExtension)") }, false)]
                    + (chart.formats.contains(.png) ? [(chart.kind, [(RenderFormat.png, "\(prefix)\(chart.name).png")], true)] : [])
            }, book, pair, options: options, print: print)
        let files = books.joined().map { ReviewFile(name: $0.path, bytes: $0.bytes, isChart: true) }
        return ReviewChartbooks(files: files, pageCount: book.pageCount, contentsPages: book.contentsPages)
    }
}
