/// A pattern over time that leadership asks about, raised on a snapshot by name.
///
/// Each is judged on figures the trend already holds, against the snapshot before (and,
/// for `partial`, the one after), so the same series always raises the same flags.
public enum TrendFlag: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// Management layers are more than on the previous snapshot, or more than on the
    /// first: layers creeping back after a de-layering. Never on the first snapshot. The
    /// previous snapshot is the latest earlier one not flagged `partial`.
    case layerCreep = "layer-creep"
    /// The mean span of manager posts is 10 % or more below the previous snapshot's
    /// (`mean ≤ 0.9 × previous mean`, the previous mean above 0), the previous snapshot
    /// being the latest earlier one not flagged `partial`. Never on the first.
    case spanCompression = "span-compression"
    /// More than half of the front-line headcount is on layer 1 or 2: it reports to a top
    /// post or a post directly below one, so the management layers (counted down to the
    /// front line) read low whatever the depth of the management above them.
    case frontLineAtTop = "front-line-at-top"
    /// Posts fall to half or fewer of the previous snapshot's and the next snapshot has
    /// more than half of that previous count again: most likely a partial publication,
    /// not a restructure. Never on the first or last snapshot.
    case partial

    /// One line for a report's key.
    public var definition: String {
        switch self {
        case .layerCreep: "management layers up on the previous snapshot (not counting one flagged partial), or above the first"
        case .spanCompression: "mean span down by 10% or more on the previous snapshot (not counting one flagged partial)"
        case .frontLineAtTop:
            "more than half the front-line headcount reports to a top post or a post directly below one, so layer counts mislead"
        case .partial: "posts fell to half or fewer of the previous snapshot's and recover at the next: likely a partial publication"
        }
    }

    private var ordinal: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: TrendFlag, rhs: TrendFlag) -> Bool { lhs.ordinal < rhs.ordinal }
}
