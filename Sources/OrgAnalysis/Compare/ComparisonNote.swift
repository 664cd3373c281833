import OrgModel
import OrgSupport

/// What a comparison could not do as the files asked, and how it counted the posts
/// instead: a `replaces:` that cannot be followed, ids matched only in another form,
/// repeated ids. Worded in one place (`english`); compare and trend print it and put
/// its code and arguments in JSON.
public enum ComparisonNote: DiagnosticMessage, Hashable {
    case replacesItself(post: PostID, line: Int)
    /// The proposed post's own id is in the current structure, so it is matched by id.
    case replacesWithOwnIDKept(post: PostID, line: Int, replaces: PostID)
    case replacesUnknown(post: PostID, line: Int, replaces: PostID)
    case replacesKeptPost(post: PostID, line: Int, replaces: PostID)
    /// `taker` (the first to replace it) takes its place; `post` counts as created.
    case replacedTwice(taker: PostID, takerLine: Int, post: PostID, line: Int, replaces: PostID)
    /// Posts matched only under a looser `--match-ids`, as `OLD as NEW`.
    case matchedInAnotherForm(posts: Int, matching: IDMatching, examples: [String])
    /// `side` is `current` or `proposed`.
    case repeatedIDs(side: String, ids: [PostID])

    public static var codeNamespace: String { "compare" }

    /// The English of every comparison note: the one place it is worded.
    public var english: String {
        switch self {
        case .replacesItself(let post, let line):
            "proposed post \(Self.place(post, line)) replaces itself, which means nothing: matched by its id as any post is; remove replaces:"
        case .replacesWithOwnIDKept(let post, let line, let old):
            "proposed post \(Self.place(post, line)) replaces \(old), but its own id is in the current structure: matched as \(post), and replaces: is not used"
        case .replacesUnknown(let post, let line, let old):
            "proposed post \(Self.place(post, line)) replaces \(old), which is not in the current structure: \(post) counts as created"
        case .replacesKeptPost(let post, let line, let old):
            "proposed post \(Self.place(post, line)) replaces \(old), but the proposed structure keeps \(old): \(post) counts as created"
        case .replacedTwice(let taker, let takerLine, let post, let line, let old):
            "proposed posts \(Self.place(taker, takerLine)) and \(Self.place(post, line)) both replace \(old): \(taker) takes its place and \(post) counts as created"
        case .matchedInAnotherForm(let posts, let matching, let examples):
            "\(Plural.count(posts, "post")) matched only under --match-ids \(matching.rawValue), their ids differing in form: \(examples.prefix(5).joined(separator: ", "))\(examples.count > 5 ? ", …" : "")"
        case .repeatedIDs(let side, let ids):
            "the \(side) structure repeats the \(Plural.noun(ids.count, "id")) \(ids.prefix(5).map(\.rawValue).joined(separator: ", "))\(ids.count > 5 ? ", …" : ""): "
                + "only the first post with an id is matched; each repeat counts as \(side == "current" ? "deleted" : "created") (validate reports the repeats)"
        }
    }

    /// `B (line 4)`, or the id alone for a post not read from a file.
    private static func place(_ post: PostID, _ line: Int) -> String { line > 0 ? "\(post) (line \(line))" : "\(post)" }
}
