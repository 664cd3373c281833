import Foundation
import Testing

/// Golden files: expected output kept beside the tests, compared byte for byte. Run the
/// tests with `ORGMODEL_UPDATE_GOLDEN=1` to rewrite them from the current output instead,
/// then review the diff before committing it.
public enum GoldenFile {
    /// Expects `text` to equal the file `name` in `directory`; with `ORGMODEL_UPDATE_GOLDEN=1`
    /// writes `text` there (creating the directory) and expects nothing.
    public static func expect(
        _ text: String, equals name: String, in directory: URL, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["ORGMODEL_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        let expected = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        #expect(
            text == expected, "differs from golden file \(name); rerun with ORGMODEL_UPDATE_GOLDEN=1 and review the diff",
            sourceLocation: sourceLocation)
    }
}
