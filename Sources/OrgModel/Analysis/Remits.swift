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
    /// Whether the post is placed in the hierarchy; posts in or below a reporting loop
    /// have no remit (their "beneath" never ends).
    public let isPlaced: [Bool]

    public init(index: StructureIndex, costing: PostCosting) {
        let posts = index.posts
        let count = posts.count
        var headcount = [Int](repeating: 0, count: count)
        var fte = [Double](repeating: 0, count: count)
        var known = [Double](repeating: 0, count: count)
        var unknown = [Int](repeating: 0, count: count)
        var placed = [Bool](repeating: false, count: count)
        let manager = index.manager
        // Reversed top-down order: every report is finished before its manager, so adding
        // a post's own figures plus its remit to its manager's remit completes the sums.
        for position in index.topDownOrder.reversed() {
            placed[position] = true
            guard let boss = manager[position] else { continue }
            let post = posts[position]
            headcount[boss] += headcount[position] + post.count
            fte[boss] += fte[position] + costing.fte(of: post)
            unknown[boss] += unknown[position]
            if let cost = costing.cost(of: post) {
                known[boss] += known[position] + cost
            } else {
                known[boss] += known[position]
                unknown[boss] += post.count
            }
        }
        self.headcount = headcount
        self.fte = fte
        self.knownCost = known
        self.unknownCostPosts = unknown
        self.isPlaced = placed
    }

    /// The cost beneath the post at `position`, unknowns counted.
    public func cost(_ position: Int) -> CostTotal {
        CostTotal(known: knownCost[position], unknownPosts: unknownCostPosts[position])
    }
}
