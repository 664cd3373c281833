import Foundation
import OrgModel
import OrgModelFuzz
import Testing

/// The seeded mutation fuzzer (issue 10): every case that ever failed, replayed, and a
/// short fixed-seed run. The long run is `swift run -c release orgmodel-fuzz --seconds 1200`.
@Suite("Fuzzing")
struct FuzzTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let regressions = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Regressions")

    /// A case slower than this is a hang. The fuzzer's 10 s is for its release runs; the
    /// tests run a debug build, several times slower, beside other suites on two cores, so
    /// they allow 30 s (still far below what a quadratic blow-up takes).
    static let slowCase: Double = 30

    static func fuzzer() throws -> Fuzzer {
        try Fuzzer(
            seeds: try .bundled(structuresFolder: packageRoot.appendingPathComponent("Structures").path),
            slowCase: slowCase)
    }

    /// Each saved case, named `TARGET-what.EXT`; an organogram case is a senior file alone.
    static func savedCases() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: regressions.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test("Every case the fuzzer ever failed on now passes", arguments: try savedCases())
    func savedCase(name: String) throws {
        var fuzzer = try Self.fuzzer()
        let input = [UInt8](try Data(contentsOf: Self.regressions.appendingPathComponent(name)))
        let target: Fuzzer.Target
        var partner: [UInt8]?
        if name.hasPrefix("structure-") {
            target = name.hasSuffix(".csv") ? .structureCSV : .structureYAML
        } else if name.hasPrefix("extract-") {
            target = .extract
            partner = fuzzer.seeds.mappings[0]
        } else if name.hasPrefix("organogram-") {
            target = .organogram
        } else {
            target = try #require(Fuzzer.Target(rawValue: String(name.prefix { $0 != "." && $0 != "-" })))
        }
        fuzzer.replay(target, input, partner: partner)
        #expect(fuzzer.failures.isEmpty, "\(fuzzer.failures.map(\.problem))")
    }

    @Test("A fixed-seed run over every reader finds nothing; ORGMODEL_FUZZ_CASES runs more")
    func shortRun() throws {
        var fuzzer = try Self.fuzzer()
        let cases = ProcessInfo.processInfo.environment["ORGMODEL_FUZZ_CASES"].flatMap(Int.init) ?? 1_050
        fuzzer.run(seed: 20_261_206, cases: cases)
        for failure in fuzzer.failures.prefix(5) {
            Issue.record("\(failure.target.rawValue): \(failure.problem.prefix(500))")
        }
        // Both outcomes occur for every reader: the mutations reach past the first check.
        for target in Fuzzer.Target.allCases {
            #expect((fuzzer.runs[target]?[.accepted] ?? 0) > 0, "\(target.rawValue) never accepted")
            #expect((fuzzer.runs[target]?[.refused] ?? 0) > 0, "\(target.rawValue) never refused")
        }
    }
}
