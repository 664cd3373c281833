import ArgumentParser
import Foundation

// Each command's --format choices, side by side, and how a report's choice is made from
// --format or the --output file's extension.

/// How a report is printed.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// How `compare` and `delayer` print their summaries.
enum SummaryFormat: String, ExpressibleByArgument, CaseIterable {
    case table, markdown, json
}

/// How `orgmodel export` writes a structure.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case yaml, csv, organogram
}

/// How `analyse` prints its report.
enum AnalysisFormat: String, ExpressibleByArgument, CaseIterable {
    case table, markdown, json, csv
}

/// How `deviations` prints its register.
enum RegisterFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, csv, json
}

/// How `trend` prints its report.
enum TrendFormat: String, ExpressibleByArgument, CaseIterable, ReportFormatChoice {
    case table, markdown, csv, json
    /// A line chart of the figures over time, drawn by Graphviz.
    case svg, pdf
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
