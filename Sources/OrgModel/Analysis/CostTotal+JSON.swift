/// A cost total as the JSON reports write it: the known sum, the posts (and their
/// headcount) whose cost is not known, and whether the total is complete, so a reader
/// never takes unknown for zero.
struct JSONCost: Encodable {
    /// The sum of the known costs.
    var known: Double
    /// Posts whose cost is not known (the sum leaves them out), and their headcount.
    var unknownPosts: Int
    var unknownHeadcount: Int
    var complete: Bool

    init(_ total: CostTotal) {
        known = total.known
        unknownPosts = total.unknownPosts
        unknownHeadcount = total.unknownHeadcount
        complete = total.isComplete
    }

    enum CodingKeys: String, CodingKey {
        case known, complete
        case unknownPosts = "unknown_posts"
        case unknownHeadcount = "unknown_headcount"
    }
}
