import Foundation

/// Writes output files whole or not at all: each file is written to a temporary file in
/// its own directory and renamed into place only once every file of the set is written,
/// so a failed export never leaves a half-written file or one file of a pair.
public enum OutputFile {
    /// Why an output could not be written.
    public struct WriteError: Error, Hashable, Sendable, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { "\(path): cannot be written: \(message)" }
    }

    /// Writes one file.
    public static func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
        try write([(path, bytes)])
    }

    /// Writes several files as one: if any cannot be written, none is.
    public static func write(_ files: [(path: String, bytes: [UInt8])]) throws(WriteError) {
        var staged: [(temporary: String, path: String)] = []
        func discard() { for file in staged { try? FileManager.default.removeItem(atPath: file.temporary) } }
        for (path, bytes) in files {
            let url = URL(fileURLWithPath: path)
            let directory = url.deletingLastPathComponent().path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                discard()
                throw WriteError(path: path, message: "the directory \(directory) does not exist")
            }
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                discard()
                throw WriteError(path: path, message: "it is a directory")
            }
            let temporary = (directory as NSString).appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
            guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
                discard()
                throw WriteError(path: path, message: "the directory \(directory) is not writable")
            }
            staged.append((temporary, path))
        }
        for (index, file) in staged.enumerated() where rename(file.temporary, file.path) != 0 {
            let reason = String(cString: strerror(errno))
            discard()
            // Files renamed already stay: only a rename racing another process fails here.
            throw WriteError(path: file.path, message: reason + (index > 0 ? " (\(index) of the \(staged.count) files were written)" : ""))
        }
    }
}
