import ArgumentParser
import Foundation
import OrgAnalysis
import OrgModel
import OrgReports
import OrgSupport

/// `orgmodel delayer FILE -o DIR`: costed de-layering options, each written as a structure file.
struct DelayerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delayer",
        abstract: "Generate costed de-layering options from the rules, each as a structure file.",
        discussion: """
            Option 1 removes hidden layers and one-over-one managers (reports move up); option \
            2 also merges sibling managers with narrow spans; option 3 also splits wide spans, \
            adding posts at the tier's typical cost. No move may give a post an error it does \
            not have, agreed deviations are respected, and the front line is never touched. \
            Each option is written into the folder as option-N-….yaml (state: option), which \
            validates, compares and renders like any structure; a summary is printed. Exit \
            code 0; 1 when the structure's reporting lines are broken (duplicate ids, loops, \
            unknown managers); 2 when it cannot be read; 3 when the folder or files cannot be \
            written (then none is written).
            """
    )

    @Argument(help: "The structure to de-layer (.yaml, .yml or .csv).")
    var file: String

    @Option(name: [.short, .customLong("output")], help: "The folder to write the option files into (created if missing).")
    var output: String

    @Option(help: "Summary format: table, markdown or json.")
    var format: SummaryFormat = .table

    @OptionGroup var rules: RulesOption

    @OptionGroup var asOf: AsOfOption<JudgedToday>

    func validate() throws {
        if output == "-" { throw ValidationError("the options are several files: give a folder as -o, not -") }
    }

    func run() throws {
        let (structure, ruleSet) = try PhaseTimes.shared.time("load") { try loadStructure(file, rules: rules.rules) }
        let (source, folder, rulesReference) = (file, output, rules.rules)
        // The option files are made and written on other cores as soon as the options' moves
        // are made, while the options are measured and validated here: writing three large
        // YAML files takes as long as measuring them. They are written whole or not at all.
        var writing: ParallelWork.Background<Result<Void, any Error>>?
        let result = try PhaseTimes.shared.time("options") {
            try DelayeringPlanner(rules: ruleSet, asOf: asOf.day()).options(for: structure) { made in
                writing = ParallelWork.Background {
                    Result {
                        let files = OptionFiles.files(
                            for: made, original: structure, file: source, rulesReference: rulesReference, folder: folder)
                        KeptUntilExit.keep(files)
                        try ReportOutput.prepareFolder(folder, for: "the options")
                        try OutputFile.write(files, inputs: [source, ruleSet.source])
                    }
                }
            }
        }
        KeptUntilExit.keep((structure, result))
        var paths: [Int: String] = [:]
        for option in result.options { paths[option.number] = OptionFiles.path(for: option.step, in: output) }
        // The summary is made while the files are still being written, and printed once they
        // are in place.
        let summary = PhaseTimes.shared.time("summary") {
            Result { try DelayeringReport(result, file: file, files: paths).rendered(outputFormat(format.rawValue) ?? .text) }
        }
        try PhaseTimes.shared.time("option files written") { try writing?.value.get() }
        try PhaseTimes.shared.time("summary printed") { try FileHandleOutput.standardOutput(bytes: try summary.get()) }
    }
}
