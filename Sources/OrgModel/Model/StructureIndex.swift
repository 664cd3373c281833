import Foundation
import OrgSupport

/// A structure's posts as a graph: who reports to whom, who leads whom, how deep each
/// post sits, and the spans and layers the rules speak of.
///
/// Built once in linear time and shared by validation and analysis. Posts are referred
/// to by their position in `structure.posts`; a repeated id resolves to its first post.
public struct StructureIndex: Sendable {
    public let structure: Structure
    /// The first post with each id.
    public let positionByID: PostPositions
    /// Positions of posts whose id an earlier post already has.
    public var duplicatePositions: [Int] { positionByID.repeats }
    /// The manager of each post, or nil for a top post, an unknown manager or itself.
    public let manager: [Int?]
    /// Top posts: those with no `reports_to`, in file order.
    public let roots: [Int]
    /// Posts that are in or below a reporting loop (unreachable from any top post or orphan).
    public let unreachable: [Int]
    /// The span of each post: headcount of direct reports, vacancies in, assistants out.
    public let span: [Int]
    /// Reporting steps from the top of its tree (0 for a top post); -1 in or below a loop.
    public let depth: [Int]
    /// Posts from the top down: every manager comes before its reports.
    public let topDownOrder: [Int]

    private let childOffsets: [Int]
    private let childPositions: [Int32]

    public init(_ structure: Structure) { self.init(structure, keepingIDHashes: false) }

    /// An index that keeps its ids' hashes (`PostPositions.idHash(at:)`) when
    /// `keepingIDHashes`: for structures to be made from this one, which can then take each
    /// unchanged post's hash rather than hash its id again.
    package init(_ structure: Structure, keepingIDHashes: Bool) {
        self.structure = structure
        let posts = structure.posts
        let count = posts.count

        let positionByID = PostPositions(posts, hashes: structure.idHashes.take(), keepingHashes: keepingIDHashes)

        // Each post's manager: one hash lookup a post, on every core for a large
        // structure (the table is only read here).
        let manager = Self.managers(of: posts, positionByID: positionByID)
        // Spans read every post again (its count, and whether it is an assistant): for a large
        // structure, on the other core while the reports are gathered and the depths found.
        let graph: Graph
        let span: [Int]
        if count < Self.minimumConcurrentPosts {
            (graph, span) = (Graph(posts: posts, manager: manager), Self.spans(of: posts, manager: manager))
        } else {
            (graph, span) = ParallelWork.both({ Graph(posts: posts, manager: manager) }, { Self.spans(of: posts, manager: manager) })
        }
        var unreachable: [Int] = []
        if graph.order.count < count {
            for position in 0..<count where graph.depth[position] < 0 { unreachable.append(position) }
        }

        self.positionByID = positionByID
        self.manager = manager
        self.roots = graph.roots
        self.unreachable = unreachable
        self.span = span
        self.depth = graph.depth
        self.topDownOrder = graph.order
        self.childOffsets = graph.childOffsets
        self.childPositions = graph.children
    }

    /// Each post's span: the headcount of its direct reports, assistants left out.
    private static func spans(of posts: [Post], manager: [Int?]) -> [Int] {
        var span = [Int](repeating: 0, count: posts.count)
        for position in posts.indices {
            guard let boss = manager[position], !posts[position].assistant else { continue }
            span[boss] += posts[position].count
        }
        return span
    }

    /// The reporting lines as a graph: the top posts, each post's reports in compressed rows
    /// (those of post p are `children[childOffsets[p]..<childOffsets[p + 1]]`, in file
    /// order), and each post's depth, breadth first from every post without a manager in
    /// the graph, in the order reached.
    private struct Graph {
        var roots: [Int] = []
        var childOffsets: [Int]
        var children: [Int32]
        var depth: [Int]
        var order: [Int] = []

        init(posts: [Post], manager: [Int?]) {
            let count = posts.count
            var childCounts = [Int](repeating: 0, count: count + 1)
            for position in 0..<count {
                if let found = manager[position] {
                    childCounts[found + 1] += 1
                } else if posts[position].reportsTo == nil {
                    roots.append(position)
                }
            }
            for position in 0..<count { childCounts[position + 1] += childCounts[position] }
            var fill = childCounts
            children = [Int32](repeating: 0, count: childCounts[count])
            for position in 0..<count {
                guard let boss = manager[position] else { continue }
                children[fill[boss]] = Int32(position)
                fill[boss] += 1
            }
            childOffsets = childCounts

            depth = [Int](repeating: -1, count: count)
            order.reserveCapacity(count)
            for position in 0..<count where manager[position] == nil {
                depth[position] = 0
                order.append(position)
            }
            var head = 0
            while head < order.count {
                let position = order[head]
                head += 1
                for slot in childCounts[position]..<childCounts[position + 1] {
                    let child = Int(children[slot])
                    depth[child] = depth[position] + 1
                    order.append(child)
                }
            }
        }
    }

    /// Structures at least this large look their managers up on every core.
    static let minimumConcurrentPosts = 200_000

    /// The position of each post's manager: nil for a top post, an unknown manager or itself.
    private static func managers(of posts: [Post], positionByID: PostPositions) -> [Int?] {
        let count = posts.count
        let chunkCount = count < minimumConcurrentPosts ? 1 : max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
        // Posts are mostly listed by manager: a line the post before gave is not looked up
        // again (in a table of millions of ids, each lookup waits on memory).
        return ParallelWork.array(count: count, parts: chunkCount) { (stretch, append: (Int?) -> Void) in
            var previous: (line: PostID, found: Int?)?
            for position in stretch {
                guard let boss = posts[position].reportsTo else {
                    append(nil)
                    continue
                }
                let found: Int?
                if let previous, previous.line == boss {
                    found = previous.found
                } else {
                    found = positionByID[boss]
                    previous = (boss, found)
                }
                append(found == position ? nil : found)
            }
        }
    }

    public var posts: [Post] { structure.posts }

    /// The direct reports of the post at `position`, assistants included, in file order.
    public func reports(of position: Int) -> LazyMapSequence<ArraySlice<Int32>, Int> {
        childPositions[childOffsets[position]..<childOffsets[position + 1]].lazy.map { Int($0) }
    }

    /// How many entries (posts or lines) report directly to the post at `position`.
    public func reportCount(of position: Int) -> Int {
        childOffsets[position + 1] - childOffsets[position]
    }

    /// Whether the post leads anyone (an assistant counts: leading one makes a manager).
    public func isManager(_ position: Int) -> Bool { reportCount(of: position) > 0 }

    /// The chain of managers from the top down to the post at `position`, inclusive.
    public func chain(to position: Int) -> [Int] {
        var chain = [position]
        var current = position
        while let boss = manager[current], chain.count <= posts.count {
            chain.append(boss)
            current = boss
        }
        return chain.reversed()
    }

    /// The post at `position` by id, or nil when no post has it.
    public func position(of id: PostID) -> Int? { positionByID[id] }
}
