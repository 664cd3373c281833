/// One result of a check: what rule, which post, how bad, and why.
public struct Finding: Hashable, Sendable {
    public var rule: RuleID
    public var severity: Severity
    /// The post the finding is about; nil for findings about the whole structure.
    public var post: PostID?
    public var postTitle: String?
    /// Line in the structure file (of the post, or of the deviation for deviation checks).
    public var line: Int?
    public var message: String
    /// For an accepted finding: the deviation that covers it.
    public var deviation: Deviation?

    public init(
        rule: RuleID, severity: Severity? = nil, post: PostID? = nil, postTitle: String? = nil,
        line: Int? = nil, message: String, deviation: Deviation? = nil
    ) {
        self.rule = rule
        self.severity = severity ?? rule.defaultSeverity
        self.post = post
        self.postTitle = postTitle
        self.line = line
        self.message = message
        self.deviation = deviation
    }

    /// A finding about `post`, located at its line.
    public init(_ rule: RuleID, _ post: Post, _ message: String) {
        self.init(
            rule: rule, post: post.id, postTitle: post.displayTitle,
            line: post.line == 0 ? nil : post.line, message: message)
    }
}
