import Foundation
import Testing

@testable import OrgAnalysis
@testable import OrgModel

/// The trend over snapshots: ordered by date, measured as `analyse` measures each, changes
/// counted as `compare` counts them, and each flag raised exactly where its definition says.
@Suite struct StructureTrendTests {
    static func day(_ text: String) -> Day? { Day(iso8601: text) }

    /// A top post, a director and two managers of four each: three management layers,
    /// mean span (1 + 2 + 4 + 4) / 4 = 2.75.
    static let first = Structure(
        name: "Example", organisation: "Example Body", effective: day("2021-03-31"),
        posts: [
            Post(id: "TOP", title: "Chief Executive", cost: 150_000),
            Post(id: "D", title: "Director", reportsTo: "TOP", cost: 100_000),
            Post(id: "M1", title: "Manager", reportsTo: "D", cost: 60_000),
            Post(id: "M2", title: "Manager", reportsTo: "D", cost: 60_000),
            Post(id: "FL1", title: "Officer", reportsTo: "M1", cost: 160_000, count: 4),
            Post(id: "FL2", title: "Officer", reportsTo: "M2", count: 4),
        ])

    /// A head of service added between the director and the managers: four layers (creep),
    /// mean span (1 + 1 + 2 + 4 + 4) / 5 = 2.4, down 12.7% (compression); H created, M1
    /// and M2 moved.
    static let second = Structure(
        name: "Example", organisation: "Example Body", effective: day("2021-09-30"),
        posts: [
            Post(id: "TOP", title: "Chief Executive", cost: 150_000),
            Post(id: "D", title: "Director", reportsTo: "TOP", cost: 100_000),
            Post(id: "H", title: "Head of Service", reportsTo: "D", cost: 80_000),
            Post(id: "M1", title: "Manager", reportsTo: "H", cost: 60_000),
            Post(id: "M2", title: "Manager", reportsTo: "H", cost: 60_000),
            Post(id: "FL1", title: "Officer", reportsTo: "M1", cost: 160_000, count: 4),
            Post(id: "FL2", title: "Officer", reportsTo: "M2", count: 4),
        ])

    /// A partial publication: 3 posts of 7, the front line straight under the top post.
    static let third = Structure(
        name: "Example", organisation: "Example Body", effective: day("2022-03-31"),
        posts: [
            Post(id: "TOP", title: "Chief Executive", cost: 150_000),
            Post(id: "D", title: "Director", reportsTo: "TOP", cost: 100_000),
            Post(id: "FL0", title: "Officer", reportsTo: "TOP", count: 10),
        ])

    /// Back to the first snapshot's shape: fewer layers and wider spans than the second,
    /// but more than the partial third, against which nothing is judged.
    static let fourth: Structure = {
        var structure = first
        structure.effective = day("2022-09-30")
        return structure
    }()

    static func inputs(_ structures: [(String, Structure)]) throws -> [StructureTrend.Input] {
        let rules = try Fixtures.rules
        return structures.map { StructureTrend.Input(file: $0.0, structure: $0.1, rules: rules) }
    }

    /// The four snapshots, given out of order.
    static func trend(matching: IDMatching = .exact) throws -> StructureTrend {
        try StructureTrend(
            inputs([("d.yaml", fourth), ("b.yaml", second), ("a.yaml", first), ("c.yaml", third)]), matching: matching)
    }

    @Test("Snapshots come in effective order, whatever order they are given in")
    func ordered() throws {
        let trend = try Self.trend()
        #expect(trend.snapshots.map(\.file) == ["a.yaml", "b.yaml", "c.yaml", "d.yaml"])
        #expect(trend.snapshots.map(\.effective.description) == ["2021-03-31", "2021-09-30", "2022-03-31", "2022-09-30"])
        #expect(trend.title == "Example Body")
    }

