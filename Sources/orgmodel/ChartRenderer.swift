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

    /// Structures read, redacted when asked and validated, ready to chart; with the
    /// audit that checks each chart of them for the names the redaction withholds.
    struct Inputs {
        var results: [ValidationResult]
        var audit: RedactionAudit?
    }

    /// Reads and validates each file; exit 2 when any cannot be read (each is named).
    func load(_ files: [String]) throws -> Inputs {
        let loaded = try loadStructures(files, rules: rules)
        // Structures drawn together withhold, in text, the names either withholds.
        let audit = redaction.map { RedactionAudit(withholdingFrom: loaded.map(\.structure), by: $0) }
        let results = loaded.map { loaded in
            var structure = loaded.structure
            if let redaction, let audit { structure = structure.redacted(using: redaction, withholding: audit.withheldNames) }
            // A chart should not change with the day it is drawn: judge reviews as of
            // the structure's effective date unless told otherwise.
            let day = asOf ?? structure.effective ?? Day.today
            return Validator(rules: loaded.rules, asOf: day).validate(structure)
        }
        return Inputs(results: results, audit: audit)
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

    /// The least scale at which a chart's 10-point text stays readable on paper.
    static let legibleScale = 0.5

    /// Pixels per inch for PNG: an A4 landscape chart about 2,250 pixels wide, sharp
    /// enough to read on screen and in a README.
    static let pngDPI = 192

    /// Draws the chart in `format`; `name` names it in messages. Exit 3 when Graphviz
    /// fails, or when a redacted chart would still show a withheld name: every word a
    /// chart shows comes from its DOT text, so that is where the audit looks, whatever
    /// the format (a PDF's text is compressed, a PNG's is pixels).
    func chart(_ kind: ChartKind, _ inputs: Inputs, options: ChartOptions, format: RenderFormat, name: String) throws -> [UInt8] {
        let drawn = try scaledChart(kind, inputs, options: options, format: format, name: name)
        // Boxes are set in 10-point text; below about 5 points on the page, a chart in a
        // committee report cannot be read.
        if let scale = drawn.scale, scale < Self.legibleScale {
            printError(String(
                format: "note: %@ is scaled to %.0f%% to fit A4 landscape, so its text is about %.1f points: draw it in parts with --root, --depth or --split-by-tier",
                name, scale * 100, scale * 10))
        }
        return drawn.bytes
    }

    /// `chart(…)` with the scale Graphviz drew it at (nil for DOT), saying nothing of it.
    func scaledChart(_ kind: ChartKind, _ inputs: Inputs, options: ChartOptions, format: RenderFormat, name: String) throws -> (bytes: [UInt8], scale: Double?) {
        var options = options
        options.dpi = format == .png ? Self.pngDPI : nil
        let text = try dot(kind, inputs.results, options: options)
        if let audit = inputs.audit, case let leaks = audit.leaks(inMarkup: text), !leaks.isEmpty {
            let names = Array(Set(leaks)).sorted()
            printError(
                "orgmodel: the redacted chart \(name) would still show \(names.joined(separator: ", "))"
                    + audit.placesText(of: names, in: inputs.results.map(\.structure))
                    + "; nothing was written. " + RedactionAudit.refusalAdvice + " (or the file's name), or draw the chart without it")
            throw Exit.outputFailed
        }
        do {
            let output = try GraphvizRenderer.renderWithWarnings(dot: text, format: format)
            for warning in output.warnings { printError("orgmodel: Graphviz: \(warning)") }
            return (output.bytes, output.scale)
        } catch {
            printError("orgmodel: \(name): \(error)")
            throw Exit.outputFailed
        }
    }
}
