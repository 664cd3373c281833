import Foundation
import Testing

@testable import OrgAnalysis
@testable import OrgModel

/// The options table: each column's measures come from the same analysis and comparison
/// as `analyse` and `compare` give, and the best value of each row is marked.
@Suite struct OptionsComparisonTests {
    /// The comparison tests' example: option 1 is their proposed structure (HOS-B's cost
    /// unknown); option 2 removes the hidden layer DEP and moves TM-1 up, every cost known.
    static let removeDeputy = Structure(
        name: "Example", state: .option,
        posts: [
            Post(id: "ED", title: "Executive Director", tier: 2, fte: 1, cost: 150_000),
            Post(id: "HOS-A", title: "Head of Service A", tier: 4, reportsTo: "ED", fte: 1, cost: 80_000),
            Post(id: "TM-1", title: "Team Manager", tier: 6, reportsTo: "HOS-A", fte: 1, cost: 50_000, temporary: true),
            Post(id: "SW-1", title: "Social Worker", reportsTo: "TM-1", fte: 5, cost: 200_000, count: 5),
            Post(id: "HOS-B", title: "Head of Service B", tier: 4, reportsTo: "ED", grade: "M3"),
        ])

    static func options() throws -> OptionsComparison {
        let rules = try ComparisonTests.rules
        return OptionsComparison(
            current: ComparisonTests.current, rules: rules, file: "current.yaml",
            options: [(ComparisonTests.proposed, rules, "option-a.yaml"), (removeDeputy, rules, "option-b.yaml")],
            asOf: Fixtures.asOf)
    }

    @Test("An option's figures are those the two-file comparison gives")
    func figuresMatchTheComparison() throws {
        let options = try Self.options()
        let pair = try ComparisonTests.comparison()
        let first = options.options[0]
        #expect(first.netChange == pair.netCostChange)
        #expect(first.deleted == pair.deleted.count && first.created == pair.created.count)
        #expect(first.moved == pair.count(.reportingLine))
        #expect(first.measures.errors == pair.afterFindings.errorCount)
        #expect(first.measures.warnings == pair.afterFindings.warningCount)
        #expect(first.measures.annualCost == pair.costAfter)
        #expect(options.current.annualCost == pair.costBefore)
        #expect(options.current.managerPosts == pair.before.ratios.managerPosts)
        #expect(options.current.managementLayers == pair.before.layers.managementLayers)
    }

    @Test("Option 2's figures, worked out by hand")
    func optionWorkedOutByHand() throws {
        let option = try Self.options().options[1]
        // DEP (£70,000) deleted; TM-1 moves from DEP to HOS-A; nothing else changes.
        #expect(option.netChange.known == -70_000 && option.netChange.isComplete)
        #expect(option.deleted == 1 && option.created == 0 && option.moved == 1)
        #expect(option.measures.posts == 5 && option.measures.headcount == 9)
        #expect(option.measures.annualCost == CostTotal(known: 566_000))
        // Managers ED (2), HOS-A (1), TM-1 (5): mean 8 / 3, median 2.
        #expect(option.measures.managerPosts == 3)
        #expect(abs(option.measures.meanSpan - 8.0 / 3.0) < 1e-9)
        #expect(option.measures.medianSpan == 2)
        #expect(option.measures.oneOverOne == 1)
        #expect(option.measures.frontLineHeadcount == 5)
    }

    @Test func medianSpanOfAnEvenNumberOfManagers() throws {
        // Current: ED (2), HOS-A (1), DEP (1), TM-1 (5): median (1 + 2) / 2.
        #expect(try Self.options().current.medianSpan == 1.5)
    }

    @Test func spanBandsAddUpTheTiers() throws {
        let current = try Self.options().current
        let fromTiers = current.analysis.tiers.reduce(0) { $0 + ($1.spans?.posts ?? 0) }
        #expect(current.spanBands.values.reduce(0, +) == fromTiers)
    }

