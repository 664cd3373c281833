import Foundation
import OrgModel
import Testing

/// `orgmodel import` and `orgmodel export` run as a user runs them: exit codes, messages,
/// and the files written (or, on failure, not written).
@Suite("HR data in and out, end to end")
struct HRDataEndToEndTests {
    static let hr = OrgModelBinary.packageRoot.appendingPathComponent("Structures/hr")
    static let redactionSample = OrgModelBinary.packageRoot
        .appendingPathComponent("Tests/OrgModelTests/Redaction/Fixtures/redaction-sample.yaml").path

    /// Runs `body` with a fresh folder, removed afterwards.
    func inFolder(_ body: (URL) throws -> Void) throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    func files(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test("The sample extract imports into a structure that loads and validates")
    func importSample() throws {
        try inFolder { folder in
            let out = folder.appendingPathComponent("children.yaml").path
            let run = try OrgModelBinary.run([
                "import", "Structures/hr/extract.csv", "--map", "Structures/hr/mapping.yaml", "-o", out,
            ])
            #expect(run.exitCode == 0, "\(run.stderr)")
            #expect(run.stdout == "imported 25 posts from Structures/hr/extract.csv with Structures/hr/mapping.yaml into \(out)\n")
            #expect(run.stderr.contains("note: 1 job share (one post each, FTE and cost summed, holders listed): P1110"))
            let structure = try StructureFile.load(out)
            #expect(structure.posts.count == 25)
            #expect(structure.rules == "childrens-social-care")
            let validate = try OrgModelBinary.run(["validate", out])
            #expect(validate.exitCode == 1)  // the sample has narrow spans to show
            #expect(validate.stdout.contains("25 posts"))
        }
    }

    @Test("Without -o, the YAML goes to standard output and the summary to standard error")
    func importToStandardOutput() throws {
        let run = try OrgModelBinary.run(["import", "Structures/hr/extract.csv", "--map", "Structures/hr/mapping.yaml"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(
            run.stdout.hasPrefix(
                "# Imported by orgmodel from Structures/hr/extract.csv with Structures/hr/mapping.yaml.\nname: Children's services (from the HR extract)\n"
            ))
        #expect(run.stderr.hasSuffix("imported 25 posts from Structures/hr/extract.csv with Structures/hr/mapping.yaml\n"))
        let structure = try StructureFile.parse(Array(run.stdout.utf8), format: .yaml, file: "stdout.yaml")
        #expect(structure.posts.count == 25)
    }

    @Test("Bad rows: every one listed, exit 2, nothing written")
    func badRowsWriteNothing() throws {
        try inFolder { folder in
            let out = folder.appendingPathComponent("out.yaml").path
            let run = try OrgModelBinary.run([
                "import", "Structures/hr/extract-with-errors.csv", "--map", "Structures/hr/mapping.yaml", "-o", out,
            ])
            #expect(run.exitCode == 2)
            let lines = run.stderr.split(separator: "\n").filter { $0.hasPrefix("Structures/hr/extract-with-errors.csv:") }
            #expect(
                lines == [
                    "Structures/hr/extract-with-errors.csv:6: FTE must be a number, not \"one\" (write digits, such as 0.5 or £42,000.50)",
                    "Structures/hr/extract-with-errors.csv:14: Position ID is empty",
                    "Structures/hr/extract-with-errors.csv:19: Parent Position \"P1111\" is not a Position ID in the extract",
                    "Structures/hr/extract-with-errors.csv:20: Parent Position \"P1111\" is not a Position ID in the extract",
                    "Structures/hr/extract-with-errors.csv:25: Start Date must be a date such as 2020-10-01 or 01/10/2020, not \"31/02/2024\"",
                ])
            #expect(run.stderr.contains("orgmodel: 5 bad rows: nothing written"))
            #expect(try files(in: folder).isEmpty)
        }
    }

    @Test("--skip-bad-rows writes the good rows and a reject file of the bad rows, byte for byte")
    func skipBadRows() throws {
        try inFolder { folder in
            let out = folder.appendingPathComponent("out.yaml").path
            let run = try OrgModelBinary.run([
                "import", "Structures/hr/extract-with-errors.csv", "--map", "Structures/hr/mapping.yaml", "-o", out,
                "--skip-bad-rows",
            ])
            #expect(run.exitCode == 0, "\(run.stderr)")
            #expect(try files(in: folder) == ["extract-with-errors.rejected.csv", "out.yaml"])
            let rejectPath = folder.appendingPathComponent("extract-with-errors.rejected.csv").path
            #expect(run.stdout.hasSuffix("; 13 bad rows in \(rejectPath)\n"))
            let skipped = run.stderr.split(separator: "\n").filter { $0.hasPrefix("skipped ") }
            #expect(skipped.count == 13)
            // Notes count the posts written: the rejected job share is no job share of the
            // structure, and rejected rows' grades are not counted.
            #expect(!run.stderr.contains("job share (one post each"))
            #expect(run.stderr.contains("note: 4 posts have grades the tiers table does not list (PO5, SO1, SO2, Scale 6)"))
            // The reject file is the header and the rejected rows exactly as they were.
            let source = try String(contentsOf: Self.hr.appendingPathComponent("extract-with-errors.csv"), encoding: .utf8)
            let sourceLines = source.components(separatedBy: "\r\n")
            let rejectedLines = [6, 9, 10, 11, 14, 15, 16, 19, 20, 21, 22, 23, 25]
            let expected = ([sourceLines[0]] + rejectedLines.map { sourceLines[$0 - 1] }).joined(separator: "\r\n") + "\r\n"
            #expect(try String(contentsOfFile: rejectPath, encoding: .utf8) == expected)
            let structure = try StructureFile.load(out)
            #expect(structure.posts.count == 13)  // 26 rows less 13 rejected
        }
    }

    @Test(
        "Usage mistakes exit 64; unreadable inputs 2; unwritable outputs 3",
        arguments: [
            (["import", "Structures/hr/extract.csv"], Int32(64), "needs --map"),
            (["import", "Structures/hr/extract.csv", "--map", "Structures/hr/mapping.yaml", "-o", "out.txt"], 64, "name it .yaml"),
            (["import", "--organogram", "a.csv", "b.csv", "c.csv"], 64, "the senior file and then the junior file"),
            (["import", "Structures/hr/nothing.csv", "--map", "Structures/hr/mapping.yaml"], 2, "Structures/hr/nothing.csv: no such file"),
            (["import", "Structures/hr/extract.csv", "--map", "Structures/hr/extract.csv"], 2, "Structures/hr/extract.csv:1:1:"),
            (
                ["import", "Structures/hr/extract.csv", "--map", "Structures/hr/mapping.yaml", "--encoding", "ebcdic"], 2,
                "the encoding must be auto, utf-8 or windows-1252"
            ),
            (
                ["import", "Structures/hr/extract.csv", "--map", "Structures/hr/mapping.yaml", "-o", "/nonexistent/folder/x.yaml"], 3,
                "/nonexistent/folder/x.yaml: cannot be written: the directory /nonexistent/folder does not exist"
            ),
            (["export", "Structures/county-childrens-social-care-current.yaml"], 64, "give --format"),
            (["export", "Structures/county-childrens-social-care-current.yaml", "--format", "organogram"], 64, "give the folder with -o"),
            (["export", "Structures/missing.yaml", "--format", "csv"], 2, "no such file"),
            (["export", "Structures/childrens-services-redesign-proposed.yaml", "--format", "csv"], 3, "CSV cannot hold deviations, and "),
            (["export", "Structures/county-childrens-social-care-current.yaml", "-o", "/nonexistent/x.csv"], 3, "cannot be written"),
        ] as [([String], Int32, String)])
    func exitCodes(arguments: [String], code: Int32, message: String) throws {
        let run = try OrgModelBinary.run(arguments)
        #expect(run.exitCode == code, "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test("A binary file and a workbook are refused with a sentence, exit 2")
    func binaryInputs() throws {
        try inFolder { folder in
            let workbook = folder.appendingPathComponent("extract.xlsx.csv")
            try Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]).write(to: workbook)
            let run = try OrgModelBinary.run(["import", workbook.path, "--map", "Structures/hr/mapping.yaml"])
            #expect(run.exitCode == 2)
            #expect(
                run.stderr
                    == "orgmodel: \(workbook.path): this is an Excel workbook (.xlsx) or another zip file, not CSV; save the data as CSV (UTF-8) from the spreadsheet or HR system\n"
            )
            let binary = folder.appendingPathComponent("random.csv")
            try Data((0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 37) }).write(to: binary)
            let second = try OrgModelBinary.run(["import", binary.path, "--map", "Structures/hr/mapping.yaml"])
            #expect(second.exitCode == 2)
            #expect(second.stderr.contains("this is a binary file, not CSV text"))
        }
    }

    @Test("A Windows-1252, semicolon-separated extract imports with --delimiter ';'")
    func windows1252Semicolons() throws {
        try inFolder { folder in
            let extract = folder.appendingPathComponent("export.csv")
            var bytes = Array("Position ID;Parent Position;Job Title;Employee Name\r\n".utf8)
            bytes += Array("P1;;Director;Ren".utf8) + [0xE9, 0x65] + Array(" Example\r\n".utf8)  // "Renée"
            bytes += Array("P2;P1;\"Head; Caf".utf8) + [0xE9] + Array("\";\r\n".utf8)
            try Data(bytes).write(to: extract)
            let mapping = folder.appendingPathComponent("map.yaml")
            try "columns:\n  id: Position ID\n  reports_to: Parent Position\n  title: Job Title\n  holder: Employee Name\n"
                .write(to: mapping, atomically: true, encoding: .utf8)
            let out = folder.appendingPathComponent("out.csv").path
            let run = try OrgModelBinary.run(["import", extract.path, "--map", mapping.path, "--delimiter", ";", "-o", out])
            #expect(run.exitCode == 0, "\(run.stderr)")
            #expect(run.stderr.contains("note: read \(extract.path) as Windows-1252: it is not valid UTF-8"))
            let structure = try StructureFile.load(out)
            #expect(structure.posts.map(\.holder) == ["Renée Example", nil])
            #expect(structure.posts.map(\.title) == ["Director", "Head; Café"])
            // Without the delimiter: one column, and a hint.
            let wrong = try OrgModelBinary.run(["import", extract.path, "--map", mapping.path])
            #expect(wrong.exitCode == 2)
            #expect(wrong.stderr.contains("try --delimiter ';'"))
        }
    }

    @Test("YAML → CSV → YAML through the command gives back the same structure")
    func exportRoundTrip() throws {
        try inFolder { folder in
            let csv = folder.appendingPathComponent("county.csv").path
            let yaml = folder.appendingPathComponent("county.yaml").path
            let original = OrgModelBinary.structure("county-childrens-social-care-current.yaml")
            let first = try OrgModelBinary.run(["export", original, "-o", csv])
            #expect(first.exitCode == 0, "\(first.stderr)")
            #expect(first.stdout == "wrote 254 posts to \(csv)\n")
            let second = try OrgModelBinary.run(["export", csv, "--format", "yaml", "-o", yaml])
            #expect(second.exitCode == 0, "\(second.stderr)")
            var before = try StructureFile.load(original)
            var after = try StructureFile.load(yaml)
            before.source = nil
            after.source = nil
            for index in before.posts.indices { before.posts[index].line = 0 }
            for index in after.posts.indices { after.posts[index].line = 0 }
            #expect(before == after)
            // To standard output when -o is left out.
            let stdout = try OrgModelBinary.run(["export", csv, "--format", "csv"])
            #expect(stdout.stdout == (try String(contentsOfFile: csv, encoding: .utf8)))
        }
    }

    @Test("Deviations make CSV export refuse, naming the posts, and write nothing")
    func deviationsRefused() throws {
        try inFolder { folder in
            let out = folder.appendingPathComponent("x.csv").path
            let file = OrgModelBinary.structure("childrens-services-redesign-proposed.yaml")
            let run = try OrgModelBinary.run(["export", file, "-o", out])
            #expect(run.exitCode == 3)
            #expect(run.stderr.hasPrefix("orgmodel: \(file): CSV cannot hold deviations, and "))
            #expect(run.stderr.hasSuffix("have some: write the structure as YAML instead\n"))
            #expect(try files(in: folder).isEmpty)
        }
    }

    @Test("Organogram: synthetic files in, a structure, and the two files back out")
    func organogram() throws {
        try inFolder { folder in
            let senior = folder.appendingPathComponent("2024-03-31-senior.csv")
            let junior = folder.appendingPathComponent("2024-03-31-junior.csv")
            try """
            Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Parent Department,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,Salary Cost of Reports (£),FTE,Actual Pay Floor (£),Actual Pay Ceiling (£),,Professional/Occupational Group,Notes,Valid?
            T-1,Nova Example,SCS3,Chief Executive,Leads,Dept of Examples,Agency of Examples,Office,N/D,N/D,XX,100000,1,125000,129999,,Policy,,1
            T-2,N/D,SCS2,"Director, Operations",Runs operations,Dept of Examples,Agency of Examples,Operations,N/D,N/D,T-1,200000,1,95000,99999,,Operational Delivery,,1
            T-3,Eliminated,SCS1,Deputy Director,,Dept of Examples,Agency of Examples,Operations,N/D,N/D,T-2,0,1,0,0,,Policy,,1

            """.replacingOccurrences(of: "\n", with: "\r\n").write(to: senior, atomically: true, encoding: .utf8)
            try """
            Parent Department,Organisation,Unit,Reporting Senior Post,Grade,Payscale Minimum (£),Payscale Maximum (£),Generic Job Title,Number of Posts in FTE,Professional/Occupational Group
            Dept of Examples,Agency of Examples,Operations,T-2,EO,25000,30000,Case Officer,7.5,Operational Delivery
            Dept of Examples,Agency of Examples,Operations,T-3,AO,20000,23000,Administrator,2,Operational Delivery

            """.replacingOccurrences(of: "\n", with: "\r\n").write(to: junior, atomically: true, encoding: .utf8)
            let yaml = folder.appendingPathComponent("agency.yaml").path
            let run = try OrgModelBinary.run(["import", "--organogram", senior.path, junior.path, "-o", yaml])
            #expect(run.exitCode == 0, "\(run.stderr)")
            #expect(
                run.stderr.contains(
                    "note: T-3 (\(senior.path):4) is Eliminated: left out; 1 junior line that reported to it now reports to T-2"))
            let structure = try StructureFile.load(yaml)
            #expect(structure.posts.map(\.id.rawValue) == ["T-1", "T-2", "T-2-J1", "T-3-J1"])
            #expect(structure.posts.map(\.tier) == [2, 3, nil, nil])
            #expect(structure.posts[2].count == 8)

            let outFolder = folder.appendingPathComponent("published").path
            let export = try OrgModelBinary.run(["export", yaml, "--format", "organogram", "-o", outFolder])
            #expect(export.exitCode == 0, "\(export.stderr)")
            let seniorOut = try String(contentsOfFile: outFolder + "/agency-senior.csv", encoding: .utf8)
            let juniorOut = try String(contentsOfFile: outFolder + "/agency-junior.csv", encoding: .utf8)
            #expect(
                export.stdout == "wrote \(outFolder)/agency-senior.csv (2 senior rows) and \(outFolder)/agency-junior.csv (2 junior rows)\n"
            )
            let expectedSenior =
                try String(contentsOf: senior, encoding: .utf8).components(separatedBy: "\r\n").prefix(3).joined(separator: "\r\n") + "\r\n"
            #expect(seniorOut == expectedSenior)
            #expect(
                juniorOut.components(separatedBy: "\r\n")[2]
                    == "Dept of Examples,Agency of Examples,Operations,T-2,AO,20000,23000,Administrator,2,Operational Delivery")
        }
    }

    @Test("--redact: no withheld name in the YAML, CSV or organogram bytes the command writes", arguments: ["yaml", "csv", "organogram"])
    func redactedExports(format: String) throws {
        try inFolder { folder in
            let original = try StructureFile.load(Self.redactionSample)
            let audit = RedactionAudit(withholdingFrom: original, by: .standard)
            #expect(audit.withheldNames.count == 8)
            let out = folder.appendingPathComponent(format == "organogram" ? "published" : "out.\(format)").path
            let run = try OrgModelBinary.run(["export", Self.redactionSample, "--format", format, "-o", out, "--redact"])
            #expect(run.exitCode == 0, "\(run.stderr)")
            var written: [Data] = []
            if format == "organogram" {
                for name in try FileManager.default.contentsOfDirectory(atPath: out) {
                    written.append(try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent(name)))
                }
                #expect(written.count == 2)
            } else {
                written.append(try Data(contentsOf: URL(fileURLWithPath: out)))
            }
            for data in written {
                let text = String(decoding: data, as: UTF8.self).lowercased()
                for name in audit.withheldNames {
                    #expect(!text.contains(name.lowercased()), "\(format) shows \(name)")
                    #expect(!text.contains(name.lowercased().replacingOccurrences(of: " ", with: ".")), "\(format) shows \(name)")
                }
                #expect(audit.leaks(in: [UInt8](data)).isEmpty)
            }
            // Unredacted, the same export shows them: the check bites.
            let plain = try OrgModelBinary.run(["export", Self.redactionSample, "--format", format == "organogram" ? "yaml" : format])
            #expect(!audit.leaks(in: plain.stdout).isEmpty)
        }
    }

    @Test("A withheld name redaction cannot reach (the organisation's name) stops the export: exit 3, nothing written")
    func redactionCheckRefuses() throws {
        try inFolder { folder in
            let text = try String(contentsOfFile: Self.redactionSample, encoding: .utf8)
                .replacingOccurrences(of: "organisation: Example Council", with: "organisation: Office of Wilhelmina Crabtree")
            let input = folder.appendingPathComponent("leaky.yaml")
            try text.write(to: input, atomically: true, encoding: .utf8)
            let out = folder.appendingPathComponent("out.yaml").path
            let run = try OrgModelBinary.run(["export", input.path, "-o", out, "--redact"])
            #expect(run.exitCode == 3)
            #expect(
                run.stderr
                    == "orgmodel: \(input.path): redaction check failed: Wilhelmina Crabtree still appears in the output, in the organisation's name; nothing written. Redaction replaces names in titles, services, grades and notes only: take the name out of that field\n"
            )
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }

    @Test("A redaction profile file changes whose names show; YAML says how it was redacted")
    func redactionProfile() throws {
        try inFolder { folder in
            let profile = folder.appendingPathComponent("profile.yaml")
            try "named_tiers: [1, 2, 3, 4]\ncost_band: 10000\n".write(to: profile, atomically: true, encoding: .utf8)
            let run = try OrgModelBinary.run(["export", Self.redactionSample, "--format", "yaml", "--redaction-profile", profile.path])
            #expect(run.exitCode == 0, "\(run.stderr)")
            #expect(
                run.stdout.hasPrefix(
                    "# Redacted for publication: names shown for tiers 1, 2, 3, 4 only, N/D elsewhere; costs as the floor of their £10,000 band; personal attributes removed\n"
                ))
            #expect(run.stdout.contains("holder: Octavia Brightwater"))
            #expect(run.stdout.contains("holder: Thaddeus Quigley"))
            #expect(!run.stdout.contains("Wilhelmina Crabtree"))
            #expect(run.stdout.contains("cost: 80000"))
            let bad = try OrgModelBinary.run(["export", Self.redactionSample, "--format", "yaml", "--redaction-profile", "nowhere.yaml"])
            #expect(bad.exitCode == 2)
        }
    }
}
