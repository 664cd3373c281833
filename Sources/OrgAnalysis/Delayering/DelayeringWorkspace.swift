import OrgModel

/// A structure being de-layered: who reports to whom and each span, changed move by move,
/// with a guard that refuses any move that would give a post an error it did not have.
///
/// Only the checks a move can touch are re-evaluated, and only for the posts it touches
/// (the receiving manager, the manager losing a report, the reports that move, a new
/// post), so each move costs the size of its neighbourhood rather than of the structure:
/// that is what keeps a 100,000-post structure to seconds. The full `Validator` then runs
/// once on each finished option, and a test holds the two to the same verdict.
struct DelayeringWorkspace {
    /// The checks a move can change, as bits of a mask.
    struct Problems: OptionSet, Hashable {
        let rawValue: UInt8
        static let narrow = Problems(rawValue: 1)
        static let wide = Problems(rawValue: 2)
        static let tierOrder = Problems(rawValue: 4)
        static let withoutTier = Problems(rawValue: 8)
        static let layers = Problems(rawValue: 16)
        /// Only ever accepted (a one-over-one deviation): moves never create one-over-one errors.
        static let oneOverOne = Problems(rawValue: 32)

        init(rawValue: UInt8) { self.rawValue = rawValue }

        init?(rule: RuleID) {
            switch rule {
            case .spanNarrow: self = .narrow
            case .spanWide: self = .wide
            case .tierOrder: self = .tierOrder
            case .managerWithoutTier: self = .withoutTier
            case .layersExceeded: self = .layers
            case .oneOverOne: self = .oneOverOne
            default: return nil
            }
        }

        var rule: RuleID? {
            switch self {
            case .narrow: .spanNarrow
            case .wide: .spanWide
            case .tierOrder: .tierOrder
            case .withoutTier: .managerWithoutTier
            case .layers: .layersExceeded
            default: nil
            }
        }

        static let all: [Problems] = [.narrow, .wide, .tierOrder, .withoutTier, .layers]
    }

    /// Why a move was refused: the post that would gain an error, and which.
    struct Refusal: Error {
        var position: Int
        var problem: Problems
        var span: Int
    }

    let rules: RuleSet
    let costing: PostCosting
    /// The structure as it was, for looking up original ids.
    let index: StructureIndex
    private(set) var posts: WorkspacePosts
    private(set) var alive: [Bool]
    private(set) var manager: [Int?]
    private(set) var reports: [[Int]]
    private(set) var span: [Int]
    /// Problems an agreed deviation accepts, per post.
    private(set) var accepted: [Problems]
    /// Where a removed post's reports went, for redirecting dotted lines.
    private(set) var successor: [Int: Int] = [:]
    /// New posts, each written after the post it was split from.
    private(set) var insertedAfter: [Int: [Int]] = [:]
    /// How many posts the original structure had (new posts come after).
    let originalCount: Int
    /// Span rules by tier, looked up once.
    private let spanRules: [Int: SpanRule]

    init(index: StructureIndex, rules: RuleSet) {
        self.rules = rules
        self.index = index
        costing = PostCosting(rules: rules)
        posts = WorkspacePosts(index.posts)
        let count = posts.count
        originalCount = count
        alive = [Bool](repeating: true, count: count)
        manager = index.manager
        var reports: [[Int]] = []
        reports.reserveCapacity(count)
        for position in 0..<count { reports.append(index.reportCount(of: position) == 0 ? [] : Array(index.reports(of: position))) }
        self.reports = reports
        span = index.span
        var accepted = [Problems](repeating: [], count: count)
        for position in 0..<count where !posts[position].deviations.isEmpty {
            for deviation in posts[position].deviations
            where deviation.statedRationale != nil && deviation.missingApprovers(from: rules.approvers).isEmpty {
                if let problem = Problems(rule: deviation.rule) { accepted[position].insert(problem) }
            }
        }
        self.accepted = accepted
        var spanRules: [Int: SpanRule] = [:]
        for tier in rules.tiers { if let rule = tier.span { spanRules[tier.tier] = rule } }
        self.spanRules = spanRules
    }

    // MARK: Reading

    func spanRule(of position: Int) -> SpanRule? { posts[position].tier.flatMap { spanRules[$0] } }

    /// Whether the post may be removed, merged or split at all: a single, tiered, placed,
    /// non-assistant post (front-line posts and managers without a tier are never touched).
    func isMovable(_ position: Int) -> Bool {
        // Fields read in place: a copy of the post would retain and release each of its strings.
        alive[position] && posts[position].tier != nil && posts[position].count == 1 && !posts[position].assistant
    }

    /// The problems of the post at `position` if it had `span`, `boss` and (when `leads`)
    /// any report, before agreed deviations are applied to them.
    func problems(_ position: Int, span: Int, boss: Int?, leads: Bool) -> Problems {
        var found: Problems = []
        if let tier = posts[position].tier {
            if let rule = spanRules[tier] {
                if span < rule.min { found.insert(.narrow) } else if span > rule.max { found.insert(.wide) }
            }
            if let boss, let bossTier = posts[boss].tier, bossTier >= tier { found.insert(.tierOrder) }
        } else if leads {
            found.insert(.withoutTier)
        }
        return found.subtracting(accepted[position])
    }

    /// The problems of the post at `position` as it stands.
    func problems(_ position: Int) -> Problems {
        problems(position, span: span[position], boss: manager[position], leads: !reports[position].isEmpty)
    }

