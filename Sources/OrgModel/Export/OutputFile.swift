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
        try write([(path, [bytes])])
    }

    /// Writes text as UTF-8.
    public static func write(_ text: String, to path: String) throws(WriteError) {
        try write([(path, [Array(text.utf8)])])
    }

    /// Writes several files as one: if any cannot be written, none is.
    public static func write(_ files: [(path: String, bytes: [UInt8])]) throws(WriteError) {
        try write(files.map { ($0.path, [$0.bytes]) })
    }

    /// Writes several files as one, each from parts written one after another.
    public static func write(_ files: [(path: String, parts: [[UInt8]])]) throws(WriteError) {
        try write(files.map { file in (file.path, file.parts.map { $0 as any ContiguousBytes & Sendable }) })
    }

    /// Writes several files as one, each from parts of any contiguous bytes written one
    /// after another (a large YAML file as the chunks its writer made, never joined).
    public static func write(_ files: [(path: String, parts: [any ContiguousBytes & Sendable])]) throws(WriteError) {
        var staged: [(temporary: String, path: String)] = []
        func discard() { for file in staged { unlink(file.temporary) } }
        for (path, parts) in files {
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
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                let reason = String(cString: strerror(errno))
                discard()
                throw WriteError(path: path, message: "the directory \(directory) is not writable (\(reason))")
            }
            staged.append((temporary, path))
            var failure: String?
            for part in parts where failure == nil {
                part.withUnsafeBytes { raw in
                    var offset = 0
                    while offset < raw.count, let base = raw.baseAddress {
                        let written = Foundation.write(descriptor, base + offset, raw.count - offset)
                        if written < 0 {
                            if errno == EINTR { continue }
                            failure = String(cString: strerror(errno))
                            return
                        }
                        offset += written
                    }
                }
            }
            if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
            if let failure {
                discard()
                throw WriteError(path: path, message: failure)
            }
        }
        for (index, file) in staged.enumerated() where rename(file.temporary, file.path) != 0 {
            let reason = String(cString: strerror(errno))
            discard()
            // Files renamed already stay: only a rename racing another process fails here.
            throw WriteError(path: file.path, message: reason + (index > 0 ? " (\(index) of the \(staged.count) files were written)" : ""))
        }
    }
}
