import Foundation

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
    public var posts: [Post] {
        didSet { idHashes = PostIDHashes() }
    }
    /// Each post's id hashed for `PostPositions`, when the reader hashed them as it read
    /// them (a million ids are hashed in a fraction of the time while their bytes are at
    /// hand). Dropped as soon as the posts change in any way, so never out of date.
    package var idHashes = PostIDHashes()
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

/// The hashes of a structure's ids as its reader made them, for the first index built on
/// the structure to take. A cache: it takes no part in whether two structures are equal,
/// and once taken it is gone, so that a million ids' hashes (8 MB) are not held for the
/// rest of the run; an index built later hashes the ids itself.
package struct PostIDHashes: Sendable, Equatable {
    private final class Box: @unchecked Sendable {
        let lock = NSLock()
        var values: [Int]?
        init(_ values: [Int]) { self.values = values }
    }

    private let box: Box?

    /// None.
    package init() { box = nil }

    package init(_ values: [Int]) { box = Box(values) }

    /// The hashes, the first time only; nil after, or when there are none.
    package func take() -> [Int]? {
        guard let box else { return nil }
        box.lock.lock()
        defer { box.lock.unlock() }
        let taken = box.values
        box.values = nil
        return taken
    }

    /// Whether there are hashes left to take.
    package var isEmpty: Bool {
        guard let box else { return true }
        box.lock.lock()
        defer { box.lock.unlock() }
        return box.values == nil
    }

    package static func == (lhs: PostIDHashes, rhs: PostIDHashes) -> Bool { true }
}
