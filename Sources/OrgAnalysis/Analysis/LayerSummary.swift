import OrgModel

/// How deep a structure is: reporting steps from the top post to the front line, the
/// management layers on the way, and the same per branch.
///
/// Layer 0 is the top post; a post's layer is its number of reporting steps below it.
/// Management layers count the posts that lead others on a path from the top to a
/// front-line post, leaving out a tier-1 post above the rules (as the layers rule does).
public struct LayerSummary: Hashable, Sendable {
    /// The posts (entries), headcount and managers at one layer.
    public struct Layer: Hashable, Sendable {
        public var layer: Int
        public var posts: Int
        public var headcount: Int
        public var managers: Int
    }

    /// One branch under a top post: a direct report and everything beneath it.
    public struct Branch: Hashable, Sendable {
        public var post: PostID
        public var title: String
        public var tier: Int?
        /// The branch's headcount, its head included.
        public var headcount: Int
        /// The most management layers on a path through the branch, counted from the top.
        public var managementLayers: Int
        /// The most reporting steps from the top to a front-line post in the branch.
        public var deepestFrontLine: Int
    }

    /// The most reporting steps from the top to a front-line post (0 with no front line).
    public var deepestFrontLine: Int
    /// The mean reporting steps from the top to the front line, per head.
    public var meanToFrontLine: Double
    /// The most management layers on any path from the top to the front line.
    public var managementLayers: Int
    /// The most management layers on any path from the top, whatever it ends in: the
    /// depth of the management hierarchy alone. It exceeds `managementLayers` when the
    /// front line hangs from posts near the top while managers go deeper.
    public var managementOnlyLayers: Int
    /// What the rule set allows, if it says.
    public var allowedLayers: Int?
    /// Posts, headcount and managers at each layer, from the top.
    public var profile: [Layer]
    /// The branches under each top post, in file order.
    public var branches: [Branch]
    /// Posts in or below a reporting loop, which have no layer.
    public var unplaced: Int

    init(index: StructureIndex, rules: RuleSet, remits: Remits, facts: PostFacts) {
        let posts = index.posts
        let count = posts.count
        // Management layers down to each post (a manager counts itself), and the branch
        // each post belongs to (the position of its head, a report of a top post).
        var management = [Int32](repeating: 0, count: count)
        var branch = [Int32](repeating: -1, count: count)
        var profile: [Layer] = []
        var deepest = 0
        var stepsTotal = 0.0
        var frontLineHeadcount = 0
        var mostLayers = 0
        var mostAnywhere = 0
        for position in index.topDownOrder {
            let heads = facts.count[position]
            let isManager = index.isManager(position)
            let own: Int32 = isManager && facts.tier[position] != RuleSet.contextTier ? 1 : 0
            if let boss = index.manager[position] {
                management[position] = management[boss] + own
                branch[position] = index.manager[boss] == nil ? Int32(position) : branch[boss]
            } else {
                management[position] = own
            }
            mostAnywhere = max(mostAnywhere, Int(management[position]))
            let layer = index.depth[position]
            while profile.count <= layer {
                profile.append(Layer(layer: profile.count, posts: 0, headcount: 0, managers: 0))
            }
            profile[layer].posts += 1
            profile[layer].headcount += heads
            if isManager { profile[layer].managers += 1 }
            if facts.role[position] == .frontLine {
                deepest = max(deepest, layer)
                stepsTotal += Double(layer * heads)
                frontLineHeadcount += heads
                mostLayers = max(mostLayers, Int(management[position]))
            }
        }

        var branches: [Branch] = []
        var slotOfHead: [Int32: Int] = [:]
        for root in index.roots {
            for head in index.reports(of: root) where !posts[head].assistant {
                slotOfHead[Int32(head)] = branches.count
                let post = posts[head]
                branches.append(
                    Branch(
                        post: post.id, title: post.displayTitle, tier: post.tier,
                        headcount: post.count + remits.headcount[head],
                        managementLayers: Int(management[head]), deepestFrontLine: 0))
            }
        }
        for position in index.topDownOrder where branch[position] >= 0 && facts.role[position] == .frontLine {
            guard let slot = slotOfHead[branch[position]] else { continue }
            branches[slot].managementLayers = max(branches[slot].managementLayers, Int(management[position]))
            branches[slot].deepestFrontLine = max(branches[slot].deepestFrontLine, index.depth[position])
        }

        self.deepestFrontLine = deepest
        self.meanToFrontLine = frontLineHeadcount == 0 ? 0 : stepsTotal / Double(frontLineHeadcount)
        self.managementLayers = mostLayers
        self.managementOnlyLayers = mostAnywhere
        self.allowedLayers = rules.maxLayers
        self.profile = profile
        self.branches = branches
        self.unplaced = index.unreachable.count
    }
}
