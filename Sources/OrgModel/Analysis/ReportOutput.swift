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
        var temporaries: [(temporary: String, path: String)] = []
        func discard() {
            for entry in temporaries { try? FileManager.default.removeItem(atPath: entry.temporary) }
        }
        for file in files {
            let url = URL(fileURLWithPath: file.path)
            let directory = url.deletingLastPathComponent().path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                discard()
                throw OutputError(path: file.path, message: "the folder \(directory) does not exist")
            }
            if FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), isDirectory.boolValue {
                discard()
                throw OutputError(path: file.path, message: "is a folder, not a file")
            }
            let temporary = (directory as NSString).appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
            guard FileManager.default.createFile(atPath: temporary, contents: Data(file.bytes)) else {
                discard()
                throw OutputError(path: file.path, message: "cannot be written", hint: "check that the folder is writable")
            }
            temporaries.append((temporary, file.path))
        }
        var placed: [String] = []
        for (offset, entry) in temporaries.enumerated() {
            if rename(entry.temporary, entry.path) != 0 {
                let reason = String(cString: strerror(errno))
                for path in placed { try? FileManager.default.removeItem(atPath: path) }
                for later in temporaries[offset...] { try? FileManager.default.removeItem(atPath: later.temporary) }
                throw OutputError(path: entry.path, message: "cannot be written: \(reason)")
            }
            placed.append(entry.path)
        }
    }

    /// Makes sure `path` is a folder, creating it (and its parents) when missing.
    public static func prepareFolder(_ path: String) throws(OutputError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw OutputError(path: path, message: "is a file, not a folder", hint: "give -o a folder to write the options into")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: path, message: "the folder cannot be created", hint: "check the path and its permissions")
        }
    }
}
