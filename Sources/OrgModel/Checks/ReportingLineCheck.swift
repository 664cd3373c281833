/// `unknown-manager` and `self-report`: reporting lines that lead nowhere.
struct ReportingLineCheck: StructureCheck {
    var rules: [RuleID] { [.unknownManager, .selfReport] }

    /// Above this many posts, no near-miss id is suggested (the search is quadratic).
    static let suggestionLimit = 5_000

    func run(_ context: CheckContext, into findings: inout [RawFinding]) {
        let index = context.index
        let posts = context.posts
        for position in posts.indices {
            // The index already resolved every reporting line: only a post with a
            // `reports_to` but no manager in the graph needs a second look.
            if let boss = posts[position].reportsTo, index.manager[position] == nil {
                if boss == posts[position].id {
                    findings.append(RawFinding(.selfReport, at: position, in: context, "reports_to names the post itself"))
                } else if index.position(of: boss) == nil {
                    findings.append(RawFinding(
                        .unknownManager, at: position, in: context,
                        "reports_to \(boss) names no post\(suggestion(for: boss, in: context))"))
                }
            }
            for target in posts[position].dottedTo where index.position(of: target) == nil {
                findings.append(RawFinding(
                    .unknownManager, at: position, in: context,
                    "dotted_to \(target) names no post\(suggestion(for: target, in: context))"))
            }
        }
    }

    private func suggestion(for id: PostID, in context: CheckContext) -> String {
        guard context.posts.count <= Self.suggestionLimit else { return "" }
        let lowered = id.rawValue.lowercased()
        if let match = context.posts.first(where: { $0.id.rawValue.lowercased() == lowered }) {
            return "; did you mean \(match.id)?"
        }
        guard let near = closest(to: id.rawValue, among: context.posts.map { $0.id.rawValue.lowercased() }),
            let match = context.posts.first(where: { $0.id.rawValue.lowercased() == near })
        else { return "" }
        return "; did you mean \(match.id)?"
    }
}
