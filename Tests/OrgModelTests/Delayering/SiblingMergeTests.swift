import Testing

@testable import OrgAnalysis
@testable import OrgModel

@Suite("SiblingMerge")
struct SiblingMergeTests {
    let rule = SpanRule(min: 4, max: 8)

    func narrow(_ position: Int, _ span: Int, vacant: Bool = false) -> SiblingMerge.Candidate {
        .init(position: position, span: span, isNarrow: true, isVacant: vacant)
    }

    @Test func firstFitDecreasing() {
        // 3, 3, 2 fill one group of 8; the last 2 is left alone, then joins the fullest
        // sibling within the rule that has room (5 + 2 = 7, not 7 + 2).
        let plan = SiblingMerge.plan(
            [
                narrow(0, 3), narrow(1, 2), narrow(2, 3), narrow(3, 2), .init(position: 4, span: 5, isNarrow: false),
                .init(position: 5, span: 7, isNarrow: false),
            ],
            rule: rule)
        #expect(
            plan == [
                .init(kept: 0, absorbed: [1, 2], total: 8),
                .init(kept: 4, absorbed: [3], total: 7),
            ])
    }

    @Test func aGroupBelowTheMinimumIsNotMerged() {
        // 2 + 1 = 3 is still narrow: no merge, and no sibling to join.
        #expect(SiblingMerge.plan([narrow(0, 2), narrow(1, 1)], rule: rule).isEmpty)
    }

    @Test func theMergeKeepsTheWidestFilledPost() {
        let plan = SiblingMerge.plan([narrow(0, 3, vacant: true), narrow(1, 3), narrow(2, 1)], rule: rule)
        #expect(plan == [.init(kept: 1, absorbed: [0, 2], total: 7)])
    }

    @Test func asFewManagersAsTheRuleAllows() {
        // Nine managers of 2: FFD fills bins of 8 (four each) and leaves one.
        let plan = SiblingMerge.plan((0..<9).map { narrow($0, 2) }, rule: rule)
        #expect(plan.map(\.total) == [8, 8])
        #expect(plan.flatMap(\.absorbed).count == 6)
    }

    @Test func managersWithNoReportsAreNotMerged() {
        #expect(SiblingMerge.plan([narrow(0, 0), narrow(1, 0)], rule: rule).isEmpty)
    }
}
