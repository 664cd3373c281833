import Foundation

extension GraphvizRenderer {
    /// Writes `bytes` to `url` whole or not at all: a temporary file in the same directory is
    /// filled, then renamed over the destination, so readers never see a half-written chart.
    ///
    /// - Throws: `GraphvizError.output` if the directory is missing or the write or rename fails.
    public static func write(_ bytes: [UInt8], to url: URL) throws(GraphvizError) {
        let path = url.path
        let directory = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory),
              isDirectory.boolValue else {
            throw .output(path: path, message: "the directory \(directory.path) does not exist")
        }
        // Same directory as the destination so the final rename stays on one file system (atomic).
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try Data(bytes).write(to: temporary, options: .withoutOverwriting)
        } catch {
            throw .output(path: path, message: oneLine(error.localizedDescription))
        }
        if rename(temporary.path, path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .output(path: path, message: reason)
        }
    }

    /// Collapses a possibly multi-line system message into one line for `GraphvizError`.
    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
