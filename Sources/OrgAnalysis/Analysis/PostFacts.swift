import OrgModel
import OrgSupport

/// The few values of each post the measures read, taken out of the posts once into flat
/// arrays.
///
/// A `Post` holds a dozen strings and arrays; reading one whole in every pass over a
/// million posts copies and releases all of them, which measured as a third of the
/// analysis time. The passes read these arrays instead.
struct PostFacts {
    var count: [Int]
    var vacant: [Int]
    var fte: [Double]
    /// Annual cost, `.nan` when unknown (kept apart from zero by `isNaN`).
    var cost: [Double]
    var tier: [Int?]
    /// Empty until `assignRoles` (which needs the index) fills it.
    var role: [PostRole]
    var temporary: [Bool]
    var assistant: [Bool]

    init(index: StructureIndex, costing: PostCosting) {
        self.init(posts: index.posts, costing: costing)
        assignRoles(index)
    }

    /// Everything but the roles, which need the index (who leads anyone): this part can run
    /// while the index is being built.
    init(posts: [Post], costing: PostCosting) {
        let total = posts.count
        count = []
        vacant = []
        fte = []
        cost = []
        tier = []
        role = []
        temporary = []
        assistant = []
        count.reserveCapacity(total)
        vacant.reserveCapacity(total)
        fte.reserveCapacity(total)
        cost.reserveCapacity(total)
        tier.reserveCapacity(total)
        role.reserveCapacity(total)
        temporary.reserveCapacity(total)
        assistant.reserveCapacity(total)
        let grades = costing.gradeCosts
        for position in 0..<total {
            let lineCount = posts[position].count
            count.append(lineCount)
            vacant.append(min(posts[position].vacant, lineCount))
            let lineFTE = posts[position].fte ?? Double(lineCount)
            fte.append(lineFTE)
            if let known = posts[position].cost {
                cost.append(known)
            } else if !grades.isEmpty, let grade = posts[position].grade, let each = grades[grade] {
                // As `PostCosting.cost(of:)`: the grade's full-time cost for each FTE.
                cost.append(each * lineFTE)
            } else {
                cost.append(.nan)
            }
            let postTier = posts[position].tier
            tier.append(postTier)
            let isAssistant = posts[position].assistant
            assistant.append(isAssistant)
            temporary.append(posts[position].temporary)
        }
    }

    /// Fills `role` (see `PostRole`) once the index is known.
    mutating func assignRoles(_ index: StructureIndex) {
        role = []
        role.reserveCapacity(count.count)
        for position in 0..<count.count {
            if assistant[position] {
                role.append(.assistant)
            } else if tier[position] != nil || index.reportCount(of: position) > 0 {
                role.append(.management)
            } else {
                role.append(.frontLine)
            }
        }
    }

    /// Adds the post's cost to `total`, as one post of unknown cost (of its headcount) when not known.
    @inline(__always)
    func addCost(of position: Int, to total: inout CostTotal) {
        let value = cost[position]
        if value.isNaN {
            total.unknownPosts += 1
            total.unknownHeadcount += count[position]
        } else {
            total.known += value
        }
    }
}

extension PostFacts {
    /// The index of `structure` and its posts' facts, the facts read while the index is
    /// built; their roles, which wait for it, only when `roles`.
    static func indexed(_ structure: Structure, costing: PostCosting, roles: Bool = true) -> (StructureIndex, PostFacts) {
        let (index, partial) = ParallelWork.both(
            { StructureIndex(structure) }, { PostFacts(posts: structure.posts, costing: costing) })
        var facts = partial
        if roles { facts.assignRoles(index) }
        return (index, facts)
    }
}
