import Foundation
import Testing

/// `ORGMODEL_TIMINGS=1` makes the data commands say where their time went, on standard
/// error, for the benchmark's in-process split; what they write does not change.
@Suite struct PhaseTimesEndToEndTests {
    static let current = "Structures/county-childrens-social-care-current.yaml"
    static let proposed = "Structures/county-childrens-social-care-proposed.yaml"

    @Test(
        "Each data command names its phases",
        arguments: [
            (["validate", current, "--format", "json"], ["load", "checks", "report written"]),
            (["analyse", current, "--format", "csv"], ["load", "analysis", "report", "written"]),
            (["compare", current, proposed], ["load", "comparison and report", "written"]),
        ])
    func phases(_ arguments: [String], _ phases: [String]) throws {
        let plain = try OrgModelBinary.run(arguments)
        let timed = try OrgModelBinary.run(arguments, environment: ["ORGMODEL_TIMINGS": "1"])
        #expect(timed.exitCode == plain.exitCode)
        #expect(timed.stdout == plain.stdout)
        #expect(!plain.stderr.contains("timing "))
        for phase in phases { #expect(timed.stderr.contains("timing \(phase): "), "\(phase) in \(timed.stderr)") }
    }

    @Test func delayerNamesItsPhases() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try OrgModelBinary.run(
            ["delayer", Self.current, "-o", folder.appendingPathComponent("options").path], environment: ["ORGMODEL_TIMINGS": "1"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        for phase in ["load", "options", "option files written"] {
            #expect(run.stderr.contains("timing \(phase): "), "\(phase) in \(run.stderr)")
        }
    }
}
