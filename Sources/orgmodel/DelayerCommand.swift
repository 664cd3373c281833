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
        let result = try PhaseTimes.shared.time("options") {
            try DelayeringPlanner(rules: ruleSet, asOf: asOf.day()).options(for: structure)
        }
        KeptUntilExit.keep((structure, result))
        // A rules path named on the command line is relative to the working directory; one
        // the file names is relative to the file.
        let base = rules.rules != nil ? nil : (file as NSString).deletingLastPathComponent
        let options = result.options
        let started = PhaseTimes.now()
        let outputs = ParallelWork.map(options.count) { slot -> (path: String, parts: [any ContiguousBytes & Sendable]) in
            let option = options[slot]
            let path = (output as NSString).appendingPathComponent(OptionFiles.fileName(for: option))
            let optionStructure = OptionFiles.structure(
                for: option, original: structure, rulesReference: rules.rules, referenceBase: base, folder: output)
            return (path, OptionFiles.yamlParts(for: option, structure: optionStructure, from: file))
        }
        KeptUntilExit.keep(outputs)
        PhaseTimes.shared.add("option files made", since: started)
        var paths: [Int: String] = [:]
        for (option, written) in zip(options, outputs) { paths[option.number] = written.path }
        try ReportOutput.prepareFolder(output, for: "the options")
        // The summary is made on another core while the files are written (a million posts'
        // options list tens of thousands of moves), and printed once they are in place.
        let report = DelayeringReport(result, file: file, files: paths)
        let format = outputFormat(format.rawValue) ?? .text
        let summary = ParallelWork.Background { Result { try report.rendered(format) } }
        try PhaseTimes.shared.time("option files written") { try OutputFile.write(outputs, inputs: [file, ruleSet.source]) }
        try FileHandleOutput.standardOutput(bytes: try summary.value.get())
    }
}
