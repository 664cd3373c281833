import Foundation
import Testing

@testable import OrgChart
@testable import OrgModel

@Suite struct ChangeChartTests {
    static func chart(_ options: ChartOptions = ChartOptions()) throws -> DOTInspector {
        DOTInspector(
            try ChangeChart.dot(
                current: ChartFixtures.result("small-current.yaml"), proposed: ChartFixtures.result("small-proposed.yaml"),
                options: options))
    }

    /// A Service Manager leading Team A and Team B, to hang front-line lines under.
    static let twoTeams = [
        Post(id: "SM", tier: 5), Post(id: "TM-A", title: "Team A", tier: 6, reportsTo: "SM"),
        Post(id: "TM-B", title: "Team B", tier: 6, reportsTo: "SM"),
    ]

    /// The change chart of two structures built in the test, validated under the built-in rules.
    static func chart(_ current: Structure, _ proposed: Structure) throws -> DOTInspector {
        let rules = try RuleSetReader.load("childrens-social-care", relativeTo: nil)
        let validator = Validator(rules: rules, asOf: Day(year: 2026, month: 1, day: 1)!)
        return DOTInspector(try ChangeChart.dot(current: validator.validate(current), proposed: validator.validate(proposed)))
    }

    @Test func goldenDOT() throws {
        try ChartFixtures.expectGolden(Self.chart().text, "small-changes.dot")
    }

    @Test func deletedPostsRedAndStruckThrough() throws {
        let deleted = try #require(try Self.chart().node(id: "SM-B")).line
        #expect(deleted.contains("color=\"\(ChartPalette.error)\""))
        #expect(deleted.contains("<S>Service Manager, Court</S>"))
        #expect(deleted.contains(">DELETED<"))
        // A deleted post's own reporting line is drawn red and dashed.
        let line = try #require(try Self.chart().edge(from: "HOS-S", to: "SM-B"))
        #expect(line.contains("color=\"\(ChartPalette.error)\""))
        let team = try #require(try Self.chart().node(id: "TM-4/front-line")).line
        #expect(team.contains("<S>4 Family Support Worker:</S>"))
    }

    @Test func newPostsGreen() throws {
        let created = try #require(try Self.chart().node(id: "TM-6")).line
        #expect(created.contains("color=\"\(ChartPalette.created)\""))
        #expect(created.contains(">NEW<"))
        #expect(try #require(try Self.chart().node(id: "TM-6/front-line")).line.contains("+3 Social Worker: new"))
    }

