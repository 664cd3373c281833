import Foundation
import Testing

@testable import OrgAnalysis
@testable import OrgModel
@testable import OrgReports

/// The promises every option keeps, on generated structures with hidden layers,
/// one-over-one chains, assistants and agreed deviations added.
@Suite("Delayering properties")
struct DelayeringPropertyTests {
    static let seeds: [UInt64] = [1, 2, 3, 4, 5, 6, 7, 8, 11, 42]

    @Test(arguments: seeds)
    func optionsKeepTheirPromises(_ seed: UInt64) throws {
        let structure = DelayeringFixtures.generated(posts: 1_500 + Int(seed % 5) * 400, seed: seed)
        let rules = try Fixtures.rules
        let result = try DelayeringPlanner(rules: rules, asOf: Fixtures.asOf).options(for: structure)
        let frontLine = DelayeringFixtures.frontLine(structure)
        let costing = PostCosting(rules: rules)
        let originalDeviations = Dictionary(structure.posts.map { ($0.id, $0.deviations) }, uniquingKeysWith: { a, _ in a })
        #expect(result.options.count == 3)
        #expect(result.options[0].moves.contains { $0.kind == .removeHiddenLayer })
        #expect(result.options[0].moves.contains { $0.kind == .removeOneOverOne })
        for option in result.options {
            let label = "seed \(seed) option \(option.number)"
            // The front line is conserved: the same posts, the same counts.
            #expect(DelayeringFixtures.frontLine(option.structure) == frontLine, "\(label)")
            // No error the original did not have.
            #expect(option.findingChanges.introducedErrors.isEmpty, "\(label): \(option.findingChanges.introducedErrors.map(\.message))")
            // Headcount and cost add up.
            let removed = option.removedPosts.reduce(0) { $0 + $1.count }
            let added = option.addedPosts.reduce(0) { $0 + $1.count }
            #expect(option.structure.headcount == structure.headcount - removed + added, "\(label)")
            #expect(option.removedCost == costing.total(option.removedPosts))
            // Deviations carry over with their posts.
            for post in option.structure.posts {
                let before = originalDeviations[post.id].map { $0.map(\.rule) } ?? []
                #expect(post.deviations.map(\.rule) == before, "\(label) \(post.id)")
            }
            // The option is a sound structure: unique ids, every reporting line resolving.
            let index = StructureIndex(option.structure)
            #expect(index.duplicatePositions.isEmpty && index.unreachable.isEmpty && index.roots.count == 1, "\(label)")
            // It reads back from its YAML file as the same structure and validates the same.
            let yaml = StructureYAMLWriter().write(option.structure)
            let back = try StructureFile.parse(Array(yaml.utf8), format: .yaml, file: "option.yaml")
            #expect(back.posts.map(\.id) == option.structure.posts.map(\.id), "\(label)")
            let again = Validator(rules: rules, asOf: Fixtures.asOf).validate(back)
            #expect(again.errorCount == option.findings.errorCount && again.warningCount == option.findings.warningCount, "\(label)")
        }
        // Options are cumulative: each keeps the moves of the one before.
        for (earlier, later) in zip(result.options, result.options.dropFirst()) {
            #expect(Array(later.moves.prefix(earlier.moves.count)) == earlier.moves)
        }
    }

    @Test func theSameInputGivesTheSameOptions() throws {
        let structure = DelayeringFixtures.generated(posts: 1_000, seed: 9)
        let planner = DelayeringPlanner(rules: try Fixtures.rules, asOf: Fixtures.asOf)
        let first = try planner.options(for: structure)
        let second = try planner.options(for: structure)
        for (a, b) in zip(first.options, second.options) {
            #expect(StructureYAMLWriter().write(a.structure) == StructureYAMLWriter().write(b.structure))
        }
        #expect(DelayeringReport(first).markdown() == DelayeringReport(second).markdown())
    }
}
