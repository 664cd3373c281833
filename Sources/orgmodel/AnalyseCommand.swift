import ArgumentParser
import Foundation
import OrgAnalysis
import OrgModel
import OrgReports
import OrgSupport

/// `orgmodel analyse FILE`: spans, layers, ratios and remits of one structure.
struct AnalyseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyse",
        abstract: "Measure a structure: tiers, spans, layers, one-over-one chains, ratios and remits.",
        discussion: """
            Prints a table per tier (posts, headcount, FTE, cost, span statistics and bands), \
            the layers to the front line, one-over-one managers and their chains, ratios, and \
            the remit (everything beneath) of each senior post. --format csv gives one row \
            per post: id,tier,span,layer,remit_headcount,remit_fte,remit_cost. A cost that is \
            not known is reported as unknown, never as zero. Exit code 0, or 2 when the file \
            cannot be read, 3 when --output cannot be written.
            """,
        aliases: ["analyze"]
    )

    @Argument(help: "A structure file (.yaml, .yml or .csv).")
    var file: String

    @Option(
        help:
            "Output format: table, markdown, json or csv (one row per post); default: from the --output extension (.md, .json, .csv), else table."
    )
    var format: AnalysisFormat?

    @OptionGroup var rules: RulesOption

    @Option(name: .customLong("remit-rows"), help: "How many senior posts the table and Markdown list remits for.")
    var remitRows: Int = 40

    @OptionGroup var destination: ReportDestination

    func validate() throws {
        guard remitRows >= 0 else { throw ValidationError("--remit-rows cannot be negative") }
        _ = try AnalysisFormat.resolved(format, output: destination.output)
    }

    func run() throws {
        let chosen = try AnalysisFormat.resolved(format, output: destination.output)
        let (structure, ruleSet) = try PhaseTimes.shared.time("load") { try loadStructure(file, rules: rules.rules) }
        let parts: [any ContiguousBytes & Sendable]
        if chosen == .csv {
            // One row per post: the summaries the other formats show are not worked out.
            let measures = PhaseTimes.shared.time("analysis") { PostMeasures(structure, rules: ruleSet) }
            KeptUntilExit.keep(measures)
            parts = PhaseTimes.shared.time("report") { measures.csvParts() }
        } else {
            let analysis = PhaseTimes.shared.time("analysis") { StructureAnalysis(structure, rules: ruleSet) }
            let report = AnalysisReport(analysis, file: file, remitRows: remitRows)
            KeptUntilExit.keep(report)
            parts = try PhaseTimes.shared.time("report") { try report.renderedParts(outputFormat(chosen.rawValue) ?? .text) }
        }
        try PhaseTimes.shared.time("written") { try emit(parts: parts, to: destination.output, inputs: [file, ruleSet.source]) }
    }
}

/// Prints `parts`, joined (no path, or `-`), or writes them whole to `path`, never over one
/// of `inputs`; a failed write is an `OutputFile.WriteError` (exit 3).
func emit(parts: [any ContiguousBytes & Sendable], to path: String?, inputs: [String]) throws {
    guard let path, path != "-" else {
        for part in parts { try FileHandleOutput.standardOutput(bytes: part) }
        return
    }
    try OutputFile.write([(path, parts)], inputs: inputs)
}

/// Prints `bytes`, or writes them whole to `path`, as `emit(parts:to:inputs:)` does.
func emit(_ bytes: [UInt8], to path: String?, inputs: [String]) throws {
    try emit(parts: [bytes], to: path, inputs: inputs)
}
