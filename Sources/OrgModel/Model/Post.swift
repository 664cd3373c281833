/// One post in a structure, or an establishment line of `count` identical posts.
///
/// Management posts carry a `tier` (2–6 under the built-in rules, 1 as context above
/// them); front-line posts have none. For a line with `count` > 1, `fte` and `cost` are
/// the line's totals.
public struct Post: Hashable, Sendable {
    public var id: PostID
    public var title: String
    public var tier: Int?
    // The flags and the line sit in the padding after `tier`'s 9 bytes, and the count and
    // vacancies in the padding after `fte`'s and `cost`'s: a post is 184 bytes, not 208,
    // and a million posts are 24 MB less. Every file orgmodel reads holds a count of at
    // most `PostLimits.maximumCount`; a larger one set through the API is kept as the
    // largest 32-bit number.
    public var temporary: Bool
    /// A PA or assistant: drawn beside the manager and left out of span counts.
    public var assistant: Bool
    /// Line of the post in its structure file; 0 when not from a file.
    @ThirtyTwoBits public var line: Int
    public var reportsTo: PostID?
    public var holder: String?
    public var grade: String?
    public var fte: Double?
    /// How many identical posts the line stands for (an establishment line); at least 1.
    @ThirtyTwoBits public var count: Int
    /// Annual cost in pounds, on-costs included; nil when not known (never read as zero).
    public var cost: Double?
    /// How many of `count` are vacant.
    @ThirtyTwoBits public var vacant: Int
    public var service: String?
    /// Indirect (dotted, matrix) reporting lines.
    public var dottedTo: [PostID]
    /// The post this one re-purposes under a new id (in a proposed structure).
    public var replaces: PostID?
    public var deviations: [Deviation]
    /// Values no field takes (an HR extract's extra columns), in the order first met.
    public var attributes: [Attribute]

    public init(
        id: PostID, title: String = "", tier: Int? = nil, reportsTo: PostID? = nil,
        holder: String? = nil, grade: String? = nil, fte: Double? = nil, cost: Double? = nil,
        count: Int = 1, vacant: Int = 0, temporary: Bool = false, service: String? = nil,
        assistant: Bool = false, dottedTo: [PostID] = [], replaces: PostID? = nil,
        deviations: [Deviation] = [], attributes: [Attribute] = [], line: Int = 0
    ) {
        self.id = id
        self.title = title
        self.tier = tier
        self.reportsTo = reportsTo
        self.holder = holder
        self.grade = grade
        self.fte = fte
        self.cost = cost
        self.count = count
        self.vacant = vacant
        self.temporary = temporary
        self.service = service
        self.assistant = assistant
        self.dottedTo = dottedTo
        self.replaces = replaces
        self.deviations = deviations
        self.attributes = attributes
        self.line = line
    }

    /// Whether every post of the line is vacant.
    public var isVacant: Bool { vacant >= count }

    /// The post's title, or its id when the file gave no title.
    public var displayTitle: String { title.isEmpty ? id.rawValue : title }
}

/// An `Int` held in 32 bits, clamped to them: where a million posts are held, each field
/// that never needs more is half the memory.
@propertyWrapper
public struct ThirtyTwoBits: Hashable, Sendable {
    private var stored: Int32

    public init(wrappedValue: Int) { stored = Int32(clamping: wrappedValue) }

    public var wrappedValue: Int {
        get { Int(stored) }
        set { stored = Int32(clamping: newValue) }
    }
}