    @Test("Each snapshot's figures are the analysis's own")
    func figuresAreTheAnalysis() throws {
        let trend = try Self.trend()
        let rules = try Fixtures.rules
        for (snapshot, structure) in zip(trend.snapshots, [Self.first, Self.second, Self.third, Self.fourth]) {
            let analysis = StructureAnalysis(structure, rules: rules)
            #expect(snapshot.posts == analysis.totals.posts)
            #expect(snapshot.headcount == analysis.totals.headcount)
            #expect(snapshot.fte == analysis.totals.fte)
            #expect(snapshot.managerPosts == analysis.ratios.managerPosts)
            #expect(snapshot.managementLayers == analysis.layers.managementLayers)
            #expect(snapshot.meanSpan == analysis.ratios.meanSpan)
            #expect(snapshot.annualCost == analysis.ratios.totalCost)
            #expect(snapshot.oneOverOne == analysis.oneOverOne.managers.count)
        }
        let first = trend.snapshots[0]
        #expect(first.posts == 6 && first.headcount == 12 && first.managerPosts == 4)
        #expect(first.managementLayers == 3 && first.managementOnlyLayers == 3)
        #expect(first.meanSpan == 2.75 && first.medianSpan == 3)
        #expect(first.spanBands == [.one: 1, .twoToThree: 1, .unruled: 2])
        #expect(first.oneOverOne == 1)
        #expect(first.annualCost == CostTotal(known: 530_000, unknownPosts: 1, unknownHeadcount: 4))
        #expect(first.frontLineHeadcount == 8 && first.frontLineNearTop == 0)
        #expect(trend.snapshots[2].frontLineHeadcount == 11 && trend.snapshots[2].frontLineNearTop == 11)
    }

    @Test("Changes from the previous snapshot are compare's: deleted, created, moved")
    func changes() throws {
        let trend = try Self.trend()
        #expect(trend.snapshots[0].changes == nil)
        #expect(trend.snapshots[1].changes == TrendSnapshot.Changes(deleted: 0, created: 1, moved: 2))
        // M1, M2, FL1, FL2 and H gone; FL0 new; D stays under TOP.
        #expect(trend.snapshots[2].changes == TrendSnapshot.Changes(deleted: 5, created: 1, moved: 0))
        #expect(trend.snapshots[3].changes == TrendSnapshot.Changes(deleted: 1, created: 4, moved: 0))
        let diff = StructureDiff(current: Self.first, proposed: Self.second)
        #expect(trend.snapshots[1].changes == TrendSnapshot.Changes(diff))
    }

    @Test("Flags: creep and compression on the second, front-line-at-top and partial on the third, none on the fourth")
    func flags() throws {
        let trend = try Self.trend()
        #expect(trend.snapshots.map(\.flags) == [[], [.layerCreep, .spanCompression], [.frontLineAtTop, .partial], []])
        // The fourth is judged against the second, not the partial third.
        #expect(trend.comparedWith(3)?.file == "b.yaml")
        #expect(trend.comparedWith(0) == nil)
    }

