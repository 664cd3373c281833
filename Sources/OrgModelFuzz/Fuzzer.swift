import Foundation
import OrgModel

/// A seeded mutation fuzzer over every reader and, for what a reader accepts, every
/// command's core and every output format (issue 10).
///
/// Each case is a seed file mutated; it passes when the reader refuses it with an error
/// that names the file (and a line within it, when it gives one), or accepts it and then:
/// every command's core runs to the end, and the structure written as YAML, as CSV and as
/// an organogram reads back unchanged (the organogram, which has no place for tier or cost,
/// reads back to the same organogram). A case that takes longer than `slowCase` counts as
/// a hang. A crash ends the process: the case is saved first (`lastCasePath`) to replay.
public struct Fuzzer {
    public enum Target: String, CaseIterable, Sendable {
        case structureYAML = "structure-yaml"
        case structureCSV = "structure-csv"
        case rules, mapping, extract, organogram, redaction
    }

    /// What became of one case.
    public enum Outcome: String, Sendable { case accepted, refused, failed }

    /// A case that broke a rule: the target, the input and what went wrong.
    public struct Failure: Sendable, CustomStringConvertible {
        public var target: Target
        public var input: [UInt8]
        public var problem: String
        public var description: String { "\(target.rawValue): \(problem)" }
    }

    public struct Seeds: Sendable {
        public var structuresYAML: [[UInt8]] = []
        public var structuresCSV: [[UInt8]] = []
        public var rules: [[UInt8]] = []
        public var mappings: [[UInt8]] = []
        public var extracts: [[UInt8]] = []
        public var organograms: [(senior: [UInt8], junior: [UInt8])] = []
        public var redactionProfiles: [[UInt8]] = []

        /// No seeds: enough for the structure targets, which read only the case itself.
        public init() {}

        /// The bundled examples under `structuresFolder` (the package's `Structures/`), with
        /// CSV and organogram seeds written from them.
        public static func bundled(structuresFolder: String) throws -> Seeds {
            var seeds = Seeds()
            let manager = FileManager.default
            func bytes(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }
            for folder in [structuresFolder, structuresFolder + "/examples"] {
                for name in try manager.contentsOfDirectory(atPath: folder).sorted() where name.hasSuffix(".yaml") {
                    seeds.structuresYAML.append(try bytes(folder + "/" + name))
                }
            }
            for name in try manager.contentsOfDirectory(atPath: structuresFolder + "/rules").sorted() where name.hasSuffix(".yaml") {
                seeds.rules.append(try bytes(structuresFolder + "/rules/" + name))
            }
            seeds.mappings.append(try bytes(structuresFolder + "/hr/mapping.yaml"))
            for name in ["extract.csv", "extract-with-errors.csv"] { seeds.extracts.append(try bytes(structuresFolder + "/hr/" + name)) }
            for yaml in seeds.structuresYAML {
                guard let structure = try? StructureFile.parse(yaml, format: .yaml, file: "seed.yaml") else { continue }
                var plain = structure
                for index in plain.posts.indices { plain.posts[index].deviations = [] }
                if let csv = try? StructureCSVWriter().write(plain) { seeds.structuresCSV.append(Array(csv.utf8)) }
                let organogram = OrganogramWriter(lineEnd: "\n").write(plain)
                seeds.organograms.append((Array(organogram.senior.utf8), Array(organogram.junior.utf8)))
            }
            seeds.redactionProfiles = [
                Array(
                    "named_tiers: [2, 3]\nplaceholder: Withheld\ncost_band: 5000\nremove_attributes: [Employee Number]\nband_attributes: [Salary]\n"
                        .utf8),
                Array("named_tiers: []\ncost_band: 0\n".utf8),
            ]
            return seeds
        }
    }

    public var seeds: Seeds
    public var slowCase: Double
    /// Where each case is written before it runs, so a crash can be replayed; nil for none.
    public var lastCasePath: String?
    public private(set) var runs: [Target: [Outcome: Int]] = [:]
    public private(set) var failures: [Failure] = []
    let rules: RuleSet
    let asOf = Day(year: 2021, month: 1, day: 1)!

