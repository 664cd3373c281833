import Foundation
import OrgModel
import Testing

/// What every command does with its outputs: standard output that cannot be written, an
/// output that is an input, symbolic links, devices, `-`, and sets of files that are
/// written whole or not at all.
@Suite("Output safety, end to end")
struct OutputSafetyEndToEndTests {
    static let structure = """
        name: Output safety
        posts:
          - id: ED
            title: Director
            tier: 2
            holder: Alpha Person
          - id: HOS
            title: Head of Service
            tier: 4
            reports_to: ED
            holder: Gamma Withheld
            grade: Gamma Withheld
          - id: HOS-2
            title: Head of Service 2
            tier: 4
            reports_to: ED
          - id: FL
            title: Practitioner (Delta Frontline's team)
            reports_to: HOS
            holder: Delta Frontline

        """

    func inFolder(_ body: (URL, String) throws -> Void) throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("s.yaml")
        try Data(Self.structure.utf8).write(to: file)
        try body(folder, file.path)
    }

    @Test(
        "A full standard output is exit 3 with a message, not a crash",
        arguments: [
            ["export", "FILE", "--format", "csv"], ["validate", "FILE"], ["analyse", "FILE"],
            ["render", "FILE", "-o", "-", "--format", "svg"],
        ])
    func fullStandardOutput(arguments: [String]) throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        try inFolder { folder, file in
            let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
            defer { try? full.close() }
            let run = try OrgModelBinary.run(arguments.map { $0 == "FILE" ? file : $0 }, in: folder, standardOutput: full)
            #expect(run.exitCode == 3, "\(run.stderr)")
            #expect(run.stderr.contains("cannot write to standard output: No space left on device"))
            #expect(!run.stderr.contains("Fatal error"))
        }
    }

    @Test(
        "An output that is an input is refused, and the input is left as it was",
        arguments: [
            ["export", "FILE", "--format", "yaml", "-o", "FILE"], ["analyse", "FILE", "-o", "FILE", "--format", "table"],
            ["render", "FILE", "-o", "FILE", "--format", "dot"], ["compare", "FILE", "FILE", "-o", "FILE", "--format", "table"],
        ])
    func outputIsInput(arguments: [String]) throws {
        try inFolder { folder, file in
            let run = try OrgModelBinary.run(arguments.map { $0 == "FILE" ? file : $0 }, in: folder)
            #expect(run.exitCode == 3, "\(run.stderr)")
            #expect(run.stderr.contains("it is the input"))
            #expect(try String(contentsOfFile: file, encoding: .utf8) == Self.structure)
        }
    }

    @Test("An import whose output and reject file are one path writes neither")
    func importOutputIsRejectFile() throws {
        try inFolder { folder, _ in
            let extract = folder.appendingPathComponent("x.csv").path
            try Data("Position ID,Parent Position,FTE\nA,,1\nB,A,lots\n".utf8).write(to: URL(fileURLWithPath: extract))
            let mapping = folder.appendingPathComponent("m.yaml").path
            try Data("columns:\n  id: Position ID\n  reports_to: Parent Position\n  fte: FTE\n".utf8).write(
                to: URL(fileURLWithPath: mapping))
            let same = folder.appendingPathComponent("same.yaml").path
            let run = try OrgModelBinary.run(
                ["import", extract, "--map", mapping, "-o", same, "--skip-bad-rows", "--rejects", same], in: folder)
            #expect(run.exitCode == 3, "\(run.stderr)")
            #expect(run.stderr.contains("same file as the output"))
            #expect(!FileManager.default.fileExists(atPath: same))
            let overExtract = try OrgModelBinary.run(
                [
                    "import", extract, "--map", mapping, "-o", folder.appendingPathComponent("o.yaml").path, "--skip-bad-rows", "--rejects",
                    extract,
                ], in: folder)
            #expect(overExtract.exitCode == 3)
            #expect(try String(contentsOfFile: extract, encoding: .utf8).hasPrefix("Position ID,Parent Position,FTE\nA,,1\n"))
        }
    }

    @Test("A symbolic link is written through: the file it points to changes, the link stays")
    func symbolicLink() throws {
        try inFolder { folder, file in
            let target = folder.appendingPathComponent("target.md")
            try Data("old".utf8).write(to: target)
            let link = folder.appendingPathComponent("link.md").path
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.md")
            let run = try OrgModelBinary.run(["analyse", file, "-o", link], in: folder)
            #expect(run.exitCode == 0, "\(run.stderr)")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "target.md")
            #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("# Analysis: Output safety"))
        }
    }

    @Test("A file written over keeps its permissions")
    func permissionsKept() throws {
        try inFolder { folder, file in
            let out = folder.appendingPathComponent("private.yaml").path
            try Data("old".utf8).write(to: URL(fileURLWithPath: out))
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: out)
            let run = try OrgModelBinary.run(["export", file, "-o", out], in: folder)
            #expect(run.exitCode == 0, "\(run.stderr)")
            let mode = try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            #expect(try String(contentsOfFile: out, encoding: .utf8).contains("Alpha Person"))
        }
    }

    @Test("A rules file read is an input too: no output goes over it")
    func rulesFileIsAnInput() throws {
        try inFolder { folder, file in
            let rules = folder.appendingPathComponent("r.yaml").path
            let text = "tiers:\n  - {tier: 2, role: ED}\n  - {tier: 4, role: HOS}\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: rules))
            let run = try OrgModelBinary.run(["analyse", file, "--rules", rules, "-o", rules, "--format", "table"], in: folder)
            #expect(run.exitCode == 3)
            #expect(try String(contentsOfFile: rules, encoding: .utf8) == text)
        }
    }

    @Test(
        "Commands that write several files refuse -o -",
        arguments: [
            ["review", "FILE", "FILE", "-o", "-"], ["delayer", "FILE", "-o", "-"], ["export", "FILE", "--format", "organogram", "-o", "-"],
        ])
    func severalFilesRefuseDash(arguments: [String]) throws {
        try inFolder { folder, file in
            let run = try OrgModelBinary.run(arguments.map { $0 == "FILE" ? file : $0 }, in: folder)
            #expect(run.exitCode == 64)
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("-").path))
        }
    }

    @Test("A device is written into, not replaced; a full one is exit 3")
    func device() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        try inFolder { folder, file in
            let null = try OrgModelBinary.run(["export", file, "--format", "yaml", "-o", "/dev/null"], in: folder)
            #expect(null.exitCode == 0, "\(null.stderr)")
            let full = try OrgModelBinary.run(["analyse", file, "-o", "/dev/full"], in: folder)
            #expect(full.exitCode == 3)
            #expect(full.stderr.contains("No space left on device"))
            var status = stat()
            #expect(stat("/dev/full", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
        }
    }

    @Test(
        "-o - is standard output for export, analyse, compare and import",
        arguments: [
            ["export", "FILE", "--format", "yaml", "-o", "-"], ["analyse", "FILE", "-o", "-"], ["compare", "FILE", "FILE", "-o", "-"],
            ["import", "EXTRACT", "--map", "MAPPING", "-o", "-"],
        ])
    func dashIsStandardOutput(arguments: [String]) throws {
        try inFolder { folder, file in
            let hr = OrgModelBinary.packageRoot.appendingPathComponent("Structures/hr")
            let resolved = arguments.map { argument in
                switch argument {
                case "FILE": file
                case "EXTRACT": hr.appendingPathComponent("extract.csv").path
                case "MAPPING": hr.appendingPathComponent("mapping.yaml").path
                default: argument
                }
            }
            let run = try OrgModelBinary.run(resolved, in: folder)
            #expect(run.exitCode == 0, "\(run.stderr)")
            #expect(!run.stdout.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("-").path))
        }
    }

    @Test("analyse and compare take the format from the -o extension; a mismatch with --format is a usage error")
    func formatFromExtension() throws {
        try inFolder { folder, file in
            for (name, start) in [("a.json", "{"), ("a.csv", "id,tier,span"), ("a.md", "# Analysis")] {
                let run = try OrgModelBinary.run(["analyse", file, "-o", name], in: folder)
                #expect(run.exitCode == 0, "\(run.stderr)")
                #expect(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).hasPrefix(start), "\(name)")
            }
            let compare = try OrgModelBinary.run(["compare", file, file, "-o", "c.json"], in: folder)
            #expect(compare.exitCode == 0)
            #expect(try String(contentsOf: folder.appendingPathComponent("c.json"), encoding: .utf8).hasPrefix("{"))
            let mismatch = try OrgModelBinary.run(["analyse", file, "-o", "b.csv", "--format", "json"], in: folder)
            #expect(mismatch.exitCode == 64)
            #expect(mismatch.stderr.contains("--format json does not match b.csv"))
            let render = try OrgModelBinary.run(["render", file, "-o", "x.pdf", "--format", "svg"], in: folder)
            #expect(render.exitCode == 64)
            // A file named for a format the report does not come in is a slip, unless --format insists.
            let yaml = try OrgModelBinary.run(["analyse", file, "-o", "a.yaml"], in: folder)
            #expect(yaml.exitCode == 64)
            #expect(yaml.stderr.contains("name the file .txt, .md, .json or .csv"))
            #expect(try OrgModelBinary.run(["compare", file, file, "-o", "c.csv"], in: folder).exitCode == 64)
            #expect(try OrgModelBinary.run(["analyse", file, "-o", "a.yaml", "--format", "table"], in: folder).exitCode == 0)
            #expect(try OrgModelBinary.run(["analyse", file, "-o", "a.out"], in: folder).exitCode == 0)
        }
    }

    @Test("render --split-by-tier writes every page or none")
    func splitPagesWholeOrNothing() throws {
        try inFolder { folder, file in
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("chart-HOS-2.svg"), withIntermediateDirectories: false)
            let run = try OrgModelBinary.run(["render", file, "--split-by-tier", "4", "-o", "chart.svg"], in: folder)
            #expect(run.exitCode == 3, "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("chart-HOS.svg").path))
        }
    }

    @Test("A redacted chart never shows a withheld name: possessives and grades are redacted, and a name left elsewhere is refused")
    func redactedCharts() throws {
        try inFolder { folder, file in
            for format in ["svg", "dot", "pdf"] {
                let run = try OrgModelBinary.run(["render", file, "--redact", "--names", "all", "-o", "r.\(format)"], in: folder)
                #expect(run.exitCode == 0, "\(run.stderr)")
            }
            for format in ["svg", "dot"] {
                let text = try String(contentsOf: folder.appendingPathComponent("r.\(format)"), encoding: .utf8)
                #expect(!text.contains("Gamma") && !text.contains("Delta"), "\(format)")
            }
            let named = folder.appendingPathComponent("Gamma Withheld notes.yaml")
            try FileManager.default.copyItem(atPath: file, toPath: named.path)
            let leak = try OrgModelBinary.run(["render", named.path, "--redact", "-o", "leak.svg"], in: folder)
            #expect(leak.exitCode == 3)
            #expect(leak.stderr.contains("would still show Gamma Withheld, in the file name"))
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("leak.svg").path))
        }
    }

    @Test(
        "Charts of two structures withhold, in text, the names either withholds; one-word names before a possessive and surnames after Mr are redacted"
    )
    func twoStructureRedaction() throws {
        try inFolder { folder, _ in
            let current = """
                posts:
                  - {id: ED, tier: 2, holder: Alpha Person}
                  - {id: HOS-K, title: Head of Service, tier: 4, reports_to: ED, holder: Kim Gone}
                  - {id: HOS-A, title: "Ann's team lead", tier: 4, reports_to: ED, holder: Ann}

                """
            let proposed = """
                posts:
                  - {id: ED, tier: 2, holder: Alpha Person}
                  - {id: HOS-N, title: Head of the former Kim Gone service, tier: 4, reports_to: ED}
                  - {id: HOS-A, title: PA to Mr Gone, tier: 4, reports_to: ED, holder: Ann}

                """
            try Data(current.utf8).write(to: folder.appendingPathComponent("cur.yaml"))
            try Data(proposed.utf8).write(to: folder.appendingPathComponent("pro.yaml"))
            for kind in ["--changes", "--compare"] {
                let run = try OrgModelBinary.run(["render", kind, "cur.yaml", "pro.yaml", "--redact", "-o", "c.dot"], in: folder)
                #expect(run.exitCode == 0, "\(run.stderr)")
                let dot = try String(contentsOf: folder.appendingPathComponent("c.dot"), encoding: .utf8)
                for name in ["Kim", "Gone", "Ann&#39;s", "Ann's"] { #expect(!dot.contains(name), "\(kind): \(name)") }
            }
            let review = try OrgModelBinary.run(["review", "cur.yaml", "pro.yaml", "--redact", "-o", "rv"], in: folder)
            #expect(review.exitCode == 0 || review.exitCode == 1, "\(review.stderr)")
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("rv").path)
            where !file.hasSuffix(".png") && !file.hasSuffix(".pdf") {
                let text = try String(contentsOf: folder.appendingPathComponent("rv/\(file)"), encoding: .utf8)
                #expect(!text.contains("Kim Gone") && !text.contains("Mr Gone"), "\(file)")
            }
        }
    }
}
