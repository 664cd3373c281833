import OrgModel

/// Where each drawn post of a structure goes: its row, whether it is folded into its
/// manager's front-line team box, and the order boxes are declared in.
///
/// Boxes are declared depth first, reports in file order, so that Graphviz's first
/// ordering keeps each manager's reports together and in the file's order.
struct PanelLayout {
    enum Item: Equatable {
        case post(Int)
        /// A manager's front-line lines, drawn as one box.
        case team(manager: Int, members: [Int])
        /// Reports of a manager that each lead a front-line team and no one else, stacked
        /// in one band in their row, each with its team's summary.
        case stack(manager: Int, leaders: [Int], row: ChartRow)
    }

    /// The row of each post (meaningful for drawn posts).
    let row: Rows

    /// Rows by position: a post's tier, else the front line; assistants in their manager's
    /// row. Only the exceptions are stored, so a page of a large structure costs what it
    /// draws, not the whole structure.
    struct Rows {
        let posts: [Post]
        var exceptions: [Int: ChartRow] = [:]

        subscript(position: Int) -> ChartRow {
            if let row = exceptions[position] { return row }
            return posts[position].tier.map { .tier($0) } ?? .frontLine
        }
    }
    /// For a post folded into a team box: the position of the team's manager.
    let teamOf: [Int: Int]
    /// For a team leader drawn in a stack: the position of the manager whose band holds it.
    let stackOf: [Int: Int]
    /// Boxes in declaration order.
    let order: [Item]
    /// Drawn posts in declaration order (team members in file order after their team).
    let drawnInOrder: [Int]

    /// - Parameter stacks: Whether team leaders are stacked in bands (chartbook pages); a
    ///   chart drawn whole keeps a box per post and a team box in the front-line row.
    init(index: StructureIndex, scope: ChartScope, stacks: Bool = true) {
        let posts = index.posts
        let count = posts.count

        // Only the drawn posts are visited, in file order.
        let drawn = scope.drawnPositions.sorted()

        // A front-line line: no tier, not an assistant, leads no one, under a drawn manager.
        var teamOf: [Int: Int] = [:]
        var members: [Int: [Int]] = [:]
        for position in drawn {
            let post = posts[position]
            guard post.tier == nil, !post.assistant, index.reportCount(of: position) == 0,
                let manager = index.manager[position], scope.drawn[manager]
            else { continue }
            teamOf[position] = manager
            members[manager, default: []].append(position)
        }

        var row = Rows(posts: posts)
        // Assistants sit beside the post they support, in its row.
        for position in drawn where posts[position].assistant {
            if let manager = index.manager[position], scope.drawn[manager] { row.exceptions[position] = row[manager] }
        }
        for position in teamOf.keys { row.exceptions[position] = .frontLine }

        // Depth first from each start, reports in file order; loop members last.
        var order: [Item] = []
        var drawnInOrder: [Int] = []
        var visited = [Bool](repeating: false, count: count)
        var starts: [Int] = []
        for position in drawn {
            if index.manager[position].map({ !scope.drawn[$0] }) ?? true { starts.append(position) }
        }
        for position in drawn where index.depth[position] < 0 {
            starts.append(position)
        }
        // A team leader: a tiered post, not an assistant nor a reference to another page,
        // whose every report is a front-line line folded into its team.
        func leadsOnlyATeam(_ position: Int) -> Bool {
            let post = posts[position]
            guard post.tier != nil, !post.assistant, !scope.stops.contains(position), index.depth[position] >= 0 else { return false }
            return index.reports(of: position).allSatisfy { teamOf[$0] == position }
        }
        var stackOf: [Int: Int] = [:]
        for start in starts where !visited[start] {
            var stack = [start]
            while let position = stack.popLast() {
                guard !visited[position] else { continue }
                visited[position] = true
                order.append(.post(position))
                drawnInOrder.append(position)
                if let team = members[position] {
                    order.append(.team(manager: position, members: team))
                    for member in team {
                        visited[member] = true
                        drawnInOrder.append(member)
                    }
                }
                var reports = Array(index.reports(of: position).filter { scope.drawn[$0] && !visited[$0] && teamOf[$0] == nil })
                if stacks && !scope.stops.contains(position) {
                    let leaders = reports.filter(leadsOnlyATeam)
                    if !leaders.isEmpty {
                        var rows: [ChartRow] = []
                        var byRow: [ChartRow: [Int]] = [:]
                        for leader in leaders {
                            if byRow[row[leader]] == nil { rows.append(row[leader]) }
                            byRow[row[leader], default: []].append(leader)
                        }
                        for band in rows {
                            let group = byRow[band] ?? []
                            order.append(.stack(manager: position, leaders: group, row: band))
                            for leader in group {
                                visited[leader] = true
                                stackOf[leader] = position
                                drawnInOrder.append(leader)
                                for member in members[leader] ?? [] {
                                    visited[member] = true
                                    drawnInOrder.append(member)
                                }
                            }
                        }
                        reports.removeAll { stackOf[$0] != nil }
                    }
                }
                stack.append(contentsOf: reports.reversed())
            }
        }
        self.row = row
        self.teamOf = teamOf
        self.stackOf = stackOf
        self.order = order
        self.drawnInOrder = drawnInOrder
    }
}
