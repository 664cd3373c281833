/// `one-over-one`: a manager with exactly one direct report, the layer de-layering
/// removes first.
struct OneOverOneCheck: StructureCheck {
    var rules: [RuleID] { [.oneOverOne] }

    func run(_ context: CheckContext, into findings: inout RawFindings) {
        let index = context.index
        let posts = context.posts
        for position in posts.indices where index.span[position] == 1 {
            guard let only = index.reports(of: position).first(where: { !posts[$0].assistant }) else { continue }
            findings.append(
                RawFinding(.oneOverOne, at: position, in: context, .oneDirectReport(id: posts[only].id, title: posts[only].title)))
        }
    }
}
