import ArgumentParser
import OrgAnalysis
import OrgModel
import OrgReports
import OrgSupport

/// `orgmodel compare CURRENT PROPOSED`: the key differences and totals before → after;
/// `orgmodel compare CURRENT OPTION OPTION...`: the options side by side.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "List the key differences between a current and a proposed structure, with their cost.",
        discussion: """
            Posts deleted, created, moved, re-tiered, retitled, re-graded, with FTE or cost \
            changed, or made permanent, each with id and title (matched by id, or by a \
            proposed post's `replaces:`); then totals before → after per tier, manager posts, \
            layers, average span, findings fixed and introduced, and the net annual cost. \
            --format markdown is ready for a committee appendix. Given two or more options, \
            it sets the current structure and the options side by side instead: size, \
            manager posts, layers, spans and span bands, findings, cost, net change, posts \
            deleted, created and moved, with the best value of each row marked, and the \
            deviations each relies on. Exit code 0, or 2 when a file cannot be read, 3 when \
            --output cannot be written.
            """
    )

    @Argument(help: "The current structure (.yaml, .yml or .csv).")
    var current: String

    @Argument(help: ArgumentHelp("The proposed structure, or two or more options (.yaml, .yml or .csv).", valueName: "proposed"))
    var proposed: [String] = []

    @Option(help: "Output format: table, markdown or json; default: from the --output extension (.md, .json), else table.")
    var format: SummaryFormat?

    @OptionGroup var rules: RulesOption

    @OptionGroup var asOf: AsOfOption<JudgedToday>

    @OptionGroup var destination: ReportDestination

    @OptionGroup var matching: MatchIDsOption
    private var matchIDs: IDMatching { matching.matchIDs }

    func validate() throws {
        guard !proposed.isEmpty else {
            throw ValidationError(
                "give the proposed structure after the current one, or two or more options: orgmodel compare CURRENT PROPOSED")
        }
        _ = try SummaryFormat.resolved(format, output: destination.output)
    }

    func run() throws {
        let loaded = try PhaseTimes.shared.time("load") { try loadStructures([current] + proposed, rules: rules.rules) }
        try refuseAmbiguousIDs(zip([current] + proposed, loaded).map { ($0, $1.structure) }, matching: matchIDs)
        let format = try SummaryFormat.resolved(format, output: destination.output)
        let chosen = outputFormat(format.rawValue) ?? .text
        KeptUntilExit.keep(loaded)
        func kept(_ report: some Report) throws -> [UInt8] {
            KeptUntilExit.keep(report)
            return try report.rendered(chosen)
        }
        let bytes = try PhaseTimes.shared.time("comparison and report") {
            guard proposed.count == 1 else { return try kept(optionsTable(loaded)) }
            let report = PhaseTimes.shared.time("comparison") { keyDifferences(loaded) }
            return try PhaseTimes.shared.time("report") { try kept(report) }
        }
        try PhaseTimes.shared.time("written") { try emit(bytes, to: destination.output, inputs: [current] + proposed + ruleFiles(loaded)) }
    }

    /// Today's two-file report: the key differences.
    private func keyDifferences(_ loaded: [(structure: Structure, rules: RuleSet)]) -> ComparisonReport {
        let comparison = StructureComparison(
            current: loaded[0].structure, proposed: loaded[1].structure, currentRules: loaded[0].rules,
            proposedRules: loaded[1].rules,
            asOf: asOf.day(), matching: matchIDs)
        return ComparisonReport(comparison, currentFile: current, proposedFile: proposed[0])
    }

    /// The current structure and every option side by side.
    private func optionsTable(_ loaded: [(structure: Structure, rules: RuleSet)]) -> OptionsComparison {
        OptionsComparison(
            current: loaded[0].structure, rules: loaded[0].rules, file: current,
            options: zip(loaded.dropFirst(), proposed).map { ($0.structure, $0.rules, $1) },
            asOf: asOf.day())
    }
}
