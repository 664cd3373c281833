import Foundation
import Testing

/// `orgmodel compare CURRENT OPTION OPTION...`: the delayer's options, and options drawn
/// up by hand, side by side with the current structure.
@Suite("compare options end to end")
struct OptionsEndToEndTests {
    static let current = OrgModelBinary.structure("county-childrens-social-care-current.yaml")
    static let proposed = OrgModelBinary.structure("county-childrens-social-care-proposed.yaml")

    /// The delayer's three options for the county structure, in a fresh folder.
    static func delayerOptions() throws -> (folder: URL, files: [String], summary: [String: Any]) {
        let folder = try OrgModelBinary.temporaryDirectory()
        let output = folder.appendingPathComponent("options")
        let run = try OrgModelBinary.run(["delayer", current, "-o", output.path, "--format", "json", "--as-of", "2026-11-22"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { output.appendingPathComponent($0).path }
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        return (folder, files, summary)
    }

    @Test("The delayer's options side by side: the figures are the delayer's own")
    func delayerOptionsSideBySide() throws {
        let (folder, files, summary) = try Self.delayerOptions()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(files.count == 3)
        let run = try OrgModelBinary.run(["compare", "--as-of", "2026-11-22", "--format", "json", Self.current] + files)
        #expect(run.exitCode == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let current = try #require(object["current"] as? [String: Any])
        let options = try #require(object["options"] as? [[String: Any]])
        #expect(options.map { $0["file"] as? String } == files)
        #expect(current["net_change"] == nil)

        let before = try #require(summary["before"] as? [String: Any])
        for key in ["posts", "headcount", "manager_posts", "management_layers", "narrow_spans", "wide_spans", "errors", "warnings"] {
            #expect(current[key] as? Int == before[key] as? Int, "current \(key)")
        }
        let generated = try #require(summary["options"] as? [[String: Any]])
        for (option, made) in zip(options, generated) {
            let after = try #require(made["after"] as? [String: Any])
            for key in [
                "posts", "headcount", "front_line_headcount", "manager_posts", "management_layers", "narrow_spans", "wide_spans", "errors",
                "warnings",
            ] {
                #expect(option[key] as? Int == after[key] as? Int, "\(option["file"] ?? "") \(key)")
            }
            // The delayer reports a saving; the table a net change, negative for a saving.
            let net = try #require(option["net_change"] as? [String: Any])
            #expect(net["known"] as? Double == -(made["net_saving"] as? Double ?? 0))
            #expect(option["deleted"] as? Int == (made["removed"] as? [Any])?.count)
            #expect(option["created"] as? Int == (made["added"] as? [Any])?.count)
            #expect(option["front_line_headcount"] as? Int == current["front_line_headcount"] as? Int)
        }
    }

    @Test("Text and Markdown mark the best value of each row")
    func tableMarksTheBest() throws {
        let (folder, files, _) = try Self.delayerOptions()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try OrgModelBinary.run(["compare", "--as-of", "2026-11-22", Self.current] + files + [Self.proposed])
        #expect(text.exitCode == 0, "\(text.stderr)")
        let lines = text.stdout.split(separator: "\n").map(String.init)
        func row(_ label: String) throws -> String { try #require(lines.first { $0.hasPrefix(label + "  ") }) }
        #expect(try row("Manager posts").hasSuffix("90           86           81 ✓           83           88"))
        #expect(try row("Errors").hasSuffix("0 ✓"))
        #expect(try row("Annual cost").contains("£22,574,000 ✓"))
        #expect(try row("Net change a year").contains("−£646,000 ✓"))
        #expect(try !row("Posts").contains("✓"))
        #expect(text.stdout.contains("Option 4 (1)"))

        let markdown = try OrgModelBinary.run(["compare", "--as-of", "2026-11-22", "--format", "markdown", Self.current] + files)
        #expect(markdown.exitCode == 0)
        #expect(markdown.stdout.hasPrefix("# Options: Statutory children's social care (current)\n"))
        #expect(markdown.stdout.contains("| Measure | Current | Option 1 | Option 2 | Option 3 |\n|---|---:|---:|---:|---:|\n"))
        #expect(markdown.stdout.contains("| Management layers | 6 | 5 ✓ | 5 ✓ | 5 ✓ |"))
    }

    @Test("Two files give today's key differences, unchanged")
    func twoFilesAreTheKeyDifferences() throws {
        let run = try OrgModelBinary.run(["compare", "--as-of", "2026-11-22", "--format", "json", Self.current, Self.proposed])
        #expect(run.exitCode == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["totals"] != nil && object["options"] == nil)
    }

    @Test("Options are written to -o like the key differences, and a missing option exits 2")
    func outputsAndErrors() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("options.md").path
        let run = try OrgModelBinary.run(["compare", "--as-of", "2026-11-22", Self.current, Self.proposed, Self.proposed, "-o", out])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("# Options: "))

        let missing = try OrgModelBinary.run(["compare", Self.current, Self.proposed, "missing-option.yaml"])
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("missing-option.yaml"))
        #expect(missing.stdout.isEmpty)

        let alone = try OrgModelBinary.run(["compare", Self.current])
        #expect(alone.exitCode == 64)
        #expect(alone.stderr.contains("give the proposed structure"))
        #expect(
            try OrgModelBinary.run([
                "compare", Self.current, Self.proposed, Self.proposed, "-o", folder.appendingPathComponent("x.csv").path,
            ]).exitCode == 64)
    }

    @Test("The same files give the same bytes")
    func deterministic() throws {
        let arguments = ["compare", "--as-of", "2026-11-22", "--format", "json", Self.current, Self.proposed, Self.current]
        #expect(try OrgModelBinary.run(arguments).stdout == OrgModelBinary.run(arguments).stdout)
    }
}
