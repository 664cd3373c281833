import Testing

@testable import OrgAnalysis
@testable import OrgModel
@testable import OrgReports

@Suite("StructureAnalysis")
struct StructureAnalysisTests {
    @Test func remitsWorkedOutByHand() throws {
        let analysis = try AnalysisFixtures.analysis()
        let index = analysis.index
        let remits = analysis.remits
        func remit(_ id: PostID) throws -> (Int, Double, CostTotal) {
            let position = try #require(index.position(of: id))
            return (remits.headcount[position], remits.fte[position], remits.cost(position))
        }
        // TM-1: 5 social workers (4.5 FTE, £200,000) and a PO6 at the grade's £48,000.
        #expect(try remit("TM-1") == (6, 5.5, CostTotal(known: 248_000)))
        #expect(try remit("SM-1") == (7, 6.5, CostTotal(known: 298_000)))
        #expect(try remit("TM-2") == (1, 1, CostTotal(known: 40_000)))
        #expect(try remit("SM-2") == (2, 2, CostTotal(known: 90_000)))
        // HOS-A includes SM-2, whose cost is unknown: counted as unknown, not as zero.
        #expect(try remit("HOS-A") == (11, 10.5, CostTotal(known: 448_000, unknownPosts: 1)))
        // ED: the PA counts in its remit (assistants included), the post itself does not.
        #expect(try remit("ED") == (13, 12.5, CostTotal(known: 558_000, unknownPosts: 1)))
        #expect(try remit("SW-1") == (0, 0, CostTotal()))
    }

    @Test func tiersWorkedOutByHand() throws {
        let analysis = try AnalysisFixtures.analysis()
        #expect(analysis.tiers.map(\.group) == [.tier(2), .tier(4), .tier(5), .tier(6), .assistants, .frontLine])
        let tier5 = try #require(analysis.summary(forTier: 5))
        #expect(tier5.posts == 2)
        #expect(tier5.cost == CostTotal(known: 60_000, unknownPosts: 1))
        let spans5 = try #require(tier5.spans)
        #expect(spans5.min == 1 && spans5.max == 1 && spans5.median == 1)
        #expect(spans5.narrow == 2 && spans5.within == 0 && spans5.wide == 0)
        #expect(spans5.bands == [.one: 2])

        let spans6 = try #require(analysis.summary(forTier: 6)?.spans)
        #expect(spans6.min == 1 && spans6.max == 6)
        #expect(spans6.median == 3.5 && spans6.mean == 3.5)
        #expect(spans6.within == 1 && spans6.narrow == 1 && spans6.wide == 0)
        #expect(spans6.bands == [.one: 1, .withinRule: 1])

        // Tier 2 has no span rule: no within / narrow / wide.
        let spans2 = try #require(analysis.summary(forTier: 2)?.spans)
        #expect(spans2.rule == nil && spans2.within == nil && spans2.narrow == nil)

        let frontLine = try #require(analysis.tiers.last)
        #expect(frontLine.group == .frontLine)
        #expect(frontLine.posts == 3 && frontLine.headcount == 7 && frontLine.fte == 6.5)
        #expect(frontLine.cost == CostTotal(known: 288_000))
        #expect(frontLine.vacant == 1)
        #expect(frontLine.spans == nil)

        let totals = analysis.totals
        #expect(totals.posts == 10 && totals.headcount == 14)
        #expect(totals.cost == CostTotal(known: 708_000, unknownPosts: 1))
    }

    @Test func layersWorkedOutByHand() throws {
        let layers = try AnalysisFixtures.analysis().layers
        #expect(layers.deepestFrontLine == 4)
        #expect(layers.meanToFrontLine == 4)
        #expect(layers.managementLayers == 4)
        #expect(layers.allowedLayers == 5)
        #expect(layers.profile.map(\.posts) == [1, 2, 2, 2, 3])
        #expect(layers.profile.map(\.headcount) == [1, 2, 2, 2, 7])
        #expect(layers.profile.map(\.managers) == [1, 1, 2, 2, 0])
        // One branch: HOS-A (the PA is not a branch).
        #expect(layers.branches.count == 1)
        #expect(layers.branches.first?.post == "HOS-A")
        #expect(layers.branches.first?.headcount == 12)
        #expect(layers.branches.first?.managementLayers == 4)
        #expect(layers.branches.first?.deepestFrontLine == 4)
    }

    @Test func oneOverOneChains() throws {
        let chains = try AnalysisFixtures.analysis().oneOverOne
        #expect(chains.managers.map(\.post) == ["ED", "SM-1", "SM-2", "TM-2"])
        #expect(chains.managers.map(\.report) == ["HOS-A", "TM-1", "TM-2", "SW-2"])
        #expect(chains.chains == [["ED"], ["SM-1"], ["SM-2", "TM-2"]])
        #expect(chains.longChains == [["SM-2", "TM-2"]])
    }

    @Test func ratiosWorkedOutByHand() throws {
        let ratios = try AnalysisFixtures.analysis().ratios
        #expect(ratios.managementHeadcount == 6)
        #expect(ratios.frontLineHeadcount == 7)
        #expect(ratios.assistantHeadcount == 1)
        #expect(ratios.managerPosts == 6)
        #expect(ratios.meanSpan == 2)
        #expect(ratios.managerRatioText == "1 : 1.2")
        #expect(ratios.managementCost == CostTotal(known: 390_000, unknownPosts: 1))
        #expect(ratios.managementCostShareText == "55.1% of the known cost (1 post of unknown cost)")
        #expect(ratios.vacantHeadcount == 1)
        #expect(ratios.temporaryHeadcount == 1)
    }

    @Test func seniorPostsInReportingOrder() throws {
        let analysis = try AnalysisFixtures.analysis()
        let ids = analysis.seniorPosts().map { analysis.index.posts[$0].id }
        // Posts leading another management post, each followed by those beneath it.
        #expect(ids == ["ED", "HOS-A", "SM-1", "SM-2"])
    }

    @Test func postsInALoopHaveNoLayerOrRemit() throws {
        let structure = Structure(posts: [
            Post(id: "TOP", tier: 2),
            Post(id: "A", tier: 5, reportsTo: "B"),
            Post(id: "B", tier: 5, reportsTo: "A"),
            Post(id: "C", reportsTo: "B", count: 3),
        ])
        let analysis = StructureAnalysis(structure, rules: try AnalysisFixtures.rules)
        #expect(analysis.layers.unplaced == 3)
        #expect(analysis.remits.isPlaced == [true, false, false, false])
        let csv = AnalysisReport(analysis).csv()
        #expect(csv.split(separator: "\n").dropFirst().map(String.init) == ["TOP,2,0,0,0,0,0", "A,5,1,,,,", "B,5,4,,,,", "C,,0,,,,"])
    }

    @Test func gradeTableCostsAPostWithoutCost() throws {
        let costing = PostCosting(gradeCosts: ["PO6": 48_000])
        #expect(costing.cost(of: Post(id: "X", grade: "PO6", count: 3)) == 144_000)
        #expect(costing.cost(of: Post(id: "X", grade: "PO6", cost: 50_000)) == 50_000)
        #expect(costing.cost(of: Post(id: "X", grade: "PO9")) == nil)
        #expect(costing.cost(of: Post(id: "X")) == nil)
        #expect(costing.fte(of: Post(id: "X", count: 4)) == 4)
        #expect(costing.fte(of: Post(id: "X", fte: 2.5, count: 4)) == 2.5)
    }
}
