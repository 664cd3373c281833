/// Whether a structure is the one in place, the one proposed, or an option under study.
public enum StructureState: String, Sendable, CaseIterable, Codable {
    case current, proposed, option
}

/// An organisation's structure: what it is, where it came from, and its posts.
public struct Structure: Sendable, Equatable {
    public var name: String?
    public var organisation: String?
    public var description: String?
    public var state: StructureState?
    public var effective: Day?
    /// The rule set the file names: a built-in name or a path relative to the file.
    public var rules: String?
    public var posts: [Post]
    /// The file the structure was read from, as the user named it; nil when built in memory.
    public var source: String?

    public init(
        name: String? = nil, organisation: String? = nil, description: String? = nil,
        state: StructureState? = nil, effective: Day? = nil, rules: String? = nil,
        posts: [Post] = [], source: String? = nil
    ) {
        self.name = name
        self.organisation = organisation
        self.description = description
        self.state = state
        self.effective = effective
        self.rules = rules
        self.posts = posts
        self.source = source
    }

    /// Total headcount of the establishment (the sum of `count`).
    public var headcount: Int { posts.reduce(0) { $0 + $1.count } }
}