    public init(seeds: Seeds, slowCase: Double = 10, lastCasePath: String? = nil) throws {
        self.seeds = seeds
        self.slowCase = slowCase
        self.lastCasePath = lastCasePath
        rules = try RuleSetReader.load("childrens-social-care", relativeTo: nil)
    }

    /// Runs cases from `seed` until `cases` have run or `seconds` have passed.
    public mutating func run(
        seed: UInt64, cases: Int = .max, seconds: Double = .infinity, progress: ((_ cases: Int, _ failures: Int) -> Void)? = nil
    ) {
        var mutator = Mutator(seed: seed)
        let start = Date()
        var done = 0
        while done < cases, Date().timeIntervalSince(start) < seconds {
            let target = Target.allCases[done % Target.allCases.count]
            runCase(target, mutator: &mutator)
            done += 1
            if done % 500 == 0 { progress?(done, failures.count) }
        }
    }

    /// Runs one input against a target, as the fuzzer does (for replaying saved cases).
    public mutating func replay(_ target: Target, _ input: [UInt8], partner: [UInt8]? = nil) {
        check(target, input, partner: partner)
    }

    mutating func runCase(_ target: Target, mutator: inout Mutator) {
        let all = seeds.structuresYAML + seeds.structuresCSV + seeds.rules + seeds.mappings + seeds.extracts
        switch target {
        case .structureYAML: check(target, mutator.mutate(mutator.pick(seeds.structuresYAML), others: all))
        case .structureCSV: check(target, mutator.mutate(mutator.pick(seeds.structuresCSV), others: all))
        case .rules: check(target, mutator.mutate(mutator.pick(seeds.rules), others: all))
        case .mapping: check(target, mutator.mutate(mutator.pick(seeds.mappings), others: all))
        case .extract:
            let mapping = mutator.chance(20) ? mutator.mutate(seeds.mappings[0], others: all) : seeds.mappings[0]
            check(target, mutator.mutate(mutator.pick(seeds.extracts), others: all), partner: mapping)
        case .organogram:
            let pair = mutator.pick(seeds.organograms)
            let (senior, junior) =
                mutator.chance(50)
                ? (mutator.mutate(pair.senior, others: all), pair.junior) : (pair.senior, mutator.mutate(pair.junior, others: all))
            check(target, senior, partner: junior)
        case .redaction: check(target, mutator.mutate(mutator.pick(seeds.redactionProfiles), others: all))
        }
    }

    mutating func check(_ target: Target, _ input: [UInt8], partner: [UInt8]? = nil) {
        if let lastCasePath {
            try? Data(input).write(to: URL(fileURLWithPath: lastCasePath + "." + target.rawValue))
            if let partner { try? Data(partner).write(to: URL(fileURLWithPath: lastCasePath + "." + target.rawValue + ".partner")) }
        }
        let start = Date()
        var problems: [String] = []
        let outcome = CaseRun(fuzzer: self, problems: { problems.append($0) }).run(target, input, partner: partner)
        let seconds = Date().timeIntervalSince(start)
        if seconds > slowCase { problems.append("took \(String(format: "%.1f", seconds)) s (a hang?)") }
        let final: Outcome = problems.isEmpty ? outcome : .failed
        runs[target, default: [:]][final, default: 0] += 1
        for problem in problems { failures.append(Failure(target: target, input: input, problem: problem)) }
    }

    /// Runs per target and outcome, one line each.
    public var summary: String {
        Target.allCases.map { target in
            let counts = runs[target] ?? [:]
            return
                "\(target.rawValue): \(counts.values.reduce(0, +)) runs, \(counts[.accepted] ?? 0) accepted, \(counts[.refused] ?? 0) refused, \(counts[.failed] ?? 0) failed"
        }.joined(separator: "\n")
    }
}
