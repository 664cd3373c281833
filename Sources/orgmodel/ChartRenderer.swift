import ArgumentParser
import Foundation
import GraphvizRender
import OrgChart
import OrgModel

/// Which chart `render` draws.
enum ChartKind {
    case single, compare, changes
}

/// Loads and validates structures, builds their chart and renders it to a file, mapping
/// each failure to its exit code: 2 for input, 3 for output or Graphviz, 64 for usage.
struct ChartRenderer {
    /// `--rules`: overrides the rule set each file names.
    var rules: String?
    /// `--as-of`: the day deviation reviews are judged against.
    var asOf: Day?
    /// `--redact`: what a published chart may show.
    var redaction: RedactionProfile?

    /// Reads and validates each file; exit 2 when any cannot be read (each is named).
    func load(_ files: [String]) throws -> [ValidationResult] {
        try loadStructures(files, rules: rules).map { loaded in
            var structure = loaded.structure
            if let redaction { structure = structure.redacted(using: redaction) }
            // A chart should not change with the day it is drawn: judge reviews as of
            // the structure's effective date unless told otherwise.
            let day = asOf ?? structure.effective ?? Day.today
            return Validator(rules: loaded.rules, asOf: day).validate(structure)
        }
    }

    /// The chart's DOT text; exit 64 for a --root that names no post.
    func dot(_ kind: ChartKind, _ inputs: [ValidationResult], options: ChartOptions) throws -> String {
        do {
            switch kind {
            case .single: return try StructureChart.dot(inputs[0], options: options)
            case .compare: return try ComparisonChart.dot(current: inputs[0], proposed: inputs[1], options: options)
            case .changes: return try ChangeChart.dot(current: inputs[0], proposed: inputs[1], options: options)
            }
        } catch {
            printError("orgmodel: \(error)")
            throw ExitCode.validationFailure
        }
    }

    /// Pixels per inch for PNG: an A4 landscape chart about 2,250 pixels wide, sharp
    /// enough to read on screen and in a README.
    static let pngDPI = 192

    /// Draws the chart and writes it to `path` (`-`: standard output) whole or not at all.
    func render(_ kind: ChartKind, _ inputs: [ValidationResult], options: ChartOptions, to path: String, format: RenderFormat) throws {
        var options = options
        options.dpi = format == .png ? Self.pngDPI : nil
        let text = try dot(kind, inputs, options: options)
        try write(text, format: format, to: path)
    }

    /// Renders DOT text and writes it; exit 3 when Graphviz fails or the file cannot be written.
    func write(_ text: String, format: RenderFormat, to path: String) throws {
        do {
            let output = try GraphvizRenderer.renderWithWarnings(dot: text, format: format)
            for warning in output.warnings { printError("orgmodel: Graphviz: \(warning)") }
            if path == "-" {
                FileHandle.standardOutput.write(Data(output.bytes))
            } else {
                try GraphvizRenderer.write(output.bytes, to: URL(fileURLWithPath: path))
            }
        } catch {
            printError("orgmodel: \(error)")
            throw Exit.outputFailed
        }
    }
}
