/// What every check sees: the indexed structure and the rules it answers to.
public struct CheckContext: Sendable {
    public let index: StructureIndex
    public let rules: RuleSet

    public init(index: StructureIndex, rules: RuleSet) {
        self.index = index
        self.rules = rules
    }

    public var posts: [Post] { index.posts }

    /// "SM-CLA (Service Manager, CLA)": how messages name another post.
    func describe(_ position: Int) -> String {
        let post = posts[position]
        return FindingText.describe(post.id, post.title)
    }
}

/// A finding still tied to the position of its post, before deviations are applied.
public struct RawFinding: Sendable {
    public var position: Int?
    public var finding: Finding

    init(_ rule: RuleID, at position: Int, in context: CheckContext, _ message: String) {
        self.init(rule, at: position, in: context, .plain(message))
    }

    init(_ rule: RuleID, at position: Int, in context: CheckContext, _ text: FindingText) {
        self.position = position
        // The post's fields read where they lie: a deep structure makes millions of
        // findings, and copying the whole post for each would retain every field it has.
        let posts = context.index.posts
        let line = posts[position].line
        self.finding = Finding(
            rule: rule, post: posts[position].id, postTitle: posts[position].displayTitle, line: line == 0 ? nil : line,
            text: text)
    }

    init(structureWide finding: Finding) {
        self.position = nil
        self.finding = finding
    }
}

/// The findings of the checks, with the position of each one's post (-1 for one about the
/// whole structure), held as two arrays so that the findings pass to the deviation review
/// and on to the result without being copied.
struct RawFindings {
    var findings: [Finding] = []
    var positions: [Int] = []

    init() {}

    init(capacity: Int) {
        findings.reserveCapacity(capacity)
        positions.reserveCapacity(capacity)
    }

    var count: Int { findings.count }

    mutating func append(_ raw: RawFinding) {
        findings.append(raw.finding)
        positions.append(raw.position ?? -1)
    }
}

/// One check, or a small family of closely related ones, each with stable identifiers.
protocol StructureCheck: Sendable {
    /// The identifiers of the findings this check can produce.
    var rules: [RuleID] { get }
    func run(_ context: CheckContext, into findings: inout RawFindings)
}
