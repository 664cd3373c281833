import Foundation
import Testing

@testable import OrgChart
@testable import OrgModel

@Suite struct StructureChartTests {
    static func chart(_ options: ChartOptions = ChartOptions()) throws -> DOTInspector {
        DOTInspector(try StructureChart.dot(ChartFixtures.result("small-current.yaml"), options: options))
    }

    @Test func goldenDOT() throws {
        try ChartFixtures.expectGolden(
            StructureChart.dot(ChartFixtures.result("small-current.yaml")), "small-single.dot")
    }

    @Test func everyPostHasItsIDOrIsInItsTeam() throws {
        let chart = try Self.chart()
        let ids = Set(chart.nodes.map(\.id))
        for id in ["DIR", "PA-DIR", "AD", "HOS-A", "SM-A", "SM-B", "TM-1", "TM-2", "TM-3", "TM-4", "TM-5"] {
            #expect(ids.contains(id), "no box with id \(id)")
        }
        // Front-line lines are folded into their Team Manager's team box.
        for id in ["SW-1", "SP-1", "SW-2", "SW-3", "FSW-4", "FSW-5"] { #expect(!ids.contains(id)) }
        for team in ["TM-1", "TM-2", "TM-3", "TM-4", "TM-5"] { #expect(ids.contains("\(team)/front-line")) }
    }

    @Test func postsSitInTheirTierRow() throws {
        let chart = try Self.chart()
        #expect(try #require(chart.rank(row: "tier-6")).count == 6)
        #expect(chart.ids(in: try #require(chart.rank(row: "tier-6"))) == ["TM-1", "TM-2", "TM-4", "TM-5", "TM-3"])
        #expect(chart.ids(in: try #require(chart.rank(row: "tier-5"))) == ["SM-A", "SM-B"])
        // The assistant sits beside the Director, in the Director's row.
        #expect(chart.ids(in: try #require(chart.rank(row: "tier-2"))) == ["DIR", "PA-DIR"])
        #expect(chart.ids(in: try #require(chart.rank(row: "front-line"))).count == 5)
        // The label comes first in each row, and rows run top to bottom.
        #expect(chart.chained(["row0", "row1", "row2", "row3", "row4", "row5"], weight: "100"))
        #expect(try #require(chart.node(named: "row3")).line.contains(ChartPalette.bold("Tier 5")))
        #expect(try #require(chart.node(named: "row3")).line.contains("span 4–8"))
    }

    @Test func teamBoxCountsByTitle() throws {
        let team = try #require(try Self.chart().node(id: "TM-1/front-line")).line
        #expect(team.contains("6 Social Worker (1 vacant)"))
        #expect(team.contains("2 Senior Practitioner"))
        #expect(team.contains("8 posts · 7.5 FTE"))
        let court = DOTInspector.plain(try #require(try Self.chart().node(id: "TM-3/front-line")).line)
        #expect(court.contains("5 Social Worker (5 temporary)"))
    }

    @Test func findingsInColour() throws {
        let chart = try Self.chart()
        let error = try #require(chart.node(id: "SM-B")).line
        #expect(error.contains("color=\"\(ChartPalette.error)\""))
        #expect(error.contains("penwidth=2.5"))
        #expect(error.contains(">span-narrow<"))
        let accepted = try #require(chart.node(id: "HOS-A")).line
        #expect(accepted.contains("color=\"\(ChartPalette.accepted)\""))
        #expect(accepted.contains(ChartPalette.bold("[1]")))
        #expect(
            chart.text.replacingOccurrences(of: "<BR/>", with: " ").contains(
                "[1] HOS-A Head of Service, Safeguarding: span-narrow accepted. Two regulated services that cannot be merged. Agreed by SLT and HR on 2024-01-10. Review by 2026-01-10."
            ))
        // A post without findings keeps the plain outline.
        #expect(!(try #require(chart.node(id: "SM-A")).line.contains("penwidth")))
    }

    @Test func vacantDashedAndMarked() throws {
        let vacant = try #require(try Self.chart().node(id: "TM-2")).line
        #expect(vacant.contains("style=\"filled,dashed\""))
        #expect(vacant.contains(ChartPalette.italic("Vacant")))
    }

    @Test func dottedLineIsDashedAndDoesNotShapeTheLayout() throws {
        let chart = try Self.chart()
        let line = try #require(chart.edge(from: "SM-B", to: "TM-2"))
        #expect(line.contains("style=dashed"))
        // Weightless: it pulls no box sideways. Downward, so it keeps its constraint,
        // which the pinned rows make harmless and which lets Graphviz route it directly.
        #expect(line.contains("weight=0"))
        #expect(!line.contains("constraint=false"))
        // Every box of every row is chained in file order, so no line can reorder a row.
        let row = try #require(chart.rank(row: "tier-6"))
        #expect(chart.chained(row))
    }

    @Test func upwardDottedLineDropsItsConstraint() throws {
        let structure = Structure(posts: [
            Post(id: "HOS", title: "Head", tier: 4),
            Post(id: "SM", title: "Service Manager", tier: 5, reportsTo: "HOS", dottedTo: []),
            Post(id: "TM", title: "Team Manager", tier: 6, reportsTo: "SM"),
            Post(id: "SM2", title: "Other Service Manager", tier: 5, reportsTo: "HOS", dottedTo: ["TM"]),
        ])
        let chart = DOTInspector(try StructureChart.dot(ChartFixtures.validated(structure)))
        let line = try #require(chart.edge(from: "TM", to: "SM2"))
        #expect(line.contains("constraint=false") && line.contains("style=dashed"))
    }

    @Test func assistantLineIsSideways() throws {
        let line = try #require(try Self.chart().edge(from: "DIR", to: "PA-DIR"))
        #expect(line.contains("minlen=0"))
        #expect(line.contains("constraint=false"))
    }

    @Test func namePolicies() throws {
        let senior = try Self.chart().text
        #expect(senior.contains("Ada Example") && senior.contains("Ben Sample"))
        #expect(!senior.contains("Cy Placeholder"))
        let none = try Self.chart(ChartOptions(names: .none)).text
        #expect(!none.contains("Ada Example"))
        let all = try Self.chart(ChartOptions(names: .all)).text
        #expect(all.contains("Cy Placeholder"))
    }

    @Test func titleAndNotes() throws {
        let text = try Self.chart().text
        #expect(text.contains(ChartPalette.bold("Small service")))
        #expect(text.contains("Current structure · effective 2024-04-01 · Test Council"))
        #expect(text.contains("Source: Fixtures/small-current.yaml · Rule set: childrens-social-care"))
        #expect(text.contains("Checks: 1 error, 3 warnings, 1 accepted deviation"))
        #expect(text.contains("Error span-narrow at SM-B: leads 1; tier 5 rule is 4–8"))
    }

    @Test func keySamplesAvoidTheStyleGraphvizCrashesOn() throws {
        // Graphviz 2.43's xdot/json renderer segfaults when HTML tables use both the
        // dashed and rounded styles; the key has a dashed sample, so never a rounded one.
        let text = try Self.chart().text
        #expect(text.contains("STYLE=\"dashed\""))
        #expect(!text.contains("STYLE=\"rounded\""))
    }

    @Test func sameInputSameText() throws {
        let result = try ChartFixtures.result("small-current.yaml")
        #expect(try StructureChart.dot(result) == StructureChart.dot(result))
    }

    @Test func skippedTierKeepsAnEmptyRow() throws {
        let structure = Structure(
            name: "Skip",
            posts: [
                Post(id: "ED", title: "Director", tier: 2),
                Post(id: "HOS", title: "Head", tier: 4, reportsTo: "ED"),
                Post(id: "TM", title: "Team", tier: 6, reportsTo: "HOS"),
            ])
        let chart = DOTInspector(try StructureChart.dot(ChartFixtures.validated(structure)))
        let tier3 = try #require(chart.rank(row: "tier-3"))
        #expect(tier3.count == 1, "the skipped tier's row holds only its label")
        #expect(try #require(chart.rank(row: "tier-5")).count == 1)
        #expect(chart.ids(in: try #require(chart.rank(row: "tier-4"))) == ["HOS"])
        #expect(chart.rank(row: "front-line") == nil)
        // The reporting line spans the empty row and still shapes the layout.
        #expect(!(try #require(chart.edge(from: "HOS", to: "TM")).contains("constraint=false")))
    }

    @Test func upwardLineDoesNotShapeTheRows() throws {
        // A tier-5 post under a tier-6 post (a tier-order error) stays in the tier-5 row.
        let structure = Structure(posts: [
            Post(id: "A", title: "Team Manager", tier: 6),
            Post(id: "B", title: "Service Manager", tier: 5, reportsTo: "A"),
        ])
        let chart = DOTInspector(try StructureChart.dot(ChartFixtures.validated(structure)))
        #expect(try #require(chart.edge(from: "A", to: "B")).contains("constraint=false"))
        #expect(chart.ids(in: try #require(chart.rank(row: "tier-5"))) == ["B"])
        #expect(try #require(chart.node(id: "B")).line.contains("tier-order"))
    }

    @Test func repeatedIDsStayUnique() throws {
        let structure = Structure(posts: [
            Post(id: "X", title: "First", tier: 2), Post(id: "X", title: "Second", tier: 3, reportsTo: "X"),
        ])
        let chart = DOTInspector(try StructureChart.dot(ChartFixtures.validated(structure)))
        #expect(chart.node(id: "X") != nil)
        #expect(chart.node(id: "X#2") != nil)
    }

    @Test("A chart of part of the structure says its checks are the whole structure's, and lists its own errors first")
    func partialChartNotes() throws {
        let whole = try Self.chart().text
        #expect(whole.contains("Checks: "))
        #expect(!whole.contains("Whole structure: "))
        let part = try Self.chart(ChartOptions(root: "SM-A")).text
        #expect(part.contains("Whole structure: "))
        #expect(part.contains("on this page"))
    }

    @Test("Warnings are named in their boxes and keyed")
    func warningsShown() throws {
        let text = try Self.chart().text
        #expect(text.contains("warning: "))
        #expect(text.contains("Warning (one-over-one, tier-skip…) in the box"))
    }
}
