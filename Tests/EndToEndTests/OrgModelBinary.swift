import Foundation

/// Runs the built `orgmodel` executable, as a user would from a shell.
///
/// SwiftPM builds the executable into the same products folder as the test bundle, so
/// the binary is found next to it.
struct OrgModelBinary {
    struct Run {
        var stdout: String
        var stderr: String
        var exitCode: Int32
        /// Standard output as bytes.
        var stdoutData = Data()
    }

    /// The package's root folder (for the bundled Structures/).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func structure(_ name: String) -> String {
        packageRoot.appendingPathComponent("Structures").appendingPathComponent(name).path
    }

    /// The products folder: the one holding the `.xctest` bundle.
    static var url: URL {
        var candidates: [URL] = []
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent())
        }
        candidates.append(Bundle.main.bundleURL)
        if let argument = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: argument).deletingLastPathComponent())
        }
        for folder in candidates {
            let binary = folder.appendingPathComponent("orgmodel")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        return packageRoot.appendingPathComponent(".build/debug/orgmodel")
    }

    /// Runs `orgmodel` with `arguments` in `directory` (default: the package root), with
    /// `environment` added to this process's environment.
    ///
    /// Output goes to temporary files rather than pipes, so a large output can never fill
    /// a pipe and stall the run; `standardOutput` sends it elsewhere (`/dev/full`).
    static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], standardOutput: FileHandle? = nil,
        standardInput: URL? = nil
    ) throws -> Run {
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        guard FileManager.default.createFile(atPath: outURL.path, contents: nil),
            FileManager.default.createFile(atPath: errURL.path, contents: nil)
        else { throw CocoaError(.fileWriteUnknown) }
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.currentDirectoryURL = directory ?? packageRoot
        process.standardOutput = standardOutput ?? out
        process.standardError = err
        process.standardInput = try standardInput.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let output = try Data(contentsOf: outURL)
        return Run(
            stdout: String(decoding: output, as: UTF8.self), stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
            exitCode: process.terminationStatus, stdoutData: output)
    }

    /// A fresh temporary folder, removed by the caller when done.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("orgmodel-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
