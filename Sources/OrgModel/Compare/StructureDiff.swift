/// The change from one structure to another, post by post: which posts are deleted,
/// created or kept, and for each kept post what changed about it.
///
/// Posts are matched by id; a proposed post that says `replaces: OLD` and whose own id
/// is not in the current structure takes the place of the current post `OLD` (a post
/// re-purposed under a new id), provided no proposed post keeps `OLD`'s id. Only the first
/// post with a given id is matched; later duplicates (a validation error anyway) count as
/// deleted or created, so nothing is silently dropped. Under `IDMatching.case` or `.loose`,
/// posts left unmatched are then matched by their ids' keys (`DfE-3024` and `DFE-3024`),
/// counted in a note; a key two posts of one side share matches nothing.
///
/// Lines without ids of their own (an organogram import names its junior lines
/// `MANAGER-J1`, `MANAGER-J2`, … by their order in the file) are not matched by id:
/// they are paired by manager, grade and title (first those whose FTE and count agree
/// too), so a reordered file changes nothing, and a title that is new is created.
///
/// Both the change chart (`orgmodel render --changes`) and the comparison report
/// (`orgmodel compare`) read this one value, so they can never disagree about what
/// changed. It holds values only: no wording, no formatting.
public struct StructureDiff: Sendable, Equatable {
    public let current: Structure
    public let proposed: Structure
    /// One record per post of either structure: first every current post in file order
    /// (kept or deleted), then the created posts in proposed file order.
    public let changes: [PostChange]
    /// What the matching could not do as the files asked: a `replaces:` that names no
    /// current post, one that is kept, taken twice or the post itself; repeated ids.
    /// Each says how the posts were counted instead. Empty when all went as written.
    public let comparisonNotes: [ComparisonNote]
    /// The notes, one sentence each.
    public var notes: [String] { comparisonNotes.map(\.english) }

    private let changeByCurrentID: [PostID: Int]
    private let changeByProposedID: [PostID: Int]

