import Foundation
import Testing

@testable import OrgAnalysis
@testable import OrgModel
@testable import OrgReports

@Suite("AnalysisReport")
struct AnalysisReportTests {
    @Test func csvWorkedOutByHand() throws {
        let csv = AnalysisReport(try AnalysisFixtures.analysis()).csv()
        #expect(
            csv == """
                id,tier,span,layer,remit_headcount,remit_fte,remit_cost
                ED,2,1,0,13,12.5,
                PA,,0,1,0,0,0
                HOS-A,4,2,1,11,10.5,
                SM-1,5,1,2,7,6.5,298000
                TM-1,6,6,3,6,5.5,248000
                SW-1,,0,4,0,0,0
                SP-1,,0,4,0,0,0
                SM-2,5,1,2,2,2,90000
                TM-2,6,1,3,1,1,40000
                SW-2,,0,4,0,0,0

                """)
    }

    @Test func csvQuotesIDsThatNeedIt() {
        let structure = Structure(posts: [Post(id: "A,1", tier: 2), Post(id: "B \"x\"", reportsTo: "A,1")])
        let csv = AnalysisReport(
            StructureAnalysis(structure, rules: RuleSet(name: "r", tiers: [TierRule(tier: 2, role: "ED")], source: "r"))
        ).csv()
        #expect(csv == "id,tier,span,layer,remit_headcount,remit_fte,remit_cost\n\"A,1\",2,1,0,1,1,\n\"B \"\"x\"\"\",,0,1,0,0,0\n")
    }

    @Test func jsonEscapesIDs() throws {
        let odd = "A \"quoted\" \\ id\twith\u{1}controls"
        let structure = Structure(posts: [Post(id: PostID(odd), tier: 2), Post(id: "B", reportsTo: PostID(odd))])
        let json = try AnalysisReport(StructureAnalysis(structure, rules: try AnalysisFixtures.rules)).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let remits = try #require(object["remits"] as? [[String: Any]])
        #expect(remits.map { $0["id"] as? String } == [odd, "B"])
        #expect(remits.first?["remit_headcount"] as? Int == 1)
        #expect(remits.last?["tier"] is NSNull)
    }

    @Test func markdownGolden() throws {
        let report = AnalysisReport(try AnalysisFixtures.analysis(), file: "small.yaml")
        try Fixtures.expectGolden(report.markdown(), "analysis-small.md")
    }

    @Test func textGolden() throws {
        let report = AnalysisReport(try AnalysisFixtures.analysis(), file: "small.yaml")
        try Fixtures.expectGolden(report.text(), "analysis-small.txt")
    }

    @Test func remitRowsAreCapped() throws {
        let report = AnalysisReport(try AnalysisFixtures.analysis(), file: "small.yaml", remitRows: 2)
        let text = report.text()
        #expect(text.contains("… and 2 more senior posts; `--format csv` lists the remit of every post."))
        let none = AnalysisReport(try AnalysisFixtures.analysis(), remitRows: 0).text()
        #expect(!none.contains("Remits of senior posts"))
    }

    @Test func headingsNestUnderAnOffset() throws {
        let markdown = AnalysisReport(try AnalysisFixtures.analysis()).markdown(headingOffset: 1)
        #expect(markdown.hasPrefix("## Analysis: Small (current)\n"))
        #expect(markdown.contains("\n### Tiers\n"))
    }

    @Test func jsonCarriesUnknownCostsAsUnknown() throws {
        let json = try AnalysisReport(try AnalysisFixtures.analysis(), file: "small.yaml").json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let cost = try #require(object["cost"] as? [String: Any])
        #expect(cost["known"] as? Double == 708_000)
        #expect(cost["unknown_posts"] as? Int == 1)
        #expect(cost["complete"] as? Bool == false)
        let remits = try #require(object["remits"] as? [[String: Any]])
        #expect(remits.count == 10)
        #expect(remits.first?["id"] as? String == "ED")
        #expect(remits.first?["remit_headcount"] as? Int == 13)
        let chains = try #require(object["one_over_one_chains"] as? [[String]])
        #expect(chains == [["ED"], ["SM-1"], ["SM-2", "TM-2"]])
        // Deterministic: the same analysis gives the same bytes.
        #expect(try json == AnalysisReport(try AnalysisFixtures.analysis(), file: "small.yaml").json())
    }
}
