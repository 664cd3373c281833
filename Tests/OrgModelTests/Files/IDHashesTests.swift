import Testing

@testable import OrgModel

/// The ids a CSV reader hashes as it reads them are the hashes the index would make, and
/// they are never used once the posts have changed.
@Suite("Id hashes from the reader")
struct IDHashesTests {
    func read(_ rows: Int, parts: Int) throws -> Structure {
        var text = "id,title,reports_to\nT,Top,\n"
        for index in 0..<rows { text += "P\(index)-é\(index % 7 == 0 ? "\u{301}" : ""),Post,\(index == 0 ? "T" : "P\(index / 3)")\n" }
        return try CSVStructureReader(file: "t.csv", parts: parts).read(Array(text.utf8))
    }

    @Test("Each id's hash from the reader is PostPositions' own, in one part or several, and the index is the same")
    func sameHashes() throws {
        for parts in [1, 3] {
            let structure = try read(5_000, parts: parts)
            let hashes = try #require(structure.idHashes.take())
            #expect(hashes == structure.posts.map { PostPositions.hash($0.id) }, "\(parts) parts")
            #expect(structure.idHashes.take() == nil, "taken once")
        }
        let withHashes = try read(5_000, parts: 2)
        var without = withHashes
        without.idHashes = PostIDHashes()
        #expect(StructureIndex(withHashes).manager == StructureIndex(without).manager)
        let equal = withHashes == without
        #expect(equal, "the hashes take no part in equality")
    }

    @Test("A change to the posts drops the hashes: an index of the changed posts hashes them itself")
    func droppedOnChange() throws {
        var structure = try read(100, parts: 1)
        #expect(!structure.idHashes.isEmpty)
        structure.posts[5].id = PostID("Renamed")
        #expect(structure.idHashes.isEmpty)
        let index = StructureIndex(structure)
        #expect(index.positionByID[PostID("Renamed")] == 5)

        var appended = try read(100, parts: 1)
        appended.posts.append(Post(id: "Extra", line: 0))
        #expect(appended.idHashes.isEmpty)
        #expect(StructureIndex(appended).positionByID[PostID("Extra")] == appended.posts.count - 1)
    }

    @Test("An index kept with its hashes gives each post's, whether the reader made them or the index did")
    func keptByTheIndex() throws {
        for carried in [true, false] {
            var structure = try read(300, parts: 1)
            if !carried { structure.idHashes = PostIDHashes() }
            let kept = StructureIndex(structure, keepingIDHashes: true).positionByID
            #expect(structure.posts.indices.allSatisfy { kept.idHash(at: $0) == PostPositions.hash(structure.posts[$0].id) })
            #expect(StructureIndex(structure).positionByID.idHash(at: 0) == nil, "not kept unless asked")
        }
    }
}
