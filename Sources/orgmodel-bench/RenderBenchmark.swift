import Foundation
import GraphvizRender
import OrgChart
import OrgModel
import OrgSupport

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
        try writeInput(try StructureCSVWriter().write(structure), to: file)
        let svg = scratch.appendingPathComponent("render-\(chartPosts).svg")

        let chart = try Measurement.inChild("render-chart", [file.path, svg.path])
        printResult(
            "render a \(structure.posts.count)-post chart to SVG (load, check, DOT, layout, write)",
            seconds: chart.seconds, target: 1.5, peakMiB: chart.peakMiB, note: chart.note)

        let dotFile = scratch.appendingPathComponent("render-\(chartPosts).dot")
        let versus = try Measurement.inChild("render-versus-dot", [file.path, dotFile.path], runs: 1, warmUp: false)
        // The child reports the in-process median as seconds and the ratio in its note.
        print("in-process SVG vs dot -Tsvg on the same DOT (median of \(repeats)): \(versus.note)")

        let small = StructureGenerator(posts: memoryPosts, seed: seed).generate()
        let smallFile = scratch.appendingPathComponent("render-\(memoryPosts).csv")
        try writeInput(try StructureCSVWriter().write(small), to: smallFile)
        let memory = try Measurement.inChild("render-memory", [smallFile.path], runs: 1, warmUp: false)
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
        let boxes = text.split(separator: "\n").filter {
            $0.contains(" [id=\"") && !$0.contains(" -> ") && !$0.contains("\"orgchart")
        }.count
        return (text, boxes)
    }

    /// Load, check, describe, lay out and write: the whole of `orgmodel render FILE -o X.svg`.
    static func chart(_ arguments: [String]) throws {
        guard arguments.count == 2 else { throw BenchmarkFailure("render-chart needs FILE OUTPUT") }
        let start = DispatchTime.now().uptimeNanoseconds
        let ((text, boxes), describe) = try Measurement.time { try dotText(arguments[0]) }
        let (bytes, layout) = try Measurement.time { try GraphvizRenderer.render(dot: text, format: .svg) }
        let (_, write) = try Measurement.time { try OutputFile.write(bytes, to: arguments[1]) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        Measurement.report(
            seconds: seconds,
            note: String(
                format: "%d boxes; load+check+DOT %.3f s, Graphviz %.3f s, write %.3f s, %d KB", boxes, describe, layout,
                write, bytes.count / 1024))
    }

    /// In-process rendering against the `dot` program on the same DOT text.
    ///
    /// Compared by CPU time (user + system; for `dot`, the child's), which a busy machine
    /// disturbs far less than wall-clock time; wall-clock medians are printed too.
    static func versusDot(_ arguments: [String]) throws {
        guard arguments.count == 2 else { throw BenchmarkFailure("render-versus-dot needs FILE DOTFILE") }
        let (text, boxes) = try dotText(arguments[0])
        try Data(text.utf8).write(to: URL(fileURLWithPath: arguments[1]))
        // One untimed render each, so plugin loading and the page cache favour neither.
        let reference = try GraphvizRenderer.render(dot: text, format: .svg)
        try runDot(arguments[1])
        var inProcess: [(wall: Double, cpu: Double)] = []
        var program: [(wall: Double, cpu: Double)] = []
        for _ in 0..<repeats {
            let cpuBefore = cpuSeconds(selfUsage)
            let (bytes, wall) = try Measurement.time { try GraphvizRenderer.render(dot: text, format: .svg) }
            inProcess.append((wall, cpuSeconds(selfUsage) - cpuBefore))
            guard bytes == reference else { throw BenchmarkFailure("in-process SVG differs between renders") }
            let childBefore = cpuSeconds(childrenUsage)
            let dotWall = try Measurement.time { try runDot(arguments[1]) }.1
            program.append((dotWall, cpuSeconds(childrenUsage) - childBefore))
        }
        let cpuRatio = median(inProcess.map(\.cpu)) / median(program.map(\.cpu))
        Measurement.report(
            seconds: median(inProcess.map(\.wall)),
            note: String(
                format: "%d boxes: CPU in-process %.3f s, dot -Tsvg %.3f s, ratio %.2f (target ≤ 1.10); wall %.3f s vs %.3f s",
                boxes, median(inProcess.map(\.cpu)), median(program.map(\.cpu)), cpuRatio, median(inProcess.map(\.wall)),
                median(program.map(\.wall))) + (cpuRatio <= 1.10 ? "  ok" : "  MISSED"))
    }

    /// User plus system CPU seconds of this process or of its finished children.
    #if os(Linux)
        static let selfUsage = RUSAGE_SELF.rawValue
        static let childrenUsage = RUSAGE_CHILDREN.rawValue
    #else
        static let selfUsage = RUSAGE_SELF
        static let childrenUsage = RUSAGE_CHILDREN
    #endif

    static func cpuSeconds(_ who: Int32) -> Double {
        var usage = rusage()
        getrusage(who, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Resident memory after each stage of many renders of one chart: flat means no leak.
    ///
    /// Run twice: on the chart itself, and on the same posts with plain quoted labels. The
    /// second isolates the wrapper (every C resource freed: it must stay flat); the first
    /// adds Graphviz 2.43's own loss of about 85 bytes per line of an HTML-like label
    /// (more for a bold or italic line), which no caller can free.
    static func memory(_ arguments: [String]) throws {
        guard let path = arguments.first else { throw BenchmarkFailure("render-memory needs FILE") }
        let (chart, boxes) = try dotText(path)
        let structure = try StructureFile.load(path)
        var plain = "digraph plain {\n  node [shape=box];\n"
        var position: [PostID: Int] = [:]
        for (number, post) in structure.posts.enumerated() {
            position[post.id] = number
            plain += "  n\(number) [label=\(DOTText.quoted(post.displayTitle))];\n"
        }
        for (number, post) in structure.posts.enumerated() {
            if let boss = post.reportsTo.flatMap({ position[$0] }) { plain += "  n\(boss) -> n\(number);\n" }
        }
        plain += "}\n"
        let start = DispatchTime.now().uptimeNanoseconds
        let wrapper = try growth(plain)
        let html = try growth(chart)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        Measurement.report(
            seconds: seconds,
            note: String(
                format: "plain labels (%d posts): growth from render 20 to %d: %.1f MiB", structure.posts.count, memoryRenders,
                wrapper.growth)
                + (wrapper.growth <= 1 ? "  ok (flat)" : "  MISSED (grows)") + " [" + wrapper.trace + "]; "
                + String(
                    format: "the chart (%d boxes, HTML labels): %.1f MiB, %.0f KiB a render", boxes, html.growth,
                    html.growth * 1024 / Double(memoryRenders - 20))
                + " [" + html.trace + "]")
    }

    /// VmRSS over `memoryRenders` renders of `text`, and its growth after the first 20.
    static func growth(_ text: String) throws -> (growth: Double, trace: String) {
        var samples: [(Int, Double)] = []
        for render in 1...memoryRenders {
            _ = try GraphvizRenderer.render(dot: text, format: .svg)
            if [1, 20, 50, 100, 150, memoryRenders].contains(render) {
                samples.append((render, Measurement.residentMiB()))
            }
        }
        let warm = samples.first { $0.0 == 20 }?.1 ?? 0
        let trace = samples.map { String(format: "%d:%.1f", $0.0, $0.1) }.joined(separator: " ")
        return ((samples.last?.1 ?? 0) - warm, trace)
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
