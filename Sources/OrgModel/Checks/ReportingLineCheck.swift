/// `unknown-manager` and `self-report`: reporting lines that lead nowhere.
struct ReportingLineCheck: StructureCheck {
    var rules: [RuleID] { [.unknownManager, .selfReport] }

    /// Above this many posts, no near-miss id is suggested (the search is quadratic).
    static let suggestionLimit = 5_000

    func run(_ context: CheckContext, into findings: inout RawFindings) {
        let index = context.index
        let posts = context.posts
        var suggestions = Suggestions()
        for position in posts.indices {
            // The index already resolved every reporting line: only a post with a
            // `reports_to` but no manager in the graph needs a second look.
            if let boss = posts[position].reportsTo, index.manager[position] == nil {
                if boss == posts[position].id {
                    findings.append(RawFinding(.selfReport, at: position, in: context, "reports_to names the post itself"))
                } else if index.position(of: boss) == nil {
                    findings.append(
                        RawFinding(
                            .unknownManager, at: position, in: context,
                            "reports_to \(boss) names no post\(suggestions.text(for: boss, in: context))"))
                }
            }
            for target in posts[position].dottedTo where index.position(of: target) == nil {
                findings.append(
                    RawFinding(
                        .unknownManager, at: position, in: context,
                        "dotted_to \(target) names no post\(suggestions.text(for: target, in: context))"))
            }
        }
    }

}

/// Near-miss ids for unknown references, with the posts' lower-cased ids worked out once
/// for every finding rather than once for each.
private struct Suggestions {
    private var firstByLowered: [String: PostID]?
    private var lowered: [String] = []

    mutating func text(for id: PostID, in context: CheckContext) -> String {
        guard context.posts.count <= ReportingLineCheck.suggestionLimit else { return "" }
        if firstByLowered == nil {
            var first: [String: PostID] = [:]
            for post in context.posts {
                let key = post.id.rawValue.lowercased()
                if first[key] == nil {
                    first[key] = post.id
                    lowered.append(key)
                }
            }
            firstByLowered = first
        }
        guard let firstByLowered else { return "" }
        if let match = firstByLowered[id.rawValue.lowercased()] { return "; did you mean \(match)?" }
        guard let near = closest(to: id.rawValue, among: lowered), let match = firstByLowered[near] else { return "" }
        return "; did you mean \(match)?"
    }
}
