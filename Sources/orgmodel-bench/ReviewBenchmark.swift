import Foundation
import OrgModel

/// Issue 12's targets: `review` of the county structure with its three `delayer` options
/// in ≤ 5 s, and of two generated 10,000-post structures in ≤ 10 s. Each is the built
/// `orgmodel` run as a whole process (wall time and peak memory from `wait4`), and once
/// more with `ORGMODEL_TIMINGS=1` for the split it prints: planning (and its trial
/// layouts), the pages' DOT text, their layout and drawing to PDF and SVG, finishing the
/// PDFs (fonts and bookmarks), and the files written.
enum ReviewBenchmark {
    static func run(scratch: URL, seed: UInt64) throws {
        let tool = try BenchmarkPaths.tool()
        let structures = BenchmarkPaths.structures
        let current = structures.appendingPathComponent("county-childrens-social-care-current.yaml").path
        let options = scratch.appendingPathComponent("county-options")
        _ = try ChartbookBenchmark.once(tool, ["delayer", current, "-o", options.path])
        let optionFiles = try FileManager.default.contentsOfDirectory(atPath: options.path).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { options.appendingPathComponent($0).path }
        try measure(
            "review of the county structure with its \(optionFiles.count) delayer options (whole process)", tool: tool,
            arguments: ["review", current] + optionFiles + ["-o", scratch.appendingPathComponent("county-options-review").path],
            runs: 3, target: 5, scratch: scratch)

        // Two unrelated structures: every post is moved, deleted or created, the hardest pair.
        var files: [String] = []
        for (number, seed) in [seed, seed + 1].enumerated() {
            let structure = StructureGenerator(posts: 10_000, seed: seed).generate()
            let file = scratch.appendingPathComponent("review-\(number + 1).yaml")
            try writeInput(StructureYAMLWriter().write(structure), to: file)
            files.append(file.path)
        }
        try measure(
            "review of two generated 10,000-post structures (whole process)", tool: tool,
            arguments: ["review"] + files + ["-o", scratch.appendingPathComponent("review-10000").path], runs: 3, target: 10,
            scratch: scratch)
    }

    /// Measures a review as a whole process, then runs it once more for its split. Each run
    /// writes a new pack (the last argument, numbered), as a user making a review would, and
    /// none is removed until the suite ends: on a file system without a journal, ext4 hands
    /// out new files slowly for a while after many were deleted or replaced (a pack written
    /// over its last copy took 0.9–2.3 s to write rather than 0.35 s here), which is the
    /// file system's doing, not the review's.
    static func measure(_ what: String, tool: URL, arguments: [String], runs: Int, target: Double, scratch: URL) throws {
        var run = 0
        func fresh() -> [String] {
            run += 1
            return arguments.dropLast() + ["\(arguments.last ?? "review")-\(run)"]
        }
        _ = try ChartbookBenchmark.once(tool, fresh(), exitCodes: [0, 1])
        var measured: [Measurement] = []
        for _ in 0..<runs { measured.append(try ChartbookBenchmark.once(tool, fresh(), exitCodes: [0, 1])) }
        measured.sort { $0.seconds < $1.seconds }
        let median = measured[measured.count / 2]
        let peak = measured.map(\.peakMiB).max() ?? median.peakMiB
        let log = scratch.appendingPathComponent("review-timings.txt")
        let last = fresh()
        let split = try ChartbookBenchmark.inProcessSplit(tool, last, exitCodes: [0, 1], log: log)
        let pages = (try? FileManager.default.contentsOfDirectory(atPath: last.last ?? ""))?.filter { $0.hasSuffix(".svg") }.count ?? 0
        let spread = String(format: "median of %d, %.2f–%.2f s", runs, measured[0].seconds, measured[measured.count - 1].seconds)
        printResult(
            what, seconds: median.seconds, target: target, peakMiB: peak, note: spread + "; \(pages) page SVGs; in-process: " + split)
    }
}
