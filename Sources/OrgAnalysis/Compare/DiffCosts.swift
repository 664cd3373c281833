import OrgModel

/// What a change costs, post by post: the posts deleted, the posts created, and the kept
/// posts whose cost changed, and the net change as the sum of those parts.
///
/// Each part counts only the posts whose cost is known where it is needed, and names the
/// rest: a cost that becomes unknown (or known) is neither a saving nor a cost. `compare`,
/// `review` and the change chart all read this one value, so they give the same figures.
public struct DiffCosts: Sendable, Equatable {
    /// What the posts deleted cost, and what the posts created will.
    public var ofDeleted = CostTotal()
    public var ofCreated = CostTotal()
    /// The change in cost of the posts kept, over those whose cost is known on both sides;
    /// `unknownPosts` counts kept posts whose cost is known on one side only.
    public var changeOfKept = CostTotal()
    /// Deleted posts' cost taken off, created posts' added, kept posts' changes.
    public var net: CostChange

    public init(_ diff: StructureDiff, before: PostCosting, after: PostCosting) {
        var keptUnknownBefore = 0
        var keptUnknownAfter = 0
        var anyKnown = false
        var deleted = CostTotal()
        var created = CostTotal()
        var kept = CostTotal()
        // Each post's cost and headcount read where it lies, not copied.
        for change in diff.changes {
            let old = change.readCurrent { (cost: before.cost(of: $0), count: $0.count) }
            let new = change.readProposed { (cost: after.cost(of: $0), count: $0.count) }
            switch change.status {
            case .deleted:
                guard let old else { continue }
                anyKnown = anyKnown || old.cost != nil
                deleted.add(old.cost, headcount: old.count)
            case .created:
                guard let new else { continue }
                anyKnown = anyKnown || new.cost != nil
                created.add(new.cost, headcount: new.count)
            case .kept:
                guard let old, let new else { continue }
                let a = old.cost
                let b = new.cost
                anyKnown = anyKnown || a != nil || b != nil
                if a == nil { keptUnknownBefore += 1 }
                if b == nil { keptUnknownAfter += 1 }
                if let a, let b {
                    kept.known += b - a
                } else if a != nil || b != nil {
                    kept.unknownPosts += 1
                    kept.unknownHeadcount += max(old.count, new.count)
                }
            }
        }
        ofDeleted = deleted
        ofCreated = created
        changeOfKept = kept
        net = CostChange(
            known: created.known - deleted.known + kept.known,
            unknownBefore: deleted.unknownPosts + keptUnknownBefore,
            unknownAfter: created.unknownPosts + keptUnknownAfter)
        // Nothing known on either side: the change is unknown, not £0.
        net.nothingKnown = !net.isComplete && !anyKnown
    }
}
