import Foundation
import OrgModel

/// Where the speed suite's CSV files come from: the shared `genorg.py` when python3 is
/// there (the generator the issue's figures and the polars peer were measured on, and
/// independent of the project's code), else this benchmark's own generator.
enum StructureSource: CustomStringConvertible {
    case genorg(python: URL, script: URL)
    case own

    static func find(python: URL?) -> StructureSource {
        let script = BenchmarkPaths.peers.appendingPathComponent("genorg.py")
        guard let python, FileManager.default.fileExists(atPath: script.path) else { return .own }
        return .genorg(python: python, script: script)
    }

    var description: String {
        switch self {
        case .genorg(_, let script): return "python3 \(script.path)"
        case .own: return "orgmodel-bench's own generator (python3 or genorg.py missing)"
        }
    }

    /// Writes a CSV of about `posts` posts to `file`, waits until it is on disk, and gives
    /// the number of posts written.
    func write(posts: Int, seed: UInt64, to file: URL) throws -> Int {
        switch self {
        case .genorg(let python, let script):
            _ = try ChartbookBenchmark.once(python, [script.path, String(posts), "--seed", String(seed)], output: file)
            try waitUntilOnDisk(file)
        case .own:
            // In a child, as every large piece of work the speed suite does for itself.
            _ = try SpeedBenchmark.inChild("generate", [String(posts), String(seed), file.path], scratch: file.deletingLastPathComponent())
        }
        return try Self.rows(of: file)
    }

    /// The rows of a structure CSV after its header, leaving out its `#` metadata lines;
    /// read a part at a time, so that the benchmark stays small (its own peak memory is
    /// counted towards its children's).
    static func rows(of file: URL) throws -> Int {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        var counter = RowCounter()
        while let part = try handle.read(upToCount: 1 << 20), !part.isEmpty { counter.add(part) }
        return counter.rows
    }

    static func rows(in bytes: Data) -> Int {
        var counter = RowCounter()
        counter.add(bytes)
        return counter.rows
    }
}

/// Counts a CSV's lines that are neither blank nor `#` metadata, given its bytes in parts.
struct RowCounter {
    private var lines = 0
    private var lineStarted = false
    private var inComment = false

    mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                if lineStarted, !inComment { lines += 1 }
                lineStarted = false
                inComment = false
            } else if !lineStarted {
                lineStarted = true
                inComment = byte == UInt8(ascii: "#")
            }
        }
    }

    /// The lines after the header, the last one counted even without its newline.
    var rows: Int { max(0, lines + (lineStarted && !inComment ? 1 : 0) - 1) }
}
