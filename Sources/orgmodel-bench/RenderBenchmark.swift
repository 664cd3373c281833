// Needs orgmodel-bench to depend on OrgChart and GraphvizRender; until Package.swift says
// so, the suite compiles to nothing rather than racing the build of those modules.
#if canImport(GraphvizRender) && canImport(OrgChart)
import Foundation
import GraphvizRender
import OrgChart
import OrgModel

/// Issue 3's targets: a 2,000-post management chart to SVG in ≤ 1.5 s; in-process
/// rendering within 10 % of `dot -Tsvg` on the same DOT text; resident memory flat across
/// 200 consecutive renders. Each is measured in a child process (`--child render-…`).
///
/// `/usr/bin/dot` is run here only, as the yardstick; `orgmodel` itself never runs it.
enum RenderBenchmark {
    /// The child steps this suite runs (`--child STEP`).
    static let steps = ["render-chart", "render-versus-dot", "render-memory"]
    static let chartPosts = 2_000
    static let memoryPosts = 500
    static let memoryRenders = 200
    static let repeats = 5

    static func run(scratch: URL, seed: UInt64) throws {
        let structure = StructureGenerator(posts: chartPosts, seed: seed).generate()
        let file = scratch.appendingPathComponent("render-\(chartPosts).csv")
        try Data(try StructureCSVWriter().write(structure).utf8).write(to: file)
        let svg = scratch.appendingPathComponent("render-\(chartPosts).svg")

        let chart = try Measurement.inChild("render-chart", [file.path, svg.path])
        printResult(
            "render a \(structure.posts.count)-post chart to SVG (load, check, DOT, layout, write)",
            seconds: chart.seconds, target: 1.5, peakMiB: chart.peakMiB, note: chart.note)

        let dotFile = scratch.appendingPathComponent("render-\(chartPosts).dot")
        let versus = try Measurement.inChild("render-versus-dot", [file.path, dotFile.path])
        // The child reports the in-process median as seconds and the ratio in its note.
        print("in-process SVG vs dot -Tsvg on the same DOT (median of \(repeats)): \(versus.note)")

        let small = StructureGenerator(posts: memoryPosts, seed: seed).generate()
        let smallFile = scratch.appendingPathComponent("render-\(memoryPosts).csv")
        try Data(try StructureCSVWriter().write(small).utf8).write(to: smallFile)
        let memory = try Measurement.inChild("render-memory", [smallFile.path])
        print("resident memory over \(memoryRenders) renders of a \(small.posts.count)-post chart: \(memory.note)")
    }

    /// The measured steps.
    static func child(_ step: String, _ arguments: [String]) throws {
        switch step {
        case "render-chart": try chart(arguments)
        case "render-versus-dot": try versusDot(arguments)
        case "render-memory": try memory(arguments)
        default: throw BenchmarkFailure("unknown render step \(step)")
        }
    }

    /// The chart's DOT text, as `orgmodel render` makes it.
    static func dotText(_ path: String) throws -> (text: String, boxes: Int) {
        let structure = try StructureFile.load(path)
        let rules = try RuleSetReader.ruleSet(for: structure)
        let result = Validator(rules: rules, asOf: Day(year: 2026, month: 1, day: 1)!).validate(structure)
        let text = try StructureChart.dot(result)
        let boxes = text.split(separator: "\n").filter { $0.contains(" [id=\"") && !$0.contains("orgchart") }.count
        return (text, boxes)
    }

    /// Load, check, describe, lay out and write: the whole of `orgmodel render FILE -o X.svg`.
    static func chart(_ arguments: [String]) throws {
        guard arguments.count == 2 else { throw BenchmarkFailure("render-chart needs FILE OUTPUT") }
        let start = DispatchTime.now().uptimeNanoseconds
        let ((text, boxes), describe) = try Measurement.time { try dotText(arguments[0]) }
        let (bytes, layout) = try Measurement.time { try GraphvizRenderer.render(dot: text, format: .svg) }
        let (_, write) = try Measurement.time { try GraphvizRenderer.write(bytes, to: URL(fileURLWithPath: arguments[1])) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        Measurement.report(
            seconds: seconds,
            note: String(
                format: "%d boxes; load+check+DOT %.3f s, Graphviz %.3f s, write %.3f s, %d KB", boxes, describe, layout,
                write, bytes.count / 1024))
    }

    /// In-process rendering against the `dot` program on the same DOT text.
    static func versusDot(_ arguments: [String]) throws {
        guard arguments.count == 2 else { throw BenchmarkFailure("render-versus-dot needs FILE DOTFILE") }
        let (text, boxes) = try dotText(arguments[0])
        try Data(text.utf8).write(to: URL(fileURLWithPath: arguments[1]))
        // One untimed render each, so plugin loading and the page cache favour neither.
        let reference = try GraphvizRenderer.render(dot: text, format: .svg)
        try runDot(arguments[1])
        var inProcess: [Double] = []
        var program: [Double] = []
        for _ in 0..<repeats {
            let (bytes, seconds) = try Measurement.time { try GraphvizRenderer.render(dot: text, format: .svg) }
            guard bytes == reference else { throw BenchmarkFailure("in-process SVG differs between renders") }
            inProcess.append(seconds)
            program.append(try Measurement.time { try runDot(arguments[1]) }.1)
        }
        let ours = median(inProcess)
        let theirs = median(program)
        let ratio = ours / theirs
        Measurement.report(
            seconds: ours,
            note: String(
                format: "%d boxes: in-process %.3f s, dot -Tsvg %.3f s, ratio %.2f (target ≤ 1.10)", boxes, ours, theirs,
                ratio) + (ratio <= 1.10 ? "  ok" : "  MISSED"))
    }

    /// Resident memory after each stage of many renders of one chart: flat means no leak.
    static func memory(_ arguments: [String]) throws {
        guard let path = arguments.first else { throw BenchmarkFailure("render-memory needs FILE") }
        let (text, boxes) = try dotText(path)
        var samples: [(Int, Double)] = []
        let start = DispatchTime.now().uptimeNanoseconds
        for render in 1...memoryRenders {
            _ = try GraphvizRenderer.render(dot: text, format: .svg)
            if [1, 20, 50, 100, 150, memoryRenders].contains(render) {
                samples.append((render, Measurement.residentMiB()))
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        // Growth after warming up (the first renders load plugins and fonts).
        let warm = samples.first { $0.0 == 20 }?.1 ?? 0
        let last = samples.last?.1 ?? 0
        let growth = last - warm
        let trace = samples.map { String(format: "%d:%.1f", $0.0, $0.1) }.joined(separator: " ")
        Measurement.report(
            seconds: seconds,
            note: String(
                format: "%d boxes; growth from render 20 to %d: %.1f MiB", boxes, memoryRenders, growth)
                + (growth <= 2 ? "  ok (flat)" : "  MISSED (grows)") + "; VmRSS MiB after render " + trace)
    }

    @discardableResult
    static func runDot(_ dotFile: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
        process.arguments = ["-Tsvg", "-o", "/dev/null", dotFile]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchmarkFailure("dot -Tsvg exited \(process.terminationStatus)") }
        return process.terminationStatus
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
    }
}
#endif
