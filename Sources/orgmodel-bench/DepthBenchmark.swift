import Foundation
import OrgModel

/// Issue 10's depth target: a chain of N posts (each reporting to the one before) costs no
/// more than twice a star of N posts (one manager, everyone else reporting to it), in time
/// and in peak memory, for `validate`, `compare` and `delayer`. N is `--posts` (default
/// 1,000,000).
///
/// Each is the built `orgmodel` run as a whole process (wall time and peak resident memory
/// from `wait4`), on CSV inputs. `compare` sets each shape against itself with one post
/// retitled half way down (a small change, the same for both shapes); `delayer` writes its
/// three options to a scratch folder. The chain has two findings a post (one-over-one and
/// manager-without-tier), the star none: the ratio is what depth and its findings cost.
enum DepthBenchmark {
    static func run(scratch: URL, posts: Int, runs: Int) throws {
        let tool = try BenchmarkPaths.tool()
        var files: [String: (current: URL, changed: URL)] = [:]
        for shape in ["chain", "star"] {
            let current = scratch.appendingPathComponent("\(shape)-\(posts).csv")
            let changed = scratch.appendingPathComponent("\(shape)-\(posts)-retitled.csv")
            try writeInput(structure(shape, posts: posts, retitled: false), to: current)
            try writeInput(structure(shape, posts: posts, retitled: true), to: changed)
            files[shape] = (current, changed)
        }
        print("\(posts) posts; whole processes, median of \(runs) after a warm-up; chain ÷ star (target ≤ 2)")
        let commands: [(name: String, arguments: (String, (current: URL, changed: URL)) -> [String], exitCodes: [Int32])] = [
            ("validate", { _, file in ["validate", file.current.path] }, [0, 1]),
            ("compare", { _, file in ["compare", file.current.path, file.changed.path] }, [0]),
            (
                "delayer",
                { shape, file in
                    ["delayer", file.current.path, "-o", scratch.appendingPathComponent("\(shape)-options").path]
                }, [0]
            ),
        ]
        for command in commands {
            var measured: [String: Measurement] = [:]
            for shape in ["chain", "star"] {
                let folder = scratch.appendingPathComponent("\(shape)-options")
                measured[shape] = try ChartbookBenchmark.whole(
                    tool, command.arguments(shape, files[shape]!), runs: runs, exitCodes: command.exitCodes
                ) { try? FileManager.default.removeItem(at: folder) }
            }
            let chain = measured["chain"]!
            let star = measured["star"]!
            let timeRatio = chain.seconds / star.seconds
            let cpuRatio = chain.cpuSeconds / star.cpuSeconds
            let memoryRatio = chain.peakMiB / star.peakMiB
            let met = timeRatio <= 2 && memoryRatio <= 2
            print(
                String(
                    format: "%@: chain %.2f s (CPU %.2f s), %.0f MiB; star %.2f s (CPU %.2f s), %.0f MiB; "
                        + "ratio %.2f× time (CPU %.2f×), %.2f× memory  %@",
                    command.name, chain.seconds, chain.cpuSeconds, chain.peakMiB, star.seconds, star.cpuSeconds,
                    star.peakMiB, timeRatio, cpuRatio, memoryRatio, met ? "ok" : "MISSED"))
        }
    }

    /// The CSV text of a chain or a star of `posts` posts: P0 at tier 2, the rest without a
    /// tier; `retitled` changes the title of the post half way down.
    static func structure(_ shape: String, posts: Int, retitled: Bool) throws -> String {
        let changed = posts / 2
        let list = (0..<max(1, posts)).map { number in
            Post(
                id: PostID("P\(number)"),
                title: "Post \(number)" + (retitled && number == changed && number > 0 ? " retitled" : ""),
                tier: number == 0 ? 2 : nil,
                reportsTo: number == 0 ? nil : PostID(shape == "chain" ? "P\(number - 1)" : "P0"))
        }
        let structure = Structure(
            name: "Depth \(shape)", organisation: "Benchmark", state: .current, effective: Day(year: 2026, month: 1, day: 1),
            rules: "childrens-social-care", posts: list)
        return try StructureCSVWriter().write(structure)
    }
}
