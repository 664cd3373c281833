import Foundation

/// Where a run's time went, by phase: printed to standard error at exit when
/// `ORGMODEL_TIMINGS=1` is set, for `orgmodel-bench` and for profiling by hand. Each line
/// is `timing PHASE: SECONDS s (CALLS)`; a phase may hold another (the trial layouts are
/// part of planning).
final class PhaseTimes: @unchecked Sendable {
    static let shared = PhaseTimes()
    /// Whether timings are being kept.
    let enabled = ProcessInfo.processInfo.environment["ORGMODEL_TIMINGS"] != nil
    private let lock = NSLock()
    private var totals: [String: (seconds: Double, calls: Int)] = [:]
    private var order: [String] = []

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Adds the time since `started` to `phase`.
    func add(_ phase: String, since started: UInt64) {
        guard enabled else { return }
        let seconds = Double(Self.now() - started) / 1e9
        lock.lock()
        defer { lock.unlock() }
        if totals[phase] == nil { order.append(phase) }
        totals[phase, default: (0, 0)].seconds += seconds
        totals[phase, default: (0, 0)].calls += 1
    }

    /// Runs `body`, its time added to `phase`.
    func time<T, Failure: Error>(_ phase: String, _ body: () throws(Failure) -> T) throws(Failure) -> T {
        guard enabled else { return try body() }
        let started = Self.now()
        defer { add(phase, since: started) }
        return try body()
    }

    /// The lines printed at exit: each phase in the order first seen.
    func report() -> String {
        lock.lock()
        defer { lock.unlock() }
        let lines = order.map { phase in
            let total = totals[phase] ?? (0, 0)
            return String(format: "timing %@: %.3f s (%d)", phase, total.seconds, total.calls)
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// Prints the report when the process exits (the commands exit from several places).
    static func reportAtExit() {
        guard shared.enabled else { return }
        atexit {
            FileHandle.standardError.write(Data(PhaseTimes.shared.report().utf8))
        }
    }
}
