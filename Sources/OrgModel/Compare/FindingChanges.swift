/// The findings fixed, accepted and introduced between two structures: violations
/// (errors and warnings) matched by rule and post, a proposed post read under the current
/// id it replaces, so a re-purposed post's old finding is not counted as fixed and new again.
public struct FindingChanges: Sendable, Equatable {
    /// Violations of the current structure that the proposed one no longer has.
    public var fixed: [Finding]
    /// Violations of the current structure that the proposed one still has, but under an
    /// agreed deviation: not fixed, accepted.
    public var accepted: [Finding]
    /// Violations of the proposed structure that the current one did not have.
    public var introduced: [Finding]

    public init(fixed: [Finding], accepted: [Finding] = [], introduced: [Finding]) {
        self.fixed = fixed
        self.accepted = accepted
        self.introduced = introduced
    }

    /// Compares the violations of `before` and `after`; `currentID` maps an id of the
    /// `after` structure to the id its post has in `before` (itself when unchanged).
    public init(before: [Finding], after: [Finding], currentID: (PostID) -> PostID = { $0 }) {
        struct Key: Hashable {
            var rule: RuleID
            var post: PostID?
        }
        func isViolation(_ finding: Finding) -> Bool { finding.severity != .accepted }
        var remaining: [Key: Int] = [:]
        for finding in after where isViolation(finding) {
            remaining[Key(rule: finding.rule, post: finding.post.map(currentID)), default: 0] += 1
        }
        var acceptedAfter: [Key: Int] = [:]
        for finding in after where finding.severity == .accepted {
            acceptedAfter[Key(rule: finding.rule, post: finding.post.map(currentID)), default: 0] += 1
        }
        var fixed: [Finding] = []
        var accepted: [Finding] = []
        for finding in before where isViolation(finding) {
            let key = Key(rule: finding.rule, post: finding.post)
            if let left = remaining[key], left > 0 {
                remaining[key] = left - 1
            } else if let left = acceptedAfter[key], left > 0 {
                acceptedAfter[key] = left - 1
                accepted.append(finding)
            } else {
                fixed.append(finding)
            }
        }
        var unmatched: [Key: Int] = [:]
        for finding in before where isViolation(finding) {
            unmatched[Key(rule: finding.rule, post: finding.post), default: 0] += 1
        }
        var introduced: [Finding] = []
        for finding in after where isViolation(finding) {
            let key = Key(rule: finding.rule, post: finding.post.map(currentID))
            if let left = unmatched[key], left > 0 {
                unmatched[key] = left - 1
            } else {
                introduced.append(finding)
            }
        }
        self.fixed = fixed
        self.accepted = accepted
        self.introduced = introduced
    }

    /// "40 violations fixed, 1 now accepted under a deviation, 0 introduced".
    public var summary: String {
        "\(Figures.plural(fixed.count, "violation")) fixed, "
            + (accepted.isEmpty ? "" : "\(Figures.grouped(accepted.count)) now accepted under a deviation, ")
            + "\(Figures.grouped(introduced.count)) introduced"
    }

    /// The introduced findings of error severity: what a change must never add.
    public var introducedErrors: [Finding] { introduced.filter { $0.severity == .error } }
}
