import Foundation
import Testing

/// One failure of each family, through the built command: the exit code the README
/// documents and the exact words on standard error, all said in one place
/// (`OrgModelCommand.main`) whatever the command.
@Suite("Failures and exit codes, end to end")
struct FailureEndToEndTests {
    /// A failure to provoke: the command line (run in a folder holding `Self.files`, with
    /// `CURRENT` and `PROPOSED` the bundled county structures), and what it must say.
    struct Case: Sendable, CustomTestStringConvertible {
        var family: String
        var arguments: [String]
        var exitCode: Int32
        var stderr: String
        var testDescription: String { family }
    }

    static let current = OrgModelBinary.structure("county-childrens-social-care-current.yaml")
    static let proposed = OrgModelBinary.structure("county-childrens-social-care-proposed.yaml")
    static let noSuchFile = "no such file; check the path; a relative path is read from the current folder"

    /// Small structures written into the folder each case runs in.
    static let files: [String: String] = [
        "loop.yaml": "posts:\n  - {id: ED, tier: 2}\n  - {id: A, tier: 4, reports_to: B}\n  - {id: B, tier: 4, reports_to: A}\n",
        "undated.yaml": "posts:\n  - {id: ED, tier: 2}\n",
        "twins.yaml":
            "effective: 2024-01-01\nposts:\n  - {id: ED, tier: 2}\n  - {id: A1, tier: 3, reports_to: ED}\n  - {id: a1, tier: 3, reports_to: ED}\n",
        "taken": "x",
    ]

    static let cases: [Case] = [
        Case(
            family: "a file that cannot be read (LoadError): 2", arguments: ["analyse", "missing.yaml"], exitCode: 2,
            stderr: "orgmodel: missing.yaml: \(noSuchFile)\n"),
        Case(
            family: "every unreadable file named, not just the first: 2", arguments: ["compare", "missing.yaml", "gone.yaml"], exitCode: 2,
            stderr: "orgmodel: missing.yaml: \(noSuchFile)\norgmodel: gone.yaml: \(noSuchFile)\n"),
        Case(
            family: "a structure with errors (findings): 1, the report says why", arguments: ["validate", current], exitCode: 1,
            stderr: ""),
        Case(
            family: "reporting lines too broken to de-layer (DelayeringError): 1", arguments: ["delayer", "loop.yaml", "-o", "options"],
            exitCode: 1,
            stderr:
                "orgmodel: loop.yaml: cannot be de-layered until its reporting lines are sound: 2 posts are in or below a reporting loop (A, B); run orgmodel validate and fix these first\n"
        ),
        Case(
            family: "snapshots that cannot be ordered (TrendError): 2", arguments: ["trend", "undated.yaml", "twins.yaml"], exitCode: 2,
            stderr:
                "orgmodel: undated.yaml: no effective date, so its place in the series is unknown: add `effective: YYYY-MM-DD` to the file, or import it again with --effective DATE\n"
        ),
        Case(
            family: "ids --match-ids cannot tell apart: 2", arguments: ["compare", "twins.yaml", current, "--match-ids", "case"],
            exitCode: 2,
            stderr:
                "orgmodel: twins.yaml: posts A1 and a1 differ only in case, so --match-ids case cannot tell which is which: give one of them another id, or use --match-ids exact\n"
        ),
        Case(
            family: "an output that cannot be written (OutputFile.WriteError): 3",
            arguments: ["analyse", current, "-o", "/no/such/folder/report.md"], exitCode: 3,
            stderr: "orgmodel: /no/such/folder/report.md: cannot be written: the directory /no/such/folder does not exist\n"),
        Case(
            family: "an output folder that is a file (OutputError): 3", arguments: ["delayer", current, "-o", "taken"], exitCode: 3,
            stderr: "orgmodel: taken: is a file, not a folder; give -o a folder to write the options into\n"),
        Case(
            family: "a structure CSV cannot hold (StructureCSVWriter.Refusal): 3", arguments: ["export", proposed, "--format", "csv"],
            exitCode: 3,
            stderr: "orgmodel: \(proposed): CSV cannot hold deviations, and HOS-FA has some: write the structure as YAML instead\n"),
        Case(
            family: "an unknown --root (ChartError): 64", arguments: ["render", current, "--root", "NOPE", "-o", "chart.svg"], exitCode: 64,
            stderr:
                "orgmodel: no post has the id NOPE in \(current)\nhint: --root takes a post id as the structure file writes it (case matters)\n"
        ),
        Case(
            family: "a failure with a hint: 64", arguments: ["render", current, "--split-by-tier", "9", "-o", "chart.svg"], exitCode: 64,
            stderr: "orgmodel: no post of tier 9 in \(current)\nhint: the tiers used are 2, 3, 4, 5, 6\n"),
        Case(
            family: "a wrong command line (ArgumentParser's own): 64", arguments: ["delayer", current, "-o", "-"], exitCode: 64,
            stderr:
                "Error: the options are several files: give a folder as -o, not -\nUsage: orgmodel delayer <file> --output <output> [--format <format>] [--rules <rules>] [--as-of <as-of>]\n  See 'orgmodel delayer --help' for more information.\n"
        ),
    ]

