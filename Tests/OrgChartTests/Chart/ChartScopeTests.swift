import Foundation
import Testing

@testable import OrgChart
@testable import OrgModel

/// `--root`, `--depth` and `--split-by-tier`: drawing part of a large structure.
@Suite struct ChartScopeTests {
    @Test func rootDrawsTheSubtreeOnly() throws {
        let chart = DOTInspector(try StructureChart.dot(ChartFixtures.result("small-current.yaml"), options: ChartOptions(root: "SM-A")))
        let ids = Set(chart.nodes.map(\.id).filter { !$0.hasPrefix("orgchart-") })
        #expect(
            ids == [
                "SM-A", "TM-1", "TM-2", "TM-4", "TM-5",
                "TM-1/front-line", "TM-2/front-line", "TM-4/front-line", "TM-5/front-line",
            ])
        // Rows above the root are not drawn at all.
        #expect(chart.rank(row: "tier-4") == nil)
        #expect(chart.text.contains("From SM-A Service Manager, Assessment down"))
    }

    @Test func depthCutsAndCountsWhatItHides() throws {
        let result = try ChartFixtures.result("small-current.yaml")
        let chart = DOTInspector(try StructureChart.dot(result, options: ChartOptions(root: "HOS-A", depth: 1)))
        #expect(chart.node(id: "SM-A") != nil)
        #expect(chart.node(id: "TM-1") == nil)
        // SM-A leads TM-1, TM-2, TM-4, TM-5 and their 6+2+4+4+4 front-line posts.
        #expect(DOTInspector.plain(try #require(chart.node(id: "SM-A")).line).contains("leads 4 · 24 posts below not shown"))
        #expect(DOTInspector.plain(try #require(chart.node(id: "SM-B")).line).contains("6 posts below not shown"))
        let none = DOTInspector(try StructureChart.dot(result, options: ChartOptions(depth: 0)))
        #expect(none.nodes.filter { !$0.id.hasPrefix("orgchart-") }.map(\.id) == ["DIR"])
    }

    @Test func scopeCountsHiddenHeadcount() throws {
        let index = StructureIndex(try ChartFixtures.structure("small-current.yaml"))
        let scope = ChartScope(index, root: index.position(of: "AD"), depth: 2)
        let drawn = index.posts.indices.filter { scope.drawn[$0] }.map { index.posts[$0].id }
        #expect(drawn == ["AD", "HOS-A", "SM-A", "SM-B"])
        #expect(scope.hiddenBelow[try #require(index.position(of: "SM-A"))] == 24)
        #expect(scope.hiddenBelow[try #require(index.position(of: "AD"))] == 0)
    }

    @Test func unknownRootSuggestsNearIDs() throws {
        #expect(throws: ChartError.unknownRoot("sm-a", files: ["Fixtures/small-current.yaml"], suggestions: ["SM-A"])) {
            _ = try StructureChart.dot(ChartFixtures.result("small-current.yaml"), options: ChartOptions(root: "sm-a"))
        }
        let message = ChartError.unknownRoot("sm-a", files: ["f.yaml"], suggestions: ["SM-A"]).description
        #expect(message == "no post has the id sm-a in f.yaml\nhint: did you mean SM-A?")
    }

    @Test func pagesArePostsOfTheTierInFileOrder() throws {
        let current = try ChartFixtures.structure("small-current.yaml")
        let proposed = try ChartFixtures.structure("small-proposed.yaml")
        #expect(ChartPages.posts(ofTier: 5, in: [current]) == ["SM-A", "SM-B"])
        #expect(ChartPages.posts(ofTier: 6, in: [current, proposed]) == ["TM-1", "TM-2", "TM-3", "TM-4", "TM-5", "TM-6"])
        #expect(ChartPages.posts(ofTier: 6, in: [current], within: "SM-B") == ["TM-3"])
        #expect(ChartPages.posts(ofTier: 9, in: [current]).isEmpty)
    }

    @Test func pageFileNamesAreSafe() {
        #expect(ChartPages.fileNamePart("HOS-CLA") == "HOS-CLA")
        #expect(ChartPages.fileNamePart("a/b c:d") == "a_b_c_d")
        #expect(ChartPages.fileNamePart("..") == "_..")
        #expect(ChartPages.fileNamePart("Zoë") == "Zo_")
        #expect(ChartPages.fileNamePart("") == "_")
    }
}
