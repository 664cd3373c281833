/// The tier checks: `tier-order` (a hidden layer), `tier-skip`, `tier-unknown` and
/// `manager-without-tier`.
struct TierCheck: StructureCheck {
    var rules: [RuleID] { [.tierOrder, .tierSkip, .tierUnknown, .managerWithoutTier] }

    func run(_ context: CheckContext, into findings: inout RawFindings) {
        let index = context.index
        let defined = context.rules.tiers.map(\.tier)
        let range = defined.isEmpty ? "none" : "\(defined.map(String.init).joined(separator: ", "))"
        let posts = context.posts
        for position in posts.indices {
            guard let tier = posts[position].tier else {
                if index.isManager(position) {
                    findings.append(
                        RawFinding(
                            .managerWithoutTier, at: position, in: context,
                            .leadsWithoutTier(span: index.span[position])))
                }
                continue
            }
            if tier != RuleSet.contextTier, context.rules.rule(forTier: tier) == nil {
                findings.append(
                    RawFinding(
                        .tierUnknown, at: position, in: context,
                        "tier \(tier) is not defined by rule set \(context.rules.name) (tiers \(range))"))
            }
            guard let boss = index.manager[position], let bossTier = posts[boss].tier else { continue }
            if bossTier >= tier {
                let relation = bossTier == tier ? "also tier \(tier)" : "at tier \(bossTier), below it"
                findings.append(
                    RawFinding(
                        .tierOrder, at: position, in: context,
                        "tier \(tier) reports to \(context.describe(boss)), \(relation): a hidden layer"))
            } else if tier - bossTier > 1 {
                let skipped = tier - bossTier == 2 ? "tier \(bossTier + 1)" : "tiers \(bossTier + 1)–\(tier - 1)"
                findings.append(
                    RawFinding(
                        .tierSkip, at: position, in: context,
                        "tier \(tier) reports to \(context.describe(boss)) at tier \(bossTier), skipping \(skipped)"))
            }
        }
    }
}
