import OrgModel

/// Ids for SVG elements: each post's own id, with `#2`, `#3` after a repeated one so
/// that every element id stays unique.
struct ElementIDs {
    private let ids: [String]

    init(posts: [Post], duplicates: [Int]) {
        var ids = posts.map(\.id.rawValue)
        var seen: [PostID: Int] = [:]
        for position in duplicates {
            let next = (seen[posts[position].id] ?? 1) + 1
            seen[posts[position].id] = next
            ids[position] += "#\(next)"
        }
        self.ids = ids
    }

    /// Ids already made unique (the change chart's records).
    init(unique ids: [String]) { self.ids = ids }

    subscript(position: Int) -> String { ids[position] }
}
