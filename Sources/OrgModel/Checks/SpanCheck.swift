/// `span-narrow` and `span-wide`: a manager's span against the rule of its tier.
///
/// Span is the headcount of direct reports: the sum of `count`, vacant posts included,
/// assistants left out (the field's usual convention).
struct SpanCheck: StructureCheck {
    var rules: [RuleID] { [.spanNarrow, .spanWide] }

    func run(_ context: CheckContext, into findings: inout RawFindings) {
        let span = context.index.span
        let posts = context.posts
        for position in posts.indices {
            guard let tier = posts[position].tier, let rule = context.rules.rule(forTier: tier)?.span else { continue }
            let leads = span[position]
            if leads < rule.min {
                findings.append(RawFinding(.spanNarrow, at: position, in: context, "leads \(leads); tier \(tier) rule is \(rule)"))
            } else if leads > rule.max {
                findings.append(RawFinding(.spanWide, at: position, in: context, "leads \(leads); tier \(tier) rule is \(rule)"))
            }
        }
    }
}
