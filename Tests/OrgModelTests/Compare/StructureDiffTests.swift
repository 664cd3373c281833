import Testing

@testable import OrgAnalysis
@testable import OrgModel

@Suite("StructureDiff")
struct StructureDiffTests {
    /// A small current structure: a director, two heads, a team manager and a line.
    static let current = Structure(
        name: "Current", state: .current,
        posts: [
            Post(id: "DIR", title: "Director", tier: 2, grade: "D1", fte: 1, cost: 120_000),
            Post(id: "HOS-A", title: "Head of Service A", tier: 4, reportsTo: "DIR", grade: "H1", cost: 80_000),
            Post(id: "HOS-B", title: "Head of Service B", tier: 4, reportsTo: "DIR", grade: "H1", cost: 80_000),
            Post(id: "DEP", title: "Deputy Head", tier: 5, reportsTo: "HOS-A", cost: 60_000, temporary: true),
            Post(id: "TM-1", title: "Team Manager", tier: 6, reportsTo: "DEP", grade: "T1", fte: 1, cost: 50_000),
            Post(id: "SW-1", title: "Social Worker", reportsTo: "TM-1", fte: 6, count: 6, vacant: 1),
            Post(id: "PA", title: "PA", reportsTo: "DIR", assistant: true),
        ])

    static let proposed = Structure(
        name: "Proposed", state: .proposed,
        posts: [
            Post(id: "DIR", title: "Director", tier: 2, grade: "D1", fte: 1, cost: 120_000),
            // HOS-A re-purposed under a new id.
            Post(
                id: "HOS-EH", title: "Head of Early Help", tier: 4, reportsTo: "DIR", grade: "H2", cost: 85_000,
                replaces: "HOS-A"),
            // HOS-B kept exactly.
            Post(id: "HOS-B", title: "Head of Service B", tier: 4, reportsTo: "DIR", grade: "H1", cost: 80_000),
            // DEP deleted; TM-1 now reports to the re-purposed head: moved (DEP -> HOS-A).
            Post(
                id: "TM-1", title: "Team Manager", tier: 6, reportsTo: "HOS-EH", grade: "T1",
                fte: 1.0000000001, cost: 50_000, dottedTo: ["HOS-B"]),
            Post(id: "SW-1", title: "Social Worker", reportsTo: "TM-1", fte: 8, count: 8, vacant: 1),
            Post(id: "PA", title: "PA", reportsTo: "DIR", assistant: true),
            Post(id: "SM-NEW", title: "Service Manager", tier: 5, reportsTo: "HOS-B", cost: 60_000),
        ])

    let diff = StructureDiff(current: current, proposed: proposed)

    @Test func statusesAndOrder() {
        // Current posts in file order, then created posts in proposed order.
        #expect(diff.changes.map(\.id) == ["DIR", "HOS-EH", "HOS-B", "DEP", "TM-1", "SW-1", "PA", "SM-NEW"])
        #expect(diff.changes.map(\.status) == [.kept, .kept, .kept, .deleted, .kept, .kept, .kept, .created])
        #expect(diff.count(.deleted) == 1)
        #expect(diff.count(.created) == 1)
        #expect(diff.count(.kept) == 6)
        #expect(!diff.isEmpty)
    }

    @Test func replacementMatchesTheOldPost() throws {
        let change = try #require(diff.change(forCurrent: "HOS-A"))
        #expect(change.matchedByReplacement)
        #expect(change.proposed?.id == "HOS-EH")
        #expect(change.aspects == [.title, .grade, .cost])
        #expect(diff.change(forProposed: "HOS-EH") == change)
    }

    @Test func reportingLineReadThroughReplacement() throws {
        // TM-1 went from DEP to HOS-EH (= HOS-A): a move. Its fte differs only by rounding.
        let tm = try #require(diff.change(forCurrent: "TM-1"))
        #expect(tm.aspects == [.reportingLine, .dottedLines])
        // SW-1 still reports to TM-1: not moved, but the line grew from 6 to 8.
        let line = try #require(diff.change(forCurrent: "SW-1"))
        #expect(line.aspects == [.fte, .headcount])
        #expect(line.current?.count == 6 && line.proposed?.count == 8)
    }

    @Test func managerRenamedIsNotAMove() throws {
        // A post under a manager re-purposed under a new id keeps its reporting line.
        let old = Structure(posts: [
            Post(id: "A", tier: 4), Post(id: "B", tier: 5, reportsTo: "A"),
        ])
        let new = Structure(posts: [
            Post(id: "A2", tier: 4, replaces: "A"), Post(id: "B", tier: 5, reportsTo: "A2"),
        ])
        let diff = StructureDiff(current: old, proposed: new)
        #expect(diff.change(forProposed: "B")?.isUnchanged == true)
        #expect(diff.change(forProposed: "A2")?.isUnchanged == true)
        #expect(diff.change(forProposed: "A2")?.matchedByReplacement == true)
        #expect(diff.isEmpty)
    }

