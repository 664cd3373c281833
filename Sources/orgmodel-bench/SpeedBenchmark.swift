import Foundation
import OrgModel

/// Issue 13's targets, as the user waits: the built `orgmodel` run as a whole process on
/// one generated CSV of `--posts` rows (default 1,000,000), wall time and peak resident
/// memory from `wait4`, the median of `--runs` after a warm-up, each output written to a
/// file in scratch. Beside each figure, the in-process split the command prints with
/// `ORGMODEL_TIMINGS=1`; where it prints none, the library's split from this benchmark's
/// child step. The polars and networkx peers run on the same file in the same run: their
/// ratios to `analyse --format csv`, and whether their per-post CSVs match orgmodel's.
enum SpeedBenchmark {
    static func run(scratch: URL, posts: Int, seed: UInt64, runs: Int, large: Bool) throws {
        let python = Peer.python()
        let source = StructureSource.find(python: python)
        let file = scratch.appendingPathComponent("speed-\(posts).csv")
        let rows = try source.write(posts: posts, seed: seed, to: file)
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        print("\(rows)-post CSV (\(size / 1_000_000) MB) from \(source)")
        print("whole processes, median of \(runs) after a warm-up, output to files; the machine is shared, so figures vary run to run")
        let speed = try SpeedRun(scratch: scratch, runs: runs)

        let validate = try speed.measure(
            "validate \(rows) posts --format json", ["validate", file.path, "--format", "json"], exitCodes: [0, 1],
            output: "validate.json", target: 1.0, memoryTarget: 400, librarySplit: ("validate", [file.path]))
        _ = try speed.measure(
            "analyse \(rows) posts --format json", ["analyse", file.path, "--format", "json"], output: "analyse.json", target: 1.2,
            librarySplit: ("analyse", [file.path]))
        let analyseCSV = try speed.measure(
            "analyse \(rows) posts --format csv", ["analyse", file.path, "--format", "csv"], output: "analyse.csv", target: 1.2,
            librarySplit: ("analyse", [file.path]))
        for peer in [Peer.polars, try Peer.networkx(scratch: scratch)] {
            try measurePeer(peer, python: python, file: file, against: analyseCSV, speed: speed)
        }

        let proposed = scratch.appendingPathComponent("speed-\(posts)-proposed.csv")
        _ = try inChild("speed-proposal", [file.path, proposed.path], scratch: scratch)
        let proposedRows = try StructureSource.rows(of: proposed)
        _ = try speed.measure(
            "compare \(rows) posts with a \(proposedRows)-post proposal (the delayer's last option)",
            ["compare", file.path, proposed.path], output: "compare.txt", target: 2, librarySplit: ("compare", [file.path, proposed.path]))
        let options = scratch.appendingPathComponent("speed-options")
        _ = try speed.measure(
            "delayer \(rows) posts -o DIR", ["delayer", file.path, "-o", options.path], output: "delayer.txt", target: 3,
            librarySplit: ("delayer", [file.path, scratch.appendingPathComponent("speed-options-library").path])
        ) { try? FileManager.default.removeItem(at: options) }

        if large {
            let bigFile = scratch.appendingPathComponent("speed-\(posts * 3).csv")
            let bigRows = try source.write(posts: posts * 3, seed: seed, to: bigFile)
            // Linear: three times the posts in at most 3.2 times the time.
            _ = try speed.measure(
                "validate \(bigRows) posts --format json (target 3.2 × the \(rows)-post figure)",
                ["validate", bigFile.path, "--format", "json"], exitCodes: [0, 1], output: "validate-large.json",
                target: 3.2 * validate.seconds, memoryTarget: 1.2 * 1024, librarySplit: ("validate", [bigFile.path]))
            try? FileManager.default.removeItem(at: bigFile)
        }

        let small = scratch.appendingPathComponent("speed-10000.csv")
        let smallRows = try source.write(posts: 10_000, seed: seed, to: small)
        let yaml = scratch.appendingPathComponent("speed-10000.yaml")
        _ = try inChild("convert", [small.path, yaml.path], scratch: scratch)
        _ = try speed.measure(
            "validate \(smallRows)-post YAML", ["validate", yaml.path], exitCodes: [0, 1], output: "validate-yaml.txt",
            target: 0.25, librarySplit: ("validate", [yaml.path]))
    }

