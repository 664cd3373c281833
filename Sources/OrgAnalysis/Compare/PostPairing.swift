import OrgModel
import OrgSupport

/// Which current post each proposed post is, position to position, worked out in the
/// order `StructureDiff` documents: by id, by `replaces:`, by the key of an id in another
/// form, and lines without ids of their own by manager, grade and title. Each step pairs
/// only posts the steps before left unmatched, and notes what it could not do as asked.
struct PostPairing {
    let current: [Post]
    let proposed: [Post]
    /// Whether each post is a line without an id of its own (`StructureDiff.isLineWithoutOwnID`).
    let currentIsLine: [Bool]
    let proposedIsLine: [Bool]
    /// Whether lines are paired as lines: only when both sides have some, else by id as any post.
    let pairsLines: Bool
    /// The position of the first post with each id: later repeats are never matched by id.
    let currentPosition: PostPositions
    let proposedPosition: PostPositions
    /// The positions of posts whose id an earlier post of their side has.
    let currentRepeats: [Int]
    let proposedRepeats: [Int]
    /// Each proposed post's manager, by position (the proposed index's).
    let proposedManager: [Int?]
    /// Each post's partner on the other side; nil while it is unmatched.
    var partnerOfCurrent: [Int?]
    var partnerOfProposed: [Int?]
    /// Whether each proposed post was matched through its `replaces:`.
    var byReplacement: [Bool]
    /// What the files asked that could not be done, in the order it was met.
    var notes: [ComparisonNote] = []

    init(current: StructureIndex, proposed: StructureIndex) {
        self.current = current.posts
        self.proposed = proposed.posts
        // Each post read where it lies (a loop over the posts themselves copies each).
        currentIsLine = current.posts.indices.map { [posts = current.posts] in StructureDiff.isLineID(posts[$0].id) }
        proposedIsLine = proposed.posts.indices.map { [posts = proposed.posts] in StructureDiff.isLineID(posts[$0].id) }
        pairsLines = currentIsLine.contains(true) && proposedIsLine.contains(true)
        currentPosition = current.positionByID
        proposedPosition = proposed.positionByID
        currentRepeats = current.duplicatePositions
        proposedRepeats = proposed.duplicatePositions
        proposedManager = proposed.manager
        partnerOfCurrent = [Int?](repeating: nil, count: self.current.count)
        partnerOfProposed = [Int?](repeating: nil, count: self.proposed.count)
        byReplacement = [Bool](repeating: false, count: self.proposed.count)
    }

    /// Makes the current post at `position` and the proposed one at `match` each other's partner.
    @inline(__always)
    private mutating func pair(current position: Int, proposed match: Int) {
        partnerOfCurrent[position] = match
        partnerOfProposed[match] = position
    }

    /// Pairs each current post with the proposed post of the same id (first posts of an id only).
    ///
    /// A proposal mostly keeps its posts in the current order, shifted by the posts deleted
    /// and created before them: each post is first looked for where the last one matched
    /// would put it, and only when it is not there by its id's hash.
    mutating func pairByID() {
        var repeated = [Bool](repeating: false, count: current.count)
        for position in currentRepeats { repeated[position] = true }
        var proposedRepeated = [Bool](repeating: false, count: proposed.count)
        for position in proposedRepeats { proposedRepeated[position] = true }
        var shift = 0
        for position in current.indices where !repeated[position] {
            if pairsLines, currentIsLine[position] { continue }
            let id = current[position].id
            let guess = position + shift
            let found: Int?
            if guess >= 0, guess < proposed.count, !proposedRepeated[guess], proposed[guess].id == id {
                found = guess
            } else {
                found = proposedPosition[id]
                if let found { shift = found - position }
            }
            if let match = found, !(pairsLines && proposedIsLine[match]) {
                pair(current: position, proposed: match)
            }
        }
    }

    /// Pairs each unmatched proposed post that says `replaces: OLD` with the current post `OLD`.
    mutating func pairByReplacement() {
        for position in proposed.indices {
            guard let old = proposed[position].replaces,
                let oldPosition = replacedPosition(of: proposed[position], at: position, replacing: old)
            else { continue }
            pair(current: oldPosition, proposed: position)
            byReplacement[position] = true
        }
    }

    /// The position of the current post `old` that the proposed post at `position` takes the
    /// place of; nil when it cannot take it, with a note saying why when the file asked for
    /// something that cannot be (a repeated id's post is counted as such, not noted here).
    private mutating func replacedPosition(of post: Post, at position: Int, replacing old: PostID) -> Int? {
        if old == post.id {
            notes.append(.replacesItself(post: post.id, line: post.line))
            return nil
        }
        guard partnerOfProposed[position] == nil, proposedPosition[post.id] == position else {
            if proposedPosition[post.id] == position {
                notes.append(.replacesWithOwnIDKept(post: post.id, line: post.line, replaces: old))
            }
            return nil
        }
        guard let oldPosition = currentPosition[old] else {
            notes.append(.replacesUnknown(post: post.id, line: post.line, replaces: old))
            return nil
        }
        if let taker = partnerOfCurrent[oldPosition] {
            if proposed[taker].id == old {
                notes.append(.replacesKeptPost(post: post.id, line: post.line, replaces: old))
            } else {
                notes.append(
                    .replacedTwice(
                        taker: proposed[taker].id, takerLine: proposed[taker].line, post: post.id, line: post.line, replaces: old))
            }
            return nil
        }
        return oldPosition
    }

