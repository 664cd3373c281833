import ArgumentParser
import GraphvizRender
import OrgAnalysis
import OrgChart
import OrgModel
import OrgSupport

/// Why a command stops: the exit code the README documents and what to say about it.
/// Commands only throw one; `OrgModelCommand.main` prints it on standard error and exits
/// with its code, in that one place.
///
/// The library's error types conform below, in this target rather than their own: an exit
/// code is the command line's promise to whoever calls it (the README's table), which
/// the library and the other programs built on it (the bench, the fuzzer) have no use for.
///
/// Its `description` is what went wrong, where, and what to do, without the `orgmodel: `
/// printed before it; empty when the command's output already says it (findings).
protocol OrgModelFailure: Error, CustomStringConvertible {
    /// The documented exit code (`Exit`).
    var exitCode: ExitCode { get }
    /// The lines printed on standard error: `orgmodel: MESSAGE`, or none for an empty
    /// message, unless a failure words its lines itself.
    var lines: [String] { get }
}

extension OrgModelFailure {
    var lines: [String] { description.isEmpty ? [] : ["orgmodel: \(description)"] }

    /// The same failure said of `subject`: `SUBJECT: MESSAGE`, with the same exit code.
    func about(_ subject: String) -> CommandFailure {
        CommandFailure(exitCode, "\(subject): \(description)")
    }
}

/// The exit codes the README documents (64, a wrong command line, is ArgumentParser's
/// `ExitCode.validationFailure`).
enum Exit {
    /// The structure breaks a rule (an error finding).
    static let findings = ExitCode(1)
    /// A file could not be read: missing, unreadable, not a structure.
    static let unreadableInput = ExitCode(2)
    /// An output could not be written or rendered.
    static let outputFailed = ExitCode(3)
}

/// A failure the command words itself, with any lines listed before the message (the
/// rows at fault) and a hint after it.
struct CommandFailure: OrgModelFailure {
    var exitCode: ExitCode
    var description: String
    var listing: [String] = []
    var hint: String?

    init(_ exitCode: ExitCode, _ message: String, listing: [String] = [], hint: String? = nil) {
        self.exitCode = exitCode
        self.description = message
        self.listing = listing
        self.hint = hint
    }

    var lines: [String] {
        listing + (description.isEmpty ? [] : ["orgmodel: \(description)"]) + (hint.map { ["hint: \($0)"] } ?? [])
    }

    /// Exit 1 with nothing more to say: the output lists the errors.
    static let findings = CommandFailure(Exit.findings, "")
    /// Exit 2 with nothing more to say: each file that could not be read was named as the
    /// command went on past it.
    static let unreadableInputSaid = CommandFailure(Exit.unreadableInput, "")

    static func unreadableInput(_ message: String) -> CommandFailure { CommandFailure(Exit.unreadableInput, message) }
    static func outputFailed(_ message: String) -> CommandFailure { CommandFailure(Exit.outputFailed, message) }
    static func usage(_ message: String, hint: String? = nil) -> CommandFailure {
        CommandFailure(ExitCode.validationFailure, message, hint: hint)
    }
}

/// Several failures found together (every file tried, every ambiguous id named): each is
/// said in turn, and the command exits with the first one's code.
struct Failures: OrgModelFailure {
    var all: [any OrgModelFailure]

    var exitCode: ExitCode { all.first?.exitCode ?? Exit.unreadableInput }
    var description: String { all.map(\.description).joined(separator: "; ") }
    var lines: [String] { all.flatMap(\.lines) }
}

// MARK: - The library's errors and their exit codes

/// A file that cannot be read or does not make sense: exit 2.
protocol InputFailure: OrgModelFailure {}

extension InputFailure {
    var exitCode: ExitCode { Exit.unreadableInput }
}

/// An output that cannot be made or written (Graphviz and cairo included): exit 3.
protocol OutputFailure: OrgModelFailure {}

extension OutputFailure {
    var exitCode: ExitCode { Exit.outputFailed }
}

extension LoadError: InputFailure {}
extension TrendError: InputFailure {}

extension ReportError: OutputFailure {}
extension OutputError: OutputFailure {}
extension OutputFile.WriteError: OutputFailure {}
extension StructureCSVWriter.Refusal: OutputFailure {}
extension GraphvizError: OutputFailure {}

/// Reporting lines too broken to de-layer are the structure's errors: exit 1.
extension DelayeringError: OrgModelFailure {
    var exitCode: ExitCode { Exit.findings }
}

/// An unknown --root is a wrong command line: exit 64.
extension ChartError: OrgModelFailure {
    var exitCode: ExitCode { ExitCode.validationFailure }
}

// MARK: - Standard error

/// Writes to standard error, for messages that are not the command's output (notes as a
/// command goes on; failures through `OrgModelCommand.main`).
func printError(_ message: String) {
    var stream = StandardError()
    print(message, to: &stream)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandleOutput.standardError(string)
    }
}
