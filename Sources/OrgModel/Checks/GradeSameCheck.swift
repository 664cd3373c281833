/// `grade-same`: a post on the same grade as its manager, a diagnostic of the field: a
/// layer of management that adds no grade, or a manager graded as those it leads.
struct GradeSameCheck: StructureCheck {
    var rules: [RuleID] { [.gradeSame] }

    func run(_ context: CheckContext, into findings: inout RawFindings) {
        let index = context.index
        let posts = context.posts
        for position in posts.indices {
            guard let manager = index.manager[position], !posts[position].assistant,
                let grade = posts[position].grade?.trimmingBlanks(), !grade.isEmpty,
                posts[manager].grade?.trimmingBlanks() == grade
            else { continue }
            findings.append(
                RawFinding(
                    .gradeSame, at: position, in: context,
                    "is graded \(grade), the same as its manager \(context.describe(manager))"))
        }
    }
}
