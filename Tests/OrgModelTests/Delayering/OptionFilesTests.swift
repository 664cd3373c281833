import Foundation
import Testing

@testable import OrgAnalysis
@testable import OrgModel
@testable import OrgSupport

@Suite("OptionFiles")
struct OptionFilesTests {
    @Test func relativeRulesPathsAreRewrittenForTheOutputFolder() {
        #expect(OptionFiles.relativePath(from: "/a/b/options", to: "/a/b/rules/x.yaml") == "../rules/x.yaml")
        #expect(OptionFiles.relativePath(from: "/a/b", to: "/a/b/x.yaml") == "x.yaml")
        #expect(OptionFiles.relocate("childrens-social-care", from: "/a", to: "/tmp/out") == "childrens-social-care")
        #expect(OptionFiles.relocate("/etc/rules.yaml", from: "/a", to: "/tmp/out") == "/etc/rules.yaml")
        #expect(
            OptionFiles.relocate("rules/x.yaml", from: "/work/Structures", to: "/work/Diagrams/options") == "../../Structures/rules/x.yaml")
        #expect(OptionFiles.relocate(nil, from: "/a", to: "/b") == nil)
    }

    @Test func optionFileNamesAndMetadata() throws {
        let result = try DelayeringPlanner(rules: Fixtures.rules, asOf: Fixtures.asOf).options(for: DelayeringFixtures.structure)
        #expect(
            result.options.map { OptionFiles.fileName(for: $0.unmeasured) } == [
                "option-1-remove-hidden-layers.yaml", "option-2-merge-narrow-spans.yaml", "option-3-split-wide-spans.yaml",
            ])
        let option = result.options[1]
        let structure = OptionFiles.structure(
            for: option.unmeasured, original: DelayeringFixtures.structure, rulesReference: nil, referenceBase: "/x", folder: "/x/out")
        #expect(structure.state == .option)
        #expect(structure.name == "Delayering example, de-layering option 2")
        #expect(structure.rules == "childrens-social-care")
        let yaml = OptionFiles.yaml(for: option.unmeasured, structure: structure, from: "example.yaml")
        #expect(yaml.hasPrefix("# De-layering option 2: Option 1, then merge sibling managers with narrow spans.\n"))
        #expect(yaml.contains("\nstate: option\n"))
        #expect(yaml.contains("# 2. Merge SM-2 into SM-1"))
        let back = try StructureFile.parse(Array(yaml.utf8), format: .yaml, file: "option.yaml")
        #expect(back.state == .option)
        #expect(back.posts.count == option.structure.posts.count)
    }

    @Test func writesAllOrNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orgmodel-options-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try ReportOutput.prepareFolder(folder.path)
        let good = folder.appendingPathComponent("a.yaml").path
        let bad = folder.appendingPathComponent("missing/b.yaml").path
        // The folder is made only with what goes in it: not before, and not by a failed write.
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        #expect(throws: OutputError.self) { try ReportOutput.writeAll([(good, Array("a".utf8)), (bad, Array("b".utf8))]) }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        try ReportOutput.writeAll([(good, Array("a".utf8))])
        #expect(try String(contentsOfFile: good, encoding: .utf8) == "a")
        // A file where the folder should be.
        #expect(throws: OutputError.self) { try ReportOutput.prepareFolder(good) }
    }

    @Test("Header lines: every kind of line break a space, other text as it is")
    func headerLinesFlattened() {
        #expect(OptionFiles.oneLine("Merge SM-1 into SM-2") == "Merge SM-1 into SM-2")
        #expect(OptionFiles.oneLine("Résumé — équipe") == "Résumé — équipe")
        #expect(OptionFiles.oneLine("a\nb\rc\r\nd\u{0B}e\u{0C}f\u{85}g\u{2028}h\u{2029}i") == "a b c d e f g h i")
        #expect(OptionFiles.oneLine("\n") == " ")
    }
}
