import ArgumentParser
import OrgModel

/// The exit codes the README documents.
enum Exit {
    /// The structure breaks a rule (an error finding).
    static let findings = ExitCode(1)
    /// A file could not be read: missing, unreadable, not a structure.
    static let unreadableInput = ExitCode(2)
    /// An output could not be written or rendered.
    static let outputFailed = ExitCode(3)
}

/// Writes to standard error, for messages that are not the command's output.
func printError(_ message: String) {
    var stream = StandardError()
    print(message, to: &stream)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandleOutput.standardError(string)
    }
}