    /// The headcount the post adds to its manager's span (assistants add none).
    func spanWeight(_ position: Int) -> Int { posts[position].assistant ? 0 : posts[position].count }

    /// Management layers from the top down to the post at `position`, itself included
    /// when it leads anyone (a tier-1 post above the rules does not count).
    func managementLayer(of position: Int) -> Int {
        var layers = 0
        var current: Int? = position
        var steps = 0
        while let here = current, steps <= posts.count {
            if !reports[here].isEmpty || here != position, posts[here].tier != RuleSet.contextTier { layers += 1 }
            current = manager[here]
            steps += 1
        }
        return layers
    }

    // MARK: Removing a post

    /// What removing `position` and handing its reports to `receiver` would do: refused
    /// when any post touched would gain a problem; otherwise how many tier-order problems
    /// it clears (the removed post's own included).
    func evaluateRemoval(_ position: Int, to receiver: Int) -> Result<Int, Refusal> {
        guard let boss = manager[position] else { return .failure(Refusal(position: position, problem: [], span: 0)) }
        let moving = reports[position]
        var cleared = problems(position).contains(.tierOrder) ? 1 : 0
        // The manager losing the post, and the receiver gaining its reports (often the same).
        var touched: [(Int, Int, Bool)] = []  // position, new span, leads after
        if boss == receiver {
            touched.append((boss, span[boss] - spanWeight(position) + span[position], reports[boss].count - 1 + moving.count > 0))
        } else {
            touched.append((boss, span[boss] - spanWeight(position), reports[boss].count > 1))
            touched.append((receiver, span[receiver] + span[position], true))
        }
        for (post, newSpan, leads) in touched {
            let before = problems(post)
            let after = problems(post, span: newSpan, boss: manager[post], leads: leads)
            if let gained = Problems.all.first(where: { after.contains($0) && !before.contains($0) }) {
                return .failure(Refusal(position: post, problem: gained, span: newSpan))
            }
        }
        for report in moving {
            let before = problems(report)
            let after = problems(report, span: span[report], boss: receiver, leads: !reports[report].isEmpty)
            if let gained = Problems.all.first(where: { after.contains($0) && !before.contains($0) }) {
                return .failure(Refusal(position: report, problem: gained, span: span[report]))
            }
            if before.contains(.tierOrder) && !after.contains(.tierOrder) { cleared += 1 }
        }
        return .success(cleared)
    }

    /// Removes `position`; its reports (assistants too) now report to `receiver`.
    mutating func remove(_ position: Int, to receiver: Int) {
        guard let boss = manager[position] else { return }
        let moving = reports[position]
        let weight = spanWeight(position)
        if let slot = reports[boss].firstIndex(of: position) {
            if boss == receiver {
                reports[boss].replaceSubrange(slot...slot, with: moving)
            } else {
                reports[boss].remove(at: slot)
                reports[receiver].append(contentsOf: moving)
            }
        } else {
            reports[receiver].append(contentsOf: moving)
        }
        span[boss] -= weight
        span[receiver] += span[position]
        for report in moving { manager[report] = receiver }
        reports[position] = []
        span[position] = 0
        alive[position] = false
        successor[position] = receiver
    }

    // MARK: Splitting a span

    /// Adds a new post beside `position` (same tier, grade and service, reporting to the same
    /// manager) and moves `moving` to it. Returns the new post's position.
    mutating func split(_ position: Int, moving: [Int], newID: PostID, title: String, cost: Double?) -> Int {
        let original = posts[position]
        let boss = manager[position]
        let created = posts.count
        posts.append(
            Post(
                id: newID, title: title, tier: original.tier, reportsTo: boss.map { posts[$0].id }, grade: original.grade,
                fte: 1, cost: cost, count: 1, vacant: 1, service: original.service))
        alive.append(true)
        manager.append(boss)
        reports.append(moving)
        accepted.append([])
        let moved = moving.reduce(0) { $0 + spanWeight($1) }
        span.append(moved)
        span[position] -= moved
        let movingSet = Set(moving)
        reports[position].removeAll { movingSet.contains($0) }
        for report in moving { manager[report] = created }
        if let boss {
            reports[boss].append(created)
            span[boss] += 1
        }
        insertedAfter[position, default: []].append(created)
        return created
    }

    /// Whether a post of the structure, or one created, has `id`.
    func isTaken(_ id: PostID) -> Bool { index.positionByID[id] != nil || posts.addedIDs.contains(id) }

    /// An id not yet taken: `base-B`, `base-C`, … (then numbers).
    func freshID(after base: PostID, attempt: Int) -> PostID {
        let letters = Array("BCDEFGHJKLMNPQRSTUVWXYZ")
        var candidate = attempt < letters.count ? "\(base.rawValue)-\(letters[attempt])" : "\(base.rawValue)-\(attempt + 2)"
        var extra = 2
        while isTaken(PostID(candidate)) {
            candidate = "\(base.rawValue)-NEW-\(extra)"
            extra += 1
        }
        return PostID(candidate)
    }

    // MARK: The result

    /// What the option as it now stands is made from, shared with the workspace rather than
    /// copied: the reports and spans a step changes are left out, so that the next step's
    /// first move does not copy them while the option is written out on another core.
    var snapshot: WorkspaceSnapshot {
        WorkspaceSnapshot(
            index: index, posts: posts, alive: alive, manager: manager, successor: successor, insertedAfter: insertedAfter,
            originalCount: originalCount)
    }
}
