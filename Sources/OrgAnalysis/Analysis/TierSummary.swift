import OrgModel

/// The figures for one tier of a structure, or for the posts outside the tiers (the front
/// line, assistants, managers without a tier): posts, headcount, FTE, cost and spans.
public struct TierSummary: Hashable, Sendable {
    /// Which posts a row covers.
    public enum Group: Hashable, Sendable, Comparable {
        case tier(Int)
        /// Posts that lead others but have no tier (a `manager-without-tier` finding).
        case managersWithoutTier
        case assistants
        case frontLine

        /// The group of the post at `position`.
        init(_ position: Int, facts: PostFacts) {
            switch facts.role[position] {
            case .assistant: self = .assistants
            case .frontLine: self = .frontLine
            case .management: self = facts.tier[position].map { .tier($0) } ?? .managersWithoutTier
            }
        }

        private var ordinal: (Int, Int) {
            switch self {
            case .tier(let tier): (0, tier)
            case .managersWithoutTier: (1, 0)
            case .assistants: (2, 0)
            case .frontLine: (3, 0)
            }
        }

        public static func < (lhs: Group, rhs: Group) -> Bool { lhs.ordinal < rhs.ordinal }

        /// A stable key for JSON: "tier-5", "managers-without-tier", "assistants", "front-line".
        public var key: String {
            switch self {
            case .tier(let tier): "tier-\(tier)"
            case .managersWithoutTier: "managers-without-tier"
            case .assistants: "assistants"
            case .frontLine: "front-line"
            }
        }
    }

    public var group: Group
    /// "Tier 5 · Service Manager · span 4–8", "Front line", …
    public var label: String
    /// Entries (a line of several posts is one).
    public var posts: Int
    public var headcount: Int
    public var fte: Double
    public var cost: CostTotal
    public var vacant: Int
    public var temporary: Int
    /// Spans of the group's posts; nil for the front line and assistants, who lead nobody
    /// by definition or are not measured.
    public var spans: SpanStatistics?

    public init(
        group: Group, label: String, posts: Int = 0, headcount: Int = 0, fte: Double = 0,
        cost: CostTotal = CostTotal(), vacant: Int = 0, temporary: Int = 0, spans: SpanStatistics? = nil
    ) {
        self.group = group
        self.label = label
        self.posts = posts
        self.headcount = headcount
        self.fte = fte
        self.cost = cost
        self.vacant = vacant
        self.temporary = temporary
        self.spans = spans
    }

    /// The label a report gives `group` under `rules`.
    public static func label(for group: Group, rules: RuleSet) -> String {
        switch group {
        case .tier(let tier): rules.label(forTier: tier)
        case .managersWithoutTier: "Managers without a tier"
        case .assistants: "Assistants"
        case .frontLine: "Front line"
        }
    }

    /// One row per group present in the structure, tiers first (in order), then managers
    /// without a tier, assistants and the front line.
    static func summaries(index: StructureIndex, rules: RuleSet, facts: PostFacts) -> [TierSummary] {
        var slotOf: [Group: Int] = [:]
        var rows: [TierSummary] = []
        var spans: [[Int]] = []
        let span = index.span
        // The slot of the last group seen: consecutive posts are mostly of one group.
        var lastGroup: Group?
        var lastSlot = 0
        for position in 0..<facts.count.count {
            let group = Group(position, facts: facts)
            let slot: Int
            if group == lastGroup {
                slot = lastSlot
            } else if let found = slotOf[group] {
                slot = found
            } else {
                slot = rows.count
                slotOf[group] = slot
                rows.append(TierSummary(group: group, label: label(for: group, rules: rules)))
                spans.append([])
            }
            lastGroup = group
            lastSlot = slot
            let heads = facts.count[position]
            rows[slot].posts += 1
            rows[slot].headcount += heads
            rows[slot].fte += facts.fte[position]
            facts.addCost(of: position, to: &rows[slot].cost)
            rows[slot].vacant += facts.vacant[position]
            if facts.temporary[position] { rows[slot].temporary += heads }
            switch group {
            case .tier, .managersWithoutTier: spans[slot].append(span[position])
            case .assistants, .frontLine: break
            }
        }
        for slot in rows.indices {
            var rule: SpanRule?
            if case .tier(let tier) = rows[slot].group { rule = rules.rule(forTier: tier)?.span }
            rows[slot].spans = SpanStatistics(spans: spans[slot], rule: rule)
        }
        return rows.sorted { $0.group < $1.group }
    }
}
