/// `no-root` and `multiple-roots`: a structure has exactly one top post.
struct RootCheck: StructureCheck {
    var rules: [RuleID] { [.noRoot, .multipleRoots] }

    func run(_ context: CheckContext, into findings: inout RawFindings) {
        let roots = context.index.roots
        guard let top = roots.first else {
            findings.append(
                RawFinding(
                    structureWide: Finding(
                        rule: .noRoot,
                        message: "every post reports to another, so there is no top post; leave reports_to out for the top post")))
            return
        }
        for position in roots.dropFirst() {
            findings.append(
                RawFinding(
                    .multipleRoots, at: position, in: context,
                    "has no reports_to, but \(context.describe(top)) is already the top post; give it a manager"))
        }
    }
}
