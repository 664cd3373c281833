import Testing

@testable import OrgAnalysis
@testable import OrgModel

/// Matching posts across snapshots of published data: ids in another form under
/// `--match-ids`, and front-line lines (ids an organogram import numbers by position)
/// paired by what they are.
@Suite("StructureDiff: ids in another form and lines without ids of their own")
struct IDMatchingDiffTests {
    static let before = Structure(posts: [
        Post(id: "DfE-1", title: "Director General"),
        Post(id: "DfE-3024", title: "Director", reportsTo: "DfE-1"),
        Post(id: "00137261", title: "Deputy Director", reportsTo: "DfE-3024"),
    ])
    static let after = Structure(posts: [
        Post(id: "DfE-1", title: "Director General"),
        Post(id: "DFE-3024", title: "Director", reportsTo: "DfE-1"),
        Post(id: "137261", title: "Deputy Director", reportsTo: "DFE-3024"),
    ])

    @Test("exact: ids in another form are deleted and created")
    func exact() {
        let diff = StructureDiff(current: Self.before, proposed: Self.after)
        #expect(diff.count(.deleted) == 2)
        #expect(diff.count(.created) == 2)
        #expect(diff.notes.isEmpty)
    }

    @Test("case matches what differs in case only; loose also leading zeros; each counted in a note, and no post counts as moved")
    func caseAndLoose() {
        let byCase = StructureDiff(current: Self.before, proposed: Self.after, matching: .case)
        #expect(byCase.count(.deleted) == 1)
        #expect(byCase.notes == ["1 post matched only under --match-ids case, their ids differing in form: DfE-3024 as DFE-3024"])
        let loose = StructureDiff(current: Self.before, proposed: Self.after, matching: .loose)
        #expect(loose.count(.deleted) == 0)
        #expect(loose.count(.created) == 0)
        #expect(loose.count(.reportingLine) == 0)
        #expect(loose.isEmpty)
        #expect(
            loose.notes == [
                "2 posts matched only under --match-ids loose, their ids differing in form: DfE-3024 as DFE-3024, 00137261 as 137261"
            ])
    }

    @Test("Two posts of one structure that differ only in case are ambiguous, named both; nothing is matched through them")
    func ambiguous() {
        var after = Self.after
        after.posts.append(Post(id: "dfe-3024", title: "Director, Schools", reportsTo: "DfE-1"))
        #expect(StructureDiff.ambiguousIDs(in: after, matching: .case) == [["DFE-3024", "dfe-3024"]])
        #expect(StructureDiff.ambiguousIDs(in: after, matching: .exact).isEmpty)
        let diff = StructureDiff(current: Self.before, proposed: after, matching: .case)
        #expect(diff.change(forCurrent: "DfE-3024")?.status == .deleted)
    }

    static func line(_ id: String, _ manager: String, _ grade: String, _ title: String, _ fte: Double) -> Post {
        Post(id: PostID(id), title: title, reportsTo: PostID(manager), grade: grade, fte: fte, count: Int(fte.rounded(.up)))
    }

    @Test("Lines numbered by position pair by manager, grade and title: reordering changes nothing; a new title is created")
    func linesByWhatTheyAre() {
        let top = Post(id: "M", title: "Director")
        let current = Structure(posts: [
            top, Self.line("M-J1", "M", "EO", "Officer", 2), Self.line("M-J2", "M", "HEO", "Analyst", 1),
            Self.line("M-J3", "M", "EO", "Officer", 3), Self.line("M-J4", "M", "AO", "Clerk", 1),
        ])
        let proposed = Structure(posts: [
            top, Self.line("M-J1", "M", "HEO", "Analyst", 1), Self.line("M-J2", "M", "EO", "Officer", 3),
            Self.line("M-J3", "M", "EO", "Officer", 2.5), Self.line("M-J4", "M", "SEO", "Data Scientist", 1),
        ])
        let diff = StructureDiff(current: current, proposed: proposed)
        #expect(diff.count(.title) == 0)
        #expect(diff.count(.grade) == 0)
        #expect(diff.changes(.deleted).map { $0.current?.title } == ["Clerk"])
        #expect(diff.changes(.created).map { $0.proposed?.title } == ["Data Scientist"])
        // The Officer line of 3 is paired with the Officer line of 3; the one of 2 became 2.5.
        #expect(diff.change(forCurrent: "M-J3")?.proposed?.id == "M-J2")
        #expect(diff.change(forCurrent: "M-J1")?.aspects.contains(.fte) == true)
    }

    @Test("Which ids are lines numbered by position")
    func lineIDs() {
        for id in ["B41-J3", "B41-J3-2", "0-line4-J1", "DfE-3024-J12"] {
            #expect(StructureDiff.isLineWithoutOwnID(Post(id: PostID(id))), "\(id)")
        }
        for id in ["J1", "-J1", "B41", "B41-J", "B41-3", "B41-JX1", "TEAM-J1X"] {
            #expect(!StructureDiff.isLineWithoutOwnID(Post(id: PostID(id))), "\(id)")
        }
    }

    @Test("A line numbered by position is never matched by the key of its id, even when a post of its own shares that key")
    func lineIsNotPairedThroughAnotherPostsKey() {
        let current = Structure(posts: [
            Post(id: "B41", title: "Team Manager"),
            Self.line("B41-J3", "B41", "SO1", "Caseworker", 1),
            Post(id: "b41-j3", title: "Officer", reportsTo: "B41"),
        ])
        let proposed = Structure(posts: [
            Post(id: "B41", title: "Team Manager"),
            Self.line("B41-J1", "B41", "SO1", "Caseworker", 1),
            Post(id: "B41-j3", title: "Officer", reportsTo: "B41"),
        ])
        let diff = StructureDiff(current: current, proposed: proposed, matching: .case)
        #expect(diff.change(forCurrent: "b41-j3")?.proposed?.id == "B41-j3", "the post is matched in another form")
        #expect(diff.change(forCurrent: "B41-J3")?.proposed?.id == "B41-J1", "the line is paired as a line")
        #expect(diff.count(.deleted) == 0 && diff.count(.created) == 0)
        #expect(diff.notes == ["1 post matched only under --match-ids case, their ids differing in form: b41-j3 as B41-j3"])
    }
}
