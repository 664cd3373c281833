import ArgumentParser
import OrgModel

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

    @Argument(help: "Structure files (.yaml, .yml or .csv).")
    var files: [String]

    @Option(help: "Output format: text or json.")
    var format: ReportFormat = .text

    @OptionGroup var rules: RulesOption

    @OptionGroup var asOf: AsOfOption<JudgedToday>

    func run() throws {
        let day = asOf.day()
        var entries: [ValidationReport.Entry] = []
        for file in files {
            do throws(LoadError) {
                let structure = try StructureFile.load(file)
                let ruleSet = try RuleSetReader.ruleSet(for: structure, override: rules.rules)
                let result = Validator(rules: ruleSet, asOf: day).validate(structure)
                entries.append(.validated(file: file, result: result))
            } catch {
                entries.append(.unreadable(error))
                // Said as the command goes on to the next file; in JSON, in the report.
                if format == .text { printError("orgmodel: \(error)") }
            }
        }
        let report = ValidationReport(entries: entries)
        try FileHandleOutput.standardOutput(bytes: try report.rendered(outputFormat(format.rawValue) ?? .text))
        if report.hasUnreadable { throw CommandFailure.unreadableInputSaid }
        if report.hasErrors { throw CommandFailure.findings }
    }
}