    /// A snapshot with `posts`, `layers` and `meanSpan` set by hand, for the edges of each flag.
    static func figures(_ posts: Int, layers: Int, meanSpan: Double, frontLine: (near: Int, all: Int) = (0, 10)) throws -> TrendSnapshot {
        let analysis = StructureAnalysis(Self.first, rules: try Fixtures.rules)
        var snapshot = TrendSnapshot(file: "x.yaml", effective: try #require(Self.day("2020-01-01")), analysis: analysis)
        snapshot.posts = posts
        snapshot.managementLayers = layers
        snapshot.meanSpan = meanSpan
        snapshot.frontLineNearTop = frontLine.near
        snapshot.frontLineHeadcount = frontLine.all
        return snapshot
    }

    @Test("Layer creep: up on the previous, or above the first even when down on the previous")
    func layerCreepEdges() throws {
        let flags = StructureTrend.flagged([
            try Self.figures(10, layers: 3, meanSpan: 5), try Self.figures(10, layers: 5, meanSpan: 5),
            try Self.figures(10, layers: 4, meanSpan: 5), try Self.figures(10, layers: 3, meanSpan: 5),
        ]).map(\.flags)
        #expect(flags == [[], [.layerCreep], [.layerCreep], []])
    }

    @Test("Span compression: a fall of exactly 10% is flagged, of less is not; no previous span, no flag")
    func spanCompressionEdges() throws {
        let flags = StructureTrend.flagged([
            try Self.figures(10, layers: 3, meanSpan: 0), try Self.figures(10, layers: 3, meanSpan: 10),
            try Self.figures(10, layers: 3, meanSpan: 9), try Self.figures(10, layers: 3, meanSpan: 8.2),
        ]).map(\.flags)
        #expect(flags == [[], [], [.spanCompression], []])
    }

    @Test("Partial: exactly half is partial when the next recovers past half; not on the last, nor without recovery")
    func partialEdges() throws {
        let recovered = StructureTrend.flagged([
            try Self.figures(100, layers: 3, meanSpan: 5), try Self.figures(50, layers: 3, meanSpan: 5),
            try Self.figures(51, layers: 3, meanSpan: 5), try Self.figures(10, layers: 3, meanSpan: 5),
        ]).map(\.flags)
        #expect(recovered == [[], [.partial], [], []])
        let notRecovered = StructureTrend.flagged([
            try Self.figures(100, layers: 3, meanSpan: 5), try Self.figures(51, layers: 3, meanSpan: 5),
            try Self.figures(40, layers: 3, meanSpan: 5), try Self.figures(50, layers: 3, meanSpan: 5),
        ]).map(\.flags)
        #expect(notRecovered == [[], [], [], []])
    }

    @Test("Front line at top: more than half, not exactly half")
    func frontLineAtTopEdges() throws {
        let flags = StructureTrend.flagged([
            try Self.figures(10, layers: 3, meanSpan: 5, frontLine: (5, 10)),
            try Self.figures(10, layers: 3, meanSpan: 5, frontLine: (6, 10)),
            try Self.figures(10, layers: 3, meanSpan: 5, frontLine: (0, 0)),
        ]).map(\.flags)
        #expect(flags == [[], [.frontLineAtTop], []])
    }

    @Test("Front line at top judges by the real tops: under a root an import added, its children are the tops")
    func frontLineAtTopUnderAddedRoot() throws {
        var root = Post(id: "ROOT", title: "Example Body")
        root.attributes = [Attribute(name: OrganogramImporter.addedRootAttribute, value: "the file has 2 top posts")]
        let posts = [
            root,
            Post(id: "A", title: "Budget head", reportsTo: "ROOT"),
            Post(id: "B", title: "Budget head", reportsTo: "ROOT"),
            Post(id: "BD", title: "Director", reportsTo: "B"),
            Post(id: "BM", title: "Manager", reportsTo: "BD"),
            // 6 under a real top, 3 under a post directly below one, 4 one layer further down.
            Post(id: "FL1", title: "Officer", reportsTo: "A", count: 6),
            Post(id: "FL2", title: "Officer", reportsTo: "BD", count: 3),
            Post(id: "FL3", title: "Officer", reportsTo: "BM", count: 4),
        ]
        let rules = try Fixtures.rules
        let day = try #require(Self.day("2021-03-31"))
        let added = TrendSnapshot(file: "a.yaml", effective: day, analysis: StructureAnalysis(Structure(posts: posts), rules: rules))
        #expect(added.frontLineHeadcount == 13 && added.frontLineNearTop == 9 && added.frontLineMostlyAtTop)
        // The same root written by hand is a top like any other: one layer more, 6 near it.
        var own = posts
        own[0].attributes = []
        let written = TrendSnapshot(file: "b.yaml", effective: day, analysis: StructureAnalysis(Structure(posts: own), rules: rules))
        #expect(written.frontLineNearTop == 6 && !written.frontLineMostlyAtTop)
    }

    @Test("Layers over management posts only count a chain of managers that the front line does not reach")
    func managementOnlyLayers() throws {
        let structure = Structure(posts: [
            Post(id: "TOP", title: "Chief Executive"),
            Post(id: "FL", title: "Officer", reportsTo: "TOP", count: 10),
            Post(id: "A", title: "Director", reportsTo: "TOP"),
            Post(id: "B", title: "Head", reportsTo: "A"),
            Post(id: "C", title: "Manager", reportsTo: "B"),
            Post(id: "PA", title: "Assistant", reportsTo: "C", assistant: true),
        ])
        let layers = StructureAnalysis(structure, rules: try Fixtures.rules).layers
        #expect(layers.managementLayers == 1)
        #expect(layers.managementOnlyLayers == 4)
    }

    @Test("A snapshot without a date is named with what to do; two of one date are refused naming both")
    func refused() throws {
        var undated = Self.second
        undated.effective = nil
        let inputs = try Self.inputs([("a.yaml", Self.first), ("undated.yaml", undated), ("c.yaml", Self.third), ("c2.yaml", Self.third)])
        #expect(
            StructureTrend.problems(in: inputs) == [
                .noEffectiveDate(file: "undated.yaml"),
                .sameEffectiveDate(first: "c.yaml", second: "c2.yaml", effective: try #require(Self.day("2022-03-31"))),
            ])
        #expect(throws: TrendError.noEffectiveDate(file: "undated.yaml")) { try StructureTrend(inputs) }
        #expect(
            TrendError.noEffectiveDate(file: "undated.yaml").description
                == "undated.yaml: no effective date, so its place in the series is unknown: add `effective: YYYY-MM-DD` to the file, or import it again with --effective DATE"
        )
        #expect(
            TrendError.sameEffectiveDate(first: "c.yaml", second: "c2.yaml", effective: try #require(Self.day("2022-03-31"))).description
                == "c.yaml and c2.yaml are both effective 2022-03-31: give each snapshot its own date (`effective:`), or leave one of them out"
        )
    }

