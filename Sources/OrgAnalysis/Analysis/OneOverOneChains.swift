import OrgModel

/// Managers with exactly one direct report, and the chains they form: a one-over-one
/// manager whose only report is itself one-over-one makes a chain, each link a layer
/// that de-layering would remove first.
public struct OneOverOneChains: Hashable, Sendable {
    /// A one-over-one manager and the one post it leads.
    public struct Link: Hashable, Sendable {
        public var post: PostID
        public var title: String
        public var tier: Int?
        public var report: PostID
        public var reportTitle: String
    }

    /// Every one-over-one manager, top down, chain by chain.
    public var managers: [Link]
    /// Maximal chains of one-over-one managers, top down; a lone manager is a chain of one.
    public var chains: [[PostID]]

    /// The chains of two or more managers.
    public var longChains: [[PostID]] { chains.filter { $0.count > 1 } }

    init(index: StructureIndex) {
        let posts = index.posts
        // The only non-assistant report of each one-over-one manager.
        var only = [Int?](repeating: nil, count: posts.count)
        for position in posts.indices where index.span[position] == 1 && index.depth[position] >= 0 {
            if let report = index.reports(of: position).first(where: { !posts[$0].assistant }) {
                only[position] = report
            }
        }
        var managers: [Link] = []
        var chains: [[PostID]] = []
        for position in index.topDownOrder {
            guard only[position] != nil else { continue }
            // A chain starts where the manager above is not a one-over-one leading this post.
            if let boss = index.manager[position], only[boss] == position { continue }
            var chain: [PostID] = []
            var current: Int? = position
            while let link = current, let report = only[link] {
                let post = posts[link]
                managers.append(
                    Link(
                        post: post.id, title: post.displayTitle, tier: post.tier,
                        report: posts[report].id, reportTitle: posts[report].displayTitle))
                chain.append(post.id)
                current = report
            }
            chains.append(chain)
        }
        self.managers = managers
        self.chains = chains
    }
}
