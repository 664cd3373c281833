import Foundation
import GraphvizRender
import OrgChart
import OrgModel

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 9's targets: a whole chartbook of a generated 10,000-post structure in ≤ 10 s and
/// of a 100,000-post one in ≤ 100 s; the county review in ≤ 5 s. Measured as the user
/// waits: the built `orgmodel` run as a whole process (wall time and peak memory from
/// `wait4`), beside the in-process split (load and check, plan, draw the pages, join the
/// PDF) from a child step.
enum ChartbookBenchmark {
    static let steps = ["chartbook-split"]

    static func run(scratch: URL, seed: UInt64, large: Bool) throws {
        let tool = try BenchmarkPaths.tool()
        let structures = BenchmarkPaths.structures
        let review = try whole(
            tool,
            [
                "review", structures.appendingPathComponent("county-childrens-social-care-current.yaml").path,
                structures.appendingPathComponent("county-childrens-social-care-proposed.yaml").path,
                "-o", scratch.appendingPathComponent("county-review").path,
            ], runs: 3)
        printResult(
            "review of the county pair (4 chartbooks, PDF and page SVGs; whole process)", seconds: review.seconds, target: 5,
            peakMiB: review.peakMiB, note: review.note)

        for (posts, target) in large ? [(10_000, 10.0), (100_000, 100.0)] : [(10_000, 10.0)] {
            let structure = StructureGenerator(posts: posts, seed: seed).generate()
            let file = scratch.appendingPathComponent("chartbook-\(posts).yaml")
            try writeInput(StructureYAMLWriter().write(structure), to: file)
            let pdf = scratch.appendingPathComponent("chartbook-\(posts).pdf")
            let measured = try whole(tool, ["render", file.path, "-o", pdf.path], runs: posts > 20_000 ? 1 : 3)
            let split = try Measurement.inChild("chartbook-split", [file.path], runs: 1, warmUp: false)
            printResult(
                "chartbook of a \(structure.posts.count)-post structure to PDF (whole process)", seconds: measured.seconds,
                target: target, peakMiB: measured.peakMiB, note: measured.note + "; in-process: " + split.note)
        }
    }

    /// Runs `tool` with `arguments` `runs` times after a warm-up and gives the median wall
    /// time and the largest peak resident memory. Any exit code outside `exitCodes` is a
    /// failure; `before` runs before each run (e.g. to clear its output); standard output
    /// goes to `output` (else nowhere).
    static func whole(
        _ tool: URL, _ arguments: [String], runs: Int, exitCodes: [Int32] = [0], output: URL? = nil, before: () -> Void = {}
    ) throws -> Measurement {
        before()
        _ = try once(tool, arguments, exitCodes: exitCodes, output: output)
        var measured: [Measurement] = []
        for _ in 0..<runs {
            before()
            measured.append(try once(tool, arguments, exitCodes: exitCodes, output: output))
        }
        measured.sort { $0.seconds < $1.seconds }
        var median = measured[measured.count / 2]
        // The peak is the largest run's, and so is what is said of it.
        let largest = measured.max { $0.peakMiB < $1.peakMiB } ?? median
        median.peakMiB = largest.peakMiB
        median.note =
            String(format: "median of %d, %.2f–%.2f s", runs, measured[0].seconds, measured[measured.count - 1].seconds)
            + (largest.note.isEmpty ? "" : "; " + largest.note)
        return median
    }

