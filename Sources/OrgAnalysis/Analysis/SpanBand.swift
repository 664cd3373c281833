import OrgModel

/// A band of span of control, as span reports group managers: none, one, two or three,
/// within the tier's rule, above it.
///
/// A span the rule accepts is "within rule" whatever its size (so a rule of 2–6 puts 2 in
/// that band, not in "2–3"); the fixed small bands catch the rest. Tiers without a span
/// rule put four or more reports in `unruled`.
public enum SpanBand: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case none = "0"
    case one = "1"
    case twoToThree = "2-3"
    /// Four or more, still under the rule's minimum (a rule with a minimum above 4).
    case belowRule = "below-rule"
    case withinRule = "within-rule"
    case aboveRule = "above-rule"
    /// Four or more in a tier that has no span rule.
    case unruled = "4+"

    public init(span: Int, rule: SpanRule?) {
        if let rule {
            if rule.contains(span) {
                self = .withinRule
                return
            }
            if span > rule.max {
                self = .aboveRule
                return
            }
        }
        switch span {
        case ...0: self = .none
        case 1: self = .one
        case 2...3: self = .twoToThree
        default: self = rule == nil ? .unruled : .belowRule
        }
    }

    /// The column heading reports give the band.
    public var heading: String {
        switch self {
        case .none: "0"
        case .one: "1"
        case .twoToThree: "2–3"
        case .belowRule: "4+ below rule"
        case .withinRule: "within rule"
        case .aboveRule: "above rule"
        case .unruled: "4+ (no rule)"
        }
    }

    private var ordinal: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: SpanBand, rhs: SpanBand) -> Bool { lhs.ordinal < rhs.ordinal }
}
