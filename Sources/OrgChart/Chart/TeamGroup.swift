import OrgModel

/// Front-line lines of one team, grouped by title: "6 Social Worker (1 vacant)".
struct TeamGroup: Equatable {
    var title: String
    var count = 0
    var vacant = 0
    var temporary = 0
    var fte: Double? = 0
    var holders: [String] = []

    /// Groups by title in the order titles first appear.
    static func groups(_ posts: [Post]) -> [TeamGroup] {
        var groups = OrderedGroups<TeamGroup>()
        for post in posts {
            let title = post.displayTitle
            groups.update(title, new: TeamGroup(title: title)) { group in
                group.count += post.count
                group.vacant += min(post.vacant, post.count)
                if post.temporary { group.temporary += post.count }
                if let fte = post.fte, let total = group.fte { group.fte = total + fte } else { group.fte = nil }
                if let holder = post.holder, !holder.isEmpty, !post.isVacant { group.holders.append(holder) }
            }
        }
        return groups.all
    }

    /// How many titles a team box lists before totalling the rest.
    static let titlesShown = 6

    /// The `limit` largest groups by headcount (ties in first-seen order), in first-seen
    /// order; all of them when there are at most `limit + 1` (a line for one title is no
    /// shorter than the title itself).
    static func largest(_ groups: [TeamGroup], limit: Int) -> [TeamGroup] {
        guard groups.count > limit + 1 else { return groups }
        let keep = Set(groups.indices.sorted { (groups[$0].count, -$0) > (groups[$1].count, -$1) }.prefix(limit))
        return groups.indices.filter(keep.contains).map { groups[$0] }
    }
}
