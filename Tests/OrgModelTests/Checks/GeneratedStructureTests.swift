import Testing

@testable import OrgModel

/// Properties that hold for every generated structure, whatever the seed.
@Suite struct GeneratedStructureTests {
    static let seeds: [UInt64] = [1, 2, 3, 7, 42, 1234, 99_999]

    @Test(arguments: seeds) func generatedStructuresAreWellFormed(seed: UInt64) throws {
        let structure = StructureGenerator(posts: 3_000, seed: seed).generate()
        let index = StructureIndex(structure)
        #expect(index.roots.count == 1)
        #expect(index.unreachable.isEmpty)
        #expect(index.duplicatePositions.isEmpty)
        // Every post's headcount is counted once in its manager's span, assistants aside.
        let spanTotal = index.span.reduce(0, +)
        let assistants = structure.posts.filter(\.assistant).reduce(0) { $0 + $1.count }
        #expect(spanTotal == structure.headcount - structure.posts[index.roots[0]].count - assistants)
        // Depth grows by one down every reporting line.
        for position in structure.posts.indices {
            if let boss = index.manager[position] { #expect(index.depth[position] == index.depth[boss] + 1) }
        }
        let result = Validator(rules: try Fixtures.rules, asOf: Fixtures.asOf).validate(index)
        let integrity: Set<RuleID> = [
            .duplicateID, .unknownManager, .selfReport, .cycle, .noRoot, .multipleRoots, .tierOrder, .layersExceeded,
        ]
        #expect(!result.findings.contains { integrity.contains($0.rule) })
    }

    @Test(arguments: seeds) func sameSeedSameStructure(seed: UInt64) {
        let a = StructureGenerator(posts: 500, seed: seed).generate()
        let b = StructureGenerator(posts: 500, seed: seed).generate()
        #expect(a == b)
    }

    @Test(arguments: seeds) func spanFindingsAgreeWithARecount(seed: UInt64) throws {
        let structure = StructureGenerator(posts: 2_000, seed: seed, offRuleShare: 0.3).generate()
        let rules = try Fixtures.rules
        let findings = Validator(rules: rules, asOf: Fixtures.asOf).validate(structure).findings
        // Recount spans naively, post by post.
        var expected: Set<String> = []
        for post in structure.posts {
            guard let tier = post.tier, let span = rules.rule(forTier: tier)?.span else { continue }
            let leads = structure.posts.filter { $0.reportsTo == post.id && !$0.assistant }.reduce(0) { $0 + $1.count }
            if leads < span.min { expected.insert("span-narrow \(post.id)") }
            if leads > span.max { expected.insert("span-wide \(post.id)") }
        }
        let found = Set(Fixtures.pairs(findings.filter { $0.rule == .spanNarrow || $0.rule == .spanWide }))
        #expect(found == expected)
        #expect(!expected.isEmpty)
    }

    @Test(arguments: [UInt64(5), 11, 23]) func breakingALineIsAlwaysFound(seed: UInt64) throws {
        var structure = StructureGenerator(posts: 1_000, seed: seed).generate()
        var random = SplitMix64(seed: seed)
        let victim = Int.random(in: 1..<structure.posts.count, using: &random)
        structure.posts[victim].reportsTo = PostID("NO-SUCH-POST")
        let findings = Validator(rules: try Fixtures.rules, asOf: Fixtures.asOf).validate(structure).findings
        #expect(findings.contains { $0.rule == .unknownManager && $0.post == structure.posts[victim].id })
    }
}