    @Test func unchangedAndTemporaryToPermanent() throws {
        #expect(diff.change(forCurrent: "HOS-B")?.isUnchanged == true)
        #expect(diff.change(forCurrent: "PA")?.isUnchanged == true)
        let old = Structure(posts: [Post(id: "X", title: "Officer", temporary: true), Post(id: "Y")])
        let new = Structure(posts: [Post(id: "X", title: "Officer"), Post(id: "Y", temporary: true)])
        let diff = StructureDiff(current: old, proposed: new)
        #expect(diff.change(forCurrent: "X")?.aspects == [.madePermanent])
        #expect(diff.change(forCurrent: "Y")?.aspects == [.madeTemporary])
        #expect(diff.count(.madePermanent) == 1)
    }

    @Test func costKnownVersusUnknownIsAChange() {
        let old = Structure(posts: [Post(id: "X", cost: nil, vacant: 0)])
        let new = Structure(posts: [Post(id: "X", cost: 40_000)])
        #expect(StructureDiff(current: old, proposed: new).changes.first?.aspects == [.cost])
    }

    @Test func retieredAndVacancies() {
        let old = Structure(posts: [Post(id: "X", tier: 5, count: 3, vacant: 0)])
        let new = Structure(posts: [Post(id: "X", tier: 6, count: 3, vacant: 2)])
        #expect(StructureDiff(current: old, proposed: new).changes.first?.aspects == [.tier, .vacancies])
    }

    @Test func replacementYieldsToAnIdThatIsKept() {
        // NEW says it replaces OLD, but OLD is still in the proposed structure: OLD is
        // kept by id and NEW is created.
        let old = Structure(posts: [Post(id: "OLD")])
        let new = Structure(posts: [Post(id: "NEW", replaces: "OLD"), Post(id: "OLD")])
        let diff = StructureDiff(current: old, proposed: new)
        #expect(diff.changes.map(\.status) == [.kept, .created])
        #expect(diff.change(forProposed: "NEW")?.status == .created)
        // Only one post can take a replaced post's place: the first in file order.
        let twice = Structure(posts: [Post(id: "N1", replaces: "OLD"), Post(id: "N2", replaces: "OLD")])
        let split = StructureDiff(current: old, proposed: twice)
        #expect(split.change(forCurrent: "OLD")?.proposed?.id == "N1")
        #expect(split.change(forProposed: "N2")?.status == .created)
    }

    @Test func duplicatesAreNotDropped() {
        let old = Structure(posts: [Post(id: "X", title: "first"), Post(id: "X", title: "second")])
        let new = Structure(posts: [Post(id: "X", title: "first")])
        let diff = StructureDiff(current: old, proposed: new)
        #expect(diff.changes.count == 2)
        #expect(diff.changes.map(\.status) == [.kept, .deleted])
        #expect(diff.change(forCurrent: "X")?.current?.title == "first")
    }

    @Test(arguments: [1, 7, 42] as [UInt64])
    func identicalStructuresHaveNoChanges(seed: UInt64) {
        let structure = StructureGenerator(posts: 300, seed: seed).generate()
        let diff = StructureDiff(current: structure, proposed: structure)
        #expect(diff.isEmpty)
        #expect(diff.changes.count == structure.posts.count)
    }

    @Test(arguments: [3, 11] as [UInt64])
    func everyPostIsAccountedForOnce(seed: UInt64) {
        // Drop every fifth post and add fresh ones: each post of either side appears in
        // exactly one record.
        let structure = StructureGenerator(posts: 200, seed: seed).generate()
        var proposed = structure
        proposed.posts = structure.posts.enumerated().filter { $0.offset % 5 != 4 }.map(\.element)
        proposed.posts.append(Post(id: "FRESH-1", title: "New post"))
        let diff = StructureDiff(current: structure, proposed: proposed)
        #expect(diff.changes.compactMap(\.current).count == structure.posts.count)
        #expect(diff.changes.compactMap(\.proposed).count == proposed.posts.count)
        #expect(diff.count(.deleted) == structure.posts.count - (proposed.posts.count - 1))
        #expect(diff.count(.created) == 1)
    }

