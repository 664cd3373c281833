import OrgModel

/// Whose names a chart shows in the boxes (`--names`).
public enum NamePolicy: String, CaseIterable, Sendable {
    /// No names at all.
    case none
    /// Names of the senior posts only (tiers 2 and 3), the usual choice for a published chart.
    case senior
    /// Every post's holder.
    case all

    /// Whether the holder of `post` is shown under this policy.
    public func showsHolder(of post: Post) -> Bool {
        switch self {
        case .none: false
        case .all: true
        case .senior: (post.tier ?? Int.max) <= 3
        }
    }
}
