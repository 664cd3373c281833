import Foundation

/// Timing and memory figures for one measured step, taken in a child process so that the
/// set-up (generating and writing the input) does not count towards the peak.
struct Measurement {
    var seconds: Double
    var peakMiB: Double
    /// Anything the step wants to report besides time and memory (e.g. "findings=123").
    var note: String

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

    /// Runs this benchmark binary again as `--child STEP ARGS…` and reads the figures it
    /// prints (a line `measurement seconds=… peak_mib=… note=…`).
    static func inChild(_ step: String, _ arguments: [String]) throws -> Measurement {
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
    var line = "\(what): \(String(format: "%.3f", seconds)) s (target ≤ \(String(format: "%.1f", target)) s)"
    if let peakMiB {
        line += ", peak \(String(format: "%.0f", peakMiB)) MiB"
        if let memoryTarget { line += " (target ≤ \(String(format: "%.0f", memoryTarget)) MiB)" }
    }
    let met = seconds <= target && (peakMiB == nil || memoryTarget == nil || peakMiB! <= memoryTarget!)
    line += met ? "  ok" : "  MISSED"
    if !note.isEmpty { line += "  [\(note)]" }
    print(line)
}

/// A scratch folder for generated inputs, removed at exit unless `--keep` is given.
func scratchDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("orgmodel-bench-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
