import Testing

@testable import OrgAnalysis
@testable import OrgModel

/// What keeps a deep structure's millions of findings cheap (issue 10, depth costs) must not
/// change what they say: findings worded from parts read as the words did, matching by
/// leading runs gives what matching by key alone gives, findings sort in place.
@Suite struct DepthCostTests {
    @Test func findingsWordedFromPartsReadAsBefore() throws {
        let chain = """
            name: Chain
            rules: childrens-social-care
            posts:
              - id: P0
                title: Top
                tier: 2
              - id: P1
                title: Middle
                reports_to: P0
              - id: P2
                reports_to: P1
              - id: P3
                title: Bottom
                reports_to: P2
            """
        let findings = try Fixtures.findings(chain)
        let messages = findings.map { "\($0.rule.rawValue) \($0.post?.rawValue ?? "") \($0.message)" }
        #expect(messages.contains("one-over-one P0 has exactly one direct report, P1 (Middle)"))
        // A post without a title is named by its id alone.
        #expect(messages.contains("one-over-one P1 has exactly one direct report, P2"))
        #expect(messages.contains("manager-without-tier P1 leads 1 but has no tier; give it the tier of its role"))
        let structured = try #require(findings.first { $0.rule == .oneOverOne && $0.post == "P0" })
        // Equal to, and hashed as, the same finding with its message as plain words.
        var plain = structured
        plain.message = structured.message
        #expect(plain == structured)
        #expect(Set([plain, structured]).count == 1)
        var other = structured
        other.message = structured.message + "!"
        #expect(other != structured)
    }

    @Test func deviationHeldOutOfLineReadsBack() {
        let deviation = Deviation(rule: .oneOverOne, rationale: "Interim", agreedBy: ["DCS"], line: 7)
        var finding = Finding(rule: .oneOverOne, post: "P1", message: "m")
        #expect(finding.deviation == nil)
        finding.deviation = deviation
        #expect(finding.deviation == deviation)
        #expect(finding != Finding(rule: .oneOverOne, post: "P1", message: "m"))
        finding.deviation = nil
        #expect(finding == Finding(rule: .oneOverOne, post: "P1", message: "m"))
    }

    @Test func ruleOrderIsTheOrderOfAllCases() {
        for (offset, rule) in RuleID.allCases.enumerated() { #expect(rule.order == offset) }
        #expect(RuleID.allCases.sorted() == RuleID.allCases)
    }

    @Test func permuteMovesEachItemToItsPlace() {
        var generator = SplitMix64(seed: 10)
        for count in [0, 1, 2, 7, 100] {
            // Long enough to live on the heap: a move that retained or released would show.
            let items = (0..<count).map { "item \($0), a text too long to be held inline" }
            let order = Array(0..<count).shuffled(using: &generator)
            var permuted = items
            Validator.permute(&permuted, into: order)
            #expect(permuted == order.map { items[$0] })
        }
    }

    /// The packed sort lists findings exactly as the sort by comparison does: by line
    /// (none counts as 0), then rule, then as found; so does the fallback for lines that do
    /// not pack (negative, or too large).
    @Test func listingOrderIsLineThenRuleThenAsFound() {
        var generator = SplitMix64(seed: 77)
        for (count, lines) in [(0, 5), (1, 5), (50, 3), (2_000, 40), (300, Int.max / 2), (30, -3)] {
            let findings = (0..<count).map { _ in
                let pick = Int(generator.next() % 1_000)
                let line: Int? =
                    pick % 7 == 0 ? nil : lines < 0 ? -(pick % 3) : lines > 1_000_000 ? lines - pick % 5 : pick % lines
                return Finding(
                    rule: RuleID.allCases[pick % RuleID.allCases.count], post: PostID("P\(pick)"), line: line,
                    message: "m")
            }
            let expected = findings.indices.sorted { a, b in
                let x = findings[a].line ?? 0
                let y = findings[b].line ?? 0
                if x != y { return x < y }
                if findings[a].rule != findings[b].rule { return findings[a].rule < findings[b].rule }
                return a < b
            }
            #expect(Validator.listingOrder(findings) == expected, "count \(count), lines \(lines)")
        }
    }

    /// Random finding lists (repeated keys, accepted findings, renamed posts, rules in any
    /// order) give exactly what the plain count by key gave.
    @Test func findingChangesMatchTheCountByKey() {
        var generator = SplitMix64(seed: 2026)
        let rules: [RuleID] = [.oneOverOne, .managerWithoutTier, .spanNarrow, .tierOrder, .noRoot]
        func randomFindings(_ count: Int, renamed: Bool) -> [Finding] {
            (0..<count).map { offset in
                let number = Int.random(in: 0..<12, using: &generator)
                let post: PostID? = number == 0 ? nil : PostID((renamed && number == 3 ? "NEW-" : "P") + "\(number)")
                return Finding(
                    rule: rules.randomElement(using: &generator)!,
                    severity: Int.random(in: 0..<5, using: &generator) == 0 ? .accepted : nil,
                    post: post, line: offset, message: "finding \(offset)")
            }
        }
        let rename: (PostID) -> PostID = { $0 == "NEW-3" ? "P3" : $0 }
        for round in 0..<400 {
            let before = randomFindings(Int.random(in: 0..<30, using: &generator), renamed: false)
            var after: [Finding]
            if round % 3 == 0 {
                // A small change: the same findings, one dropped and one added.
                after = before
                if !after.isEmpty { after.remove(at: Int.random(in: 0..<after.count, using: &generator)) }
                after += randomFindings(1, renamed: true)
            } else {
                after = randomFindings(Int.random(in: 0..<30, using: &generator), renamed: true)
            }
            let changes = FindingChanges(before: before, after: after, currentID: rename)
            let expected = Self.countByKey(before: before, after: after, currentID: rename)
            #expect(changes == expected, "round \(round)")
        }
    }

    /// The matching as it was before the leading runs: every violation counted by key.
    static func countByKey(before: [Finding], after: [Finding], currentID: (PostID) -> PostID) -> FindingChanges {
        struct Key: Hashable {
            var rule: RuleID
            var post: PostID?
        }
        let violation = { (finding: Finding) in finding.severity != .accepted }
        var remaining: [Key: Int] = [:]
        var acceptedAfter: [Key: Int] = [:]
        for finding in after {
            let key = Key(rule: finding.rule, post: finding.post.map(currentID))
            if violation(finding) { remaining[key, default: 0] += 1 } else { acceptedAfter[key, default: 0] += 1 }
        }
        var fixed: [Finding] = []
        var accepted: [Finding] = []
        var unmatched: [Key: Int] = [:]
        for finding in before where violation(finding) {
            let key = Key(rule: finding.rule, post: finding.post)
            unmatched[key, default: 0] += 1
            if let left = remaining[key], left > 0 {
                remaining[key] = left - 1
            } else if let left = acceptedAfter[key], left > 0 {
                acceptedAfter[key] = left - 1
                accepted.append(finding)
            } else {
                fixed.append(finding)
            }
        }
        var introduced: [Finding] = []
        for finding in after where violation(finding) {
            let key = Key(rule: finding.rule, post: finding.post.map(currentID))
            if let left = unmatched[key], left > 0 { unmatched[key] = left - 1 } else { introduced.append(finding) }
        }
        return FindingChanges(fixed: fixed, accepted: accepted, introduced: introduced)
    }
}
