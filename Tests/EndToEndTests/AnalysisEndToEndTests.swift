import Foundation
import Testing

/// `orgmodel analyse`, `compare` and `delayer` run as a user would, on the bundled structures.
@Suite("analyse, compare and delayer end to end")
struct AnalysisEndToEndTests {
    static let current = OrgModelBinary.structure("county-childrens-social-care-current.yaml")
    static let proposed = OrgModelBinary.structure("county-childrens-social-care-proposed.yaml")

    @Test func analyseTable() throws {
        let run = try OrgModelBinary.run(["analyse", Self.current])
        #expect(run.exitCode == 0, "\(run.stderr)")
        for section in ["Tiers", "Span bands", "Layers", "One-over-one managers", "Ratios", "Remits of senior posts"] {
            #expect(run.stdout.contains("\n\(section)"), "missing \(section)")
        }
        #expect(run.stderr.isEmpty)
    }

    @Test func analyseCSVHasARowPerPost() throws {
        let run = try OrgModelBinary.run(["analyse", Self.current, "--format", "csv"])
        #expect(run.exitCode == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first == "id,tier,span,layer,remit_headcount,remit_fte,remit_cost")
        let validate = try OrgModelBinary.run(["validate", Self.current, "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(validate.stdout.utf8)) as? [String: Any])
        let posts = try #require((report["files"] as? [[String: Any]])?.first?["posts"] as? Int)
        #expect(lines.count == posts + 1)
        // The top post is layer 0 and its remit is everyone else.
        let top = lines[1].split(separator: ",", omittingEmptySubsequences: false)
        #expect(top[3] == "0")
    }

    @Test func analyseJSONAndMarkdownToAFile() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = try OrgModelBinary.run(["analyse", Self.current, "--format", "json"])
        #expect(json.exitCode == 0)
        #expect((try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) != nil)
        let target = folder.appendingPathComponent("analysis.md")
        let written = try OrgModelBinary.run(["analyse", Self.current, "--format", "markdown", "-o", target.path])
        #expect(written.exitCode == 0)
        #expect(written.stdout.isEmpty)
        #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("# Analysis: "))
    }

    @Test func analyseExitCodes() throws {
        let missing = try OrgModelBinary.run(["analyse", "no-such-file.yaml"])
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("no-such-file.yaml: no such file"))
        let unwritable = try OrgModelBinary.run(["analyse", Self.current, "-o", "/no/such/folder/out.txt"])
        #expect(unwritable.exitCode == 3)
        #expect(unwritable.stderr.contains("does not exist"))
        let usage = try OrgModelBinary.run(["analyse", Self.current, "--format", "pdf"])
        #expect(usage.exitCode == 64)
    }

    @Test func compareMarkdownForAnAppendix() throws {
        let run = try OrgModelBinary.run(["compare", Self.current, Self.proposed, "--format", "markdown", "--as-of", "2021-01-01"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("# Key differences: "))
        for heading in [
            "### Posts deleted", "### Posts created", "### Posts moved to another manager", "### Temporary → permanent",
            "## Totals before → after", "## Cost of the change", "### Violations fixed",
        ] {
            #expect(run.stdout.contains(heading), "missing \(heading)")
        }
        #expect(run.stdout.contains("- **Net change in cost:** "))
    }

    @Test func compareJSONAndExitCodes() throws {
        let json = try OrgModelBinary.run(["compare", Self.current, Self.proposed, "--format", "json"])
        #expect(json.exitCode == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["totals"] != nil && object["deleted"] != nil)
        // Deleted posts carry their headcount and vacancies; the deviations relied on are listed.
        let deleted = try #require(object["deleted"] as? [[String: Any]])
        #expect(deleted.allSatisfy { $0["count"] is Int && $0["vacant"] is Int })
        #expect(object["deviations"] is [[String: Any]])
        let missing = try OrgModelBinary.run(["compare", Self.current, "missing.yaml"])
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("missing.yaml"))
    }

    @Test func delayerWritesOptionsThatValidate() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("options/new")
        let run = try OrgModelBinary.run(["delayer", Self.current, "-o", output.path, "--as-of", "2021-01-01"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("At a glance"))
        let files = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(files == ["option-1-remove-hidden-layers.yaml", "option-2-merge-narrow-spans.yaml", "option-3-split-wide-spans.yaml"])
        for file in files {
            let path = output.appendingPathComponent(file).path
            #expect(try String(contentsOfFile: path, encoding: .utf8).contains("\nstate: option\n"))
            let validate = try OrgModelBinary.run(["validate", path, "--as-of", "2021-01-01"])
            // The options still have errors (exit 1), but each reads as a structure (not 2).
            #expect(validate.exitCode == 0 || validate.exitCode == 1, "\(file): \(validate.stderr)")
        }
        let before = try OrgModelBinary.run(["validate", Self.current, "--as-of", "2021-01-01", "--format", "json"])
        let after = try OrgModelBinary.run([
            "validate", output.appendingPathComponent(files[2]).path, "--as-of", "2021-01-01", "--format", "json",
        ])
        func errors(_ json: String) throws -> Int {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            return try #require((object["files"] as? [[String: Any]])?.first?["errors"] as? Int)
        }
        #expect(try errors(after.stdout) < errors(before.stdout))
        // An option can be compared with the structure it came from.
        let compare = try OrgModelBinary.run(["compare", Self.current, output.appendingPathComponent(files[0]).path])
        #expect(compare.exitCode == 0)
    }

    @Test func delayerJSONSummary() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try OrgModelBinary.run(["delayer", Self.current, "-o", folder.path, "--format", "json", "--as-of", "2021-01-01"])
        #expect(run.exitCode == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let options = try #require(object["options"] as? [[String: Any]])
        #expect(options.count == 3)
        for option in options {
            #expect(
                ((option["findings"] as? [String: Any])?["introduced"] as? [[String: Any]])?.contains {
                    $0["severity"] as? String == "error"
                } == false)
        }
    }

    @Test func delayerExitCodes() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The output is a file, not a folder: exit 3, nothing written.
        let file = folder.appendingPathComponent("taken")
        try Data("x".utf8).write(to: file)
        let blocked = try OrgModelBinary.run(["delayer", Self.current, "-o", file.path])
        #expect(blocked.exitCode == 3)
        #expect(blocked.stderr.contains("is a file, not a folder"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["taken"])
        // A structure whose reporting lines loop cannot be de-layered: exit 1.
        let loop = folder.appendingPathComponent("loop.yaml")
        try Data(
            """
            posts:
              - {id: ED, tier: 2}
              - {id: A, tier: 4, reports_to: B}
              - {id: B, tier: 4, reports_to: A}
            """.utf8
        ).write(to: loop)
        let broken = try OrgModelBinary.run(["delayer", loop.path, "-o", folder.appendingPathComponent("out").path])
        #expect(broken.exitCode == 1)
        #expect(broken.stderr.contains("cannot be de-layered"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
        let missing = try OrgModelBinary.run(["delayer", "missing.yaml", "-o", folder.path])
        #expect(missing.exitCode == 2)
    }
}