    /// One whole run: wall seconds and the child's own peak resident memory. With
    /// `output` or `errors`, standard output or standard error goes to that file (else
    /// nowhere), and `environment` is added to the child's.
    static func once(
        _ tool: URL, _ arguments: [String], exitCodes: [Int32] = [0], output: URL? = nil, errors: URL? = nil,
        environment: [String] = []
    ) throws -> Measurement {
        var pid: pid_t = 0
        let argv = ([tool.path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var inherited: [String] = []
        var entry = environ
        while let pointer = entry.pointee {
            inherited.append(String(cString: pointer))
            entry += 1
        }
        let envp = (inherited + environment).map { strdup($0) } + [nil]
        defer { for pointer in envp { free(pointer) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output?.path ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errors?.path ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        // Linux counts this process's peak towards the child's at exec (measured: a 500 MB
        // parent gives `/bin/true` a 513 MiB ru_maxrss), so a child's figure no higher than
        // this one's says only that the child's own peak is at most that.
        let ownPeak = Measurement.peakResidentMiB()
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&pid, tool.path, &actions, nil, argv, envp) == 0 else {
            throw BenchmarkFailure("could not start \(tool.path)")
        }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        // A normal exit has no signal number in the low 7 bits; its code is the next byte.
        guard status & 0x7F == 0, exitCodes.contains((status >> 8) & 0xFF) else {
            throw BenchmarkFailure("\(arguments.first ?? "") exited with status \(status)")
        }
        // ru_maxrss is in KiB on Linux.
        let cpu =
            Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        let peak = Double(usage.ru_maxrss) / 1024
        let note =
            peak <= ownPeak + 1
            ? String(format: "peak no higher than orgmodel-bench's own %.0f MiB, counted for a child at exec", ownPeak) : ""
        return Measurement(seconds: seconds, peakMiB: peak, note: note, cpuSeconds: cpu)
    }

    /// Runs `tool` once more with `ORGMODEL_TIMINGS=1` and gives the in-process split it
    /// prints to standard error (its `timing PHASE: …` lines, joined), or "" when it prints
    /// none. A run of its own, so that keeping the timings costs the measured runs nothing.
    static func inProcessSplit(
        _ tool: URL, _ arguments: [String], exitCodes: [Int32] = [0], output: URL? = nil, log: URL
    ) throws -> String {
        _ = try once(tool, arguments, exitCodes: exitCodes, output: output, errors: log, environment: ["ORGMODEL_TIMINGS=1"])
        return timingLines(try String(contentsOf: log, encoding: .utf8))
    }

    /// The `timing PHASE: …` lines of a command's standard error, without the word
    /// `timing`, joined with semicolons; "" when there are none.
    static func timingLines(_ errors: String) -> String {
        errors.split(separator: "\n").filter { $0.hasPrefix("timing ") }.map { $0.dropFirst("timing ".count) }
            .joined(separator: "; ")
    }

    static func child(_ step: String, _ arguments: [String]) throws {
        guard step == "chartbook-split", let path = arguments.first else { throw BenchmarkFailure("usage: --child chartbook-split FILE") }
        let (result, load) = try Measurement.time { () throws -> ValidationResult in
            let structure = try StructureFile.load(path)
            let rules = try RuleSetReader.ruleSet(for: structure)
            return Validator(rules: rules, asOf: Day(year: 2026, month: 1, day: 1)!).validate(structure)
        }
        let print = PrintSettings()
        let options = ChartOptions()
        // As `render` plans and draws: trial boxes standing in for their labels, pages at
        // whole-hundredth scales.
        let sizing = Chartbook.LabelSizing(sizes: { try SizedLabels.sizes(of: $0, nodeDefaults: $1) }, standIn: SizedLabels.standIn)
        let (book, plan) = try Measurement.time {
            try Chartbook.plan(
                result, options: options, print: print,
                measure: { dot in
                    let size = try GraphvizRenderer.measure(dot: dot)
                    return (size.width, size.height)
                }, sizing: sizing)
        }
        let link = PageLink(stem: "book", ext: "svg", pages: book.pageCount)
        let chartbook = PDFChartbook()
        let bookPage = GraphvizRenderer.BookPage(
            book: chartbook,
            paper: { size in
                let sheet = print.sheet(width: size.width, height: size.height)
                return DrawingSize(width: sheet.width, height: sheet.height)
            }, destination: { _ in nil })
        let (_, draw) = try Measurement.time {
            for number in 1...book.pageCount {
                let text = try book.dot(page: number, kind: .single, options: options, link: link)
                _ = try GraphvizRenderer.renderPage(dot: text, formats: [.pdf], book: bookPage) { size in
                    print.steadyScale(
                        print.fit(width: size.width, height: size.height).scale, smallestType: book.smallestType(page: number))
                }
            }
        }
        let (_, join) = try Measurement.time { try chartbook.finish(outline: []) }
        Measurement.report(
            seconds: load + plan + draw + join,
            note: String(
                format: "%d pages; load and check %.2f s, plan %.2f s, draw %.2f s, finishing the PDF %.2f s", book.pageCount, load, plan,
                draw, join))
    }
}
