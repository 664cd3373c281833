import OrgModel

/// What to draw and how: names shown, and the part of a large structure to draw.
public struct ChartOptions: Sendable, Equatable {
    /// Whose names appear in the boxes (default: tiers 2–3 only).
    public var names: NamePolicy
    /// Draw only this post and those below it.
    public var root: PostID?
    /// Draw only this many reporting levels below the top (or below `root`); 0 draws the
    /// top post alone. Boxes whose reports are left out say how many posts they hide.
    public var depth: Int?
    /// Pixels per inch for bitmap output (PNG); nil leaves Graphviz's 96. It changes the
    /// size SVG and PDF declare, so set it only when rendering PNG.
    public var dpi: Int?
    /// The attribute that tells apart sibling posts of the same title (`--box-line`): a
    /// field (`service`, `grade`, `id`, `holder`) or an attribute's name; nil shows the
    /// service, else the `unit` attribute, else the id.
    public var boxLine: String?
    /// Whether a chartbook page stacks Team Managers under their manager, each with its
    /// team (`--layout compact`, the default), or draws a box per post with the teams in
    /// the front-line row (`--layout boxes`).
    public var stacks = true
    /// How ids must agree for a post of the current and of the proposed structure to be
    /// one post (`--match-ids`), in the charts of a pair.
    public var idMatching: IDMatching = .exact
    /// The chartbook page being drawn; nil draws the chart whole.
    var page: PageSpec?
    /// What a chartbook's pages share, and the role (`single`, `current`, `proposed`) the
    /// structure drawn plays in it.
    var cache: ChartCache?
    var role = "single"
    /// On a chartbook's trial pages, what sizes their title blocks and notes once, for
    /// stand-ins of the same size; nil on every page drawn for good.
    var standIns: LabelStandIns?

    public init(names: NamePolicy = .senior, root: PostID? = nil, depth: Int? = nil, dpi: Int? = nil, boxLine: String? = nil) {
        self.names = names
        self.root = root
        self.depth = depth
        self.dpi = dpi
        self.boxLine = boxLine
    }
}

/// Why a chart cannot be drawn as asked.
public enum ChartError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `--root` names a post that none of the structures has.
    case unknownRoot(PostID, files: [String], suggestions: [PostID])

    public var description: String {
        switch self {
        case .unknownRoot(let id, let files, let suggestions):
            let place = files.isEmpty ? "the structure" : files.joined(separator: " or ")
            var text = "no post has the id \(id.rawValue) in \(place)"
            if !suggestions.isEmpty {
                text += "\nhint: did you mean \(suggestions.map(\.rawValue).joined(separator: ", "))?"
            } else {
                text += "\nhint: --root takes a post id as the structure file writes it (case matters)"
            }
            return text
        }
    }

    /// Ids in `posts` that resemble `id` (same letters ignoring case, or containing it).
    static func suggestions(for id: PostID, in posts: [Post]) -> [PostID] {
        let wanted = id.rawValue.lowercased()
        var found: [PostID] = []
        for post in posts {
            let candidate = post.id.rawValue.lowercased()
            if candidate == wanted || (!wanted.isEmpty && candidate.contains(wanted)) {
                if !found.contains(post.id) { found.append(post.id) }
            }
            if found.count == 5 { break }
        }
        return found
    }
}
