import Foundation

// The benchmark program: `swift run -c release orgmodel-bench [SUITE…] [--posts N] [--seed S] [--runs R] [--large] [--keep]`.
// Prints each figure with its target. Measured steps run in child processes (this binary
// with `--child STEP`) so that each peak-memory figure is that step's alone.

var arguments = Array(CommandLine.arguments.dropFirst())

if arguments.first == "--child", arguments.count >= 2 {
    let step = arguments[1]
    let rest = Array(arguments.dropFirst(2))
    do {
        switch step {
        case "validate": try ValidateBenchmark.child(rest)
        case "analyse", "compare", "delayer": try AnalysisBenchmark.child(step, rest)
        case "render-chart", "render-versus-dot", "render-memory": try RenderBenchmark.child(step, rest)
        case "import": try ImportBenchmark.child(rest)
        case "chartbook-split": try ChartbookBenchmark.child(step, rest)
        case "speed-proposal", "compare-outputs": try SpeedBenchmark.child(step, rest)
        case "generate": try generateStructure(rest)
        case "convert": try convertStructure(rest)
        default: throw BenchmarkFailure("unknown child step \(step)")
        }
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("orgmodel-bench: \(error)\n".utf8))
        exit(1)
    }
}

@MainActor func option(_ name: String) -> String? {
    guard let at = arguments.firstIndex(of: name), at + 1 < arguments.count else { return nil }
    let value = arguments[at + 1]
    arguments.removeSubrange(at...(at + 1))
    return value
}

let posts = option("--posts").flatMap(Int.init) ?? 1_000_000
let seed = option("--seed").flatMap(UInt64.init) ?? 42
// Runs of each whole-process measurement in `depth` and `speed` (after a warm-up), median reported.
let runs = option("--runs").flatMap(Int.init) ?? 3
let keep = arguments.contains("--keep")
arguments.removeAll { $0 == "--keep" }
// The 100,000-post chartbook (over a minute) and speed's 3,000,000-post validate (slow to
// set up) run only with --large.
let large = arguments.contains("--large")
arguments.removeAll { $0 == "--large" }
let suites: [(name: String, run: (URL) throws -> Void)] = [
    ("validate", { try ValidateBenchmark.run(scratch: $0, posts: posts, seed: seed) }),
    ("analysis", { try AnalysisBenchmark.run(scratch: $0, posts: posts, seed: seed) }),
    ("render", { try RenderBenchmark.run(scratch: $0, seed: seed) }),
    ("import", { try ImportBenchmark.run(scratch: $0, posts: posts, seed: seed) }),
    ("chartbook", { try ChartbookBenchmark.run(scratch: $0, seed: seed, large: large) }),
    ("review", { try ReviewBenchmark.run(scratch: $0, seed: seed) }),
    ("depth", { try DepthBenchmark.run(scratch: $0, posts: posts, runs: runs) }),
    ("speed", { try SpeedBenchmark.run(scratch: $0, posts: posts, seed: seed, runs: runs, large: large) }),
]
// The depth suite (a million-post chain and star, each command four times) and the speed
// suite (every command and the peers at a million posts, each four times and more) run
// only when asked for by name.
let chosen = arguments.isEmpty ? suites.map(\.name).filter { $0 != "depth" && $0 != "speed" } : arguments
for name in chosen where !suites.contains(where: { $0.name == name }) {
    FileHandle.standardError.write(Data("orgmodel-bench: no suite \(name); suites: \(suites.map(\.name).joined(separator: ", "))\n".utf8))
    exit(64)
}

print("orgmodel-bench: \(ProcessInfo.processInfo.activeProcessorCount) cores, seed \(seed)")
do {
    let scratch = try scratchDirectory()
    defer {
        if keep {
            print("inputs kept in \(scratch.path)")
        } else {
            try? FileManager.default.removeItem(at: scratch)
        }
    }
    for suite in suites where chosen.contains(suite.name) {
        print("== \(suite.name)")
        try suite.run(scratch)
    }
} catch {
    FileHandle.standardError.write(Data("orgmodel-bench: \(error)\n".utf8))
    exit(1)
}
