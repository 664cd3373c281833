/// `one-over-one`: a manager with exactly one direct report, the layer de-layering
/// removes first.
struct OneOverOneCheck: StructureCheck {
    var rules: [RuleID] { [.oneOverOne] }

    func run(_ context: CheckContext, into findings: inout RawFindings) {
        let index = context.index
        for position in context.posts.indices where index.span[position] == 1 {
            guard let only = index.reports(of: position).first(where: { !context.posts[$0].assistant }) else { continue }
            findings.append(
                RawFinding(
                    .oneOverOne, at: position, in: context,
                    .oneDirectReport(id: context.posts[only].id, title: context.posts[only].title)))
        }
    }
}