    public init(current: Structure, proposed: Structure, matching: IDMatching = .exact) {
        self.current = current
        self.proposed = proposed

        let currentIsLine = current.posts.map(Self.isLineWithoutOwnID)
        let proposedIsLine = proposed.posts.map(Self.isLineWithoutOwnID)
        let pairLines = currentIsLine.contains(true) && proposedIsLine.contains(true)
        var currentPosition: [PostID: Int] = [:]
        currentPosition.reserveCapacity(current.posts.count)
        for (position, post) in current.posts.enumerated() where currentPosition[post.id] == nil {
            currentPosition[post.id] = position
        }
        var proposedPosition: [PostID: Int] = [:]
        proposedPosition.reserveCapacity(proposed.posts.count)
        for (position, post) in proposed.posts.enumerated() where proposedPosition[post.id] == nil {
            proposedPosition[post.id] = position
        }

        // Pair current position -> proposed position: by id first, then by `replaces`.
        var partnerOfCurrent = [Int?](repeating: nil, count: current.posts.count)
        var partnerOfProposed = [Int?](repeating: nil, count: proposed.posts.count)
        var byReplacement = [Bool](repeating: false, count: proposed.posts.count)
        for (position, post) in current.posts.enumerated() where currentPosition[post.id] == position {
            if pairLines, currentIsLine[position] { continue }
            if let match = proposedPosition[post.id], !(pairLines && proposedIsLine[match]) {
                partnerOfCurrent[position] = match
                partnerOfProposed[match] = position
            }
        }
        var notes: [ComparisonNote] = []
        for (position, post) in proposed.posts.enumerated() {
            guard let old = post.replaces else { continue }
            if old == post.id {
                notes.append(.replacesItself(post: post.id, line: post.line))
                continue
            }
            guard partnerOfProposed[position] == nil, proposedPosition[post.id] == position else {
                if proposedPosition[post.id] == position {
                    notes.append(.replacesWithOwnIDKept(post: post.id, line: post.line, replaces: old))
                }
                continue
            }
            guard let oldPosition = currentPosition[old] else {
                notes.append(.replacesUnknown(post: post.id, line: post.line, replaces: old))
                continue
            }
            guard partnerOfCurrent[oldPosition] == nil else {
                if let keeper = partnerOfCurrent[oldPosition], proposed.posts[keeper].id == old {
                    notes.append(.replacesKeptPost(post: post.id, line: post.line, replaces: old))
                } else if let taker = partnerOfCurrent[oldPosition] {
                    notes.append(
                        .replacedTwice(
                            taker: proposed.posts[taker].id, takerLine: proposed.posts[taker].line, post: post.id, line: post.line,
                            replaces: old))
                }
                continue
            }
            partnerOfCurrent[oldPosition] = position
            partnerOfProposed[position] = oldPosition
            byReplacement[position] = true
        }
        // Ids in another form: each key that one unmatched post on each side holds.
        if matching != .exact {
            var currentByKey: [String: [Int]] = [:]
            for (position, post) in current.posts.enumerated()
            where partnerOfCurrent[position] == nil && !(pairLines && currentIsLine[position]) {
                currentByKey[matching.key(post.id), default: []].append(position)
            }
            var proposedByKey: [String: [Int]] = [:]
            for (position, post) in proposed.posts.enumerated()
            where partnerOfProposed[position] == nil && !(pairLines && proposedIsLine[position]) {
                proposedByKey[matching.key(post.id), default: []].append(position)
            }
            var matched: [String] = []
            for (position, post) in current.posts.enumerated() where partnerOfCurrent[position] == nil {
                let key = matching.key(post.id)
                guard let mine = currentByKey[key], mine.count == 1, let theirs = proposedByKey[key], theirs.count == 1,
                    let match = theirs.first, partnerOfProposed[match] == nil
                else { continue }
                partnerOfCurrent[position] = match
                partnerOfProposed[match] = position
                matched.append("\(post.id) as \(proposed.posts[match].id)")
            }
            if !matched.isEmpty {
                notes.append(.matchedInAnotherForm(posts: matched.count, matching: matching, examples: matched))
            }
        }

        // A proposed manager's id read in current terms, so that a post whose manager was
        // merely re-purposed under a new id does not count as moved.
        func currentEquivalent(ofProposed id: PostID?) -> PostID? {
            guard let id else { return nil }
            if let position = proposedPosition[id], let old = partnerOfProposed[position] {
                return current.posts[old].id
            }
            return id
        }

        // Lines without ids of their own: by manager, grade and title; those whose FTE and
        // count agree as well first, so that a line whose numbers changed is paired last.
        if pairLines {
            struct LineKey: Hashable {
                var manager: PostID?
                var grade: String?
                var title: String
            }
            var waiting: [LineKey: [Int]] = [:]
            for (position, post) in current.posts.enumerated() where currentIsLine[position] {
                waiting[LineKey(manager: post.reportsTo, grade: post.grade, title: post.title), default: []].append(position)
            }
            for exactFigures in [true, false] {
                for (position, post) in proposed.posts.enumerated() where proposedIsLine[position] && partnerOfProposed[position] == nil {
                    let key = LineKey(manager: currentEquivalent(ofProposed: post.reportsTo), grade: post.grade, title: post.title)
                    guard let candidates = waiting[key],
                        let index = candidates.firstIndex(where: { old in
                            !exactFigures || (current.posts[old].fte == post.fte && current.posts[old].count == post.count)
                        })
                    else { continue }
                    let old = candidates[index]
                    waiting[key]?.remove(at: index)
                    partnerOfCurrent[old] = position
                    partnerOfProposed[position] = old
                }
            }
        }

        for (side, structure, first) in [("current", current, currentPosition), ("proposed", proposed, proposedPosition)] {
            let repeated = structure.posts.enumerated().filter { first[$0.element.id] != $0.offset }.map(\.element.id)
            guard !repeated.isEmpty else { continue }
            let ids = Array(Set(repeated)).sorted()
            notes.append(.repeatedIDs(side: side, ids: ids))
        }

        var changes: [PostChange] = []
        changes.reserveCapacity(current.posts.count + proposed.posts.count)
        for (position, post) in current.posts.enumerated() {
            guard let match = partnerOfCurrent[position] else {
                changes.append(PostChange(current: post, proposed: nil, aspects: []))
                continue
            }
            let new = proposed.posts[match]
            let aspects = PostChange.aspects(
                from: post, to: new,
                proposedManagerAsCurrent: currentEquivalent(ofProposed: new.reportsTo),
                proposedDottedAsCurrent: new.dottedTo.compactMap { currentEquivalent(ofProposed: $0) })
            changes.append(
                PostChange(current: post, proposed: new, aspects: aspects, matchedByReplacement: byReplacement[match]))
        }
        for (position, post) in proposed.posts.enumerated() where partnerOfProposed[position] == nil {
            changes.append(PostChange(current: nil, proposed: post, aspects: []))
        }

        var byCurrent: [PostID: Int] = [:]
        var byProposed: [PostID: Int] = [:]
        byCurrent.reserveCapacity(current.posts.count)
        byProposed.reserveCapacity(proposed.posts.count)
        for (offset, change) in changes.enumerated() {
            if let id = change.current?.id, byCurrent[id] == nil { byCurrent[id] = offset }
            if let id = change.proposed?.id, byProposed[id] == nil { byProposed[id] = offset }
        }
        self.changes = changes
        self.comparisonNotes = notes
        self.changeByCurrentID = byCurrent
        self.changeByProposedID = byProposed
    }

