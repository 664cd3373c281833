import OrgModel

/// What happened to one post between a current and a proposed structure: its two
/// versions (either may be absent) and the aspects in which they differ.
///
/// Old and new values are read from `current` and `proposed` themselves; the record adds
/// only the judgement of what changed, so a report or a chart can word it as it likes.
public struct PostChange: Sendable, Equatable {
    /// Whether the post is deleted, created, or kept (possibly changed).
    public enum Status: String, Sendable, Codable, CaseIterable {
        case deleted, created, kept
    }

    /// One way a kept post can differ. Holders are not compared: a proposed structure
    /// usually names no one, and who holds a post is not a change of structure.
    public enum Aspect: String, Sendable, Codable, CaseIterable, Comparable {
        /// Reports to a different post (a manager re-purposed under a new id is the same post).
        case reportingLine = "moved"
        case title = "retitled"
        case tier = "re-tiered"
        case grade = "re-graded"
        case fte
        case cost
        /// The establishment line stands for a different number of posts.
        case headcount
        /// A different number of vacancies.
        case vacancies
        case madePermanent = "made-permanent"
        case madeTemporary = "made-temporary"
        /// Different dotted (matrix) lines.
        case dottedLines = "dotted-lines"

        private static let ordinals: [Aspect: Int] = Dictionary(
            uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })

        /// Listing order: the order of `allCases`.
        public static func < (lhs: Aspect, rhs: Aspect) -> Bool {
            (ordinals[lhs] ?? 0) < (ordinals[rhs] ?? 0)
        }
    }

    /// The post as it is now; nil for a created post.
    public var current: Post? { currentPosition < 0 ? nil : currentPosts[Int(currentPosition)] }
    /// The post as proposed; nil for a deleted post.
    public var proposed: Post? { proposedPosition < 0 ? nil : proposedPosts[Int(proposedPosition)] }
    /// What differs between the two versions, in `Aspect` order; empty unless kept.
    public let aspects: [Aspect]
    /// Whether the proposed post was matched through its `replaces` rather than its id.
    public let matchedByReplacement: Bool

    // Each version is read from its structure's posts where it lies, not copied: a
    // million records would otherwise hold two copies of every post (400 MB).
    private let currentPosts: [Post]
    private let proposedPosts: [Post]
    /// Positions in the two lists; -1 for a version that is absent.
    private let currentPosition: Int32
    private let proposedPosition: Int32

    public init(current: Post?, proposed: Post?, aspects: [Aspect], matchedByReplacement: Bool = false) {
        self.init(
            current: current.map { ([$0], 0) }, proposed: proposed.map { ([$0], 0) }, aspects: aspects,
            matchedByReplacement: matchedByReplacement)
    }

    /// A record of the posts at these positions of the two structures' posts.
    init(current: (posts: [Post], at: Int)?, proposed: (posts: [Post], at: Int)?, aspects: [Aspect], matchedByReplacement: Bool = false) {
        currentPosts = current?.posts ?? []
        currentPosition = current.map { Int32($0.at) } ?? -1
        proposedPosts = proposed?.posts ?? []
        proposedPosition = proposed.map { Int32($0.at) } ?? -1
        self.aspects = aspects.count > 1 ? aspects.sorted() : aspects
        self.matchedByReplacement = matchedByReplacement
    }

    /// Records are equal when their versions and judgements are, wherever the versions lie.
    public static func == (lhs: PostChange, rhs: PostChange) -> Bool {
        lhs.current == rhs.current && lhs.proposed == rhs.proposed && lhs.aspects == rhs.aspects
            && lhs.matchedByReplacement == rhs.matchedByReplacement
    }

    /// `read` applied to the current version where it lies, without copying the post; nil
    /// for a created post. For loops over every record of a large structure.
    public func readCurrent<Result>(_ read: (Post) -> Result) -> Result? {
        guard currentPosition >= 0 else { return nil }
        return currentPosts.withUnsafeBufferPointer { read($0[Int(currentPosition)]) }
    }

    /// `read` applied to the proposed version where it lies; nil for a deleted post.
    public func readProposed<Result>(_ read: (Post) -> Result) -> Result? {
        guard proposedPosition >= 0 else { return nil }
        return proposedPosts.withUnsafeBufferPointer { read($0[Int(proposedPosition)]) }
    }

    public var status: Status {
        if currentPosition < 0 { return .created }
        return proposedPosition < 0 ? .deleted : .kept
    }

    /// The id the post is best known by: the proposed id when there is one.
    public var id: PostID {
        if proposedPosition >= 0 { return proposedPosts[Int(proposedPosition)].id }
        return currentPosition >= 0 ? currentPosts[Int(currentPosition)].id : PostID("")
    }

    /// Whether the post is kept exactly as it was, in every aspect compared.
    public var isUnchanged: Bool { status == .kept && aspects.isEmpty }

    /// The aspects in which the proposed post at `new` differs from the current one at
    /// `old`, each read where it lies (a million posts are not copied to be compared).
    ///
    /// `proposedManagerAsCurrent` and `proposedDottedAsCurrent` are the proposed post's
    /// manager and dotted lines translated into current ids (a re-purposed manager maps
    /// back to the post it replaces).
    static func aspects(
        from current: [Post], _ old: Int, to proposed: [Post], _ new: Int, proposedManagerAsCurrent: PostID?,
        proposedDottedAsCurrent: [PostID]
    ) -> [Aspect] {
        var aspects: [Aspect] = []
        if current[old].reportsTo != proposedManagerAsCurrent { aspects.append(.reportingLine) }
        if current[old].title != proposed[new].title { aspects.append(.title) }
        if current[old].tier != proposed[new].tier { aspects.append(.tier) }
        if current[old].grade != proposed[new].grade { aspects.append(.grade) }
        if !sameAmount(current[old].fte, proposed[new].fte) { aspects.append(.fte) }
        if !sameAmount(current[old].cost, proposed[new].cost) { aspects.append(.cost) }
        if current[old].count != proposed[new].count { aspects.append(.headcount) }
        if current[old].vacant != proposed[new].vacant { aspects.append(.vacancies) }
        if current[old].temporary && !proposed[new].temporary { aspects.append(.madePermanent) }
        if !current[old].temporary && proposed[new].temporary { aspects.append(.madeTemporary) }
        if current[old].dottedTo != proposedDottedAsCurrent, Set(current[old].dottedTo) != Set(proposedDottedAsCurrent) {
            aspects.append(.dottedLines)
        }
        return aspects
    }

    /// Equal amounts, allowing for binary rounding (0.1 + 0.2 FTE is 0.3 FTE); an unknown
    /// amount equals only another unknown one.
    private static func sameAmount(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let x?, let y?): abs(x - y) <= 1e-9 * max(1, abs(x), abs(y))
        default: false
        }
    }
}

extension Sequence<PostChange> {
    /// How many records have the given status.
    public func count(_ status: PostChange.Status) -> Int { count { $0.status == status } }

    /// How many kept posts changed in the given aspect.
    public func count(_ aspect: PostChange.Aspect) -> Int { count { $0.aspects.contains(aspect) } }
}
