import OrgSupport

/// Applies agreed deviations to the findings: a finding covered by a valid deviation is
/// `accepted`; a deviation that is not agreed, covers nothing or is past its review is
/// itself a finding (`deviation-unagreed`, `deviation-unused`, `deviation-expired`).
struct DeviationReview {
    let rules: RuleSet
    let asOf: Day

    /// Takes the checks' findings (leaving `raw` empty) and gives them back with the
    /// deviations applied, the deviations' own findings after them: the findings are
    /// changed where they lie, not copied.
    func apply(to raw: inout RawFindings, in context: CheckContext) -> [Finding] {
        let posts = context.posts
        var findings: [Finding] = []
        swap(&findings, &raw.findings)
        let positions = raw.positions
        raw.positions = []
        // Which (post, deviation) pairs covered a finding.
        var used: Set<[Int]> = []
        for offset in findings.indices {
            let position = positions[offset]
            guard position >= 0, !posts[position].deviations.isEmpty,
                let cover = cover(findings[offset].rule, in: posts[position].deviations)
            else { continue }
            if cover.agreed {
                findings[offset].severity = .accepted
                findings[offset].deviation = posts[position].deviations[cover.slot]
            }
            used.insert([position, cover.slot])
        }
        // Posts read where they lie: a loop over the posts themselves would copy a million.
        for position in posts.indices where !posts[position].deviations.isEmpty {
            for (slot, deviation) in posts[position].deviations.enumerated() {
                findings.append(contentsOf: review(deviation, slot: slot, of: posts[position], at: position, used: used))
            }
        }
        return findings
    }

    /// The (post position, deviation slot) pairs that cover a finding of `raw`: what
    /// `apply` counts as used, for the deviation register.
    func coverage(of raw: RawFindings, in context: CheckContext) -> Set<[Int]> {
        var used: Set<[Int]> = []
        for (offset, position) in raw.positions.enumerated() {
            guard position >= 0, let cover = cover(raw.findings[offset].rule, in: context.posts[position].deviations)
            else { continue }
            used.insert([position, cover.slot])
        }
        return used
    }

    /// The deviation among `deviations` that answers a finding of `rule`: the first agreed
    /// one for that rule, else the first for that rule (which leaves the finding standing,
    /// but is not unused); nil when none is for that rule or the rule cannot be waived.
    func cover(_ rule: RuleID, in deviations: [Deviation]) -> (slot: Int, agreed: Bool)? {
        guard rule.canBeWaived, !deviations.isEmpty else { return nil }
        if let slot = deviations.firstIndex(where: { $0.rule == rule && isAgreed($0) }) { return (slot, true) }
        return deviations.firstIndex { $0.rule == rule }.map { ($0, false) }
    }

    /// Whether the deviation has a rationale and every approver the rule set requires.
    func isAgreed(_ deviation: Deviation) -> Bool {
        deviation.statedRationale != nil && deviation.missingApprovers(from: rules.approvers).isEmpty
            && (deviation.agreedOn.map { $0 <= asOf } ?? true)
    }

    private func review(_ deviation: Deviation, slot: Int, of post: Post, at position: Int, used: Set<[Int]>) -> [Finding] {
        var result: [Finding] = []
        let line = deviation.line == 0 ? (post.line == 0 ? nil : post.line) : deviation.line
        func finding(_ rule: RuleID, _ message: String) -> Finding {
            Finding(rule: rule, post: post.id, postTitle: post.displayTitle, line: line, message: message)
        }
        let name = "deviation from \(deviation.rule.rawValue)"
        var problems: [String] = []
        if deviation.statedRationale == nil { problems.append("has no rationale") }
        let missing = deviation.missingApprovers(from: rules.approvers)
        if !missing.isEmpty {
            problems.append("is not agreed by \(Figures.andList(missing))")
        }
        if let on = deviation.agreedOn, on > asOf {
            problems.append("is agreed on \(on), after \(asOf), the day judged")
        }
        if !problems.isEmpty {
            result.append(
                finding(
                    .deviationUnagreed,
                    "\(name) \(problems.joined(separator: " and ")); rule set \(rules.name) needs a rationale agreed by \(Figures.andList(rules.approvers))"
                ))
        }
        if !used.contains([position, slot]) {
            if let other = post.deviations.indices.first(where: { $0 != slot && post.deviations[$0].rule == deviation.rule }) {
                let otherLine = post.deviations[other].line
                result.append(
                    finding(
                        .deviationUnused,
                        "\(name) repeats another deviation from that rule for this post\(otherLine > 0 ? " (line \(otherLine))" : ""); one is enough: remove this one"
                    ))
            } else {
                result.append(finding(.deviationUnused, "\(name) covers no finding: the post meets that rule; remove the deviation"))
            }
        }
        if let review = deviation.reviewBy, review < asOf {
            result.append(
                finding(.deviationExpired, "\(name) was due for review by \(review) (as of \(asOf)); review it and set a new date"))
        }
        return result
    }
}
