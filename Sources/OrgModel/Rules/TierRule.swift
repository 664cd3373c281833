/// What a rule set says about one tier: its role, its accountability and its span.
public struct TierRule: Hashable, Sendable {
    public var tier: Int
    /// The role type, e.g. "Service Manager".
    public var role: String
    public var accountability: String?
    /// Nil for tiers with no span rule (Executive and Assistant Directors).
    public var span: SpanRule?

    public init(tier: Int, role: String, accountability: String? = nil, span: SpanRule? = nil) {
        self.tier = tier
        self.role = role
        self.accountability = accountability
        self.span = span
    }
}
