/// `duplicate-id`: two posts share an id, so reporting lines to it are ambiguous.
struct DuplicateIDCheck: StructureCheck {
    var rules: [RuleID] { [.duplicateID] }

    func run(_ context: CheckContext, into findings: inout RawFindings) {
        for position in context.index.duplicatePositions {
            let post = context.posts[position]
            let first = context.index.position(of: post.id).map { context.posts[$0].line } ?? 0
            let place = first > 0 ? " (first at line \(first))" : ""
            findings.append(
                RawFinding(
                    .duplicateID, at: position, in: context,
                    "id \(post.id) is already used by another post\(place); give each post its own id"))
        }
    }
}
