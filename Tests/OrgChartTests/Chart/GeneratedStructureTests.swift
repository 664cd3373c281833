import Testing

@testable import OrgChart
@testable import OrgModel

/// Properties of charts of generated structures of several sizes and seeds.
@Suite struct GeneratedStructureTests {
    @Test(arguments: [(60, 1), (300, 7), (800, 42)] as [(Int, UInt64)])
    func everyPostIsDrawnOnceInItsRow(size: Int, seed: UInt64) throws {
        let structure = StructureGenerator(posts: size, seed: seed).generate()
        let result = try ChartFixtures.validated(structure)
        let text = try StructureChart.dot(result)
        #expect(try StructureChart.dot(result) == text, "the same input gives the same text")
        let chart = DOTInspector(text)
        let ids = Set(chart.nodes.map(\.id))
        let index = StructureIndex(structure)
        var boxes = 0
        var teams = Set<PostID>()
        for (position, post) in structure.posts.enumerated() {
            if post.tier == nil, !post.assistant, index.reportCount(of: position) == 0, let manager = index.manager[position] {
                let boss = index.posts[manager].id
                #expect(ids.contains("\(boss.rawValue)/front-line"))
                teams.insert(boss)
            } else {
                boxes += 1
                #expect(ids.contains(post.id.rawValue), "no box for \(post.id)")
                if let tier = post.tier {
                    #expect(chart.rank(ofID: post.id.rawValue) == chart.rank(row: "tier-\(tier)"))
                }
            }
        }
        #expect(chart.nodes.filter { !$0.id.hasPrefix("orgchart-") }.count == boxes + teams.count)
        // Never Graphviz's ortho router, which aborts the process on some charts.
        #expect(text.contains("splines=polyline") && !text.contains("ortho"))
        // One reporting line into every box but the top one.
        let lines = chart.edges.filter { $0.line.contains("[id=\"") && !$0.line.contains("\"dotted:") }
        #expect(lines.count == boxes + teams.count - 1)
    }

    @Test(arguments: [3, 9] as [UInt64])
    func changeChartOfAStructureWithItselfIsAllUnchanged(seed: UInt64) throws {
        let structure = StructureGenerator(posts: 200, seed: seed).generate()
        let result = try ChartFixtures.validated(structure)
        let chart = try ChangeChart.dot(current: result, proposed: result)
        let plain = DOTInspector.plain(chart)
        #expect(plain.contains("Deleted, struck through: 0"))
        #expect(plain.contains("New: 0"))
        #expect(plain.contains("Unchanged: \(structure.posts.count)"))
        let boxes = DOTInspector(chart).nodes.map(\.line)
        #expect(!boxes.contains { $0.contains(">NEW<") || $0.contains(">DELETED<") || $0.contains(">MOVED<") })
    }
}
