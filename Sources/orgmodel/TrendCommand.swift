import ArgumentParser
import OrgModel

/// How `trend` prints its report.
enum TrendFormat: String, ExpressibleByArgument, CaseIterable, ReportFormatChoice {
    case table, markdown, csv, json
}

/// `orgmodel trend FILE...`: snapshots of one organisation in date order, measured alike.
struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Set snapshots of one organisation in date order: size, layers, spans, cost, changes and flags.",
        discussion: """
            Orders the snapshots by their `effective:` date, whatever order they are given in. \
            For each: posts, headcount, FTE, manager posts, management layers, layers over \
            manager posts only, mean and median span, span bands, narrow, wide and \
            one-over-one counts and annual cost; the posts deleted, created and moved since \
            the previous snapshot; and the flags layer-creep, span-compression, \
            front-line-at-top and partial (see the README). Exit code 0, or 2 when a file \
            cannot be read, has no effective date or shares one with another, 3 when \
            --output cannot be written.
            """
    )

    @Argument(help: ArgumentHelp("Two or more snapshots of one organisation (.yaml, .yml or .csv), each with an `effective:` date.", valueName: "file"))
    var files: [String] = []

    @Option(help: "Output format: table, markdown, csv or json; default: from the --output extension (.md, .csv, .json), else table.")
    var format: TrendFormat?

    @Option(name: .customLong("rules"), help: "A built-in rule set or a rules file for every snapshot, instead of the ones the files name.")
    var rules: String?

    @Option(name: .customLong("match-ids"), help: ArgumentHelp("How ids must agree to be one post between snapshots: exact, case (ignore case) or loose (also blanks and leading zeros).", valueName: "how"))
    var matchIDs: IDMatching = .exact

    @Option(name: [.short, .customLong("output")], help: "Write the report to this file instead of standard output (-).")
    var output: String?

    func validate() throws {
        guard files.count >= 2 else {
            throw ValidationError("give two or more snapshots of one organisation: orgmodel trend FILE FILE...")
        }
        _ = try TrendFormat.resolved(format, output: output)
    }

    func run() throws {
        let loaded = try loadStructures(files, rules: rules)
        try refuseAmbiguousIDs(zip(files, loaded).map { ($0, $1.structure) }, matching: matchIDs)
        let inputs = zip(files, loaded).map { StructureTrend.Input(file: $0, structure: $1.structure, rules: $1.rules) }
        let problems = StructureTrend.problems(in: inputs)
        for problem in problems { printError("orgmodel: \(problem)") }
        guard problems.isEmpty else { throw Exit.unreadableInput }
        let trend: StructureTrend
        do {
            trend = try StructureTrend(inputs, matching: matchIDs)
        } catch {
            printError("orgmodel: \(error)")
            throw Exit.unreadableInput
        }
        let text: String
        switch try TrendFormat.resolved(format, output: output) {
        case .table: text = trend.text()
        case .markdown: text = trend.markdown()
        case .csv: text = trend.csv()
        case .json:
            do {
                text = try trend.json()
            } catch {
                printError("orgmodel: the trend could not be written as JSON: \(error)")
                throw Exit.outputFailed
            }
        }
        try emit(Array(text.utf8), to: output, inputs: files)
    }
}
