/// Generates synthetic structures of any size for benchmarks and property tests: an
/// Executive Director, Assistant Directors, Heads of Service, Service Managers and Team
/// Managers (tiers 2–6) with front-line establishment lines under each team.
///
/// Spans are drawn mostly within the built-in rules, with a share outside them so the
/// checks have work to do. The same seed and size always give the same structure.
public struct StructureGenerator: Sendable {
    /// About how many posts (entries) to generate; the result is within a team of it.
    public var posts: Int
    public var seed: UInt64
    /// Share of managers given a span outside their tier's rule.
    public var offRuleShare: Double

    public init(posts: Int, seed: UInt64 = 1, offRuleShare: Double = 0.05) {
        self.posts = max(posts, 8)
        self.seed = seed
        self.offRuleShare = offRuleShare
    }

    private static let frontLine: [(title: String, grade: String, cost: Double, counts: ClosedRange<Int>)] = [
        ("Social Worker", "PO5", 42_000, 2...6),
        ("Senior Practitioner", "PO6", 48_000, 1...2),
        ("Family Support Worker", "SO1", 30_000, 1...3),
        ("Business Support Officer", "Scale 4", 25_000, 1...1),
    ]

    public func generate() -> Structure {
        var draws = Draws(random: SplitMix64(seed: seed), offRuleShare: offRuleShare)
        // Teams first: a Team Manager and its lines is about five entries.
        var teams: [[Post]] = []
        var entries = 0
        let budget = posts - 1
        while entries < budget {
            let team = draws.team(number: teams.count + 1)
            entries += team.count
            teams.append(team)
        }
        // Group upwards: teams into Service Managers, those into Heads of Service, those
        // into Assistant Directors, all under one Executive Director.
        let serviceManagers = draws.group(teams.map { $0[0].id }, as: .serviceManager)
        let heads = draws.group(serviceManagers.map(\.manager.id), as: .headOfService)
        let directors = draws.group(heads.map(\.manager.id), as: .assistantDirector)

        var all: [Post] = []
        all.reserveCapacity(posts + 64)
        draws.assemble(teams: teams, serviceManagers: serviceManagers, heads: heads, directors: directors, into: &all)
        return Structure(
            name: "Synthetic structure (\(all.count) posts, seed \(seed))", organisation: "Synthetic Council",
            state: .current, rules: "childrens-social-care", posts: all)
    }
}

extension StructureGenerator {
    /// A tier of managers the generator groups the tier below under.
    private struct ManagerLevel {
        var tier: Int
        /// Ids are the prefix and a number (`SM-12`), titles the role and the number.
        var prefix: String
        var role: String
        var grade: String
        var cost: Double
        /// The span each manager is drawn with.
        var rule: ClosedRange<Int>

        static let serviceManager = ManagerLevel(tier: 5, prefix: "SM", role: "Service Manager", grade: "M1", cost: 64_000, rule: 4...8)
        static let headOfService = ManagerLevel(tier: 4, prefix: "HOS", role: "Head of Service", grade: "M3", cost: 84_000, rule: 4...8)
        static let assistantDirector = ManagerLevel(
            tier: 3, prefix: "AD", role: "Assistant Director", grade: "AD", cost: 118_000, rule: 3...6)
    }

    /// One run of the generator: every random number is drawn here, in a fixed order, so the
    /// same seed always gives the same structure.
    private struct Draws {
        /// Managers of one level, each with the ids of the posts grouped under it.
        typealias Groups = [(manager: Post, reports: ArraySlice<PostID>)]

        var random: SplitMix64
        /// Share of managers given a span outside their tier's rule.
        let offRuleShare: Double

        /// A span: within `rule`, or for a share of managers outside it (narrower or wider).
        mutating func span(_ rule: ClosedRange<Int>) -> Int {
            if Double(random.next() % 10_000) / 10_000 < offRuleShare {
                return Bool.random(using: &random)
                    ? Int.random(in: 1...(rule.lowerBound - 1), using: &random)
                    : Int.random(in: (rule.upperBound + 1)...(rule.upperBound + 4), using: &random)
            }
            return Int.random(in: rule, using: &random)
        }

        /// Team `number`: its Team Manager first, then its front-line establishment lines.
        mutating func team(number: Int) -> [Post] {
            let manager = Post(
                id: PostID("TM-\(number)"), title: "Team Manager \(number)", tier: 6, grade: "PO7",
                fte: 1, cost: 54_000, vacant: random.next() % 20 == 0 ? 1 : 0)
            var team = [manager]
            var headcount = 0
            let target = span(4...10)
            for (slot, line) in StructureGenerator.frontLine.enumerated() where headcount < target {
                let count = min(Int.random(in: line.counts, using: &random), target - headcount)
                guard count > 0 else { continue }
                headcount += count
                let vacant = random.next() % 8 == 0 ? 1 : 0
                team.append(
                    Post(
                        id: PostID("FL-\(number)-\(slot + 1)"), title: line.title, reportsTo: manager.id,
                        grade: line.grade, fte: Double(count) - (random.next() % 4 == 0 ? 0.5 : 0),
                        cost: line.cost * Double(count), count: count, vacant: vacant,
                        temporary: random.next() % 25 == 0))
            }
            return team
        }

        /// Groups `children` in order under new managers of `level`, each with a drawn span
        /// (Assistant Directors' always within their rule).
        mutating func group(_ children: [PostID], as level: ManagerLevel) -> Groups {
            var groups: Groups = []
            var start = 0
            while start < children.count {
                let size = level.tier == 3 ? Int.random(in: level.rule, using: &random) : span(level.rule)
                let end = min(children.count, start + size)
                let number = groups.count + 1
                let manager = Post(
                    id: PostID("\(level.prefix)-\(number)"), title: "\(level.role) \(number)", tier: level.tier, grade: level.grade,
                    fte: 1, cost: level.cost)
                groups.append((manager, children[start..<end]))
                start = end
            }
            return groups
        }

        /// Appends every post top down: the Executive Director and their PA, the managers level
        /// by level, each reporting to the manager it was grouped under, then each team (a few
        /// Team Managers with a dotted line to another Service Manager).
        mutating func assemble(teams: [[Post]], serviceManagers: Groups, heads: Groups, directors: Groups, into all: inout [Post]) {
            let executive = Post(id: "ED", title: "Executive Director", tier: 2, grade: "ED", fte: 1, cost: 165_000, service: "Directorate")
            all.append(executive)
            all.append(
                Post(
                    id: "ED-PA", title: "PA to the Executive Director", reportsTo: "ED", grade: "Scale 5", fte: 1, cost: 28_000,
                    assistant: true
                ))
            var bossOf: [PostID: PostID] = [:]
            for level in [directors, heads, serviceManagers] {
                for (manager, reports) in level { for child in reports { bossOf[child] = manager.id } }
            }
            for (director, _) in directors {
                var post = director
                post.reportsTo = executive.id
                all.append(post)
            }
            for level in [heads, serviceManagers] {
                for (manager, _) in level {
                    var post = manager
                    post.reportsTo = bossOf[manager.id]
                    all.append(post)
                }
            }
            for team in teams {
                var manager = team[0]
                manager.reportsTo = bossOf[manager.id]
                if random.next() % 50 == 0, let other = serviceManagers.randomElement(using: &random)?.manager.id,
                    other != manager.reportsTo
                {
                    manager.dottedTo = [other]
                }
                all.append(manager)
                all.append(contentsOf: team.dropFirst())
            }
        }
    }
}
