@testable import OrgAnalysis
@testable import OrgModel

/// Structures whose measures the analysis tests work out by hand.
enum AnalysisFixtures {
    /// The built-in tiers with a grade table (PO6 at £48,000), so a post with a grade and
    /// no cost is costed from it.
    static var rules: RuleSet {
        get throws {
            var rules = try RuleSetReader.load("childrens-social-care", relativeTo: nil)
            rules.gradeCosts = ["PO6": 48_000]
            return rules
        }
    }

    /// ED (span 1: its PA is left out) → HOS-A → SM-1 → TM-1 → a line of 5 social
    /// workers and a senior practitioner costed by grade; HOS-A → SM-2 (no cost) → TM-2
    /// (temporary) → one social worker. SM-2 → TM-2 is a chain of one-over-one managers.
    static let small = Structure(
        name: "Small", organisation: "Test Council", state: .current, rules: "childrens-social-care",
        posts: [
            Post(id: "ED", title: "Executive Director", tier: 2, grade: "ED", fte: 1, cost: 150_000),
            Post(id: "PA", title: "PA", reportsTo: "ED", fte: 1, cost: 30_000, assistant: true),
            Post(id: "HOS-A", title: "Head of Service A", tier: 4, reportsTo: "ED", fte: 1, cost: 80_000),
            Post(id: "SM-1", title: "Service Manager 1", tier: 5, reportsTo: "HOS-A", fte: 1, cost: 60_000),
            Post(id: "TM-1", title: "Team Manager 1", tier: 6, reportsTo: "SM-1", fte: 1, cost: 50_000),
            Post(id: "SW-1", title: "Social Worker", reportsTo: "TM-1", fte: 4.5, cost: 200_000, count: 5, vacant: 1),
            Post(id: "SP-1", title: "Senior Practitioner", reportsTo: "TM-1", grade: "PO6"),
            Post(id: "SM-2", title: "Service Manager 2", tier: 5, reportsTo: "HOS-A"),
            Post(id: "TM-2", title: "Team Manager 2", tier: 6, reportsTo: "SM-2", fte: 1, cost: 50_000, temporary: true),
            Post(id: "SW-2", title: "Social Worker", reportsTo: "TM-2", fte: 1, cost: 40_000),
        ])

    static func analysis() throws -> StructureAnalysis {
        StructureAnalysis(small, rules: try rules)
    }
}