    /// Runs a peer on `file` as orgmodel was run, prints its ratio to orgmodel's figure and
    /// whether its per-post CSV is the same as orgmodel's; skips it with a note when it is
    /// missing.
    static func measurePeer(_ peer: Peer, python: URL?, file: URL, against orgmodel: Measurement, speed: SpeedRun) throws {
        let what = "\(peer.module) peer ÷ orgmodel analyse --format csv"
        guard let python, peer.missing(python: python) == nil else {
            print("\(what): skipped, \(peer.missing(python: python) ?? "")")
            return
        }
        let output = speed.scratch.appendingPathComponent("peer-\(peer.module).csv")
        let measured = try ChartbookBenchmark.whole(
            python, [peer.script.path, file.path, "-o", output.path], runs: speed.runs,
            output: speed.scratch.appendingPathComponent("peer-\(peer.module).txt"))
        let ratio = measured.seconds / orgmodel.seconds
        // The target is on wall time, what the user waits; the CPU ratio is steadier on a
        // shared machine.
        print(
            String(
                format: "%@: %.2f× (target ≥ %.1f×)  %@  [CPU %.2f×; %@ %.3f s, CPU %.2f s, peak %.0f MiB; %@]", what, ratio,
                peer.ratioTarget, ratio >= peer.ratioTarget ? "ok" : "MISSED", measured.cpuSeconds / orgmodel.cpuSeconds, peer.module,
                measured.seconds, measured.cpuSeconds, measured.peakMiB, measured.note))
        let ours = speed.scratch.appendingPathComponent("analyse.csv")
        print("  " + (try inChild("compare-outputs", [ours.path, output.path, "orgmodel", peer.module], scratch: speed.scratch)))
    }

    /// Runs this benchmark again as `--child STEP ARGUMENTS…` and gives what it prints.
    /// Work on large files is done there because Linux counts this process's peak memory
    /// towards every child's it starts, the measured ones included.
    static func inChild(_ step: String, _ arguments: [String], scratch: URL) throws -> String {
        let output = scratch.appendingPathComponent("child-\(step).txt")
        let errors = scratch.appendingPathComponent("child-\(step)-errors.txt")
        let benchmark = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        do {
            _ = try ChartbookBenchmark.once(benchmark, ["--child", step] + arguments, output: output, errors: errors)
        } catch {
            throw BenchmarkFailure("\(error): \((try? String(contentsOf: errors, encoding: .utf8)) ?? "")")
        }
        return try String(contentsOf: output, encoding: .utf8).trimmingCharacters(in: .newlines)
    }

    /// `--child speed-proposal CURRENT PROPOSED` writes the delayer's last option for
    /// CURRENT as a proposed structure's CSV; `--child compare-outputs FIRST SECOND NAME
    /// NAME` says whether two per-post CSVs are the same.
    static func child(_ step: String, _ arguments: [String]) throws {
        switch (step, arguments.count) {
        case ("speed-proposal", 2):
            let proposed = try AnalysisBenchmark.proposal(from: try StructureFile.load(arguments[0]))
            try writeStructure(proposed, to: arguments[1])
        case ("compare-outputs", 4):
            let agreement = try OutputAgreement.compare(URL(fileURLWithPath: arguments[0]), URL(fileURLWithPath: arguments[1]))
            print(agreement.describe(arguments[2], arguments[3]))
        default:
            throw BenchmarkFailure("usage: --child speed-proposal CURRENT.csv PROPOSED.csv, or compare-outputs FIRST SECOND NAME NAME")
        }
    }
}

/// The built `orgmodel`, measured as whole processes with outputs in scratch, each figure
/// printed with its target and its in-process split.
final class SpeedRun {
    let tool: URL
    let scratch: URL
    let runs: Int
    /// The library splits already measured, by child step and arguments: `analyse` serves
    /// both its formats.
    private var librarySplits: [[String]: String] = [:]

    init(scratch: URL, runs: Int) throws {
        tool = try BenchmarkPaths.tool()
        self.scratch = scratch
        self.runs = runs
    }

    /// Measures `orgmodel ARGUMENTS` with standard output to the scratch file `output`,
    /// prints the figure, and gives it. `before` runs before each run.
    func measure(
        _ what: String, _ arguments: [String], exitCodes: [Int32] = [0], output: String, target: Double, memoryTarget: Double? = nil,
        librarySplit: (step: String, arguments: [String]), before: () -> Void = {}
    ) throws -> Measurement {
        let outputFile = scratch.appendingPathComponent(output)
        let measured = try ChartbookBenchmark.whole(tool, arguments, runs: runs, exitCodes: exitCodes, output: outputFile, before: before)
        before()
        let log = scratch.appendingPathComponent("speed-timings.txt")
        var split = try ChartbookBenchmark.inProcessSplit(tool, arguments, exitCodes: exitCodes, output: outputFile, log: log)
        if split.isEmpty {
            let key = [librarySplit.step] + librarySplit.arguments
            if librarySplits[key] == nil {
                librarySplits[key] = try Measurement.inChild(librarySplit.step, librarySplit.arguments, runs: 1, warmUp: false).note
            }
            split = "the command prints none; the library's, from orgmodel-bench's child step: " + (librarySplits[key] ?? "")
        }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: outputFile.path)[.size] as? Int) ?? 0
        printResult(
            what, seconds: measured.seconds, target: target, peakMiB: measured.peakMiB, memoryTarget: memoryTarget,
            note: String(
                format: "CPU %.2f s; %@; output %.1f MB; in-process: %@", measured.cpuSeconds, measured.note, Double(bytes) / 1e6, split))
        return measured
    }
}
