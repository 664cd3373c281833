/// `layers-exceeded`: more management layers on a path from the top post to the front
/// line than the rule set allows.
///
/// A management layer is a post that leads others; a tier-1 post above the rules is
/// context and does not count. The finding is raised on each manager that is one layer
/// too many, so each over-deep branch is named once.
struct LayersCheck: StructureCheck {
    var rules: [RuleID] { [.layersExceeded] }

    func run(_ context: CheckContext, into findings: inout RawFindings) {
        guard let allowed = context.rules.maxLayers else { return }
        let index = context.index
        let posts = context.posts
        var layer = [Int](repeating: 0, count: posts.count)
        for position in index.topDownOrder {
            let above = index.manager[position].map { layer[$0] } ?? 0
            let counts = index.isManager(position) && posts[position].tier != RuleSet.contextTier
            layer[position] = above + (counts ? 1 : 0)
            // `layer - 1 == allowed`, not `layer == allowed + 1`: no overflow whatever the rules say.
            if counts, layer[position] - 1 == allowed {
                let managers = index.chain(to: position).filter {
                    index.isManager($0) && posts[$0].tier != RuleSet.contextTier
                }
                let path = managers.map { posts[$0].id.rawValue }.joined(separator: " → ")
                findings.append(
                    RawFinding(
                        .layersExceeded, at: position, in: context,
                        "is management layer \(allowed + 1) (\(path)); rule set \(context.rules.name) allows \(allowed)"))
            }
        }
    }
}
