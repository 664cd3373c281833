import Foundation
import Testing

@testable import OrgAnalysis
@testable import OrgModel
@testable import OrgReports
@testable import OrgSupport

/// A large structure's per-post CSV and JSON are made in chunks while the first are written:
/// joined, the parts must be exactly what one pass over the posts writes.
@Suite("Analysis output in chunks")
struct AnalysisPartsTests {
    @Test("A structure of several chunks writes every post once, in file order, as valid JSON and CSV")
    func chunkedAnalysis() throws {
        let posts = 2 * AnalysisReport.postsPerChunk + 1_234
        let structure = StructureGenerator(posts: posts, seed: 3).generate()
        let report = AnalysisReport(StructureAnalysis(structure, rules: try RuleSetReader.ruleSet(for: structure)), file: "big.csv")
        let parts = report.csvParts()
        #expect(parts.count == 1 + (structure.posts.count + AnalysisReport.postsPerChunk - 1) / AnalysisReport.postsPerChunk)
        let csv = String(decoding: report.csvBytes(), as: UTF8.self)
        let rows = csv.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.count == structure.posts.count + 2)  // the header, and nothing after the last line break
        #expect(
            rows.dropFirst().prefix(structure.posts.count).map { $0.split(separator: ",", omittingEmptySubsequences: false)[0] }
                == structure.posts.map { Substring($0.id.rawValue) })

        // The measures alone, as `analyse --format csv` makes them, write the same bytes.
        let rules = try RuleSetReader.ruleSet(for: structure)
        #expect(AnalysisReport.joined(PostMeasures(structure, rules: rules).csvParts()) == report.csvBytes())

        let json = try report.jsonBytes()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
        let remits = try #require(object["remits"] as? [[String: Any]])
        #expect(remits.map { $0["id"] as? String } == structure.posts.map(\.id.rawValue))
        // Read again, the parts are made again, the same.
        #expect(AnalysisReport.joined(try report.jsonParts()) == json)
    }

    @Test("The per-post CSV from the measures alone is the whole analysis's: loops, unknown costs, assistants and missing tiers")
    func measuresAlone() throws {
        let text = """
            id,title,tier,reports_to,cost,count,assistant
            A,Director,2,,100000,1,
            B,Head,4,A,,2,
            C,Assistant,,A,20000,1,true
            D,Lead,5,B,50000,3,
            E,Loop one,5,F,1,1,
            F,Loop two,5,E,1,1,
            G,Unknown manager,6,Z,1,1,
            """
        let structure = try StructureFile.parse(Array(text.utf8), format: .csv, file: "m.csv")
        let rules = try RuleSetReader.ruleSet(for: structure)
        let whole = AnalysisReport(StructureAnalysis(structure, rules: rules), file: "m.csv").csvBytes()
        let alone = AnalysisReport.joined(PostMeasures(structure, rules: rules).csvParts())
        #expect(alone == whole)
        #expect(String(decoding: alone, as: UTF8.self).contains("\nE,5,1,,,,\n"))
    }
}
