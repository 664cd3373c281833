import Foundation

/// Runs the command-line tools the tests check the book with: `qpdf` and
/// poppler's `pdfinfo` and `pdftotext`.
enum Tool {
    struct Run {
        var stdout: Data
        var stderr: String
        var exitCode: Int32
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// A tool the tests need is missing or failed.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `name` (looked up on PATH) with `arguments`, `input` on its stdin.
    ///
    /// Input and output go through temporary files, so a large output can never fill a pipe
    /// and stall the run.
    static func run(_ name: String, _ arguments: [String], input: Data = Data()) throws -> Run {
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inURL = scratch.appendingPathComponent("stdin")
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        try input.write(to: inURL)
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let stdin = try FileHandle(forReadingFrom: inURL)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        process.standardInput = stdin
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try stdin.close()
        try out.close()
        try err.close()
        let run = Run(
            stdout: try Data(contentsOf: outURL),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
            exitCode: process.terminationStatus)
        if run.exitCode == 127 {
            throw Failure(description: "`\(name)` is not installed; the GraphvizRender tests need qpdf and poppler-utils")
        }
        return run
    }

    /// Runs a tool that reads a PDF file: `pdf` is written to a temporary file whose path
    /// replaces `"{}"` in `arguments`.
    static func run(_ name: String, _ arguments: [String], pdf: [UInt8]) throws -> Run {
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let url = scratch.appendingPathComponent("book.pdf")
        try Data(pdf).write(to: url)
        return try run(name, arguments.map { $0 == "{}" ? url.path : $0 })
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("orgmodel-chartbook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
