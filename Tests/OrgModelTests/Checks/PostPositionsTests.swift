import Testing

@testable import OrgModel

@Suite("PostPositions")
struct PostPositionsTests {
    /// Ids of every length around the eight-byte words the hash reads, in other scripts,
    /// differing only in case, in leading zeros or in their last byte.
    static let ids: [String] = [
        "", "A", "a", "AB", "P1", "P01", "P001", "P0000001", "P00000001", "P000000001", "DfE-3024", "DFE-3024", "dfe-3024",
        "Pôste-1", "Pôste-2", "職員-7", "T3-1-H0-S0-T1", "T3-1-H0-S0-T2", "T3-1-H0-S0-T12", String(repeating: "x", count: 40),
        String(repeating: "x", count: 41), "a\u{301}b", "Service Manager – Café",
    ]

    @Test("Every id finds its first post, and an id no post has finds none")
    func lookups() {
        let posts = Self.ids.map { Post(id: PostID($0)) }
        let positions = PostPositions(posts)
        for (position, id) in Self.ids.enumerated() {
            #expect(positions[PostID(id)] == position, "\(id)")
        }
        #expect(positions.count == Self.ids.count)
        #expect(positions.repeats.isEmpty)
        for missing in ["B", "P0001", "dfe-3025", "T3-1-H0-S0-T13", String(repeating: "x", count: 42), "Poste-1"] {
            #expect(positions[PostID(missing)] == nil, "\(missing)")
        }
    }

    @Test("Each post's manager, whether or not the post before named the same line")
    func managersInRuns() {
        let lines: [(id: String, to: String?)] = [
            ("A", nil), ("B", "A"), ("C", "A"), ("D", "Q"), ("E", "Q"), ("F", "F"), ("G", "F"), ("H", "F"),
            ("caf\u{E9}", "A"), ("I", "cafe\u{301}"), ("J", "caf\u{E9}"), ("K", nil), ("L", "A"), ("M", "A"),
        ]
        let structure = Structure(posts: lines.map { Post(id: PostID($0.id), reportsTo: $0.to.map { PostID($0) }) })
        let index = StructureIndex(structure)
        // Unknown (Q) and self-reports (F) have none; a line equal as text finds its post.
        #expect(index.manager == [nil, 0, 0, nil, nil, nil, 5, 5, 0, 8, 8, nil, 0, 0])
    }

    @Test("A repeated id keeps its first post; the repeats are listed in file order")
    func repeats() {
        let posts = ["A", "B", "A", "C", "B", "A"].map { Post(id: PostID($0)) }
        let positions = PostPositions(posts)
        #expect(positions[PostID("A")] == 0)
        #expect(positions[PostID("B")] == 1)
        #expect(positions[PostID("C")] == 3)
        #expect(positions.repeats == [2, 4, 5])
        #expect(positions.count == 3)
    }

    @Test("Ids are equal as Swift's strings are: an accent typed apart from its letter is the same id")
    func canonicalEquivalence() {
        let posts = ["caf\u{e9}", "cafe\u{301}", "Caf\u{e9}"].map { Post(id: PostID($0)) }
        let positions = PostPositions(posts)
        #expect(positions.repeats == [1])
        #expect(positions[PostID("cafe\u{301}")] == 0)
        #expect(positions[PostID("Cafe\u{301}")] == 2)
        // As a dictionary keyed by id sees them.
        #expect(Set(posts.map(\.id)).count == positions.count)
    }

    @Test("No posts: every lookup finds nothing")
    func empty() {
        let positions = PostPositions([])
        #expect(positions[PostID("A")] == nil)
        #expect(positions.count == 0)
    }

    @Test("A large structure's table answers as a dictionary of first positions does", arguments: [3, 8] as [UInt64])
    func agreesWithADictionary(seed: UInt64) {
        var posts = StructureGenerator(posts: 20_000, seed: seed).generate().posts
        posts.append(contentsOf: posts[100..<150])
        let positions = PostPositions(posts)
        var first: [PostID: Int] = [:]
        for (position, post) in posts.enumerated() where first[post.id] == nil { first[post.id] = position }
        #expect(positions.count == first.count)
        #expect(posts.indices.allSatisfy { positions[posts[$0].id] == first[posts[$0].id] })
        #expect(positions.repeats == Array(posts.count - 50..<posts.count))
        #expect(positions[PostID("not-an-id")] == nil)
    }
}
