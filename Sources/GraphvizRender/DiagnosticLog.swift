import CGraphviz
import Foundation

/// Graphviz's error and warning messages from one step, split by severity.
struct Diagnostics: Sendable, Equatable {
    /// Messages Graphviz reported as errors, each flattened to one line.
    var errors: [String] = []
    /// Messages Graphviz reported as warnings, each flattened to one line.
    var warnings: [String] = []

    /// All error messages joined into one line, or `nil` if there were none.
    var errorText: String? { errors.isEmpty ? nil : errors.joined(separator: "; ") }
}

/// Captures what Graphviz reports through `agerr`, so it reaches our errors instead of stderr.
///
/// cgraph hands messages to a plain C callback (`agseterrf`) that cannot capture context, so the
/// buffer has to be a process-wide singleton. The alternative, `agseterr(AGMAX)` + `aglasterr()`,
/// returns only the last fragment of a multi-part message and appends every message to a temp
/// file that is never truncated, which grows for the life of a long-running process.
final class DiagnosticLog: @unchecked Sendable {
    /// The single log that the C callback writes to.
    static let shared = DiagnosticLog()

    // Graphviz only calls back while GraphvizSession's lock is held, but a private lock keeps this
    // type safe on its own and costs nothing measurable.
    private let lock = NSLock()
    private var transcript = ""

    /// Installs the capture callback in cgraph; call once, with the Graphviz lock held.
    static func install() {
        _ = agseterrf { fragment in
            if let fragment { DiagnosticLog.shared.append(String(cString: fragment)) }
            return 0
        }
        // AGWARN: every message, warnings included, goes to the callback rather than to stderr.
        _ = agseterr(AGWARN)
    }

    /// Appends one fragment exactly as Graphviz emitted it (level, ": ", text arrive separately).
    func append(_ fragment: String) {
        lock.lock()
        defer { lock.unlock() }
        transcript += fragment
    }

    /// Returns everything captured since the last call, parsed, and clears the buffer.
    func take() -> Diagnostics {
        lock.lock()
        let text = transcript
        transcript = ""
        lock.unlock()
        return Self.parse(text)
    }

    /// Splits a transcript into messages: a line starting "Error: " or "Warning: " opens one,
    /// any other line continues the previous message (Graphviz's AGPREV continuations).
    static func parse(_ text: String) -> Diagnostics {
        var result = Diagnostics()
        var isError = false
        var current: [String] = []

        func flush() {
            let message = current.joined(separator: " ")
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !message.isEmpty {
                if isError { result.errors.append(message) } else { result.warnings.append(message) }
            }
            current = []
        }

        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("Error: ") {
                flush()
                isError = true
                current.append(String(line.dropFirst("Error: ".count)))
            } else if line.hasPrefix("Warning: ") {
                flush()
                isError = false
                current.append(String(line.dropFirst("Warning: ".count)))
            } else {
                current.append(String(line))
            }
        }
        flush()
        return result
    }
}
