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

    public init(current: Structure, proposed: Structure, currentRules: RuleSet, proposedRules: RuleSet, asOf: Day) {
        let diff = StructureDiff(current: current, proposed: proposed)
        let beforeIndex = StructureIndex(current)
        let afterIndex = StructureIndex(proposed)
        self.init(
            diff: diff,
            before: StructureAnalysis(index: beforeIndex, rules: currentRules),
            after: StructureAnalysis(index: afterIndex, rules: proposedRules),
            beforeFindings: Validator(rules: currentRules, asOf: asOf).validate(beforeIndex),
            afterFindings: Validator(rules: proposedRules, asOf: asOf).validate(afterIndex))
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
        self.findingChanges = FindingChanges(
            before: beforeFindings.findings, after: afterFindings.findings,
            currentID: { id in diff.change(forProposed: id)?.current?.id ?? id })
    }

    /// The annual cost of each side, and the net change.
    public var costBefore: CostTotal { before.ratios.totalCost }
    public var costAfter: CostTotal { after.ratios.totalCost }
    public var netCostChange: CostChange { CostTotal.change(from: costBefore, to: costAfter) }

    /// Where the net change comes from: posts deleted, posts created, and the changed cost
    /// of kept posts (each a total over known costs, with unknowns counted).
    public var costOfDeleted: CostTotal { before.costing.total(diff.changes(.deleted).compactMap(\.current)) }
    public var costOfCreated: CostTotal { after.costing.total(diff.changes(.created).compactMap(\.proposed)) }

    /// The change in cost of the posts kept, over those whose cost is known on both sides;
    /// `unknownPosts` counts kept posts whose cost is unknown on either side.
    public var costChangeOfKept: CostTotal {
        var change = CostTotal()
        for record in diff.changes where record.status == .kept {
            guard let old = record.current, let new = record.proposed else { continue }
            if let a = before.costing.cost(of: old), let b = after.costing.cost(of: new) {
                change.known += b - a
            } else if before.costing.cost(of: old) != nil || after.costing.cost(of: new) != nil {
                change.unknownPosts += max(old.count, new.count)
            }
        }
        return change
    }

    /// Kept posts that change from temporary to permanent.
    public var madePermanent: [PostChange] { diff.changes.filter { $0.aspects.contains(.madePermanent) } }
}
