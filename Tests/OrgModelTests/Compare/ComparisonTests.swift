import Foundation
import Testing

@testable import OrgAnalysis
@testable import OrgModel
@testable import OrgReports
@testable import OrgSupport

@Suite("StructureComparison and ComparisonReport")
struct ComparisonTests {
    static var rules: RuleSet {
        get throws {
            var rules = try RuleSetReader.load("childrens-social-care", relativeTo: nil)
            rules.gradeCosts = ["M3": 86_000]
            return rules
        }
    }

    static let current = Structure(
        name: "Example", state: .current,
        posts: [
            Post(id: "ED", title: "Executive Director", tier: 2, fte: 1, cost: 150_000),
            Post(id: "HOS-A", title: "Head of Service A", tier: 4, reportsTo: "ED", fte: 1, cost: 80_000),
            Post(id: "DEP", title: "Deputy Head", tier: 4, reportsTo: "HOS-A", fte: 1, cost: 70_000),
            Post(id: "TM-1", title: "Team Manager", tier: 6, reportsTo: "DEP", fte: 1, cost: 50_000, temporary: true),
            Post(id: "SW-1", title: "Social Worker", reportsTo: "TM-1", fte: 5, cost: 200_000, count: 5),
            Post(id: "HOS-B", title: "Head of Service B", tier: 4, reportsTo: "ED", grade: "M3"),
        ])

    static let proposed = Structure(
        name: "Example", state: .proposed,
        posts: [
            Post(id: "ED", title: "Executive Director", tier: 2, fte: 1, cost: 150_000),
            Post(id: "HOS-EH", title: "Head of Early Help", tier: 4, reportsTo: "ED", fte: 1, cost: 85_000, replaces: "HOS-A"),
            Post(id: "TM-1", title: "Team Manager", tier: 6, reportsTo: "HOS-EH", fte: 1, cost: 50_000),
            Post(id: "SW-1", title: "Social Worker", reportsTo: "TM-1", fte: 6, cost: 240_000, count: 6),
            Post(id: "HOS-B", title: "Head of Service B", tier: 4, reportsTo: "ED", grade: "M4"),
            Post(id: "SM-NEW", title: "Service Manager", tier: 5, reportsTo: "HOS-B", fte: 1, cost: 60_000),
        ])

    static func comparison() throws -> StructureComparison {
        let rules = try Self.rules
        return StructureComparison(current: current, proposed: proposed, currentRules: rules, proposedRules: rules, asOf: Fixtures.asOf)
    }

    @Test func costsWorkedOutByHand() throws {
        let comparison = try Self.comparison()
        // Before: HOS-B is costed from the grade table (M3); after, M4 is not in it: unknown.
        #expect(comparison.costBefore == CostTotal(known: 636_000))
        #expect(comparison.costAfter == CostTotal(known: 585_000, unknownPosts: 1))
        // The net change is the sum of its parts: −£70,000 deleted, +£60,000 created, +£45,000
        // on kept posts. HOS-B's £86,000 becoming unknown is no saving: it is excluded.
        #expect(comparison.netCostChange.known == 35_000)
        #expect(comparison.netCostChange.text == "+£35,000 a year (excluding 1 post of unknown cost after)")
        #expect(comparison.costOfDeleted == CostTotal(known: 70_000))
        #expect(comparison.costOfCreated == CostTotal(known: 60_000))
        // HOS-A → HOS-EH +£5,000, SW-1 +£40,000; HOS-B's cost is known only before.
        #expect(comparison.costChangeOfKept == CostTotal(known: 45_000, unknownPosts: 1))
        #expect(comparison.madePermanent.map(\.id) == ["TM-1"])
    }

