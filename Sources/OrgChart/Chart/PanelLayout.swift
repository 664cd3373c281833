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
        // Only the drawn posts are visited, in file order.
        let drawn = scope.drawnPositions.sorted()
        let teams = Self.frontLineTeams(index: index, scope: scope, drawn: drawn)
        let row = Self.rows(index: index, scope: scope, drawn: drawn, teamOf: teams.teamOf)
        var walk = Walk(index: index, scope: scope, stacks: stacks, teamOf: teams.teamOf, members: teams.members, row: row)
        for start in Self.starts(index: index, scope: scope, drawn: drawn) { walk.visit(from: start) }
        self.row = row
        self.teamOf = teams.teamOf
        self.stackOf = walk.stackOf
        self.order = walk.order
        self.drawnInOrder = walk.drawnInOrder
    }

    /// The front-line lines of each team, by the team's manager, in declaration order.
    func membersByTeam() -> [Int: [Int]] {
        var members: [Int: [Int]] = [:]
        for position in drawnInOrder {
            if let leader = teamOf[position] { members[leader, default: []].append(position) }
        }
        return members
    }

    /// The posts folded into a team box, with the team's manager, and each team's lines in
    /// file order. A front-line line: no tier, not an assistant, leads no one, under a
    /// drawn manager.
    private static func frontLineTeams(
        index: StructureIndex, scope: ChartScope, drawn: [Int]
    ) -> (teamOf: [Int: Int], members: [Int: [Int]]) {
        var teamOf: [Int: Int] = [:]
        var members: [Int: [Int]] = [:]
        let posts = index.posts
        for position in drawn {
            let post = posts[position]
            guard post.tier == nil, !post.assistant, index.reportCount(of: position) == 0,
                let manager = index.manager[position], scope.drawn[manager]
            else { continue }
            teamOf[position] = manager
            members[manager, default: []].append(position)
        }
        return (teamOf, members)
    }

    /// Each post's row: assistants sit beside the post they support, in its row, and
    /// front-line lines in the front-line row.
    private static func rows(index: StructureIndex, scope: ChartScope, drawn: [Int], teamOf: [Int: Int]) -> Rows {
        let posts = index.posts
        var row = Rows(posts: posts)
        for position in drawn where posts[position].assistant {
            if let manager = index.manager[position], scope.drawn[manager] { row.exceptions[position] = row[manager] }
        }
        for position in teamOf.keys { row.exceptions[position] = .frontLine }
        return row
    }

    /// Where the walk starts: each drawn post whose manager is not drawn, then the posts
    /// caught in a reporting loop.
    private static func starts(index: StructureIndex, scope: ChartScope, drawn: [Int]) -> [Int] {
        var starts: [Int] = []
        for position in drawn {
            if index.manager[position].map({ !scope.drawn[$0] }) ?? true { starts.append(position) }
        }
        for position in drawn where index.depth[position] < 0 {
            starts.append(position)
        }
        return starts
    }

    /// Declares the boxes depth first from each start, reports in file order, each team
    /// after its manager, and (with `stacks`) the leaders of teams in bands.
    private struct Walk {
        let index: StructureIndex
        let posts: [Post]
        let scope: ChartScope
        let stacks: Bool
        let teamOf: [Int: Int]
        let members: [Int: [Int]]
        let row: Rows
        var order: [Item] = []
        var drawnInOrder: [Int] = []
        var stackOf: [Int: Int] = [:]
        var visited: [Bool]

        init(index: StructureIndex, scope: ChartScope, stacks: Bool, teamOf: [Int: Int], members: [Int: [Int]], row: Rows) {
            self.index = index
            self.posts = index.posts
            self.scope = scope
            self.stacks = stacks
            self.teamOf = teamOf
            self.members = members
            self.row = row
            self.visited = [Bool](repeating: false, count: index.posts.count)
        }

        /// Declares everything below `start` not declared yet.
        mutating func visit(from start: Int) {
            guard !visited[start] else { return }
            var pending = [start]
            while let position = pending.popLast() {
                guard !visited[position] else { continue }
                place(position)
                var reports = reportsToWalk(position)
                if stacks && !scope.stops.contains(position) { stackLeaders(among: &reports, under: position) }
                pending.append(contentsOf: reports.reversed())
            }
        }

        /// The drawn reports of `position` not declared yet, front-line lines aside.
        private func reportsToWalk(_ position: Int) -> [Int] {
            Array(index.reports(of: position).filter { scope.drawn[$0] && !visited[$0] && teamOf[$0] == nil })
        }

        /// Declares a post's box, and its front-line team's box just after it.
        private mutating func place(_ position: Int) {
            visited[position] = true
            order.append(.post(position))
            drawnInOrder.append(position)
            if let team = members[position] {
                order.append(.team(manager: position, members: team))
                markDrawn(team)
            }
        }

        /// Declares the reports of `manager` that lead only a team as bands, one per row
        /// in the order the rows first appear, and takes them out of `reports`.
        private mutating func stackLeaders(among reports: inout [Int], under manager: Int) {
            let leaders = reports.filter { leadsOnlyATeam($0) }
            guard !leaders.isEmpty else { return }
            var rows: [ChartRow] = []
            var byRow: [ChartRow: [Int]] = [:]
            for leader in leaders {
                if byRow[row[leader]] == nil { rows.append(row[leader]) }
                byRow[row[leader], default: []].append(leader)
            }
            for band in rows {
                let group = byRow[band] ?? []
                order.append(.stack(manager: manager, leaders: group, row: band))
                for leader in group {
                    visited[leader] = true
                    stackOf[leader] = manager
                    drawnInOrder.append(leader)
                    markDrawn(members[leader] ?? [])
                }
            }
            reports.removeAll { stackOf[$0] != nil }
        }

        /// A team's lines, drawn in its box: never visited on their own.
        private mutating func markDrawn(_ team: [Int]) {
            for member in team {
                visited[member] = true
                drawnInOrder.append(member)
            }
        }

        /// A team leader: a tiered post, not an assistant nor a reference to another page,
        /// whose every report is a front-line line folded into its team.
        private func leadsOnlyATeam(_ position: Int) -> Bool {
            let post = posts[position]
            guard post.tier != nil, !post.assistant, !scope.stops.contains(position), index.depth[position] >= 0 else { return false }
            return index.reports(of: position).allSatisfy { teamOf[$0] == position }
        }
    }
}
