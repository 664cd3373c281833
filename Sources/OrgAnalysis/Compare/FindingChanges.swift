import OrgModel
import OrgSupport

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
    ///
    /// Violations are matched by rule and post, the first of a kind in `before` with the
    /// first of that kind in `after`. The leading run in which both lists agree finding by
    /// finding (all of it, for a structure compared with itself or a small change to it) is
    /// matched as it is read, rule by rule; only the rest is counted by key, each finding
    /// hashed twice.
    public init(before: [Finding], after: [Finding], currentID: (PostID) -> PostID = { $0 }) {
        let left = Self.leftAfterLeadingRuns(before: before, after: after, currentID: currentID)
        var count = FindingCount(before: before, after: after, beforeLeft: left.before, afterLeft: left.after, currentID: currentID)
        let placed = count.fixedAndAccepted()
        self.fixed = placed.fixed
        self.accepted = placed.accepted
        self.introduced = count.introduced()
    }

    /// The offsets of the violations of each side that the leading runs leave, in list order.
    ///
    /// Rule by rule, the leading run in which both sides agree one to one is matched as it
    /// is read (each side's findings of one rule are in post order, whatever order the rules
    /// are listed in); what follows it on either side is left to be counted by kind.
    private static func leftAfterLeadingRuns(
        before: [Finding], after: [Finding], currentID: (PostID) -> PostID
    ) -> (before: [Int32], after: [Int32]) {
        let rules = RuleID.allCases.count
        func byRule(_ findings: [Finding]) -> [[Int32]] {
            var lists = [[Int32]](repeating: [], count: rules)
            for (offset, finding) in findings.enumerated() where finding.severity != .accepted {
                lists[finding.rule.order].append(Int32(offset))
            }
            return lists
        }
        let beforeByRule = byRule(before)
        let afterByRule = byRule(after)
        var beforeLeft: [Int32] = []
        var afterLeft: [Int32] = []
        for rule in 0..<rules {
            let b = beforeByRule[rule]
            let a = afterByRule[rule]
            var matched = 0
            while matched < b.count, matched < a.count,
                before[Int(b[matched])].post == after[Int(a[matched])].post.map(currentID)
            {
                matched += 1
            }
            beforeLeft += b[matched...]
            afterLeft += a[matched...]
        }
        // The rest in list order: what is fixed or introduced is listed as the sides list it.
        beforeLeft.sort()
        afterLeft.sort()
        return (beforeLeft, afterLeft)
    }

    /// "40 violations fixed, 1 now accepted under a deviation, 0 introduced".
    public var summary: String {
        "\(Plural.grouped(fixed.count, "violation")) fixed, "
            + (accepted.isEmpty ? "" : "\(Figures.grouped(accepted.count)) now accepted under a deviation, ")
            + "\(Figures.grouped(introduced.count)) introduced"
    }

    /// The introduced findings of error severity: what a change must never add.
    public var introducedErrors: [Finding] { introduced.filter { $0.severity == .error } }
}

/// A kind of violation: findings are matched by rule and post.
private struct FindingKey: Hashable {
    var rule: RuleID
    var post: PostID?
}

/// How many violations of one kind each side has, and how many of them have been placed.
private struct FindingTally {
    /// Violations of the kind in `before` and in `after`, and accepted ones in `after`.
    var before = 0
    var after = 0
    var acceptedAfter = 0
    /// How many of each side have been placed in the second pass.
    var beforeSeen = 0
    var afterSeen = 0

    /// Places the next violation of `before`: how far beyond those matched in
    /// `after` it is (negative: matched), and how many accepted ones `after` has.
    mutating func placeBefore() -> (beyond: Int, accepted: Int) {
        defer { beforeSeen += 1 }
        return (beforeSeen - after, acceptedAfter)
    }

    /// Places the next violation of `after`: how far beyond those of `before`.
    mutating func placeAfter() -> Int {
        defer { afterSeen += 1 }
        return afterSeen - before
    }
}

/// The violations the leading runs left, counted by kind and then placed in list order:
/// the first of a kind in `before` matched with the first of that kind in `after`, each
/// finding hashed twice (once to count it, once to place it).
private struct FindingCount {
    let before: [Finding]
    let after: [Finding]
    /// Offsets into `before` and `after` of the violations left, in list order.
    let beforeLeft: [Int32]
    let afterLeft: [Int32]
    private var tallies: [FindingKey: FindingTally] = [:]
    /// The kind of each violation of `afterLeft`, its post read in current terms only once.
    private var afterKeys: [FindingKey] = []

    init(before: [Finding], after: [Finding], beforeLeft: [Int32], afterLeft: [Int32], currentID: (PostID) -> PostID) {
        self.before = before
        self.after = after
        self.beforeLeft = beforeLeft
        self.afterLeft = afterLeft
        tallies.reserveCapacity(beforeLeft.count + afterLeft.count)
        for offset in beforeLeft {
            let finding = before[Int(offset)]
            tallies[FindingKey(rule: finding.rule, post: finding.post), default: FindingTally()].before += 1
        }
        // Accepted findings count wherever they are: the leading run matches violations only.
        for finding in after where finding.severity == .accepted {
            tallies[FindingKey(rule: finding.rule, post: finding.post.map(currentID)), default: FindingTally()].acceptedAfter += 1
        }
        afterKeys.reserveCapacity(afterLeft.count)
        for offset in afterLeft {
            let finding = after[Int(offset)]
            let key = FindingKey(rule: finding.rule, post: finding.post.map(currentID))
            tallies[key, default: FindingTally()].after += 1
            afterKeys.append(key)
        }
    }

    /// The violations of `before` left that are fixed, and those accepted: one beyond the
    /// number of its kind in `after` is accepted while `after` has accepted ones of its kind
    /// left, else fixed.
    mutating func fixedAndAccepted() -> (fixed: [Finding], accepted: [Finding]) {
        var fixed: [Finding] = []
        var accepted: [Finding] = []
        for offset in beforeLeft {
            let finding = before[Int(offset)]
            let key = FindingKey(rule: finding.rule, post: finding.post)
            let placed = tallies[key, default: FindingTally()].placeBefore()
            guard placed.beyond >= 0 else { continue }
            if placed.beyond < placed.accepted {
                accepted.append(finding)
            } else {
                fixed.append(finding)
            }
        }
        return (fixed, accepted)
    }

    /// The violations of `after` left that are introduced: those beyond the number of their
    /// kind in `before`.
    mutating func introduced() -> [Finding] {
        var introduced: [Finding] = []
        for (next, offset) in afterLeft.enumerated() {
            if tallies[afterKeys[next], default: FindingTally()].placeAfter() >= 0 { introduced.append(after[Int(offset)]) }
        }
        return introduced
    }
}
