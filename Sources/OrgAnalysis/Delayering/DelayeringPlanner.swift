import OrgModel
import OrgSupport

/// Generates costed de-layering options from the rules.
///
/// 1. Remove hidden layers and one-over-one managers. A post that reports to a post of
///    its own tier or a lower one (`tier-order`) is a hidden layer: either it or the post
///    above it is the extra layer, and the one whose removal clears more tier-order
///    findings goes (the lower one on a tie: the deputy, not the head). Then each
///    manager with exactly one direct report is removed, top down, so chains of them go
///    link by link. Reports always move up to the removed post's manager.
/// 2. Merge sibling managers of one tier with narrow spans under the same manager, as
///    few as possible, each merged span within the rule (`SiblingMerge`).
/// 3. Split wide spans: a new post of the same tier, at the tier's typical cost (the
///    median cost of its posts, else the grade table), takes a share of the reports.
///
/// Every move is guarded: a move that would give any post an error it did not have (a
/// span pushed out of its rule, a tier order broken, a layer too many) is not made, and
/// the summary says why. Agreed deviations are respected: a post whose hidden layer,
/// one-over-one or span the design authority has accepted is left as it is, and keeps its
/// deviations. Only management posts (with a tier, one post, not an assistant) are ever
/// removed, merged or split; the front line is never touched.
public struct DelayeringPlanner: Sendable {
    /// What each option is judged by: the rules, and the day deviation reviews are judged
    /// against. The moves follow the same rules.
    public var validator: Validator
    public var rules: RuleSet { validator.rules }
    public var asOf: Day { validator.asOf }

    public init(rules: RuleSet, asOf: Day) {
        validator = Validator(rules: rules, asOf: asOf)
    }

    /// The three cumulative options for `structure`.
    ///
    /// `whenMade` is given the options once their moves are made and before they are
    /// measured and validated (most of the work), on this thread: what an option's file
    /// needs, so that the files can be written on other cores meanwhile.
    public func options(
        for structure: Structure, whenMade: ([DelayeringOption.Unmeasured]) -> Void = { _ in }
    ) throws(DelayeringError) -> DelayeringResult {
        // Its ids' hashes kept: each option's structure takes those of the posts it keeps.
        let index = StructureIndex(structure, keepingIDHashes: true)
        if let problem = DelayeringError.check(index) { throw problem }
        // The structure as it is measured and validated on another core while the workspace
        // is set up and the steps are worked out here, and each option as soon as its step
        // is taken.
        let (rules, validator) = (self.rules, self.validator)
        let asIs = ParallelWork.Background { (StructureAnalysis(index: index, rules: rules), validator.validate(index)) }
        var workspace = DelayeringWorkspace(index: index, rules: rules)
        let order = index.topDownOrder
        let (drafts, underway) = takeSteps(&workspace, order: order, index: index, structure: structure, asIs: asIs)
        let written = underway.map(\.made.value)
        let costing = workspace.costing
        let unmeasured = zip(drafts, written).map { draft, option in
            DelayeringOption.Unmeasured(
                step: draft.step, moves: draft.moves, structure: option.structure, removedCount: option.removed.count,
                addedCount: option.added.count, removedCost: costing.total(option.removed), addedCost: costing.total(option.added),
                asInOriginal: option.asInOriginal)
        }
        whenMade(unmeasured)
        // While the options are measured, this thread words their moves (a summary lists
        // them all: tens of thousands for a million posts) and finds the notes.
        let worded = (drafts.last?.moves ?? []).map(\.summary)
        var notes: [DelayeringMessage] = []
        for position in order
        where structure.posts[position].tier == nil && index.isManager(position) && !structure.posts[position].assistant {
            let post = structure.posts[position]
            notes.append(.managerWithoutTier(post: post.id, title: post.displayTitle, span: index.span[position]))
        }
        let (original, originalFindings) = asIs.value
        var options: [DelayeringOption] = []
        for (((draft, built), file), measured) in zip(zip(zip(drafts, written), unmeasured), underway.map(\.measured.value)) {
            var option = DelayeringOption(
                step: draft.step, moves: draft.moves, movesOfThisStep: draft.movesOfThisStep, noteMessages: draft.notes,
                structure: built.structure, removedPosts: built.removed, addedPosts: built.added,
                removedCost: file.removedCost, addedCost: file.addedCost, analysis: measured.analysis,
                findings: measured.findings, findingChanges: measured.changes, dottedLineMessages: built.dottedLineChanges)
            option.movesWorded = Array(worded.prefix(draft.moves.count))
            option.asInOriginal = built.asInOriginal
            options.append(option)
        }
        return DelayeringResult(original: original, originalFindings: originalFindings, options: options, noteMessages: notes)
    }

