/// The stable identifier of each check, as findings, deviations and the README name it.
public enum RuleID: String, Sendable, CaseIterable, Codable, Comparable {
    case duplicateID = "duplicate-id"
    case unknownManager = "unknown-manager"
    case selfReport = "self-report"
    case cycle
    case noRoot = "no-root"
    case multipleRoots = "multiple-roots"
    case spanNarrow = "span-narrow"
    case spanWide = "span-wide"
    case tierOrder = "tier-order"
    case tierSkip = "tier-skip"
    case tierUnknown = "tier-unknown"
    case managerWithoutTier = "manager-without-tier"
    case oneOverOne = "one-over-one"
    case gradeSame = "grade-same"
    case layersExceeded = "layers-exceeded"
    case deviationUnagreed = "deviation-unagreed"
    case deviationUnused = "deviation-unused"
    case deviationExpired = "deviation-expired"

    /// The severity a finding of this check has before any deviation is applied.
    public var defaultSeverity: Severity {
        switch self {
        case .tierSkip, .oneOverOne, .gradeSame, .deviationUnused, .deviationExpired: .warning
        default: .error
        }
    }

    /// Whether a deviation may cover this check. The graph's integrity (ids, reporting
    /// lines, roots) and the deviation checks themselves cannot be waived.
    public var canBeWaived: Bool {
        switch self {
        case .spanNarrow, .spanWide, .tierOrder, .tierSkip, .tierUnknown, .managerWithoutTier,
            .oneOverOne, .gradeSame, .layersExceeded:
            true
        default: false
        }
    }

    /// A one-line description for help texts and the README.
    public var summary: String {
        switch self {
        case .duplicateID: "two posts share an id"
        case .unknownManager: "reports_to or dotted_to names no post"
        case .selfReport: "a post reports to itself"
        case .cycle: "reporting lines form a loop"
        case .noRoot: "no top post (every post reports to another)"
        case .multipleRoots: "more than one post has no reports_to"
        case .spanNarrow: "a manager leads fewer than its tier's minimum span"
        case .spanWide: "a manager leads more than its tier's maximum span"
        case .tierOrder: "reports to a post of the same or a lower tier (a hidden layer)"
        case .tierSkip: "reports to a post more than one tier up"
        case .tierUnknown: "a tier the rule set does not define"
        case .managerWithoutTier: "a post with reports but no tier"
        case .oneOverOne: "a manager with exactly one direct report"
        case .gradeSame: "a post on the same grade as its manager"
        case .layersExceeded: "more management layers than the rule set allows"
        case .deviationUnagreed: "a deviation without a rationale or an approver"
        case .deviationUnused: "a deviation that covers no finding"
        case .deviationExpired: "a deviation past its review date"
        }
    }

    /// Listing order: the position in `allCases`. A switch, not a table: sorting a million
    /// findings compares rules millions of times, and a table keyed by rule hashes its name.
    package var order: Int {
        switch self {
        case .duplicateID: 0
        case .unknownManager: 1
        case .selfReport: 2
        case .cycle: 3
        case .noRoot: 4
        case .multipleRoots: 5
        case .spanNarrow: 6
        case .spanWide: 7
        case .tierOrder: 8
        case .tierSkip: 9
        case .tierUnknown: 10
        case .managerWithoutTier: 11
        case .oneOverOne: 12
        case .gradeSame: 13
        case .layersExceeded: 14
        case .deviationUnagreed: 15
        case .deviationUnused: 16
        case .deviationExpired: 17
        }
    }

    public static func < (lhs: RuleID, rhs: RuleID) -> Bool {
        lhs.order < rhs.order
    }
}
