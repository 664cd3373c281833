import OrgModel
import OrgSupport

/// The measures of one structure: per tier, layers, one-over-one chains, ratios and each
/// post's remit. Values only; `AnalysisReport` words and formats them.
///
/// Everything is computed in a few linear passes over the `StructureIndex`, so a
/// structure of a million posts is measured in well under a second.
public struct StructureAnalysis: Sendable {
    public let index: StructureIndex
    public let rules: RuleSet
    public let costing: PostCosting
    /// One row per tier present, then managers without a tier, assistants, the front line.
    public let tiers: [TierSummary]
    public let layers: LayerSummary
    public let oneOverOne: OneOverOneChains
    public let ratios: StructureRatios
    public let remits: Remits

    public init(index: StructureIndex, rules: RuleSet) {
        let costing = PostCosting(rules: rules)
        self.init(index: index, rules: rules, costing: costing, facts: PostFacts(index: index, costing: costing))
    }

    /// Indexes `structure` and measures it; the posts' own figures are read while the
    /// index is built.
    public init(_ structure: Structure, rules: RuleSet) {
        let costing = PostCosting(rules: rules)
        let (index, facts) = PostFacts.indexed(structure, costing: costing)
        self.init(index: index, rules: rules, costing: costing, facts: facts)
    }

    private init(index: StructureIndex, rules: RuleSet, costing: PostCosting, facts: PostFacts) {
        self.index = index
        self.rules = rules
        self.costing = costing
        // The passes read the same arrays and write their own: run side by side.
        let (deep, flat) = ParallelWork.both(
            { () -> (Remits, LayerSummary) in
                let remits = Remits(index: index, facts: facts)
                return (remits, LayerSummary(index: index, rules: rules, remits: remits, facts: facts))
            },
            {
                (
                    TierSummary.summaries(index: index, rules: rules, facts: facts),
                    StructureRatios(index: index, facts: facts), OneOverOneChains(index: index)
                )
            })
        self.remits = deep.0
        self.layers = deep.1
        self.tiers = flat.0
        self.ratios = flat.1
        self.oneOverOne = flat.2
    }

    public var structure: Structure { index.structure }

    /// Each post's own measures, as `PostMeasures` gives them alone.
    public var postMeasures: PostMeasures { PostMeasures(index: index, remits: remits) }

    /// Totals over the whole structure: entries, headcount, FTE, cost.
    public var totals: TierSummary {
        var total = TierSummary(group: .frontLine, label: "Total")
        for row in tiers {
            total.posts += row.posts
            total.headcount += row.headcount
            total.fte += row.fte
            total.cost += row.cost
            total.vacant += row.vacant
            total.temporary += row.temporary
        }
        return total
    }

    /// The row for `tier`, if the structure has posts in it.
    public func summary(forTier tier: Int) -> TierSummary? {
        tiers.first { $0.group == .tier(tier) }
    }

    /// Managers of managers (posts leading at least one other management post), top down
    /// in reporting order (each followed by the posts beneath it): the senior posts whose
    /// remit a report lists.
    public func seniorPosts() -> [Int] {
        var result: [Int] = []
        let posts = index.posts
        func leadsManagers(_ position: Int) -> Bool {
            index.reports(of: position).contains { index.role(of: $0) == .management }
        }
        var stack: [Int] = []
        for root in index.roots.reversed() where index.depth[root] == 0 { stack.append(root) }
        while let position = stack.popLast() {
            guard leadsManagers(position) else { continue }
            result.append(position)
            for report in index.reports(of: position).reversed() where !posts[report].assistant {
                stack.append(report)
            }
        }
        return result
    }
}

/// Each post's measures without the summaries: the index (span, layer) and the remits.
/// What the per-post CSV reads; for a million posts, measured in about two thirds of the
/// time a whole `StructureAnalysis` takes, as the tiers, layers, chains and ratios are not
/// worked out.
public struct PostMeasures: Sendable {
    public let index: StructureIndex
    public let remits: Remits

    /// Indexes `structure` and works out each post's remit, as `StructureAnalysis` does.
    public init(_ structure: Structure, rules: RuleSet) {
        // Remits read no roles: the facts' roles are not worked out.
        let (index, facts) = PostFacts.indexed(structure, costing: PostCosting(rules: rules), roles: false)
        self.init(index: index, remits: Remits(index: index, facts: facts))
    }

    init(index: StructureIndex, remits: Remits) {
        self.index = index
        self.remits = remits
    }
}
