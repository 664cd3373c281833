import ArgumentParser
import OrgAnalysis
import OrgModel

/// `orgmodel deviations FILE...`: the design authority's register of agreed deviations.
struct DeviationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deviations",
        abstract: "List every deviation in the files, with its approvers, review date and status.",
        discussion: """
            Status is the first of: unagreed (no rationale, an approver missing, or agreed \
            after --as-of), expired (review_by before --as-of), unused (covers no finding), \
            due (review within 90 days), current. Exit code 0, or 1 when a deviation is \
            unagreed or expired, 2 when a file cannot be read.
            """
    )

    @OptionGroup var inputs: JudgedFiles<StatusesToday>

    @Option(help: "Output format: text, markdown, csv or json.")
    var format: RegisterFormat = .text

    func run() throws {
        var register = DeviationRegister(asOf: inputs.asOf.day())
        var unreadable = false
        for (file, read) in inputs.read() {
            switch read {
            case .success(let loaded):
                register.add(loaded.structure, file: file, rules: loaded.rules)
            case .failure(let error):
                // Said before the register, which goes on with the other files.
                printError("orgmodel: \(error)")
                unreadable = true
            }
        }
        try FileHandleOutput.standardOutput(bytes: try register.rendered(outputFormat(format.rawValue) ?? .text))
        if unreadable { throw CommandFailure.unreadableInputSaid }
        if register.fails { throw CommandFailure.findings }
    }
}
