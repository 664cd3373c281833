import Testing

@testable import OrgAnalysis
@testable import OrgModel
@testable import OrgReports

/// Invariants of the measures on generated structures of several sizes and seeds.
@Suite("Analysis properties")
struct AnalysisPropertyTests {
    static let cases: [(posts: Int, seed: UInt64)] = [(200, 1), (1_500, 2), (3_000, 3), (5_000, 4), (800, 99)]

    @Test(arguments: cases.indices)
    func remitsAddUp(_ which: Int) throws {
        let (size, seed) = Self.cases[which]
        let structure = StructureGenerator(posts: size, seed: seed, offRuleShare: 0.2).generate()
        let analysis = StructureAnalysis(structure, rules: try AnalysisFixtures.rules)
        let index = analysis.index
        let remits = analysis.remits
        let costing = analysis.costing
        // Each remit is the sum over the post's reports of their own figures and remits.
        for position in index.posts.indices {
            var headcount = 0
            var fte = 0.0
            var cost = CostTotal()
            for report in index.reports(of: position) {
                let post = index.posts[report]
                headcount += post.count + remits.headcount[report]
                fte += costing.fte(of: post) + remits.fte[report]
                cost.add(costing.cost(of: post), headcount: post.count)
                cost += remits.cost(report)
            }
            #expect(remits.headcount[position] == headcount)
            #expect(abs(remits.fte[position] - fte) < 1e-6)
            #expect(abs(remits.knownCost[position] - cost.known) < 1e-3)
            #expect(remits.unknownCostPosts[position] == cost.unknownPosts)
        }
        // The top post's remit plus itself is the whole structure.
        let top = try #require(index.roots.first)
        #expect(index.roots.count == 1)
        #expect(remits.headcount[top] + index.posts[top].count == structure.headcount)
        #expect(abs(remits.knownCost[top] + (costing.cost(of: index.posts[top]) ?? 0) - analysis.ratios.totalCost.known) < 1e-3)
    }

    @Test(arguments: cases.indices)
    func totalsAndSpansAgree(_ which: Int) throws {
        let (size, seed) = Self.cases[which]
        let structure = StructureGenerator(posts: size, seed: seed, offRuleShare: 0.2).generate()
        let analysis = StructureAnalysis(structure, rules: try AnalysisFixtures.rules)
        let index = analysis.index
        // Tier rows partition the posts.
        #expect(analysis.tiers.reduce(0) { $0 + $1.posts } == structure.posts.count)
        #expect(analysis.tiers.reduce(0) { $0 + $1.headcount } == structure.headcount)
        #expect(analysis.layers.profile.reduce(0) { $0 + $1.headcount } == structure.headcount)
        // Every non-assistant post below the top adds its headcount to one span.
        let spanTotal = index.span.reduce(0, +)
        let reporting = structure.posts.filter { $0.reportsTo != nil && !$0.assistant }.reduce(0) { $0 + $1.count }
        #expect(spanTotal == reporting)
        // Roles partition the headcount.
        let ratios = analysis.ratios
        #expect(ratios.managementHeadcount + ratios.frontLineHeadcount + ratios.assistantHeadcount == structure.headcount)
        // Span statistics count each tiered post once, and the bands each span once.
        for row in analysis.tiers {
            guard let spans = row.spans else { continue }
            #expect(spans.posts == row.posts)
            #expect(spans.bands.values.reduce(0, +) == row.posts)
            if let within = spans.within, let narrow = spans.narrow, let wide = spans.wide {
                #expect(within + narrow + wide == row.posts)
            }
        }
        // The CSV has a row per post and exactly the agreed columns.
        let csv = AnalysisReport(analysis).csv()
        let lines = csv.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "id,tier,span,layer,remit_headcount,remit_fte,remit_cost")
        #expect(lines.count == structure.posts.count + 2)  // header, rows, final empty
        #expect(lines.dropFirst().dropLast().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 7 })
    }
}
