import OrgModel

/// Each post's remit: the headcount, FTE and cost of every post beneath it.
///
/// The tier model makes a Head of Service accountable "for all staff within the assigned
/// service"; the remit is that number. Every post beneath counts, assistants included;
/// the post itself does not. Computed in one bottom-up pass over the posts (reports
/// before their managers), so it is linear in the size of the structure.
public struct Remits: Sendable {
    /// Headcount beneath each post.
    public let headcount: [Int]
    /// FTE beneath each post (a post without `fte` counts as full time).
    public let fte: [Double]
    /// Known cost beneath each post.
    public let knownCost: [Double]
    /// Headcount beneath each post whose cost is not known.
    public let unknownCostPosts: [Int]
    /// Their headcount.
    public let unknownCostHeadcount: [Int]
    /// Whether the post is placed in the hierarchy; posts in or below a reporting loop
    /// have no remit (their "beneath" never ends).
    public let isPlaced: [Bool]

    public init(index: StructureIndex, costing: PostCosting) {
        self.init(index: index, facts: PostFacts(index: index, costing: costing))
    }

    init(index: StructureIndex, facts: PostFacts) {
        let count = facts.count.count
        var headcount = [Int](repeating: 0, count: count)
        var fte = [Double](repeating: 0, count: count)
        var known = [Double](repeating: 0, count: count)
        var unknown = [Int](repeating: 0, count: count)
        var unknownHeads = [Int](repeating: 0, count: count)
        var placed = [Bool](repeating: false, count: count)
        let manager = index.manager
        // Reversed top-down order: every report is finished before its manager, so adding
        // a post's own figures plus its remit to its manager's remit completes the sums.
        for position in index.topDownOrder.reversed() {
            placed[position] = true
            guard let boss = manager[position] else { continue }
            let heads = facts.count[position]
            headcount[boss] += headcount[position] + heads
            fte[boss] += fte[position] + facts.fte[position]
            unknown[boss] += unknown[position]
            unknownHeads[boss] += unknownHeads[position]
            let cost = facts.cost[position]
            if cost.isNaN {
                known[boss] += known[position]
                unknown[boss] += 1
                unknownHeads[boss] += heads
            } else {
                known[boss] += known[position] + cost
            }
        }
        self.headcount = headcount
        self.fte = fte
        self.knownCost = known
        self.unknownCostPosts = unknown
        self.unknownCostHeadcount = unknownHeads
        self.isPlaced = placed
    }

    /// The cost beneath the post at `position`, unknowns counted.
    public func cost(_ position: Int) -> CostTotal {
        CostTotal(known: knownCost[position], unknownPosts: unknownCostPosts[position], unknownHeadcount: unknownCostHeadcount[position])
    }
}
