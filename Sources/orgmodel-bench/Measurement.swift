import Foundation

/// Timing and memory figures for one measured step, taken in a child process so that the
/// set-up (generating and writing the input) does not count towards the peak.
struct Measurement {
    var seconds: Double
    var peakMiB: Double
    /// Anything the step wants to report besides time and memory (e.g. "findings=123").
    var note: String
    /// User and system CPU seconds of a whole-process run (from `wait4`); nan otherwise.
    /// Steadier than wall time on a machine that other work shares.
    var cpuSeconds: Double = .nan

    /// Peak resident memory of this process so far, in MiB (Linux `VmHWM`).
    static func peakResidentMiB() -> Double { statusField("VmHWM:") }

    /// Current resident memory of this process, in MiB (Linux `VmRSS`).
    static func residentMiB() -> Double { statusField("VmRSS:") }

    private static func statusField(_ name: String) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(name) {
            let digits = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return digits / 1024
        }
        return 0
    }

    /// Wall-clock seconds taken by `body`.
    static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    /// Runs this benchmark binary again as `--child STEP ARGS…`, once to warm up and then
    /// `runs` times, and gives the run with the median time, its note saying the spread.
    ///
    /// The warm-up run is not counted: on a machine that has just started, the first
    /// process to use a lot of memory waits for the host to back it (measured: a 1M-post
    /// validate took 1.9 s in the first process after another had used 800 MB, and
    /// 0.84–0.94 s in the next ones).
    static func inChild(_ step: String, _ arguments: [String], runs: Int = 3, warmUp: Bool = true) throws -> Measurement {
        let first = warmUp ? try inChildOnce(step, arguments) : nil
        var measured: [Measurement] = []
        for _ in 0..<max(1, runs) { measured.append(try inChildOnce(step, arguments)) }
        measured.sort { $0.seconds < $1.seconds }
        var median = measured[measured.count / 2]
        if measured.count > 1 {
            var spread = String(
                format: "median of %d runs, %.3f–%.3f s", measured.count, measured[0].seconds, measured[measured.count - 1].seconds)
            if let first { spread += String(format: ", after a warm-up run of %.3f s", first.seconds) }
            median.note = median.note.isEmpty ? spread : "\(spread); \(median.note)"
            median.peakMiB = measured.map(\.peakMiB).max() ?? median.peakMiB
        }
        return median
    }

    /// One run of `--child STEP ARGS…`: reads the figures it prints (a line
    /// `measurement seconds=… peak_mib=… note=…`).
    private static func inChildOnce(_ step: String, _ arguments: [String]) throws -> Measurement {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        process.arguments = ["--child", step] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0,
            let line = output.split(separator: "\n").last(where: { $0.hasPrefix("measurement ") })
        else {
            throw BenchmarkFailure("child step \(step) failed (exit \(process.terminationStatus)): \(output)")
        }
        var fields: [String: String] = [:]
        for part in line.dropFirst("measurement ".count).split(separator: " ", maxSplits: 2) {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2 { fields[String(pair[0])] = String(pair[1]) }
        }
        return Measurement(
            seconds: Double(fields["seconds"] ?? "") ?? .nan, peakMiB: Double(fields["peak_mib"] ?? "") ?? .nan,
            note: fields["note"] ?? "")
    }

    /// Prints the line `inChild` reads; called by a child step when it is done.
    static func report(seconds: Double, note: String = "") {
        print("measurement seconds=\(seconds) peak_mib=\(peakResidentMiB()) note=\(note)")
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// One printed result line: what was measured, the figure, and the target.
func printResult(_ what: String, seconds: Double, target: Double, peakMiB: Double? = nil, memoryTarget: Double? = nil, note: String = "") {
    // A tenth is enough for most targets; 0.25 s needs its hundredths.
    let targetText = String(format: (target * 10).rounded() == target * 10 ? "%.1f" : "%.2f", target)
    var line = "\(what): \(String(format: "%.3f", seconds)) s (target ≤ \(targetText) s)"
    if let peakMiB {
        line += ", peak \(String(format: "%.0f", peakMiB)) MiB"
        if let memoryTarget { line += " (target ≤ \(String(format: "%.0f", memoryTarget)) MiB)" }
    }
    let met = seconds <= target && (peakMiB == nil || memoryTarget == nil || peakMiB! <= memoryTarget!)
    line += met ? "  ok" : "  MISSED"
    if !note.isEmpty { line += "  [\(note)]" }
    print(line)
}

/// Writes a measured step's input file and waits until it is on disk, as a user's file
/// would be, so that the kernel is not still flushing it while the step runs.
func writeInput(_ text: String, to url: URL) throws {
    try Data(text.utf8).write(to: url)
    try waitUntilOnDisk(url)
}

/// Waits until a file written (by this process or another) is on disk.
func waitUntilOnDisk(_ url: URL) throws {
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    try handle.synchronize()
}

/// A scratch folder for generated inputs, removed at exit unless `--keep` is given.
func scratchDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("orgmodel-bench-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Where the benchmarks find what they run: the built `orgmodel` and the bundled structures.
enum BenchmarkPaths {
    /// The release `orgmodel` beside this benchmark; an error saying to build it when missing.
    static func tool() throws -> URL {
        let tool = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("orgmodel")
        guard FileManager.default.isExecutableFile(atPath: tool.path) else {
            throw BenchmarkFailure("no orgmodel beside the benchmark at \(tool.path): build it first (swift build -c release)")
        }
        return tool
    }

    /// The package's checkout.
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The package's `Structures/` folder.
    static let structures = package.appendingPathComponent("Structures")

    /// The peers an analyst would write instead (`shared/peers` beside the checkout), and
    /// the generator the issue's figures were measured on.
    static let peers = package.deletingLastPathComponent().appendingPathComponent("shared/peers")
}
