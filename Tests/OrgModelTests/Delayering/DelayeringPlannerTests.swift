import Foundation
import Testing

@testable import OrgAnalysis
@testable import OrgModel
@testable import OrgReports

@Suite("DelayeringPlanner")
struct DelayeringPlannerTests {
    static func result() throws -> DelayeringResult {
        try DelayeringPlanner(rules: Fixtures.rules, asOf: Fixtures.asOf).options(for: DelayeringFixtures.structure)
    }

    @Test func optionOneRemovesTheHiddenDeputy() throws {
        let option = try #require(try Self.result().options.first)
        #expect(option.step == .removeLayers)
        #expect(option.moves.map(\.kind) == [.removeHiddenLayer])
        // DSM-3 and SM-3 clear one tier-order finding each: the lower post (the deputy) goes.
        #expect(option.removedPosts.map(\.id) == ["DSM-3"])
        #expect(option.moves.first?.receiver == "SM-3")
        #expect(option.moves.first?.movedReports == ["SM-3-T1", "SM-3-T2", "SM-3-T3", "SM-3-T4"])
        #expect(option.netSaving == 60_000)
        let sm3 = try #require(option.structure.posts.first { $0.id == "SM-3-T1" })
        #expect(sm3.reportsTo == "SM-3")
        #expect(option.structure.state == .option)
    }

