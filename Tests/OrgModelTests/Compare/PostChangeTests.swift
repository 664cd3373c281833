import Testing

@testable import OrgAnalysis
@testable import OrgModel

/// A record of change reads its two versions where they lie in the structures' posts.
@Suite("PostChange: versions read in place")
struct PostChangeTests {
    let current = [Post(id: "A", title: "Head"), Post(id: "B", title: "Lead")]
    let proposed = [Post(id: "B", title: "Lead"), Post(id: "C", title: "New")]

    @Test("Status, id and versions from positions, as from copies")
    func positionsAndCopiesAgree() {
        let kept = PostChange(current: (current, 1), proposed: (proposed, 0), aspects: [.title, .reportingLine])
        #expect(kept.status == .kept && kept.id == "B")
        #expect(kept.current == current[1] && kept.proposed == proposed[0])
        #expect(kept.aspects == [.reportingLine, .title])
        #expect(kept == PostChange(current: current[1], proposed: proposed[0], aspects: [.reportingLine, .title]))

        let deleted = PostChange(current: (current, 0), proposed: nil, aspects: [])
        #expect(deleted.status == .deleted && deleted.id == "A" && deleted.proposed == nil)
        let created = PostChange(current: nil, proposed: (proposed, 1), aspects: [])
        #expect(created.status == .created && created.id == "C" && created.current == nil)
        #expect(created == PostChange(current: nil, proposed: proposed[1], aspects: []))
        #expect(created != deleted)
    }

    @Test("Records differ when their judgements do, though their posts are the same")
    func judgementsCount() {
        let plain = PostChange(current: (current, 1), proposed: (proposed, 0), aspects: [])
        #expect(plain != PostChange(current: (current, 1), proposed: (proposed, 0), aspects: [.fte]))
        #expect(plain != PostChange(current: (current, 1), proposed: (proposed, 0), aspects: [], matchedByReplacement: true))
    }
}
