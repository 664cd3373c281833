@testable import OrgModel

/// Structures built to exercise each de-layering step, and helpers for the properties
/// every option must keep.
enum DelayeringFixtures {
    /// Posts added in order, each with a reporting line and a cost.
    struct Builder {
        var posts: [Post] = []

        mutating func add(_ id: PostID, _ title: String, tier: Int?, under boss: PostID?, cost: Double, deviations: [Deviation] = []) {
            posts.append(Post(id: id, title: title, tier: tier, reportsTo: boss, fte: 1, cost: cost, deviations: deviations))
        }

        /// A Team Manager and one line of social workers (`size` posts).
        mutating func team(_ id: String, under boss: PostID, size: Int = 5) {
            add(PostID(id), "Team Manager \(id)", tier: 6, under: boss, cost: 54_000)
            posts.append(
                Post(
                    id: PostID("SW-\(id)"), title: "Social Worker", reportsTo: PostID(id), fte: Double(size),
                    cost: 42_000 * Double(size), count: size))
        }

        /// A Service Manager leading `teams` teams.
        mutating func service(_ id: String, under boss: PostID, teams: Int, deviations: [Deviation] = []) {
            add(PostID(id), "Service Manager \(id)", tier: 5, under: boss, cost: 64_000, deviations: deviations)
            for team in 1...max(teams, 1) where teams > 0 { self.team("\(id)-T\(team)", under: PostID(id)) }
        }
    }

    static let agreedNarrow = Deviation(
        rule: .spanNarrow, rationale: "A small specialist service", agreedBy: ["SLT", "HR"], agreedOn: Day(year: 2020, month: 1, day: 1))

    /// HOS-1 leads SM-1 (3 teams), SM-2 (2), SM-3 (over a hidden deputy DSM-3 with 4
    /// teams), SM-4 (5 teams, one of them TM-4A with 14 in three lines) and SM-5 (4).
    /// HOS-2 leads eight Service Managers: SM-21 with 17 teams, SM-22 with 2 under an
    /// agreed narrow-span deviation, SM-23 with 2, and five with 4.
    static var structure: Structure {
        var b = Builder()
        b.add("ED", "Executive Director", tier: 2, under: nil, cost: 150_000)
        b.add("AD", "Assistant Director", tier: 3, under: "ED", cost: 120_000)
        b.add("HOS-1", "Head of Service 1", tier: 4, under: "AD", cost: 85_000)
        b.service("SM-1", under: "HOS-1", teams: 3)
        b.service("SM-2", under: "HOS-1", teams: 2)
        b.service("SM-3", under: "HOS-1", teams: 0)
        b.add("DSM-3", "Deputy Service Manager 3", tier: 5, under: "SM-3", cost: 60_000)
        for team in 1...4 { b.team("SM-3-T\(team)", under: "DSM-3") }
        b.add("SM-4", "Service Manager SM-4", tier: 5, under: "HOS-1", cost: 64_000)
        b.add("TM-4A", "Team Manager 4A", tier: 6, under: "SM-4", cost: 54_000)
        b.posts.append(Post(id: "SW-4A", title: "Social Worker", reportsTo: "TM-4A", fte: 8, cost: 336_000, count: 8))
        b.posts.append(Post(id: "SP-4A", title: "Senior Practitioner", reportsTo: "TM-4A", fte: 2, cost: 96_000, count: 2))
        b.posts.append(Post(id: "FSW-4A", title: "Family Support Worker", reportsTo: "TM-4A", fte: 4, cost: 120_000, count: 4))
        for team in 1...4 { b.team("SM-4-T\(team)", under: "SM-4") }
        b.service("SM-5", under: "HOS-1", teams: 4)
        b.add("HOS-2", "Head of Service 2", tier: 4, under: "AD", cost: 85_000)
        b.service("SM-21", under: "HOS-2", teams: 17)
        b.service("SM-22", under: "HOS-2", teams: 2, deviations: [agreedNarrow])
        b.service("SM-23", under: "HOS-2", teams: 2)
        for number in 24...28 { b.service("SM-\(number)", under: "HOS-2", teams: 4) }
        return Structure(name: "Delayering example", state: .current, rules: "childrens-social-care", posts: b.posts)
    }

    /// A generated structure with hidden layers, one-over-one chains and agreed deviations
    /// added, so that every step has work to do.
    static func generated(posts: Int, seed: UInt64) -> Structure {
        var structure = StructureGenerator(posts: posts, seed: seed, offRuleShare: 0.25).generate()
        var random = SplitMix64(seed: seed &* 7919)
        var out: [Post] = []
        var extra = 0
        for var post in structure.posts {
            let roll = random.next() % 100
            if post.tier == 6, roll < 6, let boss = post.reportsTo {
                // A senior team manager layer above this team manager (its tier-order is the TM's).
                extra += 1
                let senior = PostID("STM-X\(extra)")
                out.append(Post(id: senior, title: "Senior Team Manager", tier: 6, reportsTo: boss, fte: 1, cost: 58_000))
                post.reportsTo = senior
            } else if post.tier == 6, roll < 10, let boss = post.reportsTo {
                // A one-over-one chain: a service manager over a single deputy over this team.
                extra += 1
                let upper = PostID("SMX-\(extra)")
                let deputy = PostID("DSMX-\(extra)")
                out.append(Post(id: upper, title: "Service Manager (extra)", tier: 5, reportsTo: boss, fte: 1, cost: 64_000))
                out.append(Post(id: deputy, title: "Deputy Service Manager", tier: 5, reportsTo: upper, cost: nil))
                post.reportsTo = deputy
            } else if post.tier == 5, roll < 15 {
                post.deviations = [agreedNarrow, Deviation(rule: .spanWide, rationale: "Agreed", agreedBy: ["SLT", "HR"])]
            } else if post.tier == 4, roll < 10, let id = Optional(post.id) {
                out.append(post)
                out.append(Post(id: PostID("PA-\(id)"), title: "PA", reportsTo: id, fte: 1, cost: 28_000, assistant: true))
                continue
            }
            out.append(post)
        }
        structure.posts = out
        return structure
    }

    /// The front line of a structure: (id, count) of each front-line post, in file order.
    static func frontLine(_ structure: Structure) -> [String] {
        let index = StructureIndex(structure)
        return structure.posts.indices.filter { index.role(of: $0) == .frontLine }
            .map { "\(structure.posts[$0].id) ×\(structure.posts[$0].count)" }
    }
}
