import ArgumentParser
import GraphvizRender
import OrgAnalysis
import OrgModel

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
            front-line-at-top and partial (see the README). --format svg or pdf (or -o \
            trend.svg, trend.pdf) draws posts, headcount, manager posts, management layers \
            and mean span over time as a small line chart. Exit code 0, or 2 when a file \
            cannot be read, has no effective date or shares one with another, 3 when \
            --output cannot be written or Graphviz fails.
            """
    )

    @Argument(
        help: ArgumentHelp(
            "Two or more snapshots of one organisation (.yaml, .yml or .csv), each with an `effective:` date.", valueName: "file"))
    var files: [String] = []

    @Option(
        help:
            "Output format: table, markdown, csv, json, or svg or pdf (a chart); default: from the --output extension (.md, .csv, .json, .svg, .pdf), else table."
    )
    var format: TrendFormat?

    @OptionGroup var rules: RulesOption

    @OptionGroup var matching: MatchIDsOption
    private var matchIDs: IDMatching { matching.matchIDs }

    @OptionGroup var destination: ReportDestination

    func validate() throws {
        guard files.count >= 2 else {
            throw ValidationError("give two or more snapshots of one organisation: orgmodel trend FILE FILE...")
        }
        _ = try TrendFormat.resolved(format, output: destination.output)
    }

    func run() throws {
        let loaded = try loadStructures(files, rules: rules.rules)
        try refuseAmbiguousIDs(zip(files, loaded).map { ($0, $1.structure) }, matching: matchIDs)
        let inputs = zip(files, loaded).map { StructureTrend.Input(file: $0, structure: $1.structure, rules: $1.rules) }
        let problems = StructureTrend.problems(in: inputs)
        guard problems.isEmpty else { throw Failures(all: problems) }
        let trend = try StructureTrend(inputs, matching: matchIDs)
        let bytes: [UInt8]
        switch try TrendFormat.resolved(format, output: destination.output) {
        case .svg: bytes = try chart(trend, .svg)
        case .pdf: bytes = try chart(trend, .pdf)
        case let chosen: bytes = try trend.rendered(outputFormat(chosen.rawValue) ?? .text)
        }
        try emit(bytes, to: destination.output, inputs: files + ruleFiles(loaded))
    }

    /// The chart of the figures over time; exit 3 when Graphviz fails.
    private func chart(_ trend: StructureTrend, _ format: RenderFormat) throws(CommandFailure) -> [UInt8] {
        do {
            return try GraphvizRenderer.render(dot: TrendChart.dot(trend), format: format, engine: "neato")
        } catch {
            throw error.about("the trend chart could not be drawn")
        }
    }
}