    // MARK: Wording

    private func describe(_ position: Int, in workspace: DelayeringWorkspace) -> DelayeringMessage.Described {
        let post = workspace.posts[position]
        return DelayeringMessage.Described(id: post.id, title: post.title)
    }

    private func ids(_ positions: [Int], in workspace: DelayeringWorkspace) -> [PostID] { positions.map { workspace.posts[$0].id } }

    private func reason(_ refusal: DelayeringWorkspace.Refusal, in workspace: DelayeringWorkspace) -> DelayeringMessage.Refusal {
        let problem: DelayeringMessage.Refusal.Problem =
            switch refusal.problem {
            case .narrow: .narrow
            case .wide: .wide
            case .tierOrder: .tierOrder
            case .withoutTier: .withoutTier
            default: .other
            }
        return DelayeringMessage.Refusal(
            post: workspace.posts[refusal.position].id, problem: problem, span: refusal.span, rule: workspace.spanRule(of: refusal.position)
        )
    }

    // MARK: Step 1: hidden layers and one-over-one managers

    func removeHiddenLayers(
        _ workspace: inout DelayeringWorkspace, order: [Int], moves: inout [DelayeringMove], notes: inout [DelayeringMessage]
    ) {
        for position in order where workspace.isMovable(position) {
            guard let boss = workspace.manager[position], let tier = workspace.posts[position].tier,
                let bossTier = workspace.posts[boss].tier, bossTier >= tier
            else { continue }
            if workspace.accepted[position].contains(.tierOrder) {
                notes.append(.hiddenLayerAccepted(post: describe(position, in: workspace)))
                continue
            }
            // The post itself goes to its manager, or the manager goes to the one above.
            var choices: [(post: Int, receiver: Int)] = [(position, boss)]
            if workspace.isMovable(boss), let above = workspace.manager[boss] { choices.append((boss, above)) }
            var best: (post: Int, receiver: Int, cleared: Int)?
            var refusals: [DelayeringMessage.RefusedRemoval] = []
            for choice in choices {
                switch workspace.evaluateRemoval(choice.post, to: choice.receiver) {
                case .success(let cleared):
                    if cleared > 0, cleared > (best?.cleared ?? 0) { best = (choice.post, choice.receiver, cleared) }
                case .failure(let refusal):
                    refusals.append(.init(removing: workspace.posts[choice.post].id, refusal: reason(refusal, in: workspace)))
                }
            }
            guard let best else {
                notes.append(
                    .hiddenLayerKept(
                        post: describe(position, in: workspace), tier: tier, manager: workspace.posts[boss].id, managerTier: bossTier,
                        refusals: refusals))
                continue
            }
            let removed = workspace.posts[best.post]
            let moving = workspace.reports[best.post]
            let cost = workspace.costing.total([removed])
            moves.append(
                DelayeringMove(
                    kind: .removeHiddenLayer, post: removed.id, removed: [removed.id],
                    movedReports: moving.map { workspace.posts[$0].id }, receiver: workspace.posts[best.receiver].id,
                    removedCost: cost,
                    message: .removeHiddenLayer(
                        post: describe(best.post, in: workspace), tier: tier, manager: workspace.posts[boss].id, managerTier: bossTier,
                        clears: best.post == position ? nil : best.cleared, movedReports: ids(moving, in: workspace),
                        receiver: workspace.posts[best.receiver].id, cost: cost)))
            workspace.remove(best.post, to: best.receiver)
        }
    }

    func removeOneOverOne(
        _ workspace: inout DelayeringWorkspace, order: [Int], moves: inout [DelayeringMove], notes: inout [DelayeringMessage]
    ) {
        for position in order where workspace.isMovable(position) && workspace.span[position] == 1 {
            guard let boss = workspace.manager[position] else { continue }
            if workspace.accepted[position].contains(.oneOverOne) {
                notes.append(.oneOverOneAccepted(post: describe(position, in: workspace)))
                continue
            }
            switch workspace.evaluateRemoval(position, to: boss) {
            case .failure(let refusal):
                notes.append(.oneOverOneKept(post: describe(position, in: workspace), refusal: reason(refusal, in: workspace)))
            case .success:
                let removed = workspace.posts[position]
                let moving = workspace.reports[position]
                let cost = workspace.costing.total([removed])
                moves.append(
                    DelayeringMove(
                        kind: .removeOneOverOne, post: removed.id, removed: [removed.id],
                        movedReports: moving.map { workspace.posts[$0].id }, receiver: workspace.posts[boss].id, removedCost: cost,
                        message: .removeOneOverOne(
                            post: describe(position, in: workspace), movedReports: ids(moving, in: workspace),
                            receiver: workspace.posts[boss].id, cost: cost)))
                workspace.remove(position, to: boss)
            }
        }
    }

