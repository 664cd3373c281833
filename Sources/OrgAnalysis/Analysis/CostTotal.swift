import OrgSupport

/// A sum of annual costs that remembers how many posts had no known cost.
///
/// A cost that is not known is reported as unknown, never as zero: a total over posts
/// some of which lack a cost says so ("£1,234,000 + 3 posts of unknown cost", or "+ 2 posts
/// of unknown cost, headcount 15" when they are lines of several) instead of quietly
/// understating the bill.
public struct CostTotal: Hashable, Sendable {
    /// The sum of the costs that are known, in pounds a year.
    public var known: Double
    /// Posts whose cost is not known (a line of 5 counts 1).
    public var unknownPosts: Int
    /// Their headcount (a line of 5 counts 5).
    public var unknownHeadcount: Int

    /// `unknownHeadcount` defaults to `unknownPosts`: posts of one each.
    public init(known: Double = 0, unknownPosts: Int = 0, unknownHeadcount: Int? = nil) {
        self.known = known
        self.unknownPosts = unknownPosts
        self.unknownHeadcount = unknownHeadcount ?? unknownPosts
    }

    /// Whether every cost in the total is known.
    public var isComplete: Bool { unknownPosts == 0 }

    /// Adds one post's (or line's) cost: `cost` nil means unknown, for one post of `headcount`.
    public mutating func add(_ cost: Double?, headcount: Int) {
        if let cost {
            known += cost
        } else {
            unknownPosts += 1
            unknownHeadcount += headcount
        }
    }

    public static func + (lhs: CostTotal, rhs: CostTotal) -> CostTotal {
        CostTotal(
            known: lhs.known + rhs.known, unknownPosts: lhs.unknownPosts + rhs.unknownPosts,
            unknownHeadcount: lhs.unknownHeadcount + rhs.unknownHeadcount)
    }

    public static func += (lhs: inout CostTotal, rhs: CostTotal) { lhs = lhs + rhs }

    /// "£1,234,000", "£1,234,000 + 3 posts of unknown cost", "… + 2 posts of unknown cost,
    /// headcount 15", or "unknown (3 posts …)" when nothing is known at all.
    public var text: String {
        if unknownPosts == 0 { return Figures.pounds(known) }
        let unknown =
            Plural.grouped(unknownPosts, "post") + " of unknown cost"
            + (unknownHeadcount != unknownPosts ? ", headcount \(Figures.grouped(unknownHeadcount))" : "")
        if known == 0 { return "unknown (\(unknown))" }
        return "\(Figures.pounds(known)) + \(unknown)"
    }

    /// The change from `before` to `after`, worded for a saving or a cost: the known part
    /// is `after − before`; unknown posts on either side are named, as they may move the
    /// figure either way.
    public static func change(from before: CostTotal, to after: CostTotal) -> CostChange {
        var change = CostChange(known: after.known - before.known, unknownBefore: before.unknownPosts, unknownAfter: after.unknownPosts)
        change.nothingKnown = before.known == 0 && after.known == 0 && !change.isComplete
        return change
    }
}

/// The difference between two cost totals, with the unknowns that qualify it.
public struct CostChange: Hashable, Sendable {
    /// After minus before, over the known costs (positive: the change costs more).
    public var known: Double
    /// Posts of unknown cost before and after.
    public var unknownBefore: Int
    public var unknownAfter: Int
    /// No cost is known on either side: the change is unknown, not £0.
    public var nothingKnown = false

    public init(known: Double, unknownBefore: Int = 0, unknownAfter: Int = 0) {
        self.known = known
        self.unknownBefore = unknownBefore
        self.unknownAfter = unknownAfter
    }

    public var isComplete: Bool { unknownBefore == 0 && unknownAfter == 0 }

    /// The qualification of an incomplete figure, e.g. "; 2 posts of unknown cost
    /// removed, 1 added", or "" when every cost is known.
    var qualifier: String {
        var parts: [String] = []
        if unknownBefore > 0 { parts.append("\(Plural.grouped(unknownBefore, "post")) of unknown cost before") }
        if unknownAfter > 0 { parts.append("\(Plural.grouped(unknownAfter, "post")) of unknown cost after") }
        return parts.isEmpty ? "" : " (excluding " + parts.joined(separator: " and ") + ")"
    }

    /// "+£86,000 a year" (a cost) or "−£120,000 a year" (a saving), qualified when unknowns remain.
    public var text: String {
        if nothingKnown { return "unknown: no post has a known cost" }
        return Figures.signedPounds(known) + " a year" + qualifier
    }

    /// "£120,000 a year" saved (positive when cost falls), qualified when unknowns remain.
    public var savingText: String {
        if nothingKnown { return "unknown: no post has a known cost" }
        return Figures.pounds(-known) + " a year" + qualifier
    }
}
