import Foundation
import OrgModel

/// Issue 2's targets: load and validate a 1,000,000-post CSV in ≤ 2 s and ≤ 1 GiB, and a
/// 10,000-post YAML file in ≤ 1 s.
enum ValidateBenchmark {
    static func run(scratch: URL, posts: Int, seed: UInt64) throws {
        let structure = StructureGenerator(posts: posts, seed: seed).generate()
        let csv = scratch.appendingPathComponent("validate-\(posts).csv")
        try writeInput(try StructureCSVWriter().write(structure), to: csv)
        let small = StructureGenerator(posts: 10_000, seed: seed).generate()
        let yaml = scratch.appendingPathComponent("validate-10000.yaml")
        try writeInput(StructureYAMLWriter().write(small), to: yaml)

        let size = (try? FileManager.default.attributesOfItem(atPath: csv.path)[.size] as? Int) ?? 0
        let big = try Measurement.inChild("validate", [csv.path])
        printResult(
            "validate \(structure.posts.count)-post CSV (\(size / 1_000_000) MB)", seconds: big.seconds, target: 2,
            peakMiB: big.peakMiB, memoryTarget: 1024, note: big.note)
        let yamlRun = try Measurement.inChild("validate", [yaml.path])
        printResult(
            "validate \(small.posts.count)-post YAML", seconds: yamlRun.seconds, target: 1, peakMiB: yamlRun.peakMiB, note: yamlRun.note)
    }

    /// The measured step: load the file and validate it, as `orgmodel validate` does.
    static func child(_ arguments: [String]) throws {
        guard let path = arguments.first else { throw BenchmarkFailure("validate needs a file") }
        let start = DispatchTime.now().uptimeNanoseconds
        let (structure, load) = try Measurement.time { try StructureFile.load(path) }
        let rules = try RuleSetReader.ruleSet(for: structure)
        let (index, indexing) = Measurement.time { StructureIndex(structure) }
        let (result, checking) = Measurement.time {
            Validator(rules: rules, asOf: Day(year: 2026, month: 1, day: 1)!).validate(index)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        Measurement.report(
            seconds: seconds,
            note: String(
                format: "load %.2f s, index %.2f s, checks %.2f s; %d errors, %d warnings", load, indexing, checking,
                result.errorCount, result.warningCount))
    }
}
