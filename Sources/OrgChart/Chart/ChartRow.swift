/// A horizontal row of a chart: one per tier, and the front line below them all.
///
/// Posts are placed by tier, not by how deep they sit in the tree, so every Head of
/// Service lines up with every other whatever the reporting chain above them.
public enum ChartRow: Hashable, Comparable, Sendable {
    case tier(Int)
    /// Posts without a tier: the front-line teams, drawn below the lowest tier.
    case frontLine

    public static func < (lhs: ChartRow, rhs: ChartRow) -> Bool {
        switch (lhs, rhs) {
        case (.tier(let a), .tier(let b)): a < b
        case (.tier, .frontLine): true
        case (.frontLine, _): false
        }
    }

    /// A short name usable inside an element id: `tier-5`, `front-line`.
    var slug: String { slug(joinedBy: "-") }

    /// The slug with its words joined by `separator`: `tier_4` and `front_line` as a DOT
    /// node name may hold them.
    func slug(joinedBy separator: String) -> String {
        switch self {
        case .tier(let tier): "tier" + separator + String(tier)
        case .frontLine: "front" + separator + "line"
        }
    }

    /// Every row a chart needs to show posts in `rows`: each tier from the highest to the
    /// lowest present (a skipped tier keeps its empty row, so a post is never pulled up
    /// into a tier it is not), then the front line if any post sits there.
    static func span(of rows: some Sequence<ChartRow>) -> [ChartRow] {
        var tiers: [Int] = []
        var frontLine = false
        for row in rows {
            switch row {
            case .tier(let tier): tiers.append(tier)
            case .frontLine: frontLine = true
            }
        }
        var result: [ChartRow] = []
        if let low = tiers.min(), let high = tiers.max() {
            result = (low...high).map { .tier($0) }
        }
        if frontLine { result.append(.frontLine) }
        return result
    }
}