    @Test("Dotted lines: one to a removed post follows its place, with a note; one to a kept post stays as written")
    func dottedLinesFollowRemovedPosts() throws {
        var structure = DelayeringFixtures.structure
        func set(_ id: PostID, _ lines: [PostID]) {
            if let at = structure.posts.firstIndex(where: { $0.id == id }) { structure.posts[at].dottedTo = lines }
        }
        set("SM-3-T2", ["DSM-3"])  // DSM-3 goes; SM-3-T2 then reports to SM-3 itself
        set("SM-1", ["DSM-3", "HOS-1"])  // HOS-1 is SM-1's own manager, kept as written
        let option = try #require(try DelayeringPlanner(rules: Fixtures.rules, asOf: Fixtures.asOf).options(for: structure).options.first)
        let post = { (id: PostID) in option.structure.posts.first { $0.id == id } }
        #expect(post("SM-3-T2")?.dottedTo == [PostID]())
        #expect(post("SM-1")?.dottedTo == ["SM-3", "HOS-1"])
        #expect(
            option.dottedLineChanges == [
                "SM-1's dotted line to DSM-3 now goes to SM-3, which takes DSM-3's place",
                "SM-3-T2's dotted line to DSM-3 is dropped: DSM-3 is removed, and its place passes to SM-3, SM-3-T2's own manager",
            ])
        #expect(!option.notes.contains { $0.contains("dotted line") })
    }

    @Test("A report line is written as its manager's id: kept as typed when the same bytes, the id's bytes when only equal as text")
    func reportLinesAreWrittenAsTheManagersID() throws {
        var structure = DelayeringFixtures.structure
        let composed = PostID("SM-1-caf\u{E9}")
        let decomposed = PostID("SM-1-cafe\u{301}")
        let teams = structure.posts.indices.filter { structure.posts[$0].reportsTo == "SM-1" }
        try #require(teams.count == 3)
        for position in structure.posts.indices where structure.posts[position].id == "SM-1" { structure.posts[position].id = composed }
        structure.posts[teams[0]].reportsTo = decomposed  // the same id, other bytes
        for position in teams.dropFirst() { structure.posts[position].reportsTo = composed }
        let result = try DelayeringPlanner(rules: Fixtures.rules, asOf: Fixtures.asOf).options(for: structure)
        let option = try #require(result.options.first)
        // The teams keep their manager in option 1; each line is the manager's id, byte for byte.
        for position in teams {
            let written = try #require(option.structure.posts.first { $0.id == structure.posts[position].id }?.reportsTo)
            #expect(Array(written.rawValue.utf8) == Array(composed.rawValue.utf8))
        }
        // A post moved to a new manager has that manager's id, and lines are cleared.
        #expect(option.structure.posts.first { $0.id == "SM-3-T1" }?.reportsTo == "SM-3")
        #expect(option.structure.posts.allSatisfy { $0.line == 0 && $0.deviations.allSatisfy { $0.line == 0 } })
    }

    @Test("Each option's moves are worded ahead, as each move words itself")
    func movesWordedAhead() throws {
        let result = try Self.result()
        for option in result.options {
            #expect(option.movesWorded.count == option.moves.count)
            for index in option.moves.indices { #expect(option.summary(ofMove: index) == option.moves[index].summary) }
        }
        #expect(result.options.last.map { !$0.moves.isEmpty } == true)
    }

    @Test func optionTwoMergesNarrowSiblings() throws {
        let option = try Self.result().options[1]
        let merges = option.newMoves.filter { $0.kind == .merge }
        // SM-2 (2 teams) joins SM-1 (3): 5 within 4–8. Under HOS-2, SM-23 (2) has no narrow
        // partner (SM-22's narrow span is agreed), so it joins the fullest sibling with room.
        #expect(merges.map(\.post) == ["SM-1", "SM-24"])
        #expect(merges.map(\.removed) == [["SM-2"], ["SM-23"]])
        // Removed posts are listed in file order.
        #expect(option.removedPosts.map(\.id) == ["SM-2", "DSM-3", "SM-23"])
        #expect(option.netSaving == 60_000 + 64_000 + 64_000)
        // SM-22 keeps its agreed deviation and its span.
        let sm22 = try #require(option.structure.posts.first { $0.id == "SM-22" })
        #expect(sm22.deviations.map(\.rule) == [.spanNarrow])
        #expect(option.findings.findings.contains { $0.post == "SM-22" && $0.severity == .accepted })
    }

    @Test func optionThreeSplitsWhereItCanAndMarksWhereItCannot() throws {
        let option = try Self.result().options[2]
        #expect(option.newMoves.map(\.kind) == [.needsSplit, .split])
        let marked = try #require(option.newMoves.first)
        #expect(marked.post == "SM-21")
        #expect(marked.summary.contains("HOS-2 would then lead 9 (rule 4–8)"))
        let split = try #require(option.newMoves.last)
        #expect(split.post == "TM-4A")
        #expect(split.added == ["TM-4A-B"])
        // Lines are not divided: the 8 social workers stay, the 2 + 4 move.
        #expect(split.movedReports == ["SP-4A", "FSW-4A"])
        let added = try #require(option.addedPosts.first)
        #expect(added.tier == 6 && added.reportsTo == "SM-4" && added.isVacant)
        #expect(added.cost == 54_000)  // the median Team Manager cost
        #expect(option.netSaving == 188_000 - 54_000)
        // New posts are written right after the post they split from.
        let ids = option.structure.posts.map(\.id)
        let at = try #require(ids.firstIndex(of: "TM-4A"))
        #expect(ids[at + 1] == "TM-4A-B")
    }

    @Test func noOptionAddsAnError() throws {
        let result = try Self.result()
        for option in result.options {
            #expect(option.findingChanges.introducedErrors.isEmpty, "option \(option.number)")
            #expect(option.findings.errorCount <= result.originalFindings.errorCount)
            #expect(DelayeringFixtures.frontLine(option.structure) == DelayeringFixtures.frontLine(DelayeringFixtures.structure))
        }
    }

    @Test func oneOverOneChainsGoLinkByLink() throws {
        var b = DelayeringFixtures.Builder()
        b.add("ED", "Executive Director", tier: 2, under: nil, cost: 150_000)
        b.add("AD", "Assistant Director", tier: 3, under: "ED", cost: 120_000)
        b.add("AD-2", "Assistant Director 2", tier: 3, under: "ED", cost: 120_000)
        b.add("HOS", "Head of Service", tier: 4, under: "AD", cost: 85_000)
        b.add("SM", "Service Manager", tier: 5, under: "HOS", cost: 64_000)
        b.team("TM", under: "SM")
        let structure = Structure(posts: b.posts)
        let option = try #require(try DelayeringPlanner(rules: Fixtures.rules, asOf: Fixtures.asOf).options(for: structure).options.first)
        // AD → HOS → SM → TM is a chain of three one-over-one managers; the top post (ED
        // leads two) stays. Each link moves its report up in turn.
        #expect(option.moves.map(\.kind) == [.removeOneOverOne, .removeOneOverOne, .removeOneOverOne])
        #expect(option.removedPosts.map(\.id) == ["AD", "HOS", "SM"])
        #expect(option.structure.posts.first { $0.id == "TM" }?.reportsTo == "ED")
        // TM under ED skips tiers 3–5: a warning the summary lists, not an error.
        #expect(option.findingChanges.introducedErrors.isEmpty)
        #expect(option.findingChanges.introduced.map(\.rule) == [.tierSkip])
    }

    @Test func aRemovalThatWouldWidenASpanIsRefused() throws {
        // The deputy's 3 teams would take SM's span from 4 to 10, above 4–8; removing SM
        // instead keeps DEP (tier 5) under HOS (tier 4): that clears the finding.
        var b = DelayeringFixtures.Builder()
        b.add("ED", "Executive Director", tier: 2, under: nil, cost: 150_000)
        b.add("HOS", "Head of Service", tier: 4, under: "ED", cost: 85_000)
        b.add("HOS-2", "Head of Service 2", tier: 4, under: "ED", cost: 85_000)
        b.add("SM", "Service Manager", tier: 5, under: "HOS", cost: 64_000)
        for team in 1...3 { b.team("TM-\(team)", under: "SM") }
        b.add("DEP", "Deputy", tier: 5, under: "SM", cost: 60_000)
        for team in 4...10 { b.team("TM-\(team)", under: "DEP") }
        let result = try DelayeringPlanner(rules: Fixtures.rules, asOf: Fixtures.asOf).options(for: Structure(posts: b.posts))
        let option = try #require(result.options.first)
        #expect(option.removedPosts.map(\.id) == ["SM"])
        #expect(option.structure.posts.first { $0.id == "TM-1" }?.reportsTo == "HOS")
        #expect(option.findingChanges.introducedErrors.isEmpty)
    }

    @Test func agreedDeviationsKeepAPostInPlace() throws {
        var b = DelayeringFixtures.Builder()
        b.add("ED", "Executive Director", tier: 2, under: nil, cost: 150_000)
        b.add("HOS", "Head of Service", tier: 4, under: "ED", cost: 85_000)
        b.add("HOS-2", "Head of Service 2", tier: 4, under: "ED", cost: 85_000)
        b.add(
            "SM", "Service Manager", tier: 5, under: "HOS", cost: 64_000,
            deviations: [Deviation(rule: .oneOverOne, rationale: "Interim cover", agreedBy: ["SLT", "HR"])])
        b.team("TM", under: "SM")
        let result = try DelayeringPlanner(rules: Fixtures.rules, asOf: Fixtures.asOf).options(for: Structure(posts: b.posts))
        let option = try #require(result.options.first)
        #expect(!option.removedPosts.contains { $0.id == "SM" })
        #expect(option.notes.contains { $0.contains("SM (Service Manager) leads one post but is kept: an agreed deviation covers it") })
    }

    @Test func brokenReportingLinesAreRefused() throws {
        let structure = Structure(posts: [
            Post(id: "ED", tier: 2),
            Post(id: "A", tier: 4, reportsTo: "B"),
            Post(id: "B", tier: 4, reportsTo: "A"),
            Post(id: "C", tier: 5, reportsTo: "NOBODY"),
        ])
        let planner = DelayeringPlanner(rules: try Fixtures.rules, asOf: Fixtures.asOf)
        #expect(throws: DelayeringError.self) { try planner.options(for: structure) }
        do {
            _ = try planner.options(for: structure)
        } catch {
            #expect(error.problems.contains("C reports to NOBODY, which is no post"))
            #expect(error.description.contains("run orgmodel validate"))
        }
    }

    @Test func dottedLinesToRemovedPostsFollowTheirReports() throws {
        var b = DelayeringFixtures.Builder()
        b.add("ED", "Executive Director", tier: 2, under: nil, cost: 150_000)
        b.add("HOS", "Head of Service", tier: 4, under: "ED", cost: 85_000)
        b.add("HOS-2", "Head of Service 2", tier: 4, under: "ED", cost: 85_000)
        b.add("SM", "Service Manager", tier: 5, under: "HOS", cost: 64_000)
        b.team("TM", under: "SM")
        b.service("SM-B", under: "HOS", teams: 4)
        b.service("SM-C", under: "HOS-2", teams: 4)
        b.posts.append(Post(id: "ADV", title: "Adviser", reportsTo: "HOS-2", dottedTo: ["SM"]))
        let option = try #require(
            try DelayeringPlanner(rules: Fixtures.rules, asOf: Fixtures.asOf).options(for: Structure(posts: b.posts)).options.first)
        #expect(option.removedPosts.map(\.id) == ["SM"])
        #expect(option.structure.posts.first { $0.id == "ADV" }?.dottedTo == ["HOS"])
    }

    @Test func summaryMarkdownGolden() throws {
        let report = DelayeringReport(try Self.result(), file: "example.yaml", files: [1: "options/option-1-remove-hidden-layers.yaml"])
        try Fixtures.expectGolden(report.markdown(), "delayer-example.md")
    }

    @Test func summaryJSON() throws {
        let json = try DelayeringReport(try Self.result(), file: "example.yaml").json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let options = try #require(object["options"] as? [[String: Any]])
        #expect(options.map { $0["step"] as? String } == ["remove-hidden-layers", "merge-narrow-spans", "split-wide-spans"])
        #expect(options.map { $0["net_saving"] as? Double } == [60_000, 188_000, 134_000])
        #expect((options[2]["added"] as? [String]) == ["TM-4A-B"])
    }

    /// A chain without tiers below its top: no step moves anything, so every option is
    /// measured once as the one before it, and the table groups its thousands.
    @Test("Options that move nothing are the structure again; large figures are grouped in the table")
    func chainWithoutTiers() throws {
        let posts = (0..<1_200).map { number in
            Post(
                id: PostID("P\(number)"), title: "Post \(number)", tier: number == 0 ? 2 : nil,
                reportsTo: number == 0 ? nil : PostID("P\(number - 1)"))
        }
        let result = try DelayeringPlanner(rules: Fixtures.rules, asOf: Fixtures.asOf).options(for: Structure(posts: posts))
        #expect(result.options.allSatisfy { $0.moves.isEmpty && $0.structure.posts == posts })
        #expect(result.options.map(\.findings.errorCount) == Array(repeating: result.originalFindings.errorCount, count: 3))
        #expect(result.noteMessages.count == 1_198)
        let text = DelayeringReport(result, file: "chain.csv").text()
        let now = try #require(text.split(separator: "\n").first { $0.hasPrefix("Now ") })
        // Now, then manager posts and layers (the moves' columns are blank).
        let cells = now.split(separator: " ")
        #expect(cells.count >= 3 && cells[1] == "1,199" && cells[2].contains(","), "\(now)")
    }
}
