/// The design principles a structure is checked against.
public struct RuleSet: Hashable, Sendable {
    public var name: String
    public var description: String?
    public var tiers: [TierRule]
    /// Who must agree a deviation for it to stand (default SLT and HR).
    public var approvers: [String]
    /// The most management layers a path from the top to the front line may hold.
    public var maxLayers: Int?
    /// Annual cost by grade, used where a post gives a grade but no cost.
    public var gradeCosts: [String: Double]
    /// Where the rule set came from: a built-in name or a file path.
    public var source: String

    public init(
        name: String, description: String? = nil, tiers: [TierRule], approvers: [String] = ["SLT", "HR"],
        maxLayers: Int? = nil, gradeCosts: [String: Double] = [:], source: String
    ) {
        self.name = name
        self.description = description
        self.tiers = tiers.sorted { $0.tier < $1.tier }
        self.approvers = approvers
        self.maxLayers = maxLayers
        self.gradeCosts = gradeCosts
        self.source = source
    }

    /// The rule for `tier`, or nil when the rule set does not define it.
    public func rule(forTier tier: Int) -> TierRule? {
        tiers.first { $0.tier == tier }
    }

    /// Tier 1 (a Chief Executive) may sit above the rules as context without being a
    /// tier the rule set defines.
    public static let contextTier = 1

    /// The label the charts and reports give a tier: "Tier 5 · Service Manager · span 4–8".
    public func label(forTier tier: Int) -> String {
        guard let rule = rule(forTier: tier) else {
            return tier == RuleSet.contextTier ? "Tier 1 · context" : "Tier \(tier)"
        }
        var parts = ["Tier \(tier)", rule.role]
        if let span = rule.span { parts.append("span \(span)") }
        return parts.joined(separator: " · ")
    }
}
