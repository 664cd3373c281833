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

    @Option(name: .customLong("rules"), help: "A built-in rule set or a rules file, instead of the one each file names.")
    var rules: String?

    @Option(name: .customLong("as-of"), help: "The day deviation reviews are judged against (YYYY-MM-DD; default today).")
    var asOf: Day?

    func run() throws {
        let day = asOf ?? Day.today
        var entries: [ValidationReport.Entry] = []
        for file in files {
            do {
                let structure = try StructureFile.load(file)
                let ruleSet = try RuleSetReader.ruleSet(for: structure, override: rules)
                let result = Validator(rules: ruleSet, asOf: day).validate(structure)
                entries.append(.validated(file: file, result: result))
            } catch {
                entries.append(.unreadable(error))
                if format == .text { printError("orgmodel: \(error)") }
            }
        }
        let report = ValidationReport(entries: entries)
        try FileHandleOutput.standardOutput(bytes: try rendered(report, as: outputFormat(format.rawValue) ?? .text))
        if report.hasUnreadable { throw Exit.unreadableInput }
        if report.hasErrors { throw Exit.findings }
    }
}
