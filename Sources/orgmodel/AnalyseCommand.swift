import ArgumentParser
import Foundation
import OrgAnalysis
import OrgModel
import OrgReports
import OrgSupport

/// How `analyse` prints its report.
enum AnalysisFormat: String, ExpressibleByArgument, CaseIterable {
    case table, markdown, json, csv
}

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
        let (structure, ruleSet) = try PhaseTimes.shared.time("load") { try loadStructure(file, rules: rules.rules) }
        let analysis = PhaseTimes.shared.time("analysis") { StructureAnalysis(structure, rules: ruleSet) }
        let report = AnalysisReport(analysis, file: file, remitRows: remitRows)
        KeptUntilExit.keep(report)
        let chosen = try AnalysisFormat.resolved(format, output: destination.output)
        let parts = try PhaseTimes.shared.time("report") { try report.renderedParts(outputFormat(chosen.rawValue) ?? .text) }
        try PhaseTimes.shared.time("written") { try emit(parts: parts, to: destination.output, inputs: [file, ruleSet.source]) }
    }
}

/// A report format chosen by --format or, without it, by the --output file's extension.
/// The cases are `table` and other formats named as their usual extension (`csv`,
/// `json`, `markdown`).
protocol ReportFormatChoice: RawRepresentable<String>, CaseIterable, Equatable {
    /// The format without --format or a telling extension: the table.
    static var table: Self { get }
}

extension ReportFormatChoice {
    /// The format a file extension names, if any: `.txt` a table, `.md` Markdown, else
    /// the case of that name.
    init?(fileExtension: String) {
        let name =
            switch fileExtension {
            case "txt": "table"
            case "md": "markdown"
            case "table": ""
            default: fileExtension
            }
        guard let format = Self(rawValue: name) else { return nil }
        self = format
    }

    /// --format, else the output's extension, else the table; a usage error when --format
    /// and the extension disagree, or the file is named for a format the report lacks.
    static func resolved(_ format: Self?, output: String?) throws -> Self {
        let ext = output.map { $0 == "-" ? "" : ($0 as NSString).pathExtension.lowercased() } ?? ""
        let named = Self(fileExtension: ext)
        if let format, let named, format != named, let output {
            throw ValidationError(
                "--format \(format.rawValue) does not match \(output): name the file for that format, or leave out --format")
        }
        // A file named for a format this report does not come in is surely a slip.
        if format == nil, named == nil, Self.otherFormats.contains(ext), let output {
            let names = ["txt", "md", "json", "csv", "svg", "pdf"].filter { Self(fileExtension: $0) != nil }.map { "." + $0 }
            let list = names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
            throw ValidationError(
                "this report is not written as .\(ext) (\(output)): name the file \(list), or give --format to write it anyway")
        }
        return format ?? named ?? Self.table
    }

    /// Extensions of formats orgmodel writes or reads elsewhere.
    static var otherFormats: Set<String> {
        ["yaml", "yml", "csv", "json", "md", "markdown", "svg", "pdf", "png", "dot", "html", "xml", "tsv"]
    }
}

extension AnalysisFormat: ReportFormatChoice {}
extension SummaryFormat: ReportFormatChoice {}

/// Prints `parts`, joined (no path, or `-`), or writes them whole to `path`, never over one
/// of `inputs`; a failed write is an `OutputFile.WriteError` (exit 3).
func emit(parts: [[UInt8]], to path: String?, inputs: [String]) throws {
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
