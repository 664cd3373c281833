import Foundation
import OrgAnalysis
import OrgModel
import OrgReports
import Testing

@testable import orgmodel_bench

/// The speed suite's parts that need no timing: comparing per-post CSVs, reading the
/// commands' timing lines, counting a CSV's posts, finding python3, and the networkx
/// peer's per-post CSV against the library's.
@Suite("Speed benchmark")
struct SpeedBenchmarkTests {
    @Test func identicalOutputsCountTheirLines() {
        let text = Data("id,span\nA,1\nB,0\n".utf8)
        #expect(OutputAgreement.compare(text, text) == .identical(lines: 3))
        #expect(
            OutputAgreement.compare(text, text).describe("orgmodel", "polars")
                == "per-post CSVs of orgmodel and polars byte-identical (3 lines)")
    }

    @Test func differingOutputsNameTheFirstLineThatParts() {
        let ours = Data("id,span\nA,1\nB,0\nC,2\n".utf8)
        let theirs = Data("id,span\nA,1\nB,3\nC,2\n".utf8)
        let agreement = OutputAgreement.compare(ours, theirs)
        #expect(agreement == .differ(line: 3, first: "B,0", second: "B,3"))
        #expect(
            agreement.describe("orgmodel", "polars")
                == #"per-post CSVs of orgmodel and polars DIFFER at line 3: orgmodel "B,0", polars "B,3""#)
    }

    @Test func aShorterOutputHasEndedWhereTheOtherGoesOn() {
        let ours = Data("id,span\nA,1\nB,0\n".utf8)
        let theirs = Data("id,span\nA,1\n".utf8)
        #expect(OutputAgreement.compare(ours, theirs) == .differ(line: 3, first: "B,0", second: ""))
        #expect(OutputAgreement.compare(Data("a\nb".utf8), Data("a\nb\nc".utf8)) == .differ(line: 3, first: nil, second: "c"))
        let unfinished = OutputAgreement.compare(Data("a\n".utf8), Data("a\nb\n".utf8))
        #expect(unfinished == .differ(line: 2, first: "", second: "b"))
        #expect(OutputAgreement.compare(Data("a\nb".utf8), Data("a\nb\n".utf8)) == .differ(line: 3, first: nil, second: ""))
        #expect(
            OutputAgreement.differ(line: 3, first: nil, second: "").describe("orgmodel", "networkx")
                == #"per-post CSVs of orgmodel and networkx DIFFER at line 3: orgmodel has ended, networkx """#)
    }

    @Test func timingLinesAreJoinedWithoutTheirWord() {
        let errors = "warning: something\ntiming load: 0.512 s (1)\ntiming checks: 0.300 s (1)\n"
        #expect(ChartbookBenchmark.timingLines(errors) == "load: 0.512 s (1); checks: 0.300 s (1)")
        #expect(ChartbookBenchmark.timingLines("orgmodel: 3 errors\n").isEmpty)
    }

    @Test func postsOfACSVLeaveOutItsMetadataAndHeader() {
        #expect(StructureSource.rows(in: Data("# name: X\n# rules: y\nid,title\nA,a\nB,b\n".utf8)) == 2)
        #expect(StructureSource.rows(in: Data("id,title\nA,a\nB,b".utf8)) == 2)
        #expect(StructureSource.rows(in: Data("id,title\n".utf8)) == 0)
        #expect(StructureSource.rows(in: Data()) == 0)
        #expect(StructureSource.rows(in: Data("id,title\n\nA,a\n# note\n\nB,b\n".utf8)) == 2)
    }

    @Test func postsAreCountedTheSameWhateverTheParts() {
        let text = Array("# name: X\nid,title\nA,a\n#B,b\nC,c\nD,#d\nE,e".utf8)
        for size in 1...text.count {
            var counter = RowCounter()
            for start in stride(from: 0, to: text.count, by: size) { counter.add(text[start..<min(start + size, text.count)]) }
            #expect(counter.rows == 4, "parts of \(size) bytes")
        }
    }

    @Test func python3IsFoundOnThePathOnlyWhenItCanRun() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speed-python-\(UUID().uuidString)")
        let empty = folder.appendingPathComponent("empty")
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let python = bin.appendingPathComponent("python3")
        try Data("#!/bin/sh\n".utf8).write(to: python)
        #expect(Peer.python(searching: "\(empty.path):\(bin.path)") == nil)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: python.path)
        #expect(Peer.python(searching: "\(empty.path):\(bin.path)")?.path == python.path)
        #expect(Peer.python(searching: empty.path) == nil)
        #expect(Peer.python(searching: nil) == nil)
    }

    static let networkxRuns = Peer.python().map { Peer.canImport("networkx", python: $0) } ?? false

    /// The networkx peer writes what `orgmodel analyse --format csv` writes, faults and all:
    /// a reporting loop and a post beneath it, a self-report, an unknown manager, a
    /// duplicate id, a missing cost, part-time posts, an assistant and an id that needs the
    /// spreadsheet guard. Skipped where python3 or networkx is missing, as the suite skips.
    @Test(.enabled(if: networkxRuns, "needs python3 with networkx"))
    func networkxPeerAgreesWithTheLibrary() throws {
        let python = try #require(Peer.python())
        var structure = StructureGenerator(posts: 2_000, seed: 11).generate()
        let top = try #require(structure.posts.first)
        structure.posts += [
            Post(id: PostID("LOOP-A"), title: "Loop a", reportsTo: PostID("LOOP-B"), cost: 100),
            Post(id: PostID("LOOP-B"), title: "Loop b", reportsTo: PostID("LOOP-A")),
            Post(id: PostID("UNDER-LOOP"), title: "Under the loop", reportsTo: PostID("LOOP-A"), fte: 1.5, count: 2),
            Post(id: PostID("SELF"), title: "Self", tier: 4, reportsTo: PostID("SELF"), cost: 5),
            Post(id: PostID("ORPHAN"), title: "Unknown manager", tier: 5, reportsTo: PostID("NOBODY"), cost: 5),
            Post(id: top.id, title: "Duplicate of the top", tier: 2, cost: 5),
            Post(id: PostID("NO-COST"), title: "No cost", tier: 6, reportsTo: top.id, fte: 0.25),
            Post(id: PostID("PA"), title: "Assistant", reportsTo: top.id, cost: 30_000, count: 3, assistant: true),
            Post(id: PostID("=GUARDED"), title: "Guarded id", reportsTo: top.id, fte: 2.5, cost: 12_345.25, count: 3),
        ]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speed-networkx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("structure.csv")
        try Data(try StructureCSVWriter().write(structure).utf8).write(to: file)
        let loaded = try StructureFile.load(file.path)
        let expected = AnalysisReport(StructureAnalysis(loaded, rules: try RuleSetReader.ruleSet(for: loaded)), file: file.path).csvBytes()

        let peer = try Peer.networkx(scratch: folder)
        let output = folder.appendingPathComponent("peer.csv")
        _ = try ChartbookBenchmark.once(python, [peer.script.path, file.path, "-o", output.path])
        let agreement = OutputAgreement.compare(Data(expected), try Data(contentsOf: output))
        #expect(agreement == .identical(lines: loaded.posts.count + 1), "\(agreement.describe("orgmodel", "networkx"))")
    }
}