    @Test func findingsFixedAndIntroducedThroughReplaces() throws {
        let changes = try Self.comparison().findingChanges
        let fixed = Set(changes.fixed.map { "\($0.rule.rawValue) \($0.post?.rawValue ?? "-")" })
        let introduced = Set(changes.introduced.map { "\($0.rule.rawValue) \($0.post?.rawValue ?? "-")" })
        // HOS-A's narrow span and one-over-one carry on as HOS-EH's: neither fixed nor new.
        #expect(fixed == ["tier-order DEP", "span-narrow DEP", "one-over-one DEP"])
        // TM-1 skips tier 5 under DEP and under HOS-EH alike: not new.
        #expect(introduced == ["one-over-one HOS-B", "span-narrow SM-NEW"])
        #expect(changes.introducedErrors.map(\.post) == ["SM-NEW"])
    }

    @Test func findingChangesCountRepeats() {
        let finding = Finding(rule: .unknownManager, post: "X", message: "a")
        let changes = FindingChanges(before: [finding, finding], after: [finding])
        #expect(changes.fixed.count == 1)
        #expect(changes.introduced.isEmpty)
        let accepted = Finding(rule: .spanNarrow, severity: .accepted, post: "Y", message: "b")
        #expect(FindingChanges(before: [], after: [accepted]).introduced.isEmpty)
    }

    @Test("A violation that the proposed structure keeps under a deviation is accepted, not fixed")
    func acceptedIsNotFixed() {
        let narrow = Finding(rule: .spanNarrow, post: "SM", message: "leads 3")
        let other = Finding(rule: .spanNarrow, post: "TM", message: "leads 2")
        let accepted = Finding(rule: .spanNarrow, severity: .accepted, post: "SM-NEW", message: "leads 3")
        let changes = FindingChanges(before: [narrow, other], after: [accepted]) { $0 == "SM-NEW" ? "SM" : $0 }
        #expect(changes.accepted.map(\.post) == ["SM"])
        #expect(changes.fixed.map(\.post) == ["TM"])
        #expect(changes.introduced.isEmpty)
        #expect(changes.summary == "1 violation fixed, 1 now accepted under a deviation, 0 introduced")
        #expect(FindingChanges(before: [other], after: []).summary == "1 violation fixed, 0 introduced")
    }

    @Test func markdownGolden() throws {
        let report = ComparisonReport(try Self.comparison(), currentFile: "current.yaml", proposedFile: "proposed.yaml")
        try Fixtures.expectGolden(report.markdown(), "compare-example.md")
    }

    @Test func textListsEveryKindOfDifference() throws {
        let text = ComparisonReport(try Self.comparison()).text()
        for heading in [
            "Posts deleted (1)", "Posts created (1)", "Posts moved to another manager (1)", "Posts re-tiered (0)",
            "Posts retitled (1)", "Posts re-graded (1)", "FTE changed (1)", "Annual cost changed (2)",
            "Temporary → permanent (1)", "Posts in a line changed (1)", "Violations fixed (3)", "Violations introduced (2)",
        ] {
            #expect(text.contains(heading), "missing \(heading)")
        }
        #expect(text.contains("HOS-EH (replaces HOS-A)"))
    }

    @Test func jsonPairsBeforeAndAfter() throws {
        let json = try ComparisonReport(try Self.comparison()).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let deleted = try #require(object["deleted"] as? [[String: Any]])
        #expect(deleted.map { $0["id"] as? String } == ["DEP"])
        let changed = try #require(object["changed"] as? [String: [[String: Any]]])
        #expect(changed["moved"]?.first?["before"] as? String == "DEP")
        #expect(changed["moved"]?.first?["after"] as? String == "HOS-EH")
        #expect(changed["retitled"]?.first?["replaces"] as? String == "HOS-A")
        #expect(changed["re_graded"]?.first?["after"] as? String == "M4")
        #expect(changed["cost"]?.count == 2)
        let totals = try #require(object["totals"] as? [String: Any])
        let cost = try #require(totals["cost"] as? [String: [String: Any]])
        #expect(cost["after"]?["unknown_posts"] as? Int == 1)
        #expect((totals["net_cost_change"] as? [String: Any])?["complete"] as? Bool == false)
    }

