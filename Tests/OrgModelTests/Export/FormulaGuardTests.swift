import Foundation
import Testing

@testable import OrgAnalysis
@testable import OrgModel
@testable import OrgReports
@testable import OrgSupport

/// Cells a spreadsheet would run as formulas are written with a leading apostrophe in
/// every CSV orgmodel writes, and orgmodel's own readers take it off again.
@Suite("Formula guard (CSV injection)")
struct FormulaGuardTests {
    @Test(
        "A cell starting with =, +, -, @, a tab or a carriage return is guarded; others are not",
        arguments: [
            ("=SUM(A1:A9)", "'=SUM(A1:A9)"), ("+44 20", "'+44 20"), ("-", "'-"), ("@cmd", "'@cmd"),
            ("\tx", "'\tx"), ("\rx", "'\rx"), ("'=x", "''=x"), ("''-y", "'''-y"),
            ("Social Worker", "Social Worker"), ("'quoted'", "'quoted'"), ("'", "'"), ("", ""), ("a=b", "a=b"), ("x-1", "x-1"),
        ])
    func guards(text: String, written: String) {
        #expect(FormulaGuard.guarded(text) == written)
        #expect(FormulaGuard.unguarded(written) == text)
    }

    @Test("Guarding then unguarding gives back any string, and guarded cells never start a formula")
    func reversible() {
        var random = SplitMix64(seed: 99)
        let alphabet: [Character] = ["'", "=", "+", "-", "@", "\t", "\r", "a", " ", "1", "é"]
        for _ in 0..<5_000 {
            let length = Int(random.next() % 6)
            let text = String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            let written = FormulaGuard.guarded(text)
            #expect(FormulaGuard.unguarded(written) == text, "\(String(reflecting: text))")
            if let first = written.first { #expect(!["=", "+", "-", "@", "\t", "\r"].contains(first), "\(String(reflecting: written))") }
        }
    }

    @Test("A structure CSV guards formula cells and reads them back unchanged")
    func structureCSV() throws {
        let structure = Structure(posts: [
            Post(id: "TOP", title: "=HYPERLINK(\"http://x\")", holder: "@Jo", service: "+Service"),
            Post(id: "-1", title: "'=already", reportsTo: "TOP", attributes: [Attribute(name: "Note", value: "-3 days")]),
        ])
        let csv = try StructureCSVWriter().write(structure)
        #expect(csv.contains("TOP,\"'=HYPERLINK(\"\"http://x\"\")\""))
        #expect(csv.contains("'-1,''=already,,TOP"))
        #expect(csv.contains("'-3 days"))
        for line in csv.split(separator: "\n") where !line.hasPrefix("#") {
            for cell in line.split(separator: ",", omittingEmptySubsequences: false) {
                let bare = cell.hasPrefix("\"") ? cell.dropFirst() : cell[...]
                #expect(!["=", "+", "-", "@"].contains(bare.first), "an unguarded cell: \(cell)")
            }
        }
        let back = try RoundTrip.csv(csv)
        #expect(RoundTrip.firstDifference(structure, back) == nil, "\(RoundTrip.firstDifference(structure, back) ?? "")")
    }

    @Test("The organogram export guards formula cells, and reads back unchanged")
    func organogram() throws {
        let structure = Structure(posts: [
            Post(id: "P1", title: "=cmd|' /C calc'!A0", tier: 2, holder: "+Ann", grade: "SCS1"),
            Post(id: "P2", title: "Officer", reportsTo: "P1", grade: "-EO", count: 3),
        ])
        let files = OrganogramWriter().write(structure)
        #expect(files.senior.contains("'=cmd|' /C calc'!A0"))
        #expect(files.senior.contains("'+Ann"))
        #expect(files.junior.contains("'-EO"))
        let imported = try OrganogramImporter().importFiles(
            senior: Array(files.senior.utf8), seniorFile: "senior.csv", junior: Array(files.junior.utf8), juniorFile: "junior.csv")
        let titles = imported.structure.posts.map(\.title)
        #expect(titles.contains("=cmd|' /C calc'!A0"))
        #expect(imported.structure.posts.contains { $0.holder == "+Ann" })
        #expect(imported.structure.posts.contains { $0.grade == "-EO" })
    }

    @Test("The analysis CSV guards a post id that starts a formula")
    func analysisCSV() throws {
        let structure = Structure(posts: [Post(id: "=TOP", tier: 2), Post(id: "A", tier: 3, reportsTo: "=TOP")])
        let rules = try RuleSetReader.load("childrens-social-care", relativeTo: nil)
        let report = AnalysisReport(StructureAnalysis(structure, rules: rules))
        let lines = report.csv().split(separator: "\n")
        #expect(lines[1].hasPrefix("'=TOP,2,"))
    }
}
