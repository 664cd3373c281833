import OrgModel
import OrgSupport

/// Everything a committee's "key differences" appendix needs about a current and a
/// proposed structure: the post-by-post `StructureDiff`, the measures of each side, their
/// findings, and which violations the change fixes or introduces.
///
/// Values only; `ComparisonReport` words them. Each side is costed and checked against
/// its own rule set (usually the same one).
public struct StructureComparison: Sendable {
    public let diff: StructureDiff
    public let before: StructureAnalysis
    public let after: StructureAnalysis
    public let beforeFindings: ValidationResult
    public let afterFindings: ValidationResult
    public let findingChanges: FindingChanges
    /// Positions in `diff.changes` of the deleted and created posts, and of the kept posts
    /// changed in each aspect, in `changes` order: found in one pass, as a comparison of
    /// large structures lists them several times.
    public let deleted: [Int]
    public let created: [Int]
    public let changedIn: [PostChange.Aspect: [Int]]
    /// What the posts deleted cost, and what the posts created will.
    public let costOfDeleted: CostTotal
    public let costOfCreated: CostTotal
    /// The change in cost of the posts kept, over those whose cost is known on both sides;
    /// `unknownPosts` counts kept posts whose cost is known on one side only.
    public let costChangeOfKept: CostTotal

    public init(
        current: Structure, proposed: Structure, currentRules: RuleSet, proposedRules: RuleSet, asOf: Day,
        matching: IDMatching = .exact
    ) {
        // Each side is indexed once (side by side); the diff reads both indexes, and it and
        // each side's measures and findings are then worked out side by side.
        let (currentIndex, proposedIndex) = ParallelWork.both({ StructureIndex(current) }, { StructureIndex(proposed) })
        func side(_ index: StructureIndex, _ rules: RuleSet) -> (StructureAnalysis, ValidationResult) {
            ParallelWork.both(
                { StructureAnalysis(index: index, rules: rules) },
                { Validator(rules: rules, asOf: asOf).validate(index) })
        }
        let (diff, sides) = ParallelWork.both(
            { StructureDiff(current: currentIndex, proposed: proposedIndex, matching: matching) },
            { ParallelWork.both({ side(currentIndex, currentRules) }, { side(proposedIndex, proposedRules) }) })
        self.init(
            diff: diff, before: sides.0.0, after: sides.1.0, beforeFindings: sides.0.1, afterFindings: sides.1.1)
    }

    /// A comparison from parts already computed (the delayer has them at hand).
    public init(
        diff: StructureDiff, before: StructureAnalysis, after: StructureAnalysis,
        beforeFindings: ValidationResult, afterFindings: ValidationResult
    ) {
        self.diff = diff
        self.before = before
        self.after = after
        self.beforeFindings = beforeFindings
        self.afterFindings = afterFindings
        // The findings matched, and the records sorted and costed, side by side.
        let (findingChanges, (sorted, costs)) = ParallelWork.both(
            {
                FindingChanges(
                    before: beforeFindings.findings, after: afterFindings.findings,
                    currentID: { id in diff.currentID(forProposed: id) })
            },
            { (Self.sorted(diff.changes), DiffCosts(diff, before: before.costing, after: after.costing)) })
        self.findingChanges = findingChanges
        self.deleted = sorted.deleted
        self.created = sorted.created
        self.changedIn = sorted.changedIn
        self.costOfDeleted = costs.ofDeleted
        self.costOfCreated = costs.ofCreated
        self.costChangeOfKept = costs.changeOfKept
        self.netCostChange = costs.net
    }

    /// The positions in `changes` of the deleted and created records, and of the kept
    /// ones changed in each aspect, in `changes` order.
    static func sorted(
        _ changes: [PostChange]
    ) -> (deleted: [Int], created: [Int], changedIn: [PostChange.Aspect: [Int]]) {
        var deleted: [Int] = []
        var created: [Int] = []
        var changedIn: [PostChange.Aspect: [Int]] = [:]
        for offset in changes.indices {
            switch changes[offset].status {
            case .deleted: deleted.append(offset)
            case .created: created.append(offset)
            case .kept:
                for aspect in changes[offset].aspects { changedIn[aspect, default: []].append(offset) }
            }
        }
        return (deleted, created, changedIn)
    }

    /// How many kept posts changed in `aspect`.
    public func count(_ aspect: PostChange.Aspect) -> Int { changedIn[aspect]?.count ?? 0 }

    /// The annual cost of each side, and the net change.
    public var costBefore: CostTotal { before.ratios.totalCost }
    public var costAfter: CostTotal { after.ratios.totalCost }
    /// Deleted posts' cost taken off, created posts' added, kept posts' changes: each over
    /// the posts whose cost is known on the sides it needs; the rest are named.
    public let netCostChange: CostChange

    /// Kept posts that change from temporary to permanent.
    /// How many posts (headcount, not lines) changed from temporary to permanent.
    public var madePermanentHeadcount: Int {
        madePermanent.reduce(0) { $0 + ($1.proposed?.count ?? 1) }
    }

    public var madePermanent: [PostChange] { (changedIn[.madePermanent] ?? []).map { diff.changes[$0] } }
}