    @Test("Each family of failure gives its documented exit code and message, and writes nothing", arguments: cases)
    func failure(_ failure: Case) throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in Self.files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        let run = try OrgModelBinary.run(failure.arguments, in: folder)
        #expect(run.exitCode == failure.exitCode, "\(run.stderr)")
        #expect(run.stderr == failure.stderr)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(left == Self.files.keys.sorted(), "written: \(left)")
    }

    @Test("Rows at fault are listed before the failure that names them: 2, nothing written")
    func badRows() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let extract = OrgModelBinary.packageRoot.appendingPathComponent("Structures/hr/extract-with-errors.csv").path
        let mapping = OrgModelBinary.packageRoot.appendingPathComponent("Structures/hr/mapping.yaml").path
        let run = try OrgModelBinary.run(["import", extract, "--map", mapping, "-o", "imported.yaml"], in: folder)
        #expect(run.exitCode == 2)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(
            lines.first { !$0.hasPrefix("note: ") }
                == "\(extract):6: FTE must be a number, not \"one\" (write digits, such as 0.5 or £42,000.50)")
        #expect(
            lines.suffix(2) == [
                "(8 more rows, under them or job shares of them, would be left out as well)",
                "orgmodel: 5 bad rows: nothing written; fix them, or give --skip-bad-rows to write the good rows and put the bad ones in a reject file",
            ])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("Standard output that cannot take the output: 3, said on standard error")
    func fullStandardOutput() throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let run = try OrgModelBinary.run(["validate", Self.proposed], standardOutput: full)
        #expect(run.exitCode == 3)
        #expect(run.stderr == "orgmodel: cannot write to standard output: No space left on device\n")
    }

    @Test("No output is written over a rules file or a redaction profile the run read: 3")
    func inputsAreNotOverwritten() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = OrgModelBinary.packageRoot.appendingPathComponent("Structures/rules/childrens-social-care.yaml")
        try FileManager.default.copyItem(at: rules, to: folder.appendingPathComponent("rules.yaml"))
        try Data("named_tiers: [1, 2, 3]\n".utf8).write(to: folder.appendingPathComponent("profile.yaml"))
        let refusal = { (name: String) in
            "orgmodel: \(name): cannot be written: it is the input \(name): writing it would replace what was read; give another output path\n"
        }
        for arguments in [
            ["analyse", Self.current, "--rules", "rules.yaml", "-o", "rules.yaml", "--format", "table"],
            ["compare", Self.current, Self.proposed, "--rules", "rules.yaml", "-o", "rules.yaml", "--format", "json"],
            ["render", Self.current, "--depth", "1", "--rules", "rules.yaml", "-o", "rules.yaml", "--format", "svg"],
            ["render", Self.current, "--depth", "1", "--redaction-profile", "profile.yaml", "-o", "profile.yaml", "--format", "svg"],
            ["export", Self.current, "--redaction-profile", "profile.yaml", "-o", "profile.yaml", "--format", "yaml"],
        ] {
            let run = try OrgModelBinary.run(arguments, in: folder)
            #expect(run.exitCode == 3, "\(arguments): \(run.stderr)")
            #expect(run.stderr == refusal(arguments[arguments.count - 3]), "\(arguments)")
        }
        #expect(try Data(contentsOf: folder.appendingPathComponent("rules.yaml")) == Data(contentsOf: rules))
        #expect(try String(contentsOf: folder.appendingPathComponent("profile.yaml"), encoding: .utf8) == "named_tiers: [1, 2, 3]\n")
    }
}
