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
    public static func isLineWithoutOwnID(_ post: Post) -> Bool { isLineID(post.id) }

    /// Whether `id` is one a line without an id of its own is given (see above).
    static func isLineID(_ id: PostID) -> Bool {
        var text = id.rawValue
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
