import Foundation

/// Why a report or option file could not be written.
public struct OutputError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var hint: String?

    public init(path: String, message: String, hint: String? = nil) {
        self.path = path
        self.message = message
        self.hint = hint
    }

    public var description: String {
        "\(path): \(message)" + (hint.map { "; \($0)" } ?? "")
    }
}

/// Writes output files whole or not at all.
///
/// Each file is first written to a temporary file beside it and then renamed into place,
/// so nobody ever reads half a report; a set of files (the options of `delayer`) is only
/// renamed into place once every one has been written, and a failure removes what was
/// written.
public enum ReportOutput {
    /// Writes one file whole or not at all.
    public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        try writeAll([(path, bytes)])
    }

    /// Writes several files, all or none.
    public static func writeAll(_ files: [(path: String, bytes: [UInt8])]) throws(OutputError) {
        // One whole-or-nothing writer serves every command: `OutputFile`.
        do {
            try OutputFile.write(files)
        } catch {
            throw OutputError(path: error.path, message: error.message, hint: "check that the folder exists and is writable")
        }
    }

    /// Makes sure `path` is a folder or can be made one; `what` names what goes into it,
    /// for the hint ("the options", "the review"). A missing folder is not made here but
    /// by the write that puts files into it (`OutputFile.allowCreating(folder:)`), so a
    /// run that fails before writing, or whose writing fails, leaves no empty folder.
    public static func prepareFolder(_ path: String, for what: String = "the options") throws(OutputError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw OutputError(path: path, message: "is a file, not a folder", hint: "give -o a folder to write \(what) into")
            }
            return
        }
        // The nearest folder that exists must be one this run can create folders in.
        var ancestor = URL(fileURLWithPath: path).standardizedFileURL.path
        while !FileManager.default.fileExists(atPath: ancestor, isDirectory: &isDirectory) {
            let parent = (ancestor as NSString).deletingLastPathComponent
            if parent == ancestor || parent.isEmpty { break }
            ancestor = parent
        }
        guard FileManager.default.fileExists(atPath: ancestor, isDirectory: &isDirectory) else {
            throw OutputError(path: path, message: "the folder cannot be created", hint: "check the path and its permissions")
        }
        guard isDirectory.boolValue else {
            throw OutputError(path: path, message: "the folder cannot be created: \(ancestor) is a file", hint: "check the path")
        }
        guard access(ancestor, W_OK | X_OK) == 0 else {
            throw OutputError(path: path, message: "the folder cannot be created", hint: "check the path and its permissions")
        }
        OutputFile.allowCreating(folder: path)
    }
}