    // MARK: Step 2: merging narrow spans

    func mergeNarrowSpans(
        _ workspace: inout DelayeringWorkspace, order: [Int], moves: inout [DelayeringMove], notes: inout [DelayeringMessage]
    ) {
        for parent in order where workspace.alive[parent] && workspace.reports[parent].count >= 2 {
            var byTier: [Int: [Int]] = [:]
            for child in workspace.reports[parent] where workspace.isMovable(child) && workspace.spanRule(of: child) != nil {
                if let tier = workspace.posts[child].tier { byTier[tier, default: []].append(child) }
            }
            for tier in byTier.keys.sorted() {
                guard let siblings = byTier[tier], siblings.count >= 2, let rule = rules.rule(forTier: tier)?.span else { continue }
                let candidates = siblings.map { child in
                    SiblingMerge.Candidate(
                        position: child, span: workspace.span[child],
                        isNarrow: workspace.span[child] < rule.min && !workspace.accepted[child].contains(.narrow),
                        isVacant: workspace.posts[child].isVacant)
                }
                guard candidates.contains(where: \.isNarrow) else { continue }
                for group in SiblingMerge.plan(candidates, rule: rule) {
                    // The parent loses one report per merged post: keep it within its own
                    // rule and leading at least two.
                    let floor = workspace.spanRule(of: parent).map { workspace.span[parent] >= $0.min ? max($0.min, 2) : 2 } ?? 2
                    guard workspace.span[parent] - group.absorbed.count >= floor else {
                        notes.append(
                            .mergeWouldNarrowManager(
                                posts: ids([group.kept] + group.absorbed, in: workspace), reports: group.total, rule: rule,
                                manager: workspace.posts[parent].id, managerSpan: workspace.span[parent] - group.absorbed.count))
                        continue
                    }
                    merge(group, rule: rule, in: &workspace, moves: &moves, notes: &notes)
                }
            }
        }
    }

    private func merge(
        _ group: SiblingMerge.Group, rule: SpanRule, in workspace: inout DelayeringWorkspace,
        moves: inout [DelayeringMove], notes: inout [DelayeringMessage]
    ) {
        let kept = group.kept
        let spanBefore = workspace.span[kept]
        var absorbed: [Int] = []
        var moved: [Int] = []
        var spans: [Int] = [spanBefore]
        for other in group.absorbed {
            switch workspace.evaluateRemoval(other, to: kept) {
            case .failure(let refusal):
                notes.append(
                    .notMerged(post: workspace.posts[other].id, into: workspace.posts[kept].id, refusal: reason(refusal, in: workspace)))
            case .success:
                spans.append(workspace.span[other])
                moved.append(contentsOf: workspace.reports[other])
                absorbed.append(other)
                workspace.remove(other, to: kept)
            }
        }
        guard !absorbed.isEmpty else { return }
        let removedPosts = absorbed.map { workspace.posts[$0] }
        let cost = workspace.costing.total(removedPosts)
        moves.append(
            DelayeringMove(
                kind: .merge, post: workspace.posts[kept].id, removed: removedPosts.map(\.id),
                movedReports: moved.map { workspace.posts[$0].id }, receiver: workspace.posts[kept].id, removedCost: cost,
                message: .merge(
                    posts: ids(absorbed, in: workspace), into: describe(kept, in: workspace), spans: spans, span: workspace.span[kept],
                    tier: workspace.posts[kept].tier, rule: rule, deleted: absorbed.count, movedReports: moved.count, cost: cost)))
    }

    // MARK: Step 3: splitting wide spans

