import Foundation
import Testing

/// `orgmodel validate` run as a user would, on the bundled structures and on bad files.
@Suite struct ValidateEndToEndTests {
    @Test func proposedStructurePassesWithExitZero() throws {
        let run = try OrgModelBinary.run(["validate", "Structures/county-childrens-social-care-proposed.yaml", "--as-of", "2026-11-22"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("accepted span-narrow"))
        #expect(run.stdout.hasSuffix("passes\n"))
        #expect(run.stderr.isEmpty)
    }

    @Test func currentStructureFailsWithExitOne() throws {
        let run = try OrgModelBinary.run(["validate", "Structures/county-childrens-social-care-current.yaml"])
        #expect(run.exitCode == 1)
        #expect(run.stdout.contains("error    tier-order"))
        #expect(run.stdout.contains("(Structures/county-childrens-social-care-current.yaml:"))
        #expect(run.stdout.hasSuffix("fails\n"))
    }

    @Test func jsonOutputParses() throws {
        let run = try OrgModelBinary.run(["validate", "--format", "json", "Structures/childrens-services-redesign-current.yaml"])
        #expect(run.exitCode == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["rule"] as? String == "span-narrow" && $0["severity"] as? String == "error" })
    }

    @Test func unreadableInputExitsTwoAndStillValidatesTheRest() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.yaml")
        try Data("posts:\n  - id: A\n    fte: lots\n".utf8).write(to: bad)
        let run = try OrgModelBinary.run(["validate", bad.path, "Structures/childrens-services-redesign-proposed.yaml"])
        #expect(run.exitCode == 2)
        #expect(run.stderr.contains("bad.yaml:3:10: fte must be a number, not \"lots\""))
        #expect(run.stdout.contains("childrens-services-redesign-proposed.yaml: 37 posts"))
        #expect(run.stdout.contains("1 unreadable"))
        #expect(!run.stderr.contains("Fatal error"))
    }

    @Test func binaryFileGetsOneClearLine() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = folder.appendingPathComponent("structure.csv")
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0xFE]).write(to: binary)
        let run = try OrgModelBinary.run(["validate", binary.path])
        #expect(run.exitCode == 2)
        #expect(
            run.stderr
                == "orgmodel: \(binary.path): this is a binary file, not a text structure file; export the structure as CSV (UTF-8) or YAML\n"
        )
    }

    @Test func usageErrorsExitSixtyFour() throws {
        let noFile = try OrgModelBinary.run(["validate"])
        #expect(noFile.exitCode == 64)
        let badDate = try OrgModelBinary.run(["validate", "--as-of", "31/12/2020", "Structures/childrens-services-redesign-proposed.yaml"])
        #expect(badDate.exitCode == 64)
    }

    @Test func asOfMakesReviewsExpire() throws {
        let run = try OrgModelBinary.run(["validate", "--as-of", "2027-04-01", "Structures/county-childrens-social-care-proposed.yaml"])
        #expect(run.exitCode == 0)
        #expect(run.stdout.contains("warning  deviation-expired"))
    }
}
