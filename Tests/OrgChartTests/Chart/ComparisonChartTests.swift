import Foundation
import Testing

@testable import OrgChart
@testable import OrgModel

@Suite struct ComparisonChartTests {
    static func chart(_ options: ChartOptions = ChartOptions()) throws -> DOTInspector {
        DOTInspector(
            try ComparisonChart.dot(
                current: ChartFixtures.result("small-current.yaml"), proposed: ChartFixtures.result("small-proposed.yaml"),
                options: options))
    }

    @Test func goldenDOT() throws {
        try ChartFixtures.expectGolden(Self.chart().text, "small-compare.dot")
    }

    @Test func idsArePrefixedBySide() throws {
        let chart = try Self.chart()
        #expect(chart.node(id: "current-SM-B") != nil)
        #expect(chart.node(id: "proposed-SM-B") == nil)
        #expect(chart.node(id: "proposed-HOS-S") != nil)
        #expect(chart.node(id: "current-TM-1/front-line") != nil)
        #expect(chart.node(id: "proposed-TM-6/front-line") != nil)
        #expect(chart.node(id: "SM-A") == nil, "every id carries its side")
    }

    @Test func rowsAreSharedWithCurrentLeftOfProposed() throws {
        let chart = try Self.chart()
        let row = try #require(chart.rank(row: "tier-6"))
        let ids = chart.ids(in: row)
        #expect(
            ids == [
                "current-TM-1", "current-TM-2", "current-TM-4", "current-TM-5", "current-TM-3",
                "proposed-TM-1", "proposed-TM-2", "proposed-TM-3", "proposed-TM-6",
            ])
        // The row is chained left to right: label, current boxes, divider, proposed boxes.
        let divider = try #require(row.firstIndex { $0.hasPrefix("div") })
        #expect(row[1..<divider].allSatisfy { chart.node(named: $0)?.id.hasPrefix("current-") == true })
        #expect(row[(divider + 1)...].allSatisfy { chart.node(named: $0)?.id.hasPrefix("proposed-") == true })
        #expect(chart.chained(row))
    }

    @Test func headingsAndNotesForBothSides() throws {
        let chart = try Self.chart()
        #expect(try #require(chart.node(id: "orgchart-heading-current")).line.contains(ChartPalette.bold("Current")))
        #expect(try #require(chart.node(id: "orgchart-heading-proposed")).line.contains(ChartPalette.bold("Proposed")))
        #expect(chart.text.contains("Test Council · current, effective 2024-04-01 → proposed, effective 2025-04-01"))
        #expect(chart.text.contains("Current: Source: Fixtures/small-current.yaml"))
        #expect(chart.text.contains("Proposed: Checks: 2 errors, 3 warnings, 0 accepted deviations"))
        // The one accepted deviation is numbered and named by side.
        #expect(chart.text.replacingOccurrences(of: "<BR/>", with: " ").contains("[1] Current: HOS-A Head of Service"))
    }

    @Test func rootInOneStructureOnlyLeavesTheOtherSideSaying() throws {
        let chart = try Self.chart(ChartOptions(root: "SM-B"))
        #expect(chart.node(id: "current-SM-B") != nil)
        #expect(chart.node(id: "current-TM-3") != nil)
        #expect(chart.node(id: "current-SM-A") == nil)
        #expect(try #require(chart.node(id: "proposed-absent")).line.contains("No post SM-B in the proposed structure"))
    }

    @Test func unknownRootThrows() throws {
        #expect(
            throws: ChartError.unknownRoot(
                "NOPE", files: ["Fixtures/small-current.yaml", "Fixtures/small-proposed.yaml"], suggestions: [])
        ) {
            _ = try Self.chart(ChartOptions(root: "NOPE"))
        }
    }
}
