import Foundation
import OrgSupport

/// The position of the first post with each id: what `StructureIndex` looks every
/// manager and every match up in, a million times over for a large structure.
///
/// An open-addressing table of positions (a quarter empty at least, probed in turn), hashed on
/// the id's UTF-8 bytes eight at a time. The hash is seeded once a process, so that a file
/// cannot be written to make its ids collide; nothing is ever listed in table order, so the
/// seed never reaches an output. A lookup compares the id with the post's own: the table
/// holds no copies of ids.
public struct PostPositions: Sendable {
    private let posts: [Post]
    /// Each slot: a position plus one in the low 32 bits (0 for an empty slot), and the
    /// high 32 bits of its id's hash above, so that a slot held by another id is passed
    /// over without reading that post.
    private let slots: [UInt64]
    private let mask: Int
    /// How many distinct ids there are.
    public let count: Int
    /// Positions of posts whose id an earlier post already has, in file order.
    public let repeats: [Int]

    /// Each id's hash, in post order, when kept (`idHash(at:)`); else empty.
    private let keptHashes: [Int]

    /// Indexes `posts` by id; a repeated id keeps its first post.
    public init(_ posts: [Post]) { self.init(posts, hashes: nil) }

    /// Indexes `posts` by id with each id's `hash(_:)` when a reader has them already, and
    /// keeps the hashes when `keepingHashes` (for structures to be made from these posts).
    init(_ posts: [Post], hashes known: [Int]?, keepingHashes: Bool = false) {
        precondition(posts.count < Int(UInt32.max), "a structure has fewer than 4 billion posts")
        // At most three quarters full: a slot's tag spares most probes a read of the post,
        // and a table no larger than it needs stays in the caches longer.
        var capacity = 16
        while capacity * 3 < 4 * posts.count { capacity *= 2 }
        let mask = capacity - 1
        var slots = [UInt64](repeating: 0, count: capacity)
        var repeats: [Int] = []
        // The ids hashed first, on every core for a large structure (reading each id is
        // most of the work); then placed in the table in file order, so that the first
        // post with an id is the one kept.
        let parts = posts.count < Self.minimumConcurrentPosts ? 1 : ProcessInfo.processInfo.activeProcessorCount
        let hashes =
            known.flatMap { $0.count == posts.count ? $0 : nil }
            ?? ParallelWork.array(count: posts.count, parts: parts) { Self.hash(posts[$0].id) }
        var ahead: UInt64 = 0
        slots.withUnsafeMutableBufferPointer { table in
            for position in posts.indices {
                // The slot a later post will probe is read now, so that its cache line is
                // on its way while this one is placed: the table of a few million ids is
                // far larger than the caches, and each probe would otherwise wait on memory.
                if position + Self.readAhead < hashes.count { ahead &+= table[hashes[position + Self.readAhead] & mask] }
                let hash = hashes[position]
                let tag = Self.tag(hash)
                var slot = hash & mask
                while true {
                    let held = table[slot]
                    if held == 0 {
                        table[slot] = tag | UInt64(position + 1)
                        break
                    }
                    if held & Self.tagBits == tag, posts[Int(truncatingIfNeeded: held & Self.positionBits) - 1].id == posts[position].id {
                        repeats.append(position)
                        break
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
        // Used, harmlessly whatever it comes to, so that the reads ahead are not left out.
        if ahead == .max { repeats.reserveCapacity(repeats.count) }
        self.posts = posts
        self.keptHashes = keepingHashes ? hashes : []
        self.slots = slots
        self.mask = mask
        self.count = posts.count - repeats.count
        self.repeats = repeats
    }

    /// The position of the first post with `id`, or nil when no post has it.
    @inlinable
    public subscript(id: PostID) -> Int? { position(of: id) }

    @usableFromInline
    func position(of id: PostID) -> Int? {
        let hash = Self.hash(id)
        let tag = Self.tag(hash)
        var slot = hash & mask
        while true {
            let held = slots[slot]
            if held == 0 { return nil }
            if held & Self.tagBits == tag {
                let position = Int(truncatingIfNeeded: held & Self.positionBits) - 1
                if posts[position].id == id { return position }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The hash of the id of the post at `position` (`hash(_:)`), when the table kept them.
    package func idHash(at position: Int) -> Int? {
        position < keptHashes.count ? keptHashes[position] : nil
    }

    /// How many posts ahead the table is read while it is filled.
    static let readAhead = 16

    /// Structures at least this large hash their ids on every core.
    static let minimumConcurrentPosts = 100_000

    private static let positionBits: UInt64 = 0xFFFF_FFFF
    private static let tagBits: UInt64 = ~positionBits

    /// A hash's high half, where a slot keeps it (its low bits chose the slot).
    private static func tag(_ hash: Int) -> UInt64 { UInt64(bitPattern: Int64(hash)) & tagBits }

    /// Chosen once a process: see the type's note.
    private static let seed = UInt64.random(in: 1...UInt64.max)

    /// The id's bytes mixed eight at a time (multiply and fold), then finished as
    /// MurmurHash3 finishes: every bit of the id reaches the low bits the table uses. Ids
    /// are equal as Swift's strings are (canonically: "é" typed as one character or as "e"
    /// and an accent), so an id that is not all ASCII is hashed in its composed form.
    package static func hash(_ id: PostID) -> Int {
        guard let hash = hash(bytesOf: id.rawValue, asciiOnly: true) else {
            return hash(bytesOf: id.rawValue.precomposedStringWithCanonicalMapping, asciiOnly: false) ?? 0
        }
        return hash
    }

    /// The hash of `text`'s UTF-8 bytes; nil when `asciiOnly` and a byte is not ASCII.
    private static func hash(bytesOf text: String, asciiOnly: Bool) -> Int? {
        var text = text
        let mixed = text.withUTF8 { bytes -> UInt64? in
            var state = seed ^ (UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15)
            var high: UInt64 = 0
            var offset = 0
            let raw = UnsafeRawBufferPointer(bytes)
            while offset + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                high |= word
                state = (state ^ word) &* 0xBF58_476D_1CE4_E5B9
                state ^= state >> 31
                offset += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < bytes.count {
                tail |= UInt64(bytes[offset]) << shift
                shift += 8
                offset += 1
            }
            high |= tail
            if asciiOnly, high & 0x8080_8080_8080_8080 != 0 { return nil }
            return (state ^ tail) &* 0x94D0_49BB_1331_11EB
        }
        guard let mixed else { return nil }
        var hash = mixed ^ (mixed >> 33)
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash = hash &* 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return Int(truncatingIfNeeded: hash)
    }
}

extension PostPositions: Equatable {
    /// Two tables are equal when they index equal posts.
    public static func == (lhs: PostPositions, rhs: PostPositions) -> Bool { lhs.posts == rhs.posts }
}
