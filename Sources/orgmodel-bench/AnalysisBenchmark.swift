import Foundation
import OrgAnalysis
import OrgModel
import OrgReports
import OrgSupport

/// Issue 4's targets: analyse a 1,000,000-post CSV in ≤ 2 s and ≤ 1 GiB; compare two
/// 100,000-post structures in ≤ 1 s; de-layer a 100,000-post structure in ≤ 5 s. Each is
/// measured from loading the files to having the output in hand, in a child process.
enum AnalysisBenchmark {
    /// The child steps this suite runs (`--child STEP`).
    static let steps = ["analyse", "compare", "delayer"]

    static func run(scratch: URL, posts: Int, seed: UInt64) throws {
        let structure = StructureGenerator(posts: posts, seed: seed).generate()
        let csv = scratch.appendingPathComponent("analyse-\(posts).csv")
        try writeInput(try StructureCSVWriter().write(structure), to: csv)
        let size = (try? FileManager.default.attributesOfItem(atPath: csv.path)[.size] as? Int) ?? 0
        let analyse = try Measurement.inChild("analyse", [csv.path])
        printResult(
            "analyse \(structure.posts.count)-post CSV (\(size / 1_000_000) MB)", seconds: analyse.seconds, target: 2,
            peakMiB: analyse.peakMiB, memoryTarget: 1024, note: analyse.note)

        // A current structure of 100,000 posts and a proposed one derived from it by the
        // delayer's third option (posts removed, merged, split and moved), as CSV files.
        let current = StructureGenerator(posts: 100_000, seed: seed).generate()
        let proposed = try proposal(from: current)
        let currentCSV = scratch.appendingPathComponent("compare-current.csv")
        let proposedCSV = scratch.appendingPathComponent("compare-proposed.csv")
        try writeInput(try StructureCSVWriter().write(current), to: currentCSV)
        try writeInput(try StructureCSVWriter().write(proposed), to: proposedCSV)
        let compare = try Measurement.inChild("compare", [currentCSV.path, proposedCSV.path])
        printResult(
            "compare two \(current.posts.count / 1000)k-post CSVs", seconds: compare.seconds, target: 1,
            peakMiB: compare.peakMiB, note: compare.note)

        let output = scratch.appendingPathComponent("options")
        let delayer = try Measurement.inChild("delayer", [currentCSV.path, output.path])
        printResult(
            "delayer on a \(current.posts.count / 1000)k-post CSV", seconds: delayer.seconds, target: 5,
            peakMiB: delayer.peakMiB, note: delayer.note)
    }

    /// A proposed structure derived from `current` by the delayer's last option (posts
    /// removed, merged, split and moved): a realistic pair for `compare`.
    static func proposal(from current: Structure) throws -> Structure {
        let rules = try RuleSetReader.ruleSet(for: current)
        let options = try DelayeringPlanner(rules: rules, asOf: Day(year: 2026, month: 1, day: 1)!).options(for: current)
        var proposed = options.options.last?.structure ?? current
        proposed.state = .proposed
        return proposed
    }

    /// The measured steps, each as the command does it: load, compute, format the output.
    static func child(_ step: String, _ arguments: [String]) throws {
        let asOf = Day(year: 2026, month: 1, day: 1)!
        let start = DispatchTime.now().uptimeNanoseconds
        switch step {
        case "analyse":
            guard let path = arguments.first else { throw BenchmarkFailure("analyse needs a file") }
            let (structure, load) = try Measurement.time { try StructureFile.load(path) }
            let rules = try RuleSetReader.ruleSet(for: structure)
            let (analysis, measuring) = Measurement.time { StructureAnalysis(structure, rules: rules) }
            let report = AnalysisReport(analysis, file: path)
            let (text, table) = Measurement.time { report.text() }
            // The figure is `orgmodel analyse FILE` (the table); the per-post CSV of
            // `--format csv` is timed after it and given in the note.
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let (csv, rows) = Measurement.time { report.csvBytes() }
            Measurement.report(
                seconds: seconds,
                note: String(
                    format: "load %.2f s, index and analysis %.2f s, table %.2f s; --format csv adds %.2f s (%d MB); %d layers",
                    load, measuring, table, rows, csv.count / 1_000_000, analysis.layers.managementLayers)
                    + (text.isEmpty ? " (empty)" : ""))
        case "compare":
            guard arguments.count == 2 else { throw BenchmarkFailure("compare needs two files") }
            let (pair, load) = try Measurement.time { (try StructureFile.load(arguments[0]), try StructureFile.load(arguments[1])) }
            let rules = try RuleSetReader.ruleSet(for: pair.0)
            let (comparison, comparing) = Measurement.time {
                StructureComparison(current: pair.0, proposed: pair.1, currentRules: rules, proposedRules: rules, asOf: asOf)
            }
            let (markdown, formatting) = Measurement.time { ComparisonReport(comparison).markdown() }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            Measurement.report(
                seconds: seconds,
                note: String(
                    format: "load %.2f s, compare %.2f s, Markdown %.2f s (%d KB); %d deleted, %d created, %d moved",
                    load, comparing, formatting, markdown.utf8.count / 1000, comparison.diff.count(.deleted),
                    comparison.diff.count(.created), comparison.diff.count(.reportingLine)))
        case "delayer":
            guard arguments.count == 2 else { throw BenchmarkFailure("delayer needs a file and a folder") }
            let (structure, load) = try Measurement.time { try StructureFile.load(arguments[0]) }
            let rules = try RuleSetReader.ruleSet(for: structure)
            let (result, planning) = try Measurement.time { try DelayeringPlanner(rules: rules, asOf: asOf).options(for: structure) }
            let folder = arguments[1]
            let (_, writing) = try Measurement.time {
                let files = OptionFiles.files(
                    for: result.options.map(\.unmeasured), original: structure, file: arguments[0], rulesReference: nil, folder: folder)
                try ReportOutput.prepareFolder(folder)
                try OutputFile.write(files)
                return DelayeringReport(result, file: arguments[0]).text()
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let moves = result.options.map { String($0.moves.filter(\.changesStructure).count) }.joined(separator: "/")
            Measurement.report(
                seconds: seconds,
                note: String(format: "load %.2f s, options %.2f s, files and summary %.2f s; moves per option ", load, planning, writing)
                    + moves)
        default:
            throw BenchmarkFailure("unknown child step \(step)")
        }
    }
}