    @Test(
        "Posts are paired by id wherever the proposal moves them: the first post with an id on each side",
        arguments: [5, 19] as [UInt64])
    func pairingFollowsIDsThroughShiftsAndRepeats(seed: UInt64) {
        // Deleted and created posts shift the rest; a block moved to the end, and an id
        // repeated where the shifted order would look for its first post.
        let structure = StructureGenerator(posts: 400, seed: seed).generate()
        var posts = structure.posts.enumerated().filter { $0.offset % 7 != 3 }.map(\.element)
        posts.insert(Post(id: "FRESH-1", title: "New post"), at: 50)
        posts.append(contentsOf: posts[100..<140])
        posts.removeSubrange(100..<140)
        var repeated = posts[200]
        repeated.title = "A second post with the first's id"
        posts.insert(repeated, at: 10)
        var proposed = structure
        proposed.posts = posts
        let diff = StructureDiff(current: structure, proposed: proposed)

        // The pairing by hand: each current post's id looked up among the proposed.
        var firstProposed: [PostID: Int] = [:]
        for (position, post) in proposed.posts.enumerated() where firstProposed[post.id] == nil {
            firstProposed[post.id] = position
        }
        for (position, post) in structure.posts.enumerated() {
            let expected = firstProposed[post.id].map { proposed.posts[$0] }
            #expect(diff.changes[position].proposed == expected, "current post \(post.id)")
        }
        #expect(diff.change(forProposed: repeated.id)?.proposed?.title == repeated.title)
        #expect(diff.change(forProposed: "FRESH-1")?.status == .created)
        #expect(
            diff.notes == [
                "the proposed structure repeats the id \(repeated.id): only the first post with an id is matched; "
                    + "each repeat counts as created (validate reports the repeats)"
            ])
    }

    @Test("A large structure's records, worked out on every core, are in file order and each its own post's")
    func largeStructureRecordsInOrder() {
        let structure = StructureGenerator(posts: PostPairing.minimumConcurrentPosts + 2_000, seed: 6).generate()
        var proposed = structure
        proposed.posts = structure.posts.enumerated().filter { $0.offset % 9 != 4 }.map(\.element)
        proposed.posts[proposed.posts.count / 2].title = "Retitled"
        proposed.posts.append(Post(id: "FRESH-1", title: "New post"))
        let diff = StructureDiff(current: structure, proposed: proposed)
        #expect(diff.changes.count == structure.posts.count + 1)
        #expect(zip(diff.changes, structure.posts).allSatisfy { $0.current == $1 })
        #expect(structure.posts.indices.allSatisfy { ($0 % 9 == 4) == (diff.changes[$0].status == .deleted) })
        #expect(diff.changes.filter { $0.status == .kept }.allSatisfy { $0.current?.id == $0.proposed?.id })
        #expect(diff.changes.last?.proposed?.id == "FRESH-1")
        #expect(diff.count(.title) == 1)
    }

    @Test("A replaces: that cannot be honoured is noted, saying how the post was counted")
    func replacesNotes() {
        let current = Structure(posts: [
            Post(id: "ED", tier: 2), Post(id: "AD", tier: 3, reportsTo: "ED"), Post(id: "HOS", tier: 4, reportsTo: "AD"),
        ])
        let proposed = Structure(posts: [
            Post(id: "ED", tier: 2), Post(id: "AD2", tier: 3, reportsTo: "ED", replaces: "AD", line: 4),
            Post(id: "TM3", tier: 6, reportsTo: "AD2", replaces: "AD", line: 8), Post(id: "NEW", reportsTo: "ED", replaces: "NOPE"),
            Post(id: "HOS", tier: 4, reportsTo: "AD2"), Post(id: "X", reportsTo: "ED", replaces: "HOS"),
            Post(id: "SELF", reportsTo: "ED", replaces: "SELF"),
        ])
        let diff = StructureDiff(current: current, proposed: proposed)
        #expect(
            diff.notes == [
                "proposed posts AD2 (line 4) and TM3 (line 8) both replace AD: AD2 takes its place and TM3 counts as created",
                "proposed post NEW replaces NOPE, which is not in the current structure: NEW counts as created",
                "proposed post X replaces HOS, but the proposed structure keeps HOS: X counts as created",
                "proposed post SELF replaces itself, which means nothing: matched by its id as any post is; remove replaces:",
            ])
        #expect(diff.change(forProposed: "AD2")?.current?.id == "AD")
        #expect(StructureDiff(current: current, proposed: current).notes.isEmpty)
    }

    @Test("Repeated ids are noted on the side that repeats them, and a file compared with itself changes nothing else")
    func repeatedIDsNoted() {
        let structure = Structure(posts: [
            Post(id: "A", tier: 2), Post(id: "B", reportsTo: "A", count: 2), Post(id: "B", reportsTo: "A", count: 5),
        ])
        let diff = StructureDiff(current: structure, proposed: structure)
        #expect(diff.notes.count == 2)
        #expect(diff.notes[0].hasPrefix("the current structure repeats the id B: only the first post with an id is matched"))
        #expect(diff.notes[1].hasPrefix("the proposed structure repeats the id B"))
    }
}