    @Test func movedPostAmberWithItsFormerLineFaint() throws {
        let chart = try Self.chart()
        let moved = DOTInspector.plain(try #require(chart.node(id: "TM-3")).line)
        #expect(try #require(chart.node(id: "TM-3")).line.contains("color=\"\(ChartPalette.moved)\""))
        #expect(moved.contains("MOVED"))
        #expect(moved.contains("moved from Service Manager, Court (SM-B)"))
        let former = try #require(chart.edges.first { $0.line.contains("id=\"former:SM-B->TM-3\"") })
        #expect(former.line.contains("color=\"\(ChartPalette.former)\""))
        #expect(former.line.contains("style=dashed") && former.line.contains("weight=0"))
        // The new line runs from the new manager.
        #expect(chart.edge(from: "SM-A", to: "TM-3") != nil)
    }

    @Test func retitledRegradedAndReplacedMarked() throws {
        let chart = try Self.chart()
        let retitled = DOTInspector.plain(try #require(chart.node(id: "TM-1")).line)
        #expect(retitled.contains("RETITLED · RE-GRADED"))
        #expect(retitled.contains("was: Team Manager, Intake"))
        #expect(retitled.contains("grade PO7 → PO8"))
        let replaced = DOTInspector.plain(try #require(chart.node(id: "HOS-S")).line)
        #expect(replaced.contains("replaces HOS-A"))
        #expect(replaced.contains("was: Head of Service, Safeguarding"))
        // No box for the replaced id: it is the same post.
        #expect(chart.node(id: "HOS-A") == nil)
    }

    @Test func unchangedGreyAndTeamsCounted() throws {
        let chart = try Self.chart()
        let unchanged = try #require(chart.node(id: "SM-A")).line
        #expect(unchanged.contains("color=\"\(ChartPalette.unchanged)\""))
        #expect(!unchanged.contains("MOVED"), "a manager re-purposed under a new id is not a move")
        #expect(try #require(chart.node(id: "TM-2/front-line")).line.contains("4 → 6 Social Worker"))
        #expect(try #require(chart.node(id: "TM-3/front-line")).line.contains("5 Social Worker"))
    }

    @Test func legendCountsEachKind() throws {
        let text = DOTInspector.plain(try Self.chart().text)
        for entry in [
            "Deleted, struck through: 5", "New: 2", "Moved (reporting line changed): 1", "Retitled: 2", "Re-tiered: 0",
            "Re-graded: 1", "Changed otherwise (FTE, cost, posts, permanence): 3", "Unchanged: 6",
        ] {
            #expect(text.contains(entry), "legend lacks \(entry)")
        }
        #expect(text.contains("5 posts changing from temporary to permanent."))
        #expect(text.contains("Annual cost:"))
    }

    @Test func rootDrawsTheMergedSubtree() throws {
        let chart = try Self.chart(ChartOptions(root: "SM-B"))
        // SM-B is deleted; what was under it (TM-3) now sits under SM-A, outside the
        // subtree, and is still drawn, with its former reporting line from SM-B: the chart
        // of a post's remit shows what left it.
        #expect(chart.node(id: "SM-B") != nil)
        #expect(chart.node(id: "TM-3") != nil)
        #expect(chart.text.contains("id=\"former:SM-B->TM-3\""))
        #expect(chart.node(id: "SM-A") == nil)
        let byCurrentID = try Self.chart(ChartOptions(root: "HOS-A"))
        #expect(byCurrentID.node(id: "HOS-S") != nil, "a current id finds its replacement")
        #expect(byCurrentID.node(id: "DIR") == nil)
    }

    @Test("A front-line line that moves counts in the team it joins only after, and in the team it left only before")
    func frontLineMovesBetweenTeams() throws {
        let current = Structure(
            posts: Self.twoTeams + [
                Post(id: "SW-A", title: "Social Worker", reportsTo: "TM-A", count: 5),
                Post(id: "SWA", title: "Social Work Assistant", reportsTo: "TM-A", count: 2),
                Post(id: "SW-B", title: "Social Worker", reportsTo: "TM-B", count: 4),
            ])
        var proposed = current
        proposed.posts[4].reportsTo = "TM-B"  // the assistants move from A to B
        proposed.posts.append(Post(id: "SW-B2", title: "Social Worker", reportsTo: "TM-B", count: 3))  // and B grows
        let chart = try Self.chart(current, proposed)
        let left = DOTInspector.plain(try #require(chart.node(id: "TM-A/front-line")).line)
        #expect(left.contains("−2 Social Work Assistant"))
        #expect(left.contains("moved to Team B (TM-B)"))
        #expect(left.contains("posts 7 → 5"))
        let joined = DOTInspector.plain(try #require(chart.node(id: "TM-B/front-line")).line)
        #expect(joined.contains("+2 Social Work Assistant"))
        #expect(joined.contains("moved in from Team A (TM-A)"))
        #expect(joined.contains("+3 Social Worker: new"))  // new, not merged with the line that stayed
        #expect(joined.contains("posts 4 → 9"))
        #expect(try #require(chart.node(id: "TM-A/front-line")).line.contains("color=\"\(ChartPalette.moved)\""))
    }

    @Test("A post that breaks a rule in the proposed structure says so on the change chart")
    func rulesBrokenAreShown() throws {
        let text = try Self.chart().text
        #expect(text.contains("breaks "))
    }

    @Test("A team whose every front-line line moves away still shows what left it")
    func emptiedTeamShowsItsLeavers() throws {
        let current = Structure(
            posts: Self.twoTeams + [
                Post(id: "SWA", title: "Social Work Assistant", reportsTo: "TM-A", count: 2),
                Post(id: "SW-B", title: "Social Worker", reportsTo: "TM-B", count: 4),
            ])
        var proposed = current
        proposed.posts[3].reportsTo = "TM-B"
        let chart = try Self.chart(current, proposed)
        let left = DOTInspector.plain(try #require(chart.node(id: "TM-A/front-line")).line)
        #expect(left.contains("−2 Social Work Assistant"))
        #expect(left.contains("posts 2 → 0"))
        #expect(chart.text.contains("id=\"TM-A->TM-A/front-line\""))
    }

    @Test("A dotted line between two front-line lines of one team draws no loop on the team's box, as on the other charts")
    func dottedLineWithinATeamDrawsNoLoop() throws {
        let current = Structure(
            posts: Self.twoTeams + [
                Post(id: "SW-A", title: "Social Worker", reportsTo: "TM-A", count: 5),
                Post(id: "SWA", title: "Social Work Assistant", reportsTo: "TM-A", count: 2, dottedTo: ["SW-A"]),
                Post(id: "SW-B", title: "Social Worker", reportsTo: "TM-B", count: 4, dottedTo: ["TM-A"]),
            ])
        var proposed = current
        proposed.posts[5].count = 5
        let chart = try Self.chart(current, proposed)
        let team = try #require(chart.node(id: "TM-A/front-line")).name
        #expect(!chart.text.contains("\(team) -> \(team)"), "no loop on the team's box")
        #expect(!chart.text.contains("dotted:SW-A->SWA"))
        // A dotted line from another team's line to a manager is still drawn.
        #expect(chart.text.contains("dotted:TM-A->TM-B/front-line"), "\(chart.text)")
    }
}