    @Test("The best value is marked the right way; unknown costs, equal values and rows with no direction are not")
    func bestValues() throws {
        let options = try Self.options()
        // Errors: 4, 3 and 2: the fewest wins.
        #expect(options.columns.map(\.errors) == [4, 3, 2])
        let errors = options.columns.map(\.errors)
        let fewest = try #require(errors.min())
        #expect(options.best(.errors) == Set(errors.indices.filter { errors[$0] == fewest }))
        #expect(options.best(.managerPosts) == [2])
        // Option 1's cost has a post of unknown cost: the cost rows are not ranked.
        #expect(!options.options[0].measures.annualCost.isComplete)
        #expect(options.best(.annualCost).isEmpty)
        #expect(options.best(.netChange).isEmpty)
        // No better direction, or every value the same.
        #expect(options.best(.posts).isEmpty)
        #expect(options.best(.meanSpan).isEmpty)
        #expect(options.columns.allSatisfy { $0.wideSpans == 0 })
        #expect(options.best(.wideSpans).isEmpty)
    }

    @Test func costsAreRankedWhenKnownAndTheLowestWins() throws {
        let rules = try ComparisonTests.rules
        let options = OptionsComparison(
            current: ComparisonTests.current, rules: rules,
            options: [(Self.removeDeputy, rules, nil), (ComparisonTests.current, rules, nil)], asOf: Fixtures.asOf)
        #expect(options.best(.annualCost) == [1])
        // A saving is negative, and the lowest net change is best; the current column takes no part.
        #expect(options.value(.netChange, column: 0) == nil)
        #expect(options.value(.netChange, column: 1) == -70_000)
        #expect(options.best(.netChange) == [1])
        #expect(options.best(.deleted).isEmpty)
    }

    @Test func currentHasNoChangeFigures() throws {
        let options = try Self.options()
        for row in [OptionsComparison.Row.netChange, .deleted, .created, .moved] {
            #expect(options.cell(row, column: 0) == "—")
        }
        #expect(options.cell(.netChange, column: 2) == "−£70,000")
        #expect(options.cell(.netChange, column: 1) == "+£35,000 (known costs)")
    }

    @Test("JSON: current without the option keys, each option with them, every key snake_case")
    func jsonShape() throws {
        let json = try Self.options().json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["current", "options"])
        let current = try #require(object["current"] as? [String: Any])
        let options = try #require(object["options"] as? [[String: Any]])
        #expect(options.count == 2)
        let measures: Set<String> = [
            "file", "name", "state", "rules", "posts", "headcount", "fte", "front_line_headcount", "manager_posts",
            "management_layers", "mean_span", "median_span", "span_bands", "narrow_spans", "wide_spans", "one_over_one",
            "errors", "warnings", "accepted", "annual_cost", "deviations",
        ]
        #expect(Set(current.keys) == measures)
        for option in options {
            #expect(Set(option.keys) == measures.union(["net_change", "deleted", "created", "moved"]))
        }
        #expect((options[1]["net_change"] as? [String: Any])?["known"] as? Double == -70_000)
        #expect((options[0]["annual_cost"] as? [String: Any])?["unknown_posts"] as? Int == 1)
        func keys(_ value: Any) -> [String] {
            if let dictionary = value as? [String: Any] { return dictionary.keys + dictionary.values.flatMap(keys) }
            if let array = value as? [Any] { return array.flatMap(keys) }
            return []
        }
        let bad = keys(object).filter { $0.contains(where: { !($0.isLowercase || $0.isNumber || $0 == "_") }) }
        #expect(bad.isEmpty, "not snake_case: \(bad)")
    }

    @Test func deviationsReliedOnAreListed() throws {
        let rules = try ComparisonTests.rules
        var option = Self.removeDeputy
        // HOS-A leads only TM-1: narrow and one-over-one. Agree the narrow span.
        option.posts[1].deviations = [
            Deviation(rule: .spanNarrow, rationale: "Interim.", agreedBy: ["SLT", "HR"], reviewBy: Day(iso8601: "2022-01-01"))
        ]
        let options = OptionsComparison(
            current: ComparisonTests.current, rules: rules, options: [(option, rules, nil), (option, rules, nil)], asOf: Fixtures.asOf)
        #expect(options.options[0].measures.reliedOn.map { "\($0.post?.rawValue ?? "") \($0.rule.rawValue)" } == ["HOS-A span-narrow"])
        let text = options.text()
        #expect(text.contains("HOS-A span-narrow, agreed by SLT and HR, review by 2022-01-01: Interim."))
    }

    @Test func goldenFiles() throws {
        let options = try Self.options()
        try Fixtures.expectGolden(options.text(), "options-example.txt")
        try Fixtures.expectGolden(options.markdown(), "options-example.md")
        try Fixtures.expectGolden(try options.json(), "options-example.json")
    }
}
