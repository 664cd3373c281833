import ArgumentParser
import OrgModel

/// How `compare` and `delayer` print their summaries.
enum SummaryFormat: String, ExpressibleByArgument, CaseIterable {
    case table, markdown, json
}

/// `orgmodel compare CURRENT PROPOSED`: the key differences and totals before → after.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "List the key differences between a current and a proposed structure, with their cost.",
        discussion: """
            Posts deleted, created, moved, re-tiered, retitled, re-graded, with FTE or cost \
            changed, or made permanent, each with id and title (matched by id, or by a \
            proposed post's `replaces:`); then totals before → after per tier, manager posts, \
            layers, average span, findings fixed and introduced, and the net annual cost. \
            --format markdown is ready for a committee appendix. Exit code 0, or 2 when a \
            file cannot be read, 3 when --output cannot be written.
            """
    )

    @Argument(help: "The current structure (.yaml, .yml or .csv).")
    var current: String

    @Argument(help: "The proposed structure (.yaml, .yml or .csv).")
    var proposed: String

    @Option(help: "Output format: table, markdown or json; default: from the --output extension (.md, .json), else table.")
    var format: SummaryFormat?

    @Option(name: .customLong("rules"), help: "A built-in rule set or a rules file for both, instead of the ones the files name.")
    var rules: String?

    @Option(name: .customLong("as-of"), help: "The day deviation reviews are judged against (YYYY-MM-DD; default today).")
    var asOf: Day?

    @Option(name: [.short, .customLong("output")], help: "Write the report to this file instead of standard output (-).")
    var output: String?

    @Option(name: .customLong("match-ids"), help: ArgumentHelp("How ids must agree to be one post: exact, case (ignore case) or loose (also blanks and leading zeros).", valueName: "how"))
    var matchIDs: IDMatching = .exact

    func validate() throws {
        _ = try SummaryFormat.resolved(format, output: output)
    }

    func run() throws {
        let loaded = try loadStructures([current, proposed], rules: rules)
        try refuseAmbiguousIDs([(current, loaded[0].structure), (proposed, loaded[1].structure)], matching: matchIDs)
        let comparison = StructureComparison(
            current: loaded[0].structure, proposed: loaded[1].structure, currentRules: loaded[0].rules,
            proposedRules: loaded[1].rules,
            asOf: asOf ?? Day.today, matching: matchIDs)
        let report = ComparisonReport(comparison, currentFile: current, proposedFile: proposed)
        let text: String
        switch try SummaryFormat.resolved(format, output: output) {
        case .table: text = report.text()
        case .markdown: text = report.markdown()
        case .json: text = report.json()
        }
        try emit(Array(text.utf8), to: output, inputs: [current, proposed])
    }
}
