import OrgModel

/// Which posts of a structure a chart draws: all of them, or a subtree (`--root`), cut
/// off some levels down (`--depth`), with a count of what each drawn post hides.
struct ChartScope {
    /// Whether the post at each position is drawn.
    let drawn: [Bool]
    /// For each post, the headcount below it that the chart leaves out.
    let hiddenBelow: [Int]
    /// Posts drawn but not descended into: a chartbook page's references to the pages
    /// their branches continue on.
    let stops: Set<Int>
    /// The drawn posts, in the order they were reached.
    let drawnPositions: [Int]

    /// A scope that draws nothing (a root absent from this structure).
    init(empty count: Int) {
        drawn = [Bool](repeating: false, count: count)
        hiddenBelow = [Int](repeating: 0, count: count)
        stops = []
        drawnPositions = []
    }

    /// - Parameters:
    ///   - root: The position of the post to start from, or nil for the whole structure.
    ///   - depth: How many reporting levels below the start to draw (0 draws the start
    ///     only); nil for no limit.
    init(_ index: StructureIndex, root: Int?, depth: Int?) {
        if let root {
            self.init(index, starts: [(root, 0)], depth: depth)
        } else {
            // Top posts, orphans under an unknown manager, and posts caught in a loop.
            let tops = (0..<index.posts.count).filter { index.manager[$0] == nil } + index.unreachable
            self.init(index, starts: tops.map { ($0, 0) }, depth: depth)
        }
    }

    /// Draws from several posts at once, each at the level it is given (a change chart's
    /// root and the posts that reported to it before, wherever they report now).
    /// - Parameters:
    ///   - stops: Posts drawn without what is below them (chartbook references).
    ///   - firstReports: When set, the first start draws only these of its direct reports
    ///     (a manager continued over several pages).
    init(
        _ index: StructureIndex, starts: [(position: Int, level: Int)], depth: Int?, stops given: Set<Int> = [],
        firstReports: Set<Int>? = nil, below known: [Int]? = nil, isStop: ((Int) -> Bool)? = nil
    ) {
        var stops = given
        let count = index.posts.count
        var drawn = [Bool](repeating: false, count: count)
        // One array, a number a post, holds first each reached post's level (stored one up,
        // 0 for not reached), then the headcount each drawn post hides: a chartbook's
        // planner makes thousands of scopes of a large structure, and allocating and
        // clearing arrays of its size was most of each one's time.
        var levels = [Int](repeating: 0, count: count)
        func level(_ position: Int) -> Int { levels[position] - 1 }
        var queue: [Int] = []
        for start in starts.sorted(by: { $0.level < $1.level }) where level(start.position) < 0 {
            levels[start.position] = start.level + 1
            queue.append(start.position)
        }
        var head = 0
        while head < queue.count {
            let position = queue[head]
            head += 1
            if drawn[position] { continue }
            drawn[position] = true
            if let depth, level(position) >= depth { continue }
            if stops.contains(position) { continue }
            // (The start itself is never a stop: it is the page's own branch.)
            if let isStop, position != starts.first?.position, isStop(position) {
                stops.insert(position)
                continue
            }
            let only = position == starts.first?.position ? firstReports : nil
            // (Starts at several levels: the queue is in level order, as they were sorted.)
            // A part of a manager's team keeps the manager's assistants beside it.
            for child in index.reports(of: position)
            where level(child) < 0 && (only.map { $0.contains(child) || index.posts[child].assistant } ?? true) {
                levels[child] = levels[position] + 1
                queue.append(child)
            }
        }

        let below = known ?? Self.headcountBelow(index)
        // Only the reached posts have a level to clear.
        var hidden = levels
        levels = []
        for position in queue { hidden[position] = 0 }
        for position in queue where drawn[position] && !stops.contains(position) {
            for child in index.reports(of: position) where !drawn[child] && index.depth[child] > 0 {
                hidden[position] += index.posts[child].count + below[child]
            }
        }
        self.drawn = drawn
        self.hiddenBelow = hidden
        self.stops = stops.filter { drawn[$0] }
        self.drawnPositions = queue.filter { drawn[$0] }
    }

    /// Headcount in each subtree, leaves first; loop members have none counted.
    static func headcountBelow(_ index: StructureIndex) -> [Int] {
        var below = [Int](repeating: 0, count: index.posts.count)
        for position in index.topDownOrder.reversed() {
            if let boss = index.manager[position], index.depth[position] > 0 {
                below[boss] += index.posts[position].count + below[position]
            }
        }
        return below
    }
}