    @Test("Ids in another case are other posts under exact matching, the same posts under case, with a note")
    func matching() throws {
        var renamed = Self.second
        renamed.posts = renamed.posts.map { post in
            var post = post
            post.id = PostID(post.id.rawValue.lowercased())
            post.reportsTo = post.reportsTo.map { PostID($0.rawValue.lowercased()) }
            return post
        }
        let inputs = try Self.inputs([("a.yaml", Self.first), ("b.yaml", renamed)])
        let exact = try StructureTrend(inputs).snapshots[1].changes
        #expect(exact?.deleted == 6 && exact?.created == 7 && exact?.moved == 0)
        let byCase = try StructureTrend(inputs, matching: .case).snapshots[1].changes
        #expect(byCase?.deleted == 0 && byCase?.created == 1 && byCase?.moved == 2)
        #expect(byCase?.notes.first?.contains("matched only under --match-ids case") == true)
    }

    @Test("Every format is its golden file")
    func golden() throws {
        let trend = try Self.trend()
        try Fixtures.expectGolden(trend.text(), "trend-example.txt")
        try Fixtures.expectGolden(trend.markdown(), "trend-example.md")
        try Fixtures.expectGolden(trend.csv(), "trend-example.csv")
        try Fixtures.expectGolden(try trend.json(), "trend-example.json")
    }

    @Test("JSON: snake_case keys, null changes on the first snapshot, flags by name, cost with its unknowns")
    func json() throws {
        let object = try JSONSerialization.jsonObject(with: Data(try Self.trend().json().utf8)) as? [String: Any]
        let snapshots = try #require(object?["snapshots"] as? [[String: Any]])
        #expect(snapshots.count == 4)
        let keys = [
            "file", "effective", "posts", "headcount", "fte", "manager_posts", "management_layers", "management_only_layers",
            "mean_span", "median_span", "span_bands", "narrow_spans", "wide_spans", "one_over_one", "annual_cost",
            "front_line_headcount", "front_line_near_top", "changes_from_previous", "flags",
        ]
        #expect(Set(snapshots[0].keys) == Set(keys))
        #expect(snapshots[0]["changes_from_previous"] is NSNull)
        let changes = snapshots[1]["changes_from_previous"] as? [String: Any]
        #expect(changes?["created"] as? Int == 1 && changes?["moved"] as? Int == 2 && changes?["deleted"] as? Int == 0)
        #expect(snapshots[1]["flags"] as? [String] == ["layer-creep", "span-compression"])
        let cost = snapshots[0]["annual_cost"] as? [String: Any]
        #expect(cost?["known"] as? Double == 530_000 && cost?["unknown_posts"] as? Int == 1 && cost?["complete"] as? Bool == false)
        #expect(object?["match_ids"] as? String == "exact")
    }

    @Test("CSV: one row per snapshot in order, the columns fixed, the first snapshot's changes empty")
    func csv() throws {
        let lines = try Self.trend().csv().split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0] == StructureTrend.csvColumns.joined(separator: ","))
        #expect(lines[1].hasPrefix("a.yaml,2021-03-31,6,12,12,4,3,3,2.75,3,"))
        #expect(lines[1].hasSuffix(",8,0,,,,"))
        #expect(lines[3].hasSuffix(",11,11,5,1,0,front-line-at-top partial"))
    }
}
