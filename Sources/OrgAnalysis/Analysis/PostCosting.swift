import OrgModel

/// What a post costs and how many full-time equivalents it is, with the rule set's grade
/// table filling in costs a file leaves out.
///
/// One place decides these so that analyse, compare and delayer never disagree:
/// - cost: the post's own `cost`; else the grade table's cost for its grade, times the
///   line's `count`; else unknown (nil), never zero;
/// - FTE: the post's own `fte`; else full time, one per post of the line (`count`).
public struct PostCosting: Sendable {
    /// Annual cost by grade (the rule set's `grades:`).
    public var gradeCosts: [String: Double]

    public init(gradeCosts: [String: Double] = [:]) { self.gradeCosts = gradeCosts }

    public init(rules: RuleSet) { self.init(gradeCosts: rules.gradeCosts) }

    /// The annual cost of the post (the whole line for `count` > 1), or nil when unknown:
    /// its own cost, else its grade's full-time cost for each full-time equivalent (a
    /// half-time post costs half; a line of 4 at 2 FTE costs two full-time posts).
    @inlinable
    public func cost(of post: Post) -> Double? {
        if let cost = post.cost { return cost }
        if let grade = post.grade, let each = gradeCosts[grade] { return each * fte(of: post) }
        return nil
    }

    /// The full-time equivalents of the post (the whole line for `count` > 1).
    @inlinable
    public func fte(of post: Post) -> Double { post.fte ?? Double(post.count) }

    /// Whether the cost comes from the grade table rather than the post itself.
    public func costIsFromGrade(_ post: Post) -> Bool {
        post.cost == nil && post.grade.map { gradeCosts[$0] != nil } == true
    }

    /// The sum of the posts' costs, unknowns counted by headcount.
    public func total<S: Sequence>(_ posts: S) -> CostTotal where S.Element == Post {
        var total = CostTotal()
        for post in posts { total.add(cost(of: post), headcount: post.count) }
        return total
    }
}
