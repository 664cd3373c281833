import Foundation
import OrgModel

/// A de-layering workspace as one step left it: what the option's structure is written
/// out from, on another core, while the next step is worked out.
struct WorkspaceSnapshot: Sendable {
    /// The structure as it was.
    let index: StructureIndex
    let posts: WorkspacePosts
    let alive: [Bool]
    let manager: [Int?]
    /// Where a removed post's reports went.
    let successor: [Int: Int]
    /// New posts, each written after the post it was split from.
    let insertedAfter: [Int: [Int]]
    let originalCount: Int

    /// The posts removed, in file order.
    var removed: [Post] { (0..<originalCount).filter { !alive[$0] }.map { posts[$0] } }

    /// The posts added and still in place, in the order they were made.
    var added: [Post] { (originalCount..<posts.count).filter { alive[$0] }.map { posts[$0] } }

    /// The post a removed post's place passed to (following later removals).
    func heir(of position: Int) -> Int {
        var current = position
        var steps = 0
        while !alive[current], let next = successor[current], steps <= posts.count {
            current = next
            steps += 1
        }
        return current
    }

    /// The structure as it now stands: the posts still in place in file order, each new
    /// post after the one it was split from, reporting lines and dotted lines updated.
    /// Lines are cleared: they belonged to the original file.
    ///
    /// A dotted line to a removed post goes to the post that took its place, and the notes
    /// say so; one that would then be to the post itself or to its own manager is dropped,
    /// and the notes say that too. Dotted lines to posts still in place stay as written.
    ///
    /// `asInOriginal` gives, for each post of the result, its position in `original` when
    /// it is written exactly as there (its reporting and dotted lines as they were), else -1:
    /// its YAML can then be shared with the original's.
    func structure(from original: Structure) -> (structure: Structure, notes: [DelayeringMessage], asInOriginal: [Int32]) {
        var notes: [DelayeringMessage] = []
        var asInOriginal = [Int32](repeating: -1, count: posts.count)
        // Each post's id hashed for the option's index: an original post's hash as the
        // original's index kept it, a new post's made here.
        var hashes = [Int](repeating: 0, count: posts.count)
        let positions = index.positionByID
        var result = original
        result.source = nil
        let originalManager = index.manager
        // New posts are few: they are found in order of the post each follows, not looked up
        // for every post.
        let splitFrom = insertedAfter.keys.sorted()
        // Each post is copied once, into its place, and changed there: a copy held on the way
        // would retain and release each of its strings again.
        result.posts = [Post](unsafeUninitializedCapacity: posts.count) { buffer, made in
            func emit(_ position: Int) {
                let place = buffer.baseAddress! + made
                place.initialize(to: posts[position])
                made += 1
                let kept = position < originalCount && place.pointee.id == index.posts[position].id ? positions.idHash(at: position) : nil
                hashes[made - 1] = kept ?? PostPositions.hash(place.pointee.id)
                let boss = manager[position]
                // A post that kept its manager keeps its reporting line as it is, unless its
                // text is not the manager's id byte for byte (the id is what is written).
                var asWritten = position < originalCount
                if !asWritten || boss != originalManager[position]
                    || !Self.writesAs(place.pointee.reportsTo, boss.map { posts[$0].id })
                {
                    place.pointee.reportsTo = boss.map { posts[$0].id }
                    asWritten = false
                }
                if !place.pointee.dottedTo.isEmpty {
                    let lines = dottedLines(of: place.pointee, notes: &notes)
                    if lines != place.pointee.dottedTo {
                        place.pointee.dottedTo = lines
                        asWritten = false
                    }
                }
                if asWritten { asInOriginal[made - 1] = Int32(position) }
                place.pointee.line = 0
                if !place.pointee.deviations.isEmpty {
                    for slot in place.pointee.deviations.indices { place.pointee.deviations[slot].line = 0 }
                }
            }
            var nextSplit = 0
            for position in 0..<originalCount {
                if alive[position] { emit(position) }
                if nextSplit < splitFrom.count, splitFrom[nextSplit] == position {
                    for created in insertedAfter[position] ?? [] where alive[created] { emit(created) }
                    nextSplit += 1
                }
            }
        }
        asInOriginal.removeLast(asInOriginal.count - result.posts.count)
        hashes.removeLast(hashes.count - result.posts.count)
        result.idHashes = PostIDHashes(hashes)
        return (result, notes, asInOriginal)
    }

    /// Whether `line` is written as `id` is: the same bytes (or both absent).
    private static func writesAs(_ line: PostID?, _ id: PostID?) -> Bool {
        guard let line, let id else { return line == nil && id == nil }
        let a = line.rawValue.utf8
        let b = id.rawValue.utf8
        guard a.count == b.count else { return false }
        guard a.count > 0 else { return true }
        let same = a.withContiguousStorageIfAvailable { left in
            b.withContiguousStorageIfAvailable { right in memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0 }
        }
        return (same ?? nil) ?? a.elementsEqual(b)
    }

    /// The post's dotted lines with each to a removed post redirected to its heir, or dropped
    /// (with a note) when the heir is the post itself, its manager, or already a line.
    private func dottedLines(of post: Post, notes: inout [DelayeringMessage]) -> [PostID] {
        var lines: [PostID] = []
        for target in post.dottedTo {
            guard let at = index.position(of: target), !alive[at] else {
                lines.append(target)
                continue
            }
            let heir = posts[heir(of: at)].id
            if heir == post.id || heir == post.reportsTo || lines.contains(heir) || post.dottedTo.contains(heir) {
                let heirIs: DelayeringMessage.Heir = heir == post.id ? .itself : heir == post.reportsTo ? .ownManager : .alreadyDotted
                notes.append(.dottedLineDropped(post: post.id, target: target, heir: heir, heirIs: heirIs))
            } else {
                notes.append(.dottedLineMoved(post: post.id, target: target, heir: heir))
                lines.append(heir)
            }
        }
        return lines
    }
}
