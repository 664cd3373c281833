import OrgAnalysis
import OrgModel

/// Both structures of a change as one: a post per `StructureDiff` record, under its
/// proposed manager (a deleted post under its current one), in its proposed tier (a
/// deleted post in its current tier).
///
/// Built as an ordinary `Structure` so the change chart reuses the same rows, scope and
/// front-line grouping as the other charts. Position `i` is `diff.changes[i]`.
struct MergedStructure {
    let structure: Structure
    /// The element id of each record: the proposed id, else the current id, made unique.
    let elementIDs: [String]
    /// For a moved post: the position of the post it used to report to.
    let formerManager: [Int: Int]
    /// Spans (headcount led, assistants out) in the record's own structure.
    let span: [Int]

    private let byProposed: [PostID: Int]
    private let byCurrent: [PostID: Int]
    private let currentTitles: [PostID: String]
    private let proposedTitles: [PostID: String]

    init(_ diff: StructureDiff) {
        var byProposed: [PostID: Int] = [:]
        var byCurrent: [PostID: Int] = [:]
        var elementIDs: [String] = []
        var used = Set<String>()
        for (position, change) in diff.changes.enumerated() {
            if let id = change.proposed?.id, byProposed[id] == nil { byProposed[id] = position }
            if let id = change.current?.id, byCurrent[id] == nil { byCurrent[id] = position }
            var id = change.id.rawValue
            var copy = 1
            while used.contains(id) {
                copy += 1
                id = change.id.rawValue + "#\(copy)"
            }
            used.insert(id)
            elementIDs.append(id)
        }

        let currentIndex = StructureIndex(diff.current)
        let proposedIndex = StructureIndex(diff.proposed)
        var posts: [Post] = []
        posts.reserveCapacity(diff.changes.count)
        var formerManager: [Int: Int] = [:]
        var span: [Int] = []
        for (position, change) in diff.changes.enumerated() {
            var manager: Int?
            let post: Post
            if let proposed = change.proposed {
                post = proposed
                manager = proposed.reportsTo.flatMap { byProposed[$0] }
                span.append(proposedIndex.position(of: proposed.id).map { proposedIndex.span[$0] } ?? 0)
                if change.aspects.contains(.reportingLine), let old = change.current?.reportsTo, let former = byCurrent[old],
                    former != manager
                {
                    formerManager[position] = former
                }
            } else if let current = change.current {
                post = current
                manager = current.reportsTo.flatMap { byCurrent[$0] }
                span.append(currentIndex.position(of: current.id).map { currentIndex.span[$0] } ?? 0)
            } else {
                continue
            }
            posts.append(
                Post(
                    id: PostID(elementIDs[position]), title: post.displayTitle, tier: post.tier,
                    reportsTo: manager.map { PostID(elementIDs[$0]) }, count: post.count, vacant: post.vacant,
                    assistant: post.assistant))
        }
        self.structure = Structure(posts: posts)
        self.elementIDs = elementIDs
        self.formerManager = formerManager
        self.span = span
        self.byProposed = byProposed
        self.byCurrent = byCurrent
        var titles: [PostID: String] = [:]
        for post in diff.current.posts where titles[post.id] == nil { titles[post.id] = post.title }
        self.currentTitles = titles
        var proposedTitles: [PostID: String] = [:]
        for post in diff.proposed.posts where proposedTitles[post.id] == nil { proposedTitles[post.id] = post.title }
        self.proposedTitles = proposedTitles
    }

    /// "Team Manager, Care and Support (TM-CS)": a proposed post named for a "moved to"
    /// note; "no manager" for a top post.
    func proposedManagerName(_ id: PostID?) -> String {
        guard let id else { return "no manager" }
        guard let title = proposedTitles[id], !title.isEmpty else { return id.rawValue }
        return "\(title) (\(id.rawValue))"
    }

    /// "Service Manager, West (SM-W)": a current post named for a "moved from" note;
    /// "no manager" for a top post.
    func currentManagerName(_ id: PostID?) -> String {
        guard let id else { return "no manager" }
        guard let title = currentTitles[id], !title.isEmpty else { return id.rawValue }
        return "\(title) (\(id.rawValue))"
    }

    /// The record of a post by id: proposed ids first, then current ones.
    func position(ofPost id: PostID) -> Int? { byProposed[id] ?? byCurrent[id] }
    func position(ofProposed id: PostID) -> Int? { byProposed[id] }
    func position(ofCurrent id: PostID) -> Int? { byCurrent[id] }
}
