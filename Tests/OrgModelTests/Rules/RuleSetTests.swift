import Foundation
import Testing

@testable import OrgModel

@Suite struct RuleSetTests {
    @Test func builtInRulesMatchTheShippedFile() throws {
        let shipped = try String(
            contentsOf: Fixtures.packageRoot.appendingPathComponent("Structures/rules/childrens-social-care.yaml"), encoding: .utf8)
        #expect(BuiltInRuleSets.text(named: "childrens-social-care") == shipped)
    }

    @Test func builtInTiers() throws {
        let rules = try Fixtures.rules
        #expect(rules.tiers.map(\.tier) == [2, 3, 4, 5, 6])
        #expect(rules.rule(forTier: 4)?.span == SpanRule(min: 4, max: 8))
        #expect(rules.rule(forTier: 5)?.span == SpanRule(min: 4, max: 8))
        #expect(rules.rule(forTier: 6)?.span == SpanRule(min: 4, max: 10))
        #expect(rules.rule(forTier: 2)?.span == nil)
        #expect(rules.approvers == ["SLT", "HR"])
        #expect(rules.maxLayers == 5)
        #expect(rules.label(forTier: 5) == "Tier 5 · Service Manager · span 4–8")
        #expect(rules.label(forTier: 1) == "Tier 1 · context")
    }

    @Test func rulesFileRelativeToTheStructure() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("rules"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(
            """
            name: small-council
            approvers: [SLT, HR]
            max_layers: 4
            tiers:
              - {tier: 2, role: Chief Officer}
              - {tier: 5, role: Service Manager, span: {min: 3, max: 8}}
              - {tier: 6, role: Team Manager, span: {min: 3, max: 10}}
            grades:
              M1: 64000
            """.utf8
        ).write(to: folder.appendingPathComponent("rules/small.yaml"))
        try Data("rules: rules/small.yaml\nposts:\n  - id: A\n".utf8).write(to: folder.appendingPathComponent("s.yaml"))
        let structure = try StructureFile.load(folder.appendingPathComponent("s.yaml").path)
        let rules = try RuleSetReader.ruleSet(for: structure)
        #expect(rules.name == "small-council")
        #expect(rules.maxLayers == 4)
        #expect(rules.gradeCosts == ["M1": 64000])
        #expect(rules.rule(forTier: 5)?.span == SpanRule(min: 3, max: 8))
        let overridden = try RuleSetReader.ruleSet(for: structure, override: "childrens-social-care")
        #expect(overridden.name == "childrens-social-care")
    }

    @Test func badRulesReferencesAndFiles() throws {
        let structure = Structure(rules: "childrens-socail-care", posts: [Post(id: "A")], source: "s.yaml")
        #expect(throws: LoadError.self) { try RuleSetReader.ruleSet(for: structure) }
        let missing = Structure(rules: "rules/none.yaml", posts: [Post(id: "A")], source: "/tmp/s.yaml")
        do {
            _ = try RuleSetReader.ruleSet(for: missing)
        } catch {
            #expect(error.message == "the rules file /tmp/rules/none.yaml does not exist")
        }
        #expect(throws: LoadError.self) { try RuleSetReader.parse("name: x\ntiers: []\n", source: "r.yaml") }
        #expect(throws: LoadError.self) {
            try RuleSetReader.parse("tiers:\n  - {tier: 4, role: H, span: {min: 8, max: 4}}\n", source: "r.yaml")
        }
        #expect(throws: LoadError.self) {
            try RuleSetReader.parse("tiers:\n  - {tier: 4, role: H}\n  - {tier: 4, role: H}\n", source: "r.yaml")
        }
        #expect(throws: LoadError.self) { try RuleSetReader.parse("tiers:\n  - {tier: 4, rol: H}\n", source: "r.yaml") }
        for (text, message) in [
            ("tiers:\n  - {tier: 0, role: H}\n", "tier must be 1 or more, not 0"),
            ("tiers:\n  - {tier: 4, role: H, span: {min: 10, max: 4}}\n", "span min 10 is more than max 4"),
            ("tiers:\n  - {tier: 4, rol: H}\n", "unknown tier key \"rol\""),
        ] {
            do {
                _ = try RuleSetReader.parse(text, source: "r.yaml")
                Issue.record("accepted \(text)")
            } catch {
                #expect(error.message == message)
            }
        }
        do {
            _ = try RuleSetReader.parse("approvers: []\ntiers:\n  - {tier: 4, role: H}\n", source: "r.yaml")
            Issue.record("an empty approvers list was accepted")
        } catch {
            #expect(error.message.hasPrefix("approvers cannot be empty"))
            #expect(error.line == 1)
        }
    }
}
