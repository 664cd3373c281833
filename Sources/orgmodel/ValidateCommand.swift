import ArgumentParser
import OrgModel
import OrgReports

/// `orgmodel validate FILE...`: check structures against their rule sets.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check structures against tier, span and layer rules.",
        discussion: """
            Prints one line per finding (severity, rule, post, message, file:line) and a \
            summary per file. Exit code 0 when no file has an error, 1 when one has, 2 when \
            a file cannot be read.
            """
    )

    @OptionGroup var inputs: JudgedFiles<JudgedToday>

    @Option(help: "Output format: text or json.")
    var format: ReportFormat = .text

    func run() throws {
        let day = inputs.asOf.day()
        var entries: [ValidationReport.Entry] = []
        for (file, read) in PhaseTimes.shared.time("load", { inputs.read() }) {
            switch read {
            case .success(let loaded):
                let result = PhaseTimes.shared.time("checks") { Validator(rules: loaded.rules, asOf: day).validate(loaded.structure) }
                entries.append(.validated(file: file, result: result))
            case .failure(let error):
                entries.append(.unreadable(error))
                // Said before the report, which goes on with the other files; in JSON, in the report.
                if format == .text { printError("orgmodel: \(error)") }
            }
        }
        let report = ValidationReport(entries: entries)
        KeptUntilExit.keep(report)
        try PhaseTimes.shared.time("report written") {
            try report.write(outputFormat(format.rawValue) ?? .text) { try FileHandleOutput.standardOutput(bytes: $0) }
        }
        if report.hasUnreadable { throw CommandFailure.unreadableInputSaid }
        if report.hasErrors { throw CommandFailure.findings }
    }
}