    @Test func identicalStructuresHaveNoDifferences() throws {
        let rules = try Self.rules
        let comparison = StructureComparison(
            current: Self.current, proposed: Self.current, currentRules: rules, proposedRules: rules, asOf: Fixtures.asOf)
        #expect(comparison.diff.isEmpty)
        #expect(comparison.netCostChange.known == 0)
        #expect(comparison.findingChanges.fixed.isEmpty && comparison.findingChanges.introduced.isEmpty)
        #expect(ComparisonReport(comparison).text().contains("Posts deleted (0)\n"))
    }

    @Test("Unknown costs read as unknown, never as £0 or a signed unknown")
    func unknownCostsWording() {
        let unknown = CostTotal(known: 0, unknownPosts: 3)
        #expect(CostTotal.change(from: unknown, to: unknown).text == "unknown: no post has a known cost")
        #expect(
            CostTotal.change(from: CostTotal(known: 10), to: CostTotal(known: 0, unknownPosts: 1)).text
                == "−£10 a year (excluding 1 post of unknown cost after)")
        #expect(ComparisonReport.signed("−", CostTotal(known: 0, unknownPosts: 1)) == "unknown (1 post of unknown cost)")
        #expect(ComparisonReport.signed("−", CostTotal(known: 5_000)) == "−£5,000")
        #expect(ComparisonReport.signed("+", CostTotal()) == "£0")
    }

    @Test("Analysis totals cost posts as PostCosting does (a half-time post at half its grade's cost)")
    func analysisTotalsAgreeWithCosting() throws {
        var rules = try RuleSetReader.load("childrens-social-care", relativeTo: nil)
        rules.gradeCosts = ["SW": 40_000]
        let structure = Structure(posts: [
            Post(id: "D", tier: 2, cost: 100_000), Post(id: "W", title: "Social Worker", reportsTo: "D", grade: "SW", fte: 0.5),
            Post(id: "L", title: "Social Worker", reportsTo: "D", grade: "SW", fte: 2, count: 3),
        ])
        let analysis = StructureAnalysis(structure, rules: rules)
        #expect(analysis.ratios.totalCost == CostTotal(known: 100_000 + 20_000 + 80_000))
        let costing = PostCosting(rules: rules)
        #expect(analysis.ratios.totalCost.known == structure.posts.compactMap(costing.cost(of:)).reduce(0, +))
    }

    @Test("A grade's cost is for a full-time post: a post without a cost takes it for each FTE")
    func gradeCostsByFTE() {
        let costing = PostCosting(gradeCosts: ["PO5": 45_000])
        #expect(costing.cost(of: Post(id: "A", grade: "PO5", fte: 0.5)) == 22_500)
        #expect(costing.cost(of: Post(id: "B", grade: "PO5", fte: 2, count: 4)) == 90_000)
        #expect(costing.cost(of: Post(id: "C", grade: "PO5", count: 3)) == 135_000)
        #expect(costing.cost(of: Post(id: "D", grade: "PO5", fte: 1, cost: 50_000)) == 50_000)
    }

    @Test("Text from a file reads as itself in Markdown: no emphasis, code, links or HTML")
    func markdownEscaping() {
        var doc = ReportDocument()
        doc.heading(1, "Plan *A*")
        doc.facts([.init("Title", "Service | Manager *One* <b>")])
        var table = ReportTable(headers: ["Post", "Title"])
        table.append(["P_1", "Lead [draft] `x` | y"])
        doc.table(table)
        let markdown = doc.markdown()
        #expect(markdown.contains("# Plan \\*A\\*"))
        #expect(markdown.contains("- **Title:** Service | Manager \\*One\\* \\<b\\>"))
        #expect(markdown.contains("| P\\_1 | Lead \\[draft\\] \\`x\\` \\| y |"))
    }

    @Test("A change is the difference of the figures as printed")
    func changesAgreeWithPrintedFigures() {
        #expect(ComparisonReport.arrow(4.1176, 4.3529) == "4.12 → 4.35 (+0.23)")
        #expect(ComparisonReport.rounded(4.1176, 1) == 4.1)
        #expect(ComparisonReport.rounded(4.3529, 1) == 4.4)
    }
}
