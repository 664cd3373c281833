import Foundation
import TestSupport
import Testing

@testable import OrgModel

/// Small structures written inline, so each test shows the posts it is about.
enum Fixtures {
    static let asOf = Day(year: 2021, month: 1, day: 1)!

    static func yaml(_ text: String, file: String = "test.yaml") throws -> Structure {
        try StructureFile.parse(Array(text.utf8), format: .yaml, file: file)
    }

    static func csv(_ text: String, file: String = "test.csv") throws -> Structure {
        try StructureFile.parse(Array(text.utf8), format: .csv, file: file)
    }

    static func loadError(_ text: String, format: StructureFormat = .yaml) -> LoadError? {
        loadError(bytes: Array(text.utf8), format: format)
    }

    static func loadError(bytes: [UInt8], format: StructureFormat = .yaml) -> LoadError? {
        do {
            _ = try StructureFile.parse(bytes, format: format, file: "bad.\(format.rawValue)")
            return nil
        } catch {
            return error
        }
    }

    static var rules: RuleSet {
        get throws { try RuleSetReader.load("childrens-social-care", relativeTo: nil) }
    }

    static func findings(_ text: String, asOf: Day = asOf) throws -> [Finding] {
        try Validator(rules: rules, asOf: asOf).validate(yaml(text)).findings
    }

    /// The (rule, post) pairs of the findings with `severity`.
    static func pairs(_ findings: [Finding], _ severity: Severity? = nil) -> [String] {
        findings.filter { severity == nil || $0.severity == severity }
            .map { "\($0.rule.rawValue) \($0.post?.rawValue ?? "-")" }
    }

    /// The folder of golden files, next to this test target's sources.
    static let goldenDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden")

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Compares `text` with a golden file; `ORGMODEL_UPDATE_GOLDEN=1` rewrites it instead.
    static func expectGolden(_ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        try GoldenFile.expect(text, equals: name, in: goldenDirectory, sourceLocation: sourceLocation)
    }
}

/// A tier-2 top post, two tier-3 directors, and four Heads of Service under the first,
/// each with four Service Managers, each with four Team Managers of five Social Workers:
/// a structure that meets every rule, for tests to break one rule at a time.
///
/// `extra` lines are added to the post named in its key, e.g. `["HOS-1": ["count: 2"]]`;
/// `posts` are whole extra posts, as YAML lines without the list dash's indentation.
func compliantYAML(extra: [String: [String]] = [:], posts: [[String]] = []) -> String {
    var lines = ["name: Compliant", "posts:"]
    func post(_ fields: [String]) {
        var fields = fields
        if let id = fields.first?.replacingOccurrences(of: "id: ", with: ""), let more = extra[id] {
            fields += more
        }
        for (n, field) in fields.enumerated() {
            lines.append((n == 0 ? "  - " : "    ") + field)
        }
    }
    post(["id: ED", "title: Executive Director", "tier: 2"])
    post(["id: AD", "title: Assistant Director", "tier: 3", "reports_to: ED"])
    post(["id: AD-2", "title: Assistant Director, Quality", "tier: 3", "reports_to: ED"])
    for h in 1...4 {
        post(["id: HOS-\(h)", "title: Head of Service \(h)", "tier: 4", "reports_to: AD"])
        for s in 1...4 {
            post(["id: SM-\(h)-\(s)", "title: Service Manager", "tier: 5", "reports_to: HOS-\(h)"])
            for t in 1...4 {
                post(["id: TM-\(h)-\(s)-\(t)", "title: Team Manager", "tier: 6", "reports_to: SM-\(h)-\(s)"])
                post(["id: SW-\(h)-\(s)-\(t)", "title: Social Worker", "reports_to: TM-\(h)-\(s)-\(t)", "count: 5"])
            }
        }
    }
    for extraPost in posts { post(extraPost) }
    return lines.joined(separator: "\n") + "\n"
}
