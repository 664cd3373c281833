import OrgModel
import OrgSupport

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

    /// The first post with each id on each side, which is also where a current post's
    /// record is: the records start with every current post in file order.
    private let currentPosition: PostPositions
    private let proposedPosition: PostPositions
    /// The record of each proposed post, by position.
    private let changeOfProposed: [Int]
    /// The first record of each id that several proposed posts hold: it may be a later
    /// post's (kept, so listed before a created first post).
    private let firstChangeOfRepeatedProposedID: [PostID: Int]

    /// Works out the change from `current` to `proposed`, indexing each (side by side).
    public init(current: Structure, proposed: Structure, matching: IDMatching = .exact) {
        let (currentIndex, proposedIndex) = ParallelWork.both({ StructureIndex(current) }, { StructureIndex(proposed) })
        self.init(current: currentIndex, proposed: proposedIndex, matching: matching)
    }

    /// Works out the change from one indexed structure to another: each index's positions
    /// by id are read, not built again.
    public init(current: StructureIndex, proposed: StructureIndex, matching: IDMatching = .exact) {
        self.current = current.structure
        self.proposed = proposed.structure

        var pairing = PostPairing(current: current, proposed: proposed)
        pairing.pairByID()
        pairing.pairByReplacement()
        if matching != .exact { pairing.pairByKey(matching) }
        if pairing.pairsLines { pairing.pairLines() }
        pairing.noteRepeatedIDs()
        let changes = pairing.changes()

        // A kept post's record is its current partner's; the created follow in file order.
        var created = current.posts.count
        let changeOfProposed = pairing.partnerOfProposed.map { partner -> Int in
            if let partner { return partner }
            defer { created += 1 }
            return created
        }
        var firstOfRepeated: [PostID: Int] = [:]
        for position in proposed.duplicatePositions {
            let id = proposed.posts[position].id
            let first = proposed.positionByID[id] ?? position
            firstOfRepeated[id] = min(firstOfRepeated[id] ?? changeOfProposed[first], changeOfProposed[position])
        }
        self.changes = changes
        self.comparisonNotes = pairing.notes
        self.currentPosition = current.positionByID
        self.proposedPosition = proposed.positionByID
        self.changeOfProposed = changeOfProposed
        self.firstChangeOfRepeatedProposedID = firstOfRepeated
    }

    /// Whether a post is a line without an id of its own: an organogram import names its
    /// junior lines after their manager and their order in the file (`B41-J3`, `B41-J3-2`),
    /// which says nothing about which line is which in another snapshot.
    public static func isLineWithoutOwnID(_ post: Post) -> Bool {
        var text = post.id.rawValue
        // Read in place: a million ids are not copied into arrays of their own.
        return text.withUTF8(isLineID)
    }

    private static func isLineID(_ id: UnsafeBufferPointer<UInt8>) -> Bool {
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
        currentPosition[id].map { changes[$0] }
    }

    /// The record of the proposed post with `id`, or nil when the proposed structure has none.
    public func change(forProposed id: PostID) -> PostChange? {
        changeOffset(forProposed: id).map { changes[$0] }
    }

    /// Where in `changes` the first record of the proposed post `id` is.
    private func changeOffset(forProposed id: PostID) -> Int? {
        if let offset = firstChangeOfRepeatedProposedID[id] { return offset }
        return proposedPosition[id].map { changeOfProposed[$0] }
    }

    /// The id in the current structure of the proposed post `id` (itself when the post is
    /// new or unknown): the record is read in place, not copied.
    func currentID(forProposed id: PostID) -> PostID {
        guard let offset = changeOffset(forProposed: id) else { return id }
        return changes[offset].current?.id ?? id
    }

    /// Records with the given status, in `changes` order.
    public func changes(_ status: PostChange.Status) -> [PostChange] {
        changes.filter { $0.status == status }
    }

    /// How many records have the given status.
    public func count(_ status: PostChange.Status) -> Int { changes.count(status) }

    /// How many kept posts changed in the given aspect.
    public func count(_ aspect: PostChange.Aspect) -> Int { changes.count(aspect) }

    /// Whether nothing changed at all: no post deleted or created, and every kept post as it was.
    public var isEmpty: Bool {
        changes.allSatisfy { $0.status == .kept && $0.aspects.isEmpty }
    }
}

/// Which current post each proposed post is, position to position, worked out in the
/// order `StructureDiff` documents: by id, by `replaces:`, by the key of an id in another
/// form, and lines without ids of their own by manager, grade and title. Each step pairs
/// only posts the steps before left unmatched, and notes what it could not do as asked.
private struct PostPairing {
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
        currentIsLine = self.current.map(StructureDiff.isLineWithoutOwnID)
        proposedIsLine = self.proposed.map(StructureDiff.isLineWithoutOwnID)
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
        for (position, post) in current.enumerated() where !repeated[position] {
            if pairsLines, currentIsLine[position] { continue }
            let guess = position + shift
            let found: Int?
            if guess >= 0, guess < proposed.count, !proposedRepeated[guess], proposed[guess].id == post.id {
                found = guess
            } else {
                found = proposedPosition[post.id]
                if let found { shift = found - position }
            }
            if let match = found, !(pairsLines && proposedIsLine[match]) {
                pair(current: position, proposed: match)
            }
        }
    }

    /// Pairs each unmatched proposed post that says `replaces: OLD` with the current post `OLD`.
    mutating func pairByReplacement() {
        for (position, post) in proposed.enumerated() {
            guard let old = post.replaces, let oldPosition = replacedPosition(of: post, at: position, replacing: old) else { continue }
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
        var changes: [PostChange] = []
        changes.reserveCapacity(current.count + proposed.count)
        for (position, post) in current.enumerated() {
            guard let match = partnerOfCurrent[position] else {
                changes.append(PostChange(current: post, proposed: nil, aspects: []))
                continue
            }
            let new = proposed[match]
            let aspects = PostChange.aspects(
                from: post, to: new,
                proposedManagerAsCurrent: currentEquivalent(ofManagerOf: match),
                proposedDottedAsCurrent: new.dottedTo.compactMap { currentEquivalent(ofProposed: $0) })
            changes.append(
                PostChange(current: post, proposed: new, aspects: aspects, matchedByReplacement: byReplacement[match]))
        }
        for (position, post) in proposed.enumerated() where partnerOfProposed[position] == nil {
            changes.append(PostChange(current: nil, proposed: post, aspects: []))
        }
        return changes
    }
}
