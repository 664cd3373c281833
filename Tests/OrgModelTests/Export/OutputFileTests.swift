import Foundation
import Testing

@testable import OrgModel
@testable import OrgSupport

/// Temporary files and folders: what a killed or failed run leaves, and what clears it.
@Suite struct OutputFileTests {
    private func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orgmodel-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The id of a process that has ended.
    private func endedProcess() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test("A temporary file left by a process that is gone is removed by the next write of that output; others stay")
    func staleTemporaryFilesRemoved() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let stale = ".out.yaml.orgmodel-tmp-\(try endedProcess())-12345"
        let live = ".out.yaml.orgmodel-tmp-1-777"  // pid 1 is always running
        let otherOutput = ".other.yaml.orgmodel-tmp-\(try endedProcess())-5"
        for name in [stale, live, otherOutput, ".out.yaml.not-ours"] {
            try Data("x".utf8).write(to: folder.appendingPathComponent(name))
        }
        try OutputFile.write("posts: []\n", to: folder.appendingPathComponent("out.yaml").path)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(left == ["out.yaml", live, otherOutput, ".out.yaml.not-ours"])
    }

    @Test("A set of many files (synced together) is written whole, stale temporaries of each removed, and none when one fails")
    func manyFilesAtOnce() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let count = OutputFile.batchedSync * 3
        let stale = ".page-7.svg.orgmodel-tmp-\(try endedProcess())-9"
        let live = ".page-8.svg.orgmodel-tmp-1-9"  // pid 1 is always running
        for name in [stale, live] { try Data("x".utf8).write(to: folder.appendingPathComponent(name)) }
        let files = (1...count).map { (folder.appendingPathComponent("page-\($0).svg").path, Array("page \($0)\n".utf8)) }
        try OutputFile.write(files)
        var left = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(left == Set((1...count).map { "page-\($0).svg" }).union([live]))
        for (path, bytes) in files { #expect(try Array(Data(contentsOf: URL(fileURLWithPath: path))) == bytes) }
        // One path that cannot be written: nothing new is left, the old files stay as they were.
        let failing = files.map { ($0.0, Array("again".utf8)) } + [(folder.appendingPathComponent("missing/x.svg").path, [UInt8]())]
        #expect(throws: OutputFile.WriteError.self) { try OutputFile.write(failing) }
        left = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(left == Set((1...count).map { "page-\($0).svg" }).union([live]))
        #expect(try String(contentsOfFile: files[0].0, encoding: .utf8) == "page 1\n")
    }

    @Test("A few large files of many parts each are written side by side, each part in order, and none when one fails")
    func largeFilesSideBySide() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let partCount = OutputFile.Staging.largeFileParts + 3
        func parts(_ file: Int) -> [[UInt8]] { (0..<partCount).map { Array("file \(file) part \($0)\n".utf8) } }
        let files = (1...3).map { (path: folder.appendingPathComponent("option-\($0).yaml").path, parts: parts($0)) }
        try OutputFile.write(files)
        #expect(
            Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == ["option-1.yaml", "option-2.yaml", "option-3.yaml"])
        for file in files {
            #expect(try Array(Data(contentsOf: URL(fileURLWithPath: file.path))) == file.parts.flatMap { $0 })
        }
        // The third cannot be written: the others are not, and no temporary file is left.
        let failing = [
            (path: folder.appendingPathComponent("option-4.yaml").path, parts: parts(4)),
            (path: folder.appendingPathComponent("option-5.yaml").path, parts: parts(5)),
            (path: folder.appendingPathComponent("missing/option-6.yaml").path, parts: parts(6)),
        ]
        #expect(throws: OutputFile.WriteError.self) { try OutputFile.write(failing) }
        #expect(
            Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == ["option-1.yaml", "option-2.yaml", "option-3.yaml"])
    }

    @Test("A file of large parts, sent to disk part by part as it is written, is every part in order")
    func largePartsWrittenBack() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let size = OutputFile.writeBackFrom + 1_000
        let parts = (0..<3).map { part in [UInt8](repeating: UInt8(ascii: "a") + UInt8(part), count: size) }
        let path = folder.appendingPathComponent("large.yaml").path
        try OutputFile.write([(path, parts)])
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: path))) == parts.flatMap { $0 })
    }

    @Test("Temporary names carry the marker and this process's id")
    func temporaryNames() {
        let name = OutputFile.TemporaryName.make(for: "out.yaml")
        #expect(name.hasPrefix(".out.yaml.orgmodel-tmp-\(getpid())-"))
        #expect(OutputFile.TemporaryName.process(of: name, for: "out.yaml") == getpid())
        #expect(OutputFile.TemporaryName.process(of: name, for: "out") == nil)
        #expect(OutputFile.TemporaryName.process(of: ".out.yaml.orgmodel-tmp-12-x", for: "out.yaml") == nil)
    }

    @Test("A planned folder (and its missing parents) is made by the write, and removed when the write fails")
    func plannedFolders() throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let folder = base.appendingPathComponent("a/b")
        try ReportOutput.prepareFolder(folder.path)
        #expect(!FileManager.default.fileExists(atPath: base.appendingPathComponent("a").path))
        let good = folder.appendingPathComponent("x.yaml").path
        let unwritable = base.appendingPathComponent("elsewhere/y.yaml").path
        #expect(throws: OutputFile.WriteError.self) { try OutputFile.write([(good, Array("x".utf8)), (unwritable, Array("y".utf8))]) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path).isEmpty)
        try OutputFile.write("x", to: good)
        #expect(try String(contentsOfFile: good, encoding: .utf8) == "x")
        // A folder nobody planned is still an error, not made.
        #expect(throws: OutputFile.WriteError.self) { try OutputFile.write("z", to: base.appendingPathComponent("c/z.yaml").path) }
        #expect(!FileManager.default.fileExists(atPath: base.appendingPathComponent("c").path))
    }
}
