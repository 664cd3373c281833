import OrgSupport

/// One result of a check: what rule, which post, how bad, and why.
///
/// Kept small: a long chain of one-over-one managers has two findings a post, millions in
/// all. The message of the commonest findings is held as its parts and worded when read
/// (`message`); an accepted finding's deviation is held out of line.
public struct Finding: Hashable, Sendable {
    public var rule: RuleID
    public var severity: Severity
    /// The post the finding is about; nil for findings about the whole structure.
    public var post: PostID?
    public var postTitle: String?
    /// Line in the structure file (of the post, or of the deviation for deviation checks).
    public var line: Int?
    /// Why: the message, as the reports show it.
    public var message: String {
        get { text.rendered }
        set { text = .plain(newValue) }
    }
    /// For an accepted finding: the deviation that covers it.
    public var deviation: Deviation? {
        get { deviationStorage.first }
        set { deviationStorage = newValue.map { [$0] } ?? [] }
    }

    var text: FindingText

    /// Appends the message as UTF-8 bytes, worded from its parts with no string made.
    package func writeMessage(to bytes: inout [UInt8]) { text.write(to: &bytes) }
    /// None or one: an array is one pointer wide, where a `Deviation?` would more than
    /// double the size of every finding, accepted or not.
    private var deviationStorage: [Deviation]

    public init(
        rule: RuleID, severity: Severity? = nil, post: PostID? = nil, postTitle: String? = nil,
        line: Int? = nil, message: String, deviation: Deviation? = nil
    ) {
        self.init(
            rule: rule, severity: severity, post: post, postTitle: postTitle, line: line, text: .plain(message),
            deviation: deviation)
    }

    init(
        rule: RuleID, severity: Severity? = nil, post: PostID?, postTitle: String?, line: Int?, text: FindingText,
        deviation: Deviation? = nil
    ) {
        self.rule = rule
        self.severity = severity ?? rule.defaultSeverity
        self.post = post
        self.postTitle = postTitle
        self.line = line
        self.text = text
        self.deviationStorage = deviation.map { [$0] } ?? []
    }

    /// A finding about `post`, located at its line.
    public init(_ rule: RuleID, _ post: Post, _ message: String) {
        self.init(rule, post, .plain(message))
    }

    init(_ rule: RuleID, _ post: Post, _ text: FindingText) {
        self.init(
            rule: rule, post: post.id, postTitle: post.displayTitle, line: post.line == 0 ? nil : post.line, text: text)
    }

    public static func == (lhs: Finding, rhs: Finding) -> Bool {
        lhs.rule == rhs.rule && lhs.severity == rhs.severity && lhs.post == rhs.post && lhs.postTitle == rhs.postTitle
            && lhs.line == rhs.line && lhs.text.reads(as: rhs.text) && lhs.deviationStorage == rhs.deviationStorage
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rule)
        hasher.combine(severity)
        hasher.combine(post)
        hasher.combine(postTitle)
        hasher.combine(line)
        hasher.combine(message)
        hasher.combine(deviationStorage)
    }
}

/// A finding's message: the words themselves, or for the findings a deep structure has by
/// the million, the parts they are worded from when read (no string built per finding).
enum FindingText: Sendable {
    case plain(String)
    /// `one-over-one`: "has exactly one direct report, ID (Title)".
    case oneDirectReport(id: PostID, title: String)
    /// `manager-without-tier`: "leads N but has no tier; give it the tier of its role".
    case leadsWithoutTier(span: Int)

    /// The words, from the one wording in `write(to:)`.
    var rendered: String {
        if case .plain(let text) = self { return text }
        var bytes: [UInt8] = []
        write(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the message as UTF-8: the parts written one by one, so that the millions of
    /// findings of a deep structure are printed with no string made for each.
    func write(to bytes: inout [UInt8]) {
        switch self {
        case .plain(let text):
            bytes.appendUTF8(text)
        case .oneDirectReport(let id, let title):
            bytes.append(contentsOf: "has exactly one direct report, ".utf8)
            bytes.appendUTF8(id.rawValue)
            if !title.isEmpty {
                bytes.append(contentsOf: " (".utf8)
                bytes.appendUTF8(title)
                bytes.append(UInt8(ascii: ")"))
            }
        case .leadsWithoutTier(let span):
            bytes.append(contentsOf: "leads ".utf8)
            NumberText.append(span, to: &bytes)
            bytes.append(contentsOf: " but has no tier; give it the tier of its role".utf8)
        }
    }

    /// "SM-CLA (Service Manager, CLA)": how messages name another post.
    static func describe(_ id: PostID, _ title: String) -> String {
        title.isEmpty ? id.rawValue : "\(id) (\(title))"
    }

    /// Whether the two read the same: compared part by part when they are of one kind,
    /// else as words.
    func reads(as other: FindingText) -> Bool {
        switch (self, other) {
        case (.plain(let a), .plain(let b)): return a == b
        case (.oneDirectReport(let a, let x), .oneDirectReport(let b, let y)) where a == b && x == y: return true
        case (.leadsWithoutTier(let a), .leadsWithoutTier(let b)) where a == b: return true
        default: return rendered == other.rendered
        }
    }
}
