import Foundation

/// Raw writes to the standard streams, so large outputs need no intermediate copies.
enum FileHandleOutput {
    /// Writes a message; a standard error that cannot take it is not worth a second one.
    static func standardError(_ text: String) {
        _ = write(Array(text.utf8), to: STDERR_FILENO)
    }

    /// Writes the command's output; when standard output cannot take it (a full disk, a
    /// closed pipe), says so and exits 3.
    static func standardOutput(_ text: String) throws {
        // The string's own bytes, not a copy of them (a report can be hundreds of MB).
        var text = text
        try text.withUTF8 { try standardOutput(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func standardOutput(bytes: some ContiguousBytes) throws {
        fflush(nil)  // anything `print` has buffered comes first
        if let reason = write(bytes, to: STDOUT_FILENO) {
            throw CommandFailure.outputFailed("cannot write to standard output: \(reason)")
        }
    }

    /// Writes all the bytes to `descriptor`; the system's reason when it cannot.
    private static func write(_ bytes: some ContiguousBytes, to descriptor: Int32) -> String? {
        bytes.withUnsafeBytes { raw -> String? in
            var offset = 0
            while offset < raw.count, let base = raw.baseAddress {
                let written = Foundation.write(descriptor, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += written
            }
            return nil
        }
    }
}
