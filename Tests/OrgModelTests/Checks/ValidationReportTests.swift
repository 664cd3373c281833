import Foundation
import Testing

@testable import OrgModel
@testable import OrgReports
@testable import OrgSupport

/// The validate command's text and JSON, held in golden files for the bundled examples.
@Suite struct ValidationReportTests {
    static let bundled = [
        "county-childrens-social-care-current.yaml", "county-childrens-social-care-proposed.yaml",
        "childrens-services-redesign-current.yaml", "childrens-services-redesign-proposed.yaml",
    ]

    func report(_ names: [String]) throws -> ValidationReport {
        let day = Day(year: 2026, month: 11, day: 22)!
        return ValidationReport(
            entries: try names.map { name in
                let file = "Structures/\(name)"
                var structure = try StructureFile.load(Fixtures.packageRoot.appendingPathComponent(file).path)
                structure.source = file
                let rules = try RuleSetReader.ruleSet(for: structure)
                return .validated(file: file, result: Validator(rules: rules, asOf: day).validate(structure))
            })
    }

    @Test(arguments: bundled) func bundledStructureText(name: String) throws {
        try Fixtures.expectGolden(report([name]).text(), "validate-\(name.replacingOccurrences(of: ".yaml", with: "")).txt")
    }

    @Test func jsonHasTheDocumentedFields() throws {
        let json = try report([Self.bundled[0]]).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(!findings.isEmpty)
        for finding in findings {
            #expect(finding["rule"] is String)
            #expect(["error", "warning", "accepted"].contains(finding["severity"] as? String))
            #expect(finding["message"] is String)
            #expect(finding["line"] is Int || finding["post"] == nil)
        }
        try Fixtures.expectGolden(try report([Self.bundled[1]]).json(), "validate-county-childrens-social-care-proposed.json")
    }

    @Test func proposedStructuresPassAndCurrentOnesFail() throws {
        for name in Self.bundled {
            let passes = try report([name]).hasErrors == false
            #expect(passes == name.contains("proposed"), "\(name)")
        }
    }

    /// The findings written as bytes read exactly as the encoder writes them: the bundled
    /// files (accepted findings among them), awkward text, several files, and none.
    @Test func jsonBytesAreTheEncoders() throws {
        func encoded(_ report: ValidationReport) throws -> [UInt8] {
            Array(try ReportJSON.encode(report.jsonValue(), what: report.reportName).utf8)
        }
        let bundled = try report(Self.bundled)
        #expect(try bundled.jsonBytes() == encoded(bundled))
        let awkward = [
            "He said \"no\"", "back\\slash", "line\nbreak", "tab\there", "crlf\r\nx", "Ünï 日本 🎉", "x\u{2028}y", "a/b", "bell\u{7}",
            "del\u{7F}",
        ]
        let posts =
            [Post(id: "TOP", title: awkward[0], tier: 2)]
            + awkward.enumerated().map { offset, title in
                Post(
                    id: PostID("P\(offset)/\(title)"), title: title,
                    reportsTo: offset == 0 ? "TOP" : PostID("P\(offset - 1)/\(awkward[offset - 1])"))
            }
        let structure = Structure(name: "Awkward", posts: posts)
        let result = Validator(
            rules: try RuleSetReader.load("childrens-social-care", relativeTo: nil), asOf: Day(year: 2026, month: 1, day: 1)!
        ).validate(structure)
        #expect(result.findings.count > 10)
        let several = ValidationReport(entries: [
            .validated(file: "a \"quoted\" name.yaml", result: result), .validated(file: "b.csv", result: result),
        ])
        #expect(try several.jsonBytes() == encoded(several))
        let none = ValidationReport(entries: [])
        #expect(try none.jsonBytes() == encoded(none))
    }
}
