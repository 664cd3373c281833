import OrgModel

/// One page of a chartbook, as the charts draw it: which branch, where it stops, and the
/// page numbers of everything it refers to.
struct PageSpec: Sendable, Equatable {
    /// What one structure (or the change chart's merged view) draws on the page, by its
    /// own ids.
    struct Side: Sendable, Equatable {
        /// The branch's top post; nil draws from the structure's top.
        var root: PostID?
        /// Whether the branch's top post is missing from this structure (the page says so).
        var absent = false
        /// Posts drawn as references to the pages their branches continue on.
        var references: [PostID: Int] = [:]
        /// Every branch of the book by its top post, with its page: any that this page
        /// reaches is drawn as a reference.
        var pageRoots: PageRoots?
        /// On a part of a manager's page: the direct reports this part draws.
        var reports: Set<PostID>?
    }

    var number: Int
    var total: Int
    /// This page's part of its manager's team, and how many parts there are (1 of 1 when
    /// the team fits one page).
    var part = 1
    var parts = 1
    /// The page the branch's reference is on (nil for the first chart page).
    var up: Int?
    /// For part 2 and later: the page with the manager's full box.
    var continuedFrom: Int?
    var link: PageLink
    /// The structure a one-structure chart draws (the current or the proposed one of a pair).
    var single: Side?
    var current: Side?
    var proposed: Side?
    var merged: Side?

    /// "Page 4 of 21 · part 2 of 3 · ↑ p. 2": the running header's first line.
    var running: String {
        var text = "Page \(number) of \(total)"
        if parts > 1 { text += " · part \(part) of \(parts) of this team" }
        if let up { text += " · continues from p. \(up)" }
        return text
    }
}

/// The page each branch of a chartbook starts on, by the id of its top post in one
/// structure: shared by every page, and looked up only for the posts a page reaches.
final class PageRoots: @unchecked Sendable, Equatable {
    var pages: [PostID: Int] = [:]

    static func == (lhs: PageRoots, rhs: PageRoots) -> Bool { lhs === rhs }
}

/// The scope, references and header of one side of a page, resolved against its index.
struct PageScope {
    var scope: ChartScope
    var panel: PanelPage?
    /// The posts whose findings the page lists: drawn, and not references.
    var shown: Set<PostID>?
    /// The branch's top post in this structure, if it has it.
    var root: Int?
    /// The chain of command above the branch: "↑ p. 2: Executive Director › Assistant Director".
    var chain: String?

    /// A side drawn whole, or from `options.root` down to `options.depth`, as before chartbooks.
    static func resolve(
        _ index: StructureIndex, options: ChartOptions, side: PageSpec.Side?, page: PageSpec?, userRoot: Int?, below: [Int]? = nil
    ) -> PageScope {
        guard let side, let page else {
            let scope = ChartScope(index, root: userRoot, depth: options.depth)
            let shown: Set<PostID>? =
                userRoot == nil && options.depth == nil
                ? nil : Set(index.posts.indices.filter { scope.drawn[$0] }.map { index.posts[$0].id })
            return PageScope(scope: scope, panel: nil, shown: shown, root: userRoot, chain: nil)
        }
        var root: Int?
        if let id = side.root {
            root = index.position(of: id)
            if root == nil || side.absent {
                return PageScope(scope: ChartScope(empty: index.posts.count), panel: nil, shown: [], root: nil, chain: nil)
            }
        }
        var references: [Int: Int] = [:]
        for (id, number) in side.references {
            if let position = index.position(of: id), position != root { references[position] = number }
        }
        // --depth counts from the top of the chart (or --root), not from this page.
        var depth = options.depth
        if let limit = depth, let root {
            let base = userRoot.map { index.depth[$0] } ?? 0
            depth = max(0, limit - max(0, index.depth[root] - base))
        }
        let firstReports = side.reports.map { ids in Set(ids.compactMap { index.position(of: $0) }) }
        let scope: ChartScope
        let roots = side.pageRoots
        let isStop: ((Int) -> Bool)? = roots.map { roots in { roots.pages[index.posts[$0].id] != nil } }
        if let root {
            scope = ChartScope(
                index, starts: [(root, 0)], depth: depth, stops: Set(references.keys), firstReports: firstReports, below: below,
                isStop: isStop)
        } else {
            let tops = (0..<index.posts.count).filter { index.manager[$0] == nil } + index.unreachable
            scope = ChartScope(
                index, starts: tops.map { ($0, 0) }, depth: depth, stops: Set(references.keys), below: below, isStop: isStop)
        }
        if let roots {
            for position in scope.stops where references[position] == nil {
                if let number = roots.pages[index.posts[position].id] { references[position] = number }
            }
        }
        let panel = PanelPage(
            references: references, continuedRoot: root.flatMap { r in page.continuedFrom.map { (r, $0) } }, link: page.link)
        let shown = Set(scope.drawnPositions.filter { panel.reference($0) == nil }.map { index.posts[$0].id })
        var chain: String?
        if let root {
            var titles: [String] = []
            var current = index.manager[root]
            var guardCount = 0
            while let manager = current, guardCount < 64 {
                titles.insert(index.posts[manager].displayTitle, at: 0)
                current = index.manager[manager]
                guardCount += 1
            }
            if !titles.isEmpty {
                chain = (page.up.map { "↑ p. \($0): " } ?? "↑ ") + titles.joined(separator: " › ")
            }
        }
        return PageScope(scope: scope, panel: panel, shown: shown, root: root, chain: chain)
    }
}