    /// The typical annual cost of one post of each tier: the median of the known costs of
    /// its single posts.
    func typicalCosts(_ index: StructureIndex) -> [Int: Double] {
        let costing = PostCosting(rules: rules)
        var costs: [Int: [Double]] = [:]
        for post in index.posts where post.count == 1 && !post.assistant {
            guard let tier = post.tier, let cost = costing.cost(of: post) else { continue }
            costs[tier, default: []].append(cost)
        }
        return costs.mapValues { values in
            let sorted = values.sorted()
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
    }

    func splitWideSpans(
        _ workspace: inout DelayeringWorkspace, order: [Int], typicalCosts: [Int: Double],
        moves: inout [DelayeringMove], notes: inout [DelayeringMessage]
    ) {
        for position in order where workspace.isMovable(position) {
            guard let rule = workspace.spanRule(of: position), workspace.span[position] > rule.max,
                let tier = workspace.posts[position].tier
            else { continue }
            let post = workspace.posts[position]
            let span = workspace.span[position]
            if workspace.accepted[position].contains(.wide) {
                notes.append(.wideAccepted(post: describe(position, in: workspace), span: span, rule: rule))
                continue
            }
            let parts = (span + rule.max - 1) / rule.max
            let groups = partition(workspace.reports[position].filter { !workspace.posts[$0].assistant }, into: parts, in: workspace)
            let sizes = groups.map { $0.reduce(0) { $0 + workspace.spanWeight($1) } }
            func mark(_ why: DelayeringMessage.SplitBlocker) {
                moves.append(
                    DelayeringMove(
                        kind: .needsSplit, post: post.id,
                        message: .needsSplit(
                            post: describe(position, in: workspace), span: span, tier: tier, rule: rule, parts: parts, blocker: why)
                    ))
            }
            guard let boss = workspace.manager[position] else {
                mark(.topPost)
                continue
            }
            guard sizes.allSatisfy({ rule.contains($0) }) else {
                mark(.unevenLines(sizes: sizes))
                continue
            }
            let bossBefore = workspace.problems(boss)
            let bossAfter = workspace.problems(boss, span: workspace.span[boss] + parts - 1, boss: workspace.manager[boss], leads: true)
            if !bossAfter.subtracting(bossBefore).isEmpty {
                mark(
                    .managerTooWide(
                        manager: workspace.posts[boss].id, span: workspace.span[boss] + parts - 1, rule: workspace.spanRule(of: boss)))
                continue
            }
            if workspace.problems(position).contains(.tierOrder) {
                mark(.hiddenLayer)
                continue
            }
            if let allowed = rules.maxLayers, workspace.managementLayer(of: position) > allowed {
                mark(.tooManyLayers(layer: workspace.managementLayer(of: position), allowed: allowed))
                continue
            }
            let cost = typicalCosts[tier] ?? post.grade.flatMap { rules.gradeCosts[$0] }
            var created: [Int] = []
            for (slot, group) in groups.enumerated().dropFirst() {
                let id = workspace.freshID(after: post.id, attempt: slot - 1)
                let role = rules.rule(forTier: tier)?.role ?? "Tier \(tier) post"
                created.append(
                    workspace.split(position, moving: group, newID: id, title: "New \(role): split from \(post.displayTitle)", cost: cost))
            }
            let addedPosts = created.map { workspace.posts[$0] }
            let addedCost = workspace.costing.total(addedPosts)
            let shares = created.map {
                DelayeringMessage.Share(
                    post: workspace.posts[$0].id, span: workspace.span[$0], reports: ids(workspace.reports[$0], in: workspace))
            }
            moves.append(
                DelayeringMove(
                    kind: .split, post: post.id, added: addedPosts.map(\.id),
                    movedReports: created.flatMap { workspace.reports[$0] }.map { workspace.posts[$0].id },
                    receiver: addedPosts.first?.id, addedCost: addedCost,
                    message: .split(
                        post: describe(position, in: workspace), span: span, tier: tier, rule: rule, parts: parts,
                        manager: workspace.posts[boss].id, keeps: workspace.span[position], shares: shares, cost: addedCost,
                        fromMedian: typicalCosts[tier] != nil, grade: post.grade)))
        }
    }

    /// Shares `reports` (in order) into `parts` consecutive groups of as even a headcount as
    /// whole lines allow.
    private func partition(_ reports: [Int], into parts: Int, in workspace: DelayeringWorkspace) -> [[Int]] {
        let total = reports.reduce(0) { $0 + workspace.spanWeight($1) }
        var groups = [[Int]](repeating: [], count: parts)
        var before = 0
        for report in reports {
            let weight = workspace.spanWeight(report)
            // The group in which the middle of this line falls.
            let slot = min(parts - 1, (2 * before + weight) * parts / max(1, 2 * total))
            groups[slot].append(report)
            before += weight
        }
        return groups
    }
}