    /// Pairs posts still unmatched whose ids are one under `matching` (`DfE-3024` and
    /// `DFE-3024`): each key that one unmatched post on each side holds, counted in a note.
    mutating func pairByKey(_ matching: IDMatching) {
        let currentByKey = unmatchedByKey(current, partners: partnerOfCurrent, isLine: currentIsLine, matching: matching)
        let proposedByKey = unmatchedByKey(proposed, partners: partnerOfProposed, isLine: proposedIsLine, matching: matching)
        var matched: [String] = []
        for (position, post) in current.enumerated() where partnerOfCurrent[position] == nil {
            let key = matching.key(post.id)
            // The post itself must be the one that holds the key: a line left to `pairLines`
            // is in neither map, and must not be paired through a post that shares its key.
            guard currentByKey[key] == [position], let theirs = proposedByKey[key], theirs.count == 1,
                let match = theirs.first, partnerOfProposed[match] == nil
            else { continue }
            pair(current: position, proposed: match)
            matched.append("\(post.id) as \(proposed[match].id)")
        }
        if !matched.isEmpty {
            notes.append(.matchedInAnotherForm(posts: matched.count, matching: matching, examples: matched))
        }
    }

    /// The positions of one side's unmatched posts by the key of their id, lines left to
    /// `pairLines` left out.
    private func unmatchedByKey(_ posts: [Post], partners: [Int?], isLine: [Bool], matching: IDMatching) -> [String: [Int]] {
        var byKey: [String: [Int]] = [:]
        for (position, post) in posts.enumerated() where partners[position] == nil && !(pairsLines && isLine[position]) {
            byKey[matching.key(post.id), default: []].append(position)
        }
        return byKey
    }

    /// A proposed manager's id read in current terms, so that a post whose manager was
    /// merely re-purposed under a new id does not count as moved.
    @inline(__always)
    func currentEquivalent(ofProposed id: PostID?) -> PostID? {
        guard let id else { return nil }
        if let position = proposedPosition[id], let old = partnerOfProposed[position] {
            return current[old].id
        }
        return id
    }

    /// The manager of the proposed post at `position`, read as `currentEquivalent(ofProposed:)`
    /// reads its id: through the proposed index where it found the manager, with no lookup.
    @inline(__always)
    func currentEquivalent(ofManagerOf position: Int) -> PostID? {
        guard let manager = proposedManager[position] else {
            // No manager, one not in the file, or the post itself.
            return currentEquivalent(ofProposed: proposed[position].reportsTo)
        }
        return partnerOfProposed[manager].map { current[$0].id } ?? proposed[manager].id
    }

    /// What lines without ids of their own are paired by.
    private struct LineKey: Hashable {
        var manager: PostID?
        var grade: String?
        var title: String
    }

    /// Pairs lines without ids of their own by manager, grade and title; those whose FTE
    /// and count agree as well first, so that a line whose numbers changed is paired last.
    mutating func pairLines() {
        var waiting: [LineKey: [Int]] = [:]
        for (position, post) in current.enumerated() where currentIsLine[position] {
            waiting[LineKey(manager: post.reportsTo, grade: post.grade, title: post.title), default: []].append(position)
        }
        for exactFigures in [true, false] {
            for (position, post) in proposed.enumerated() where proposedIsLine[position] && partnerOfProposed[position] == nil {
                let key = LineKey(manager: currentEquivalent(ofManagerOf: position), grade: post.grade, title: post.title)
                guard let candidates = waiting[key],
                    let index = candidates.firstIndex(where: { old in
                        !exactFigures || (current[old].fte == post.fte && current[old].count == post.count)
                    })
                else { continue }
                let old = candidates[index]
                waiting[key]?.remove(at: index)
                pair(current: old, proposed: position)
            }
        }
    }

    /// Notes each side's repeated ids: only the first post with an id is matched.
    mutating func noteRepeatedIDs() {
        for (side, posts, repeats) in [("current", current, currentRepeats), ("proposed", proposed, proposedRepeats)] {
            guard !repeats.isEmpty else { continue }
            let ids = Array(Set(repeats.map { posts[$0].id })).sorted()
            notes.append(.repeatedIDs(side: side, ids: ids))
        }
    }

    /// One record per post of either side: every current post in file order (kept or
    /// deleted), then the created posts in proposed file order.
    func changes() -> [PostChange] {
        // The current posts' records, each worked out alone, on every core for a large
        // structure, each into its own place; then the created posts'.
        let parts = current.count >= Self.minimumConcurrentPosts ? 2 : 1
        var changes = ParallelWork.array(count: current.count, parts: parts, capacity: current.count + proposed.count) {
            record(ofCurrent: $0)
        }
        for position in proposed.indices where partnerOfProposed[position] == nil {
            changes.append(PostChange(current: nil, proposed: (proposed, position), aspects: []))
        }
        return changes
    }

    /// Structures at least this large have their records worked out on every core.
    static let minimumConcurrentPosts = 100_000

    /// The record of the current post at `position`: deleted, or kept with what changed.
    private func record(ofCurrent position: Int) -> PostChange {
        guard let match = partnerOfCurrent[position] else { return PostChange(current: (current, position), proposed: nil, aspects: []) }
        let aspects = PostChange.aspects(
            from: current, position, to: proposed, match,
            proposedManagerAsCurrent: currentEquivalent(ofManagerOf: match),
            proposedDottedAsCurrent: proposed[match].dottedTo.compactMap { currentEquivalent(ofProposed: $0) })
        return PostChange(
            current: (current, position), proposed: (proposed, match), aspects: aspects, matchedByReplacement: byReplacement[match])
    }
}
