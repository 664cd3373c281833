import OrgModel

/// One step of a de-layering option: a post removed with its reports moved up, sibling
/// managers merged, a wide span split, or a wide span marked as needing a split that
/// cannot be made without breaking another rule.
public struct DelayeringMove: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A post in a hidden layer (a `tier-order` finding) removed; its reports move up.
        case removeHiddenLayer = "remove-hidden-layer"
        /// A manager with one direct report removed; the report moves up.
        case removeOneOverOne = "remove-one-over-one"
        /// Sibling managers with narrow spans merged into one; the others are removed.
        case merge
        /// A wide span split: a new post beside the manager takes some of its reports.
        case split
        /// A wide span that needs a split the option could not make (see `summary`).
        case needsSplit = "needs-split"
    }

    public var kind: Kind
    /// The post the move is about: the one removed, the one kept in a merge, the one split.
    public var post: PostID
    /// Posts removed by the move.
    public var removed: [PostID]
    /// Posts created by the move.
    public var added: [PostID]
    /// Reports that change manager, and the post they now report to (for a split, the new post).
    public var movedReports: [PostID]
    public var receiver: PostID?
    /// What the posts removed cost, and what the posts added will.
    public var removedCost: CostTotal
    public var addedCost: CostTotal
    /// The move's facts as its sentence words them.
    public var message: DelayeringMessage
    /// The move in a sentence, for the summary and the option file's header.
    public var summary: String { message.english }

    public init(
        kind: Kind, post: PostID, removed: [PostID] = [], added: [PostID] = [], movedReports: [PostID] = [],
        receiver: PostID? = nil, removedCost: CostTotal = CostTotal(), addedCost: CostTotal = CostTotal(), message: DelayeringMessage
    ) {
        self.kind = kind
        self.post = post
        self.removed = removed
        self.added = added
        self.movedReports = movedReports
        self.receiver = receiver
        self.removedCost = removedCost
        self.addedCost = addedCost
        self.message = message
    }

    /// Whether the move changes the structure (a marked split does not).
    public var changesStructure: Bool { kind != .needsSplit }
}