    /// Whether a post is a line without an id of its own: an organogram import names its
    /// junior lines after their manager and their order in the file (`B41-J3`, `B41-J3-2`),
    /// which says nothing about which line is which in another snapshot.
    public static func isLineWithoutOwnID(_ post: Post) -> Bool {
        let id = Array(post.id.rawValue.utf8)
        var end = id.count
        func digits(from stop: Int) -> Int {
            var start = stop
            while start > 0, id[start - 1] >= 48, id[start - 1] <= 57 { start -= 1 }
            return start
        }
        var start = digits(from: end)
        guard start < end, start > 0 else { return false }
        if id[start - 1] == 45 {  // "-N" after "-JN": a repeat's bump
            end = start - 1
            start = digits(from: end)
            guard start < end, start > 0 else { return false }
        }
        return start >= 3 && id[start - 1] == 74 && id[start - 2] == 45  // "-J"
    }

    /// Ids of one structure that `matching` reads as one, each group with its ids: such
    /// posts cannot be matched in another form, and a command refuses them.
    public static func ambiguousIDs(in structure: Structure, matching: IDMatching) -> [[PostID]] {
        guard matching != .exact else { return [] }
        return IDMatcher(structure.posts.lazy.filter { !isLineWithoutOwnID($0) }.map(\.id), matching: matching).ambiguities
    }

    /// The record of the current post with `id`, or nil when the current structure has none.
    public func change(forCurrent id: PostID) -> PostChange? {
        changeByCurrentID[id].map { changes[$0] }
    }

    /// The record of the proposed post with `id`, or nil when the proposed structure has none.
    public func change(forProposed id: PostID) -> PostChange? {
        changeByProposedID[id].map { changes[$0] }
    }

    /// The id in the current structure of the proposed post `id` (itself when the post is
    /// new or unknown): the record is read in place, not copied.
    func currentID(forProposed id: PostID) -> PostID {
        guard let offset = changeByProposedID[id] else { return id }
        return changes[offset].current?.id ?? id
    }

    /// Records with the given status, in `changes` order.
    public func changes(_ status: PostChange.Status) -> [PostChange] {
        changes.filter { $0.status == status }
    }

    /// How many records have the given status.
    public func count(_ status: PostChange.Status) -> Int {
        changes.reduce(0) { $0 + ($1.status == status ? 1 : 0) }
    }

    /// How many kept posts changed in the given aspect.
    public func count(_ aspect: PostChange.Aspect) -> Int {
        changes.reduce(0) { $0 + ($1.aspects.contains(aspect) ? 1 : 0) }
    }

    /// Whether nothing changed at all: no post deleted or created, and every kept post as it was.
    public var isEmpty: Bool {
        changes.allSatisfy { $0.status == .kept && $0.aspects.isEmpty }
    }
}
