/// Where an agreed exception stands on the day judged, as the design authority's register
/// lists it.
///
/// A deviation can be in several states at once (unagreed and expired, say); the register
/// gives it the first that applies in `allCases` order, which is also the order of
/// urgency, and words the others in its detail:
///
/// 1. `unagreed`: no rationale, an approver the rule set names is missing, or agreed
///    after the day judged. It waives nothing, so it comes first.
/// 2. `expired`: its `review_by` is before the day judged.
/// 3. `unused`: it covers no finding (the post meets the rule), or repeats another for
///    the same rule on the post. It wants removing, not reviewing, so it comes before `due`.
/// 4. `due`: its review falls within `DeviationStatus.dueWindow` days of the day judged.
/// 5. `current`: agreed, used and not yet due for review.
public enum DeviationStatus: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case unagreed, expired, unused, due, current

    /// How many days ahead a review counts as due.
    public static let dueWindow = 90

    /// Whether the status fails the register (exit code 1): the deviation does not stand.
    public var failsRegister: Bool { self == .unagreed || self == .expired }

    private var ordinal: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: DeviationStatus, rhs: DeviationStatus) -> Bool { lhs.ordinal < rhs.ordinal }
}
